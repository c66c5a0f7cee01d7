import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What poppler-utils read from a PDF: its text, its fonts and its page size. */
export interface PdfInspection {
  text: string;
  /** One entry per font line of `pdffonts`, with the `emb` column. */
  fonts: { name: string; type: string; embedded: boolean }[];
  /** The `Page size:` line of `pdfinfo`, e.g. `595.276 x 841.89 pts (A4)`. */
  pageSize: string;
  pages: number;
}

/** Inspects a PDF with pdftotext, pdffonts and pdfinfo (poppler-utils; .ci/run installs them). */
export async function inspectPdf(pdf: Buffer): Promise<PdfInspection> {
  const dir = await mkdtemp(join(tmpdir(), 'pdf-inspection-'));
  try {
    const file = join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const [{ stdout: text }, { stdout: fonts }, { stdout: info }] = await Promise.all([
      run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']),
      run('pdffonts', [file]),
      run('pdfinfo', [file]),
    ]);
    const header = fonts.split('\n')[0];
    const embColumn = header.indexOf('emb');
    const typeColumn = header.indexOf('type');
    const fontLines = fonts
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    return {
      text,
      fonts: fontLines.map((line) => ({
        name: line.slice(0, typeColumn).trim(),
        type: line.slice(typeColumn, header.indexOf('encoding')).trim(),
        embedded: line.slice(embColumn, embColumn + 3).trim() === 'yes',
      })),
      pageSize: /^Page size:\s*(.+)$/m.exec(info)?.[1] ?? '',
      pages: Number(/^Pages:\s*(\d+)$/m.exec(info)?.[1] ?? 0),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** pdftotext keeps the layout's spacing: compare text without any whitespace. */
export const withoutSpaces = (text: string) => text.replace(/\s+/gu, '');
