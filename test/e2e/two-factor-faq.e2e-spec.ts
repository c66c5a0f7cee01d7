import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus } from '@nestjs/cqrs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { AuditRecord } from '../../src/modules/audit/domain/audit-record.entity';
import { RequireTwoFactorForMemberCommand } from '../../src/modules/two-factor/public-api';
import {
  aRegisteredAccount,
  aRegistrationBody,
  aStaffMember,
} from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import { aWrongCode, enrollTwoFactor, TwoFactorTestClock } from '@test/support/builders/two-factor';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

const API = '/api/v1';

function decodeQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(Uint8ClampedArray.from(png.data), png.width, png.height)?.data ?? null;
}

describe('two-factor over HTTP: the FAQ path and the My Page and support endpoints', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let clock: TwoFactorTestClock;
  let support: LoggedInAccount;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    // One listening server for all requests: supertest would otherwise start one per request, which
    // the 20 parallel requests below would race on.
    clock = new TwoFactorTestClock(t);
    support = await aStaffMember(t, 'support').loggedIn();
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const login = (userId: string, password: string) =>
    t.http().post(`${API}/auth/login`).send({ userId, password });
  const secondStep = (challengeToken: string, code: string) =>
    t.http().post(`${API}/auth/login/two-factor`).send({ challengeToken, code });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function challengeFor(userId: string, password: string): Promise<string> {
    const res = await login(userId, password).expect(200);
    expect(res.body.status).toBe('two_factor_required');
    return res.body.challengeToken as string;
  }

  it('walks the FAQ: switch on → QR at next login → code → every login asks → lock → unlock → reset → new QR', async () => {
    // Register, and log in without any code.
    const body = aRegistrationBody();
    const { userId, password, email } = body;
    await t.http().post(`${API}/accounts`).send(body).expect(201);
    const first = await login(userId, password).expect(200);
    expect(first.body.status).toBe('authenticated');
    const session = first.body.sessionToken as string;

    // My Page: "use: yes" with the password.
    const switchedOn = await t
      .http()
      .put(`${API}/me/two-factor`)
      .set(bearer(session))
      .send({ enabled: true, password })
      .expect(200);
    expect(switchedOn.body).toEqual({
      enabled: true,
      enrolled: false,
      requiredByGroup: false,
      locked: false,
      recoveryCodesRemaining: 0,
    });
    await smtp.waitForMail(
      (m) => m.to.includes(email) && m.subject.includes('二段階認証の利用を開始しました'),
    );

    // Next login: QR code, otpauth URI and the secret for manual entry.
    const enrollment = await login(userId, password).expect(200);
    expect(enrollment.body.status).toBe('two_factor_enrollment_required');
    const { challengeToken, qrCodeDataUrl, otpauthUri, secret } = enrollment.body as Record<
      string,
      string
    >;
    expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(decodeQr(qrCodeDataUrl)).toBe(otpauthUri);
    const uri = new URL(otpauthUri);
    expect(decodeURIComponent(uri.pathname)).toBe(`/研修ポータル:${userId}`);
    expect(uri.searchParams.get('issuer')).toBe('研修ポータル');
    const uriSecret = uri.searchParams.get('secret') as string;
    expect(uriSecret).toBe(secret);
    expect(uriSecret).toMatch(/^[A-Z2-7]{32}$/);

    // The code from the app (computed from the URI's secret) completes enrollment and the login.
    const enrolled = await secondStep(challengeToken, clock.codeFor(uriSecret)).expect(200);
    expect(enrolled.body).toMatchObject({
      status: 'authenticated',
      sessionToken: expect.any(String),
    });
    expect(enrolled.body.recoveryCodes).toHaveLength(10);
    expect(enrolled.body.recoveryCodes[0]).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    await smtp.waitForMail(
      (m) => m.to.includes(email) && m.subject.includes('二段階認証の設定が完了しました'),
    );

    // From now on every login asks for a code.
    clock.nextStep();
    const verified = await secondStep(
      await challengeFor(userId, password),
      clock.codeFor(uriSecret),
    ).expect(200);
    expect(verified.body.status).toBe('authenticated');

    // Five wrong codes in a row lock the account; every login then answers 423 with the contact form.
    clock.nextStep();
    const challenge = await challengeFor(userId, password);
    const wrong = aWrongCode(clock, uriSecret);
    for (let i = 1; i < 5; i += 1) {
      const res = await secondStep(challenge, wrong).expect(401);
      expect(res.body.code).toBe('INVALID_TWO_FACTOR_CODE');
    }
    expect((await secondStep(challenge, wrong).expect(423)).body.code).toBe('ACCOUNT_LOCKED');
    const locked = await login(userId, password).expect(423);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(locked.body.message).toContain('お問い合わせフォーム');
    expect(locked.body.message).toContain('ユーザID');
    const lockMail = await smtp.waitForMail(
      (m) => m.to.includes(email) && m.subject.includes('ロックされました'),
    );
    expect(lockMail.text).toContain(userId);

    // Support unlocks on request: the next login asks for a code again.
    const unlocked = await t
      .http()
      .post(`${API}/admin/accounts/${userId}/unlock`)
      .set(support.auth)
      .expect(200);
    expect(unlocked.body).toMatchObject({ locked: false, enrolled: true });
    await smtp.waitForMail(
      (m) => m.to.includes(email) && m.subject.includes('ロックを解除しました'),
    );
    const afterUnlock = await challengeFor(userId, password);

    // New phone, no migration: support resets, the sessions end, the next login shows a new QR code.
    const reset = await t
      .http()
      .post(`${API}/admin/accounts/${userId}/two-factor/reset`)
      .set(support.auth)
      .expect(200);
    expect(reset.body).toMatchObject({
      enabled: true,
      enrolled: false,
      locked: false,
      recoveryCodesRemaining: 0,
    });
    await smtp.waitForMail((m) => m.to.includes(email) && m.subject.includes('リセットしました'));
    await expect(
      secondStep(afterUnlock, clock.codeFor(uriSecret)).then((r) => r.status),
    ).resolves.toBe(401);
    await waitFor(
      async () => (await t.http().get(`${API}/me/two-factor`).set(bearer(session))).status === 401,
      {
        what: 'the sessions revoked after the reset',
      },
    );
    const again = await login(userId, password).expect(200);
    expect(again.body.status).toBe('two_factor_enrollment_required');
    expect(again.body.secret).not.toBe(uriSecret);
    expect(decodeQr(again.body.qrCodeDataUrl as string)).toBe(again.body.otpauthUri);

    // Both support actions are in the audit trail with the staff member as the actor.
    const em = t.app.get(EntityManager);
    const audited = await waitFor(
      async () => {
        const rows = await em
          .fork()
          .find(AuditRecord, { type: { $in: ['two-factor.unlocked', 'two-factor.reset'] } });
        return (
          rows.filter((r) => r.payload.userId === userId).length === 2 &&
          rows.filter((r) => r.payload.userId === userId)
        );
      },
      { what: 'the audit records of unlock and reset' },
    );
    expect(audited.map((r) => r.actorAccountId)).toEqual([support.accountId, support.accountId]);
  });

  describe('the same code and the recovery codes', () => {
    let user: Awaited<ReturnType<typeof enrolledUser>>;

    async function enrolledUser() {
      const account = await aRegisteredAccount(t).register();
      return { ...account, ...(await enrollTwoFactor(t, clock, account)) };
    }

    beforeAll(async () => {
      user = await enrolledUser();
    });

    it('accepts a code once: the same code at the next login is refused', async () => {
      const code = clock.codeFor(user.secret);
      await secondStep(await challengeFor(user.userId, user.password), code).expect(200);
      const replay = await secondStep(await challengeFor(user.userId, user.password), code).expect(
        401,
      );
      expect(replay.body.code).toBe('INVALID_TWO_FACTOR_CODE');
      clock.nextStep();
    });

    it('accepts a code once when 20 requests race with it', async () => {
      const challenge = await challengeFor(user.userId, user.password);
      const code = clock.codeFor(user.secret);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => secondStep(challenge, code)),
      );
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      expect(responses.filter((r) => r.status === 401)).toHaveLength(19);
      clock.nextStep();
    });

    it('accepts a recovery code once instead of a TOTP code, and mails the owner', async () => {
      const [recoveryCode] = user.recoveryCodes;
      const used = await secondStep(
        await challengeFor(user.userId, user.password),
        recoveryCode.toUpperCase(),
      ).expect(200);
      expect(used.body.status).toBe('authenticated');
      await secondStep(await challengeFor(user.userId, user.password), recoveryCode).expect(401);
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(user.email) && m.subject.includes('リカバリーコード'),
      );
      expect(mail.text).toContain('残り 9 個');
      const status = await t
        .http()
        .get(`${API}/me/two-factor`)
        .set(bearer(used.body.sessionToken as string))
        .expect(200);
      expect(status.body.recoveryCodesRemaining).toBe(9);
    });

    it('replaces the recovery codes from My Page with the password and a current code', async () => {
      const session = (
        await secondStep(
          await challengeFor(user.userId, user.password),
          clock.codeFor(user.secret),
        ).expect(200)
      ).body.sessionToken as string;
      clock.nextStep();
      await t
        .http()
        .post(`${API}/me/two-factor/recovery-codes`)
        .set(bearer(session))
        .send({ password: 'WrongPassword1', code: clock.codeFor(user.secret) })
        .expect(401);
      const res = await t
        .http()
        .post(`${API}/me/two-factor/recovery-codes`)
        .set(bearer(session))
        .send({ password: user.password, code: clock.codeFor(user.secret) })
        .expect(200);
      expect(res.body.recoveryCodes).toHaveLength(10);
      clock.nextStep();
      const old = user.recoveryCodes[1];
      await secondStep(await challengeFor(user.userId, user.password), old).expect(401);
      await secondStep(
        await challengeFor(user.userId, user.password),
        res.body.recoveryCodes[0] as string,
      ).expect(200);
    });
  });

  describe('switching off', () => {
    it('needs the password and a current code, after which logins ask for no code', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      const { secret } = await enrollTwoFactor(t, clock, account);
      const off = (extra: Record<string, unknown>) =>
        t
          .http()
          .put(`${API}/me/two-factor`)
          .set(account.auth)
          .send({ enabled: false, password: account.password, ...extra });

      expect((await off({}).expect(400)).body.code).toBe('TWO_FACTOR_CODE_REQUIRED');
      expect((await off({ code: aWrongCode(clock, secret) }).expect(401)).body.code).toBe(
        'INVALID_TWO_FACTOR_CODE',
      );
      expect(
        (await off({ password: 'WrongPassword1', code: clock.codeFor(secret) }).expect(401)).body
          .code,
      ).toBe('INVALID_CREDENTIALS');
      const res = await off({ code: clock.codeFor(secret) }).expect(200);
      expect(res.body).toMatchObject({ enabled: false, enrolled: false });
      expect((await login(account.userId, account.password).expect(200)).body.status).toBe(
        'authenticated',
      );
      await smtp.waitForMail(
        (m) => m.to.includes(account.email) && m.subject.includes('利用を停止しました'),
      );
    });

    it('is refused with 409 when the group administrator required two-factor', async () => {
      const member = await aRegisteredAccount(t).loggedIn();
      const admin = await aRegisteredAccount(t).withType('group').register();
      await t.app
        .get(CommandBus)
        .execute(new RequireTwoFactorForMemberCommand(member.accountId, true, admin.accountId));
      const status = await t.http().get(`${API}/me/two-factor`).set(member.auth).expect(200);
      expect(status.body).toMatchObject({ enabled: true, requiredByGroup: true, enrolled: false });

      const res = await t
        .http()
        .put(`${API}/me/two-factor`)
        .set(member.auth)
        .send({ enabled: false, password: member.password })
        .expect(409);
      expect(res.body.code).toBe('TWO_FACTOR_REQUIRED_BY_GROUP');
      expect((await login(member.userId, member.password).expect(200)).body.status).toBe(
        'two_factor_enrollment_required',
      );
    });

    it('is refused with 403 for staff', async () => {
      const staff = await aStaffMember(t, 'admin').loggedIn();
      const res = await t
        .http()
        .put(`${API}/me/two-factor`)
        .set(staff.auth)
        .send({ enabled: false, password: staff.password })
        .expect(403);
      expect(res.body.code).toBe('TWO_FACTOR_REQUIRED_FOR_STAFF');
    });
  });

  describe('bad input and access', () => {
    it('answers 4xx with stable codes', async () => {
      const account = await aRegisteredAccount(t).loggedIn();
      const put = (body: Record<string, unknown>) =>
        t.http().put(`${API}/me/two-factor`).set(account.auth).send(body);
      expect(
        (await put({ enabled: true, password: account.password, extra: 1 }).expect(400)).body.code,
      ).toBe('VALIDATION_FAILED');
      expect(
        (await put({ enabled: 'yes', password: account.password }).expect(400)).body.code,
      ).toBe('VALIDATION_FAILED');
      expect((await put({ enabled: true, password: 'x'.repeat(65) }).expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
      expect((await put({ enabled: true, password: 'WrongPassword1' }).expect(401)).body.code).toBe(
        'INVALID_CREDENTIALS',
      );
      expect(
        (
          await t
            .http()
            .post(`${API}/me/two-factor/recovery-codes`)
            .set(account.auth)
            .send({ password: account.password, code: '123456' })
            .expect(409)
        ).body.code,
      ).toBe('TWO_FACTOR_NOT_ENROLLED');
      expect((await t.http().get(`${API}/me/two-factor`).expect(401)).body.code).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('keeps the support endpoints to staff, and says what is wrong', async () => {
      const customer = await aRegisteredAccount(t).loggedIn();
      await t
        .http()
        .post(`${API}/admin/accounts/${customer.userId}/unlock`)
        .set(customer.auth)
        .expect(403);
      await t
        .http()
        .post(`${API}/admin/accounts/${customer.userId}/two-factor/reset`)
        .set(customer.auth)
        .expect(403);
      expect(
        (
          await t
            .http()
            .post(`${API}/admin/accounts/nosuchuser99/unlock`)
            .set(support.auth)
            .expect(404)
        ).body.code,
      ).toBe('ACCOUNT_NOT_FOUND');
      expect(
        (
          await t
            .http()
            .post(`${API}/admin/accounts/${customer.userId}/unlock`)
            .set(support.auth)
            .expect(409)
        ).body.code,
      ).toBe('TWO_FACTOR_NOT_LOCKED');
      expect(
        (
          await t
            .http()
            .post(`${API}/admin/accounts/${customer.userId}/two-factor/reset`)
            .set(support.auth)
            .expect(409)
        ).body.code,
      ).toBe('TWO_FACTOR_NOT_ENROLLED');
    });

    it('documents its endpoints and error codes in the OpenAPI document', async () => {
      const doc = (await t.http().get('/docs-json').expect(200)).body as {
        paths: Record<string, unknown>;
        'x-error-codes': { code: string }[];
      };
      for (const path of [
        '/api/v1/me/two-factor',
        '/api/v1/me/two-factor/recovery-codes',
        '/api/v1/admin/accounts/{userId}/unlock',
        '/api/v1/admin/accounts/{userId}/two-factor/reset',
      ]) {
        expect(doc.paths).toHaveProperty([path]);
      }
      const codes = doc['x-error-codes'].map((e) => e.code);
      for (const code of [
        'INVALID_TWO_FACTOR_CODE',
        'CHALLENGE_EXPIRED',
        'ACCOUNT_LOCKED',
        'TWO_FACTOR_REQUIRED_BY_GROUP',
        'TWO_FACTOR_REQUIRED_FOR_STAFF',
      ]) {
        expect(codes).toContain(code);
      }
    });
  });
});
