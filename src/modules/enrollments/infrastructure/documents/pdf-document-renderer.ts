import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { notoSansJp } from './noto-sans-jp';
import type { CertificateDocument, DocumentIssuer, TicketDocument } from './enrollment-documents';

const REGULAR = 'NotoSansJP';
const BOLD = 'NotoSansJP-Bold';
const A4 = 'A4';
const MARGIN = 56;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#999999';

type Pdf = PDFKit.PDFDocument;

/** `2026-04-05` → `2026年4月5日`: calendar dates are already Japan-time dates. */
export function japaneseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/**
 * Renders the A4 attendance ticket and completion certificate in Japanese, straight into a stream
 * (an HTTP response): pdfkit writes page by page, nothing holds the whole file. Only the glyphs
 * used are embedded (a subset of Noto Sans JP), so a ticket stays small.
 */
@Injectable()
export class PdfDocumentRenderer {
  async renderTicket(ticket: TicketDocument, issuer: DocumentIssuer, out: Writable): Promise<void> {
    const pdf = this.open(`受講票 ${ticket.ticketNumber}`, issuer);
    const rendered = pipeline(pdf, out);
    this.heading(pdf, '受講票', issuer.name);
    this.rows(pdf, [
      ['受講票番号', ticket.ticketNumber],
      ['受講者', ticket.attendeeName],
      ['ふりがな', ticket.attendeeNameKana],
      ['講習名', ticket.courseTitle],
      ['講習コード', ticket.courseCode],
      ['開催日', japaneseDate(ticket.date)],
      ['会場', ticket.venue],
      ['お申込み者', ticket.applicantName],
      ['申込番号', ticket.applicationNumber],
    ]);
    this.notice(pdf, [
      '当日はこの受講票を印刷して(またはスマートフォン等で表示して)受付にご提示ください。',
      '受講票の番号はご本人確認に使います。第三者に渡さないでください。',
      'ご欠席・変更はマイページの申込み履歴から、キャンセル期限までに手続きしてください。',
    ]);
    pdf.end();
    await rendered;
  }

  async renderCertificate(
    certificate: CertificateDocument,
    issuer: DocumentIssuer,
    out: Writable,
  ): Promise<void> {
    const pdf = this.open(`修了証 ${certificate.certificateNumber}`, issuer);
    const rendered = pipeline(pdf, out);
    this.heading(pdf, '修了証', issuer.name);
    const width = pdf.page.width - 2 * MARGIN;
    pdf.moveDown(1.5);
    pdf.font(BOLD).fontSize(22).fillColor(INK);
    pdf.text(`${certificate.holderName} 殿`, MARGIN, pdf.y, { width, align: 'center' });
    pdf.moveDown(1.5);
    pdf.font(REGULAR).fontSize(13);
    pdf.text('あなたは下記の講習を修了されたことをここに証します。', MARGIN, pdf.y, {
      width,
      align: 'center',
    });
    pdf.moveDown(1.5);
    this.rows(pdf, [
      ['講習名', certificate.courseTitle],
      ['講習コード', certificate.courseCode],
      ['受講日', japaneseDate(certificate.date)],
      ['修了証番号', certificate.certificateNumber],
      ['発行日', japaneseDate(certificate.issuedOn)],
    ]);
    pdf.moveDown(2);
    pdf.font(BOLD).fontSize(14).fillColor(INK);
    pdf.text(issuer.name, MARGIN, pdf.y, { width, align: 'right' });
    this.notice(pdf, [`この修了証の番号は ${issuer.portalUrl}/certificates/verify で確認できます`]);
    pdf.end();
    await rendered;
  }

  private open(title: string, issuer: DocumentIssuer): Pdf {
    const pdf = new PDFDocument({
      size: A4,
      margin: MARGIN,
      lang: 'ja-JP',
      displayTitle: true,
      info: { Title: title, Author: issuer.name, Creator: issuer.name },
    });
    pdf.registerFont(REGULAR, notoSansJp('regular'));
    pdf.registerFont(BOLD, notoSansJp('bold'));
    pdf.font(REGULAR);
    return pdf;
  }

  private heading(pdf: Pdf, title: string, issuerName: string): void {
    const width = pdf.page.width - 2 * MARGIN;
    pdf.lineWidth(1.5).strokeColor(RULE);
    pdf.rect(MARGIN / 2, MARGIN / 2, pdf.page.width - MARGIN, pdf.page.height - MARGIN).stroke();
    pdf.font(REGULAR).fontSize(10).fillColor(MUTED);
    pdf.text(issuerName, MARGIN, MARGIN, { width, align: 'right' });
    pdf.moveDown(1);
    pdf.font(BOLD).fontSize(30).fillColor(INK);
    pdf.text(title, MARGIN, pdf.y, { width, align: 'center', characterSpacing: 8 });
    pdf.moveDown(1);
  }

  private rows(pdf: Pdf, rows: [label: string, value: string][]): void {
    const labelWidth = 110;
    const valueX = MARGIN + labelWidth + 12;
    const valueWidth = pdf.page.width - MARGIN - valueX;
    pdf.lineWidth(0.5).strokeColor(RULE);
    for (const [label, value] of rows) {
      const top = pdf.y;
      pdf.font(REGULAR).fontSize(11).fillColor(MUTED);
      pdf.text(label, MARGIN, top + 8, { width: labelWidth });
      pdf.font(BOLD).fontSize(14).fillColor(INK);
      pdf.text(value, valueX, top + 6, { width: valueWidth });
      const bottom = Math.max(pdf.y, top + 30) + 6;
      pdf
        .moveTo(MARGIN, bottom)
        .lineTo(pdf.page.width - MARGIN, bottom)
        .stroke();
      pdf.y = bottom;
    }
    pdf.x = MARGIN;
  }

  private notice(pdf: Pdf, lines: string[]): void {
    const width = pdf.page.width - 2 * MARGIN;
    pdf.moveDown(2);
    pdf.font(REGULAR).fontSize(10).fillColor(MUTED);
    for (const line of lines) pdf.text(`・${line}`, MARGIN, pdf.y, { width });
  }
}
