import { randomUUID } from 'node:crypto';
import { aRegisteredAccount, PROFILES } from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import {
  apply,
  applicationOf,
  binary,
  complete,
  confirm,
  documentUrl,
  anOpenSession,
} from '@test/support/builders/enrollment-documents';
import { aGroupWithAdministrator, aMemberOf } from '@test/support/builders/groups';
import type { GroupAdministrator } from '@test/support/builders/groups';
import { inspectPdf, withoutSpaces } from '@test/support/pdf-inspection';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

const STAFF_ATTENDEE = {
  kind: 'staff' as const,
  name: '髙橋 𠮷子',
  nameKana: 'タカハシ ヨシコ',
  email: 'takahashi.yoshiko@example.jp',
};

describe('enrollments: attendance tickets and completion certificates (real PostgreSQL, Redis, SMTP)', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let corporate: LoggedInAccount;
  let group: GroupAdministrator;
  let member: LoggedInAccount;
  let stranger: LoggedInAccount;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    corporate = await aRegisteredAccount(t).withType('corporate').loggedIn();
    group = await aGroupWithAdministrator(t);
    member = await aMemberOf(t, smtp, group);
    stranger = await aRegisteredAccount(t).loggedIn();
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const download = (who: { auth: { Authorization: string } }, url: string) =>
    t.http().get(url).set(who.auth).buffer(true).parse(binary);

  async function expectPdfShowing(
    res: { body: Buffer; headers: Record<string, string> },
    shown: string[],
  ) {
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await inspectPdf(res.body);
    const text = withoutSpaces(pdf.text);
    for (const expected of shown) expect(text).toContain(withoutSpaces(expected));
    expect(pdf.pageSize).toMatch(/\(A4\)$/);
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) expect(font).toEqual(expect.objectContaining({ embedded: true }));
  }

  describe('a corporate account and the staff it applied for', () => {
    let session: Awaited<ReturnType<typeof anOpenSession>>;
    let applicationId: string;
    let attendeeId: string;

    beforeAll(async () => {
      session = await anOpenSession(t, { title: '化学物質管理者講習' });
      const application = await apply(t, corporate, session.sessionId, [STAFF_ATTENDEE]);
      applicationId = application.id;
      attendeeId = application.attendees[0].id;
    });

    it('has no ticket before staff confirm and no certificate before completion', async () => {
      const ticket = await t
        .http()
        .get(documentUrl(applicationId, attendeeId, 'ticket'))
        .set(corporate.auth)
        .expect(404);
      expect(ticket.body.code).toBe('TICKET_NOT_ISSUED');
      const certificate = await t
        .http()
        .get(documentUrl(applicationId, attendeeId, 'certificate'))
        .set(corporate.auth)
        .expect(404);
      expect(certificate.body.code).toBe('CERTIFICATE_NOT_ISSUED');
    });

    it('downloads the ticket once confirmed: inline, named by its number, with the name, course and number', async () => {
      await confirm(t, session.sessionId, [attendeeId]);
      const { attendees, number } = await applicationOf(t, applicationId);
      const ticketNumber = attendees[0].ticketNumber as string;
      expect(ticketNumber).toMatch(/^T-/);
      const res = await download(
        corporate,
        documentUrl(applicationId, attendeeId, 'ticket'),
      ).expect(200);
      expect(res.headers['content-disposition']).toBe(
        `inline; filename="ticket-${ticketNumber}.pdf"`,
      );
      await expectPdfShowing(res as never, [
        '受講票',
        STAFF_ATTENDEE.name,
        STAFF_ATTENDEE.nameKana,
        session.title,
        session.courseCode,
        ticketNumber,
        number,
        PROFILES.corporate.companyName as string,
      ]);
      const certificate = await t
        .http()
        .get(documentUrl(applicationId, attendeeId, 'certificate'))
        .set(corporate.auth)
        .expect(404);
      expect(certificate.body.code).toBe('CERTIFICATE_NOT_ISSUED');
    });

    it('downloads the certificate once completed, and the ticket still', async () => {
      await complete(t, session.sessionId, [attendeeId]);
      const { attendees } = await applicationOf(t, applicationId);
      const certificateNumber = attendees[0].certificateNumber as string;
      expect(certificateNumber).toMatch(/^C-/);
      const res = await download(
        corporate,
        documentUrl(applicationId, attendeeId, 'certificate'),
      ).expect(200);
      expect(res.headers['content-disposition']).toBe(
        `inline; filename="certificate-${certificateNumber}.pdf"`,
      );
      await expectPdfShowing(res as never, [
        '修了証',
        STAFF_ATTENDEE.name,
        session.title,
        certificateNumber,
        '/certificates/verify',
      ]);
      await download(corporate, documentUrl(applicationId, attendeeId, 'ticket')).expect(200);
    });

    it('refuses another account as if the application did not exist, and an unknown attendee too', async () => {
      for (const kind of ['ticket', 'certificate'] as const) {
        const res = await t
          .http()
          .get(documentUrl(applicationId, attendeeId, kind))
          .set(stranger.auth)
          .expect(404);
        expect(res.body.code).toBe('APPLICATION_NOT_FOUND');
      }
      const unknown = await t
        .http()
        .get(documentUrl(applicationId, randomUUID(), 'ticket'))
        .set(corporate.auth)
        .expect(404);
      expect(unknown.body.code).toBe('APPLICATION_NOT_FOUND');
      const otherApplication = await t
        .http()
        .get(documentUrl(randomUUID(), attendeeId, 'ticket'))
        .set(corporate.auth)
        .expect(404);
      expect(otherApplication.body.code).toBe('APPLICATION_NOT_FOUND');
    });

    it('needs a session, and answers a malformed ID with VALIDATION_FAILED', async () => {
      await t
        .http()
        .get(documentUrl(applicationId, attendeeId, 'ticket'))
        .expect(401);
      const res = await t
        .http()
        .get(documentUrl('not-an-id', attendeeId, 'ticket'))
        .set(corporate.auth)
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('a group that applied for itself and a member', () => {
    let session: Awaited<ReturnType<typeof anOpenSession>>;
    let applicationId: string;
    let selfId: string;
    let memberId: string;

    beforeAll(async () => {
      session = await anOpenSession(t, { title: '品質管理セミナー' });
      const application = await apply(t, group, session.sessionId, [
        { kind: 'self' },
        { kind: 'member', userId: member.userId },
      ]);
      applicationId = application.id;
      selfId = application.attendees.find((a) => a.kind === 'self')?.id as string;
      memberId = application.attendees.find((a) => a.kind === 'member')?.id as string;
      await confirm(t, session.sessionId, [selfId, memberId]);
    });

    it('lets the member download its own ticket, and the group download both', async () => {
      const { attendees } = await applicationOf(t, applicationId);
      const ticketNumber = attendees.find((a) => a.id === memberId)?.ticketNumber as string;
      const own = await download(member, documentUrl(applicationId, memberId, 'ticket')).expect(
        200,
      );
      await expectPdfShowing(own as never, [
        '田中 一郎',
        session.title,
        ticketNumber,
        group.groupName,
      ]);
      await download(group, documentUrl(applicationId, memberId, 'ticket')).expect(200);
      await download(group, documentUrl(applicationId, selfId, 'ticket')).expect(200);
    });

    it("refuses the member another attendee's documents of the same application", async () => {
      const res = await t
        .http()
        .get(documentUrl(applicationId, selfId, 'ticket'))
        .set(member.auth)
        .expect(404);
      expect(res.body.code).toBe('APPLICATION_NOT_FOUND');
    });
  });

  it('issues no ticket for an e-learning session, confirmed or not', async () => {
    const session = await anOpenSession(t, { kind: 'elearning', title: 'eラーニング基礎' });
    const application = await apply(t, corporate, session.sessionId, [
      { ...STAFF_ATTENDEE, email: 'e-learning@example.jp' },
    ]);
    const attendeeId = application.attendees[0].id;
    await confirm(t, session.sessionId, [attendeeId]);
    const res = await t
      .http()
      .get(documentUrl(application.id, attendeeId, 'ticket'))
      .set(corporate.auth)
      .expect(404);
    expect(res.body.code).toBe('TICKET_NOT_ISSUED');
  });
});
