import { PassThrough } from 'node:stream';
import { PdfDocumentRenderer } from '../../src/modules/enrollments/infrastructure/documents/pdf-document-renderer';
import type {
  CertificateDocument,
  DocumentIssuer,
  TicketDocument,
} from '../../src/modules/enrollments/infrastructure/documents/enrollment-documents';
import { inspectPdf, withoutSpaces } from '@test/support/pdf-inspection';

const issuer: DocumentIssuer = { name: '研修ポータル', portalUrl: 'https://portal.example.jp' };

const aTicket = (): TicketDocument => ({
  ticketNumber: 'T-7K3M9Q2XWD',
  attendeeName: '山田 𠮷子',
  attendeeNameKana: 'やまだ よしこ',
  courseTitle: '労働安全衛生基礎講習',
  courseCode: 'SAFE-101',
  date: '2027-04-05',
  venue: '東京会場(千代田区 研修センター 3階)',
  applicantName: '株式会社サンプル商事',
  applicationNumber: 'A-00001234',
});

const aCertificate = (): CertificateDocument => ({
  certificateNumber: 'C-0A1B2C3D4E5F',
  holderName: '髙橋 花子',
  courseTitle: '化学物質管理者講習',
  courseCode: 'CHEM-2',
  date: '2027-04-05',
  issuedOn: '2027-04-06',
});

async function rendered(render: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await render(out);
  return Buffer.concat(chunks);
}

describe('enrollment documents (pdfkit with the bundled Noto Sans JP, read back with poppler)', () => {
  const renderer = new PdfDocumentRenderer();

  it('renders the attendance ticket on one A4 page with the attendee, course, date, venue and numbers', async () => {
    const ticket = aTicket();
    const pdf = await inspectPdf(
      await rendered((out) => renderer.renderTicket(ticket, issuer, out)),
    );
    const text = withoutSpaces(pdf.text);
    expect(text).toContain('受講票');
    for (const shown of [
      ticket.attendeeName,
      ticket.attendeeNameKana,
      ticket.courseTitle,
      ticket.courseCode,
      ticket.ticketNumber,
      '2027年4月5日',
      ticket.venue,
      ticket.applicantName,
      ticket.applicationNumber,
    ])
      expect(text).toContain(withoutSpaces(shown));
    expect(pdf.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/);
    expect(pdf.pages).toBe(1);
  });

  it('renders the completion certificate with the holder, course, numbers, issuer and where to verify it', async () => {
    const certificate = aCertificate();
    const pdf = await inspectPdf(
      await rendered((out) => renderer.renderCertificate(certificate, issuer, out)),
    );
    const text = withoutSpaces(pdf.text);
    expect(text).toContain('修了証');
    for (const shown of [
      certificate.holderName,
      certificate.courseTitle,
      certificate.courseCode,
      certificate.certificateNumber,
      '2027年4月5日',
      '2027年4月6日',
      issuer.name,
      `この修了証の番号は ${issuer.portalUrl}/certificates/verify で確認できます`,
    ])
      expect(text).toContain(withoutSpaces(shown));
    expect(pdf.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/);
    expect(pdf.pages).toBe(1);
  });

  it('embeds every font it uses (a subset of Noto Sans JP), so no viewer falls back to a system font', async () => {
    for (const bytes of [
      await rendered((out) => renderer.renderTicket(aTicket(), issuer, out)),
      await rendered((out) => renderer.renderCertificate(aCertificate(), issuer, out)),
    ]) {
      const { fonts } = await inspectPdf(bytes);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font).toEqual(expect.objectContaining({ embedded: true }));
        expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansJP/);
      }
    }
  });
});
