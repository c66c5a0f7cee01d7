import { Injectable } from '@nestjs/common';
import { toDataURL } from 'qrcode';

@Injectable()
export class QrCodeRenderer {
  /** A PNG data URL the portal can put straight into an <img>. */
  toPngDataUrl(text: string): Promise<string> {
    return toDataURL(text, { type: 'image/png', errorCorrectionLevel: 'M', margin: 2, width: 240 });
  }
}
