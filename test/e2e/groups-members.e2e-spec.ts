import { EntityManager } from '@mikro-orm/postgresql';
import { AuditRecord } from '../../src/modules/audit/domain/audit-record.entity';
import { aRegisteredAccount, aStaffMember, outboxEvents } from '@test/support/builders/accounts';
import type { LoggedInAccount } from '@test/support/builders/accounts';
import { authSql, logIn } from '@test/support/builders/authentication';
import {
  aGroupWithAdministrator,
  aMemberBody,
  aMemberOf,
  GROUPS,
} from '@test/support/builders/groups';
import type { GroupAdministrator } from '@test/support/builders/groups';
import { TwoFactorTestClock } from '@test/support/builders/two-factor';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

describe('groups over HTTP: the member-management screen and support', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let clock: TwoFactorTestClock;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    clock = new TwoFactorTestClock(t);
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  const members = (who: { auth: { Authorization: string } }) =>
    t.http().get(`${GROUPS}/members`).set(who.auth);
  const memberIn = async (who: { auth: { Authorization: string } }, userId: string) =>
    ((await members(who).expect(200)).body.members as Array<Record<string, unknown>>).find(
      (m) => m.userId === userId,
    );

  describe('a group and its members', () => {
    let admin: GroupAdministrator;

    beforeAll(async () => {
      admin = await aGroupWithAdministrator(t);
    });

    it('creates the group when a group account registers, with the registrant as administrator', async () => {
      const res = await members(admin).expect(200);
      expect(res.body).toMatchObject({ id: admin.groupId, name: admin.groupName });
      expect(res.body.members).toEqual([
        expect.objectContaining({
          userId: admin.userId,
          isAdministrator: true,
          status: 'active',
          twoFactor: { enabled: false, enrolled: false, requiredByGroup: false, locked: false },
        }),
      ]);
      const created = await outboxEvents(t, 'groups.group-created', admin.accountId);
      expect(created).toHaveLength(1);
    });

    it('registers a member with a chosen ID: mailed ID and temporary password, first login sets a password', async () => {
      const member = await aMemberOf(t, smtp, admin);
      expect(await memberIn(admin, member.userId)).toMatchObject({
        userId: member.userId,
        email: member.email,
        name: '田中 一郎',
        isAdministrator: false,
      });
      expect((await logIn(t, member.userId, member.password).expect(200)).body.status).toBe(
        'authenticated',
      );
    });

    it('assigns the ID when none is given', async () => {
      const body = aMemberBody();
      const withoutId = { email: body.email, profile: body.profile };
      const res = await t
        .http()
        .post(`${GROUPS}/members`)
        .set(admin.auth)
        .send(withoutId)
        .expect(201);
      expect(res.body.userId).toMatch(/^[2-9a-hjkmnp-z]{10}$/);
      const mail = await smtp.waitForMail((m) => m.to.includes(body.email));
      expect(mail.text).toContain(res.body.userId);
      expect(await memberIn(admin, res.body.userId as string)).toBeDefined();
    });

    it('refuses a taken ID and bad input with 4xx codes, registering nobody', async () => {
      const post = (body: Record<string, unknown>) =>
        t.http().post(`${GROUPS}/members`).set(admin.auth).send(body);
      const before = ((await members(admin).expect(200)).body.members as unknown[]).length;
      expect((await post(aMemberBody({ userId: admin.userId })).expect(409)).body.code).toBe(
        'USER_ID_TAKEN',
      );
      expect((await post(aMemberBody({ userId: 'ab' })).expect(400)).body.code).toBe(
        'USER_ID_INVALID',
      );
      expect((await post(aMemberBody({ email: 'not-an-address' })).expect(400)).body.code).toBe(
        'EMAIL_INVALID',
      );
      expect((await post(aMemberBody({ extra: 1 })).expect(400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
      expect(
        (await post(aMemberBody({ profile: { name: '田中', nameKana: 'tanaka' } })).expect(400))
          .body.code,
      ).toBe('PROFILE_INVALID');
      expect((await members(admin).expect(200)).body.members).toHaveLength(before);
    });

    it("changes a member's profile and mails the member", async () => {
      const member = await aMemberOf(t, smtp, admin);
      await t
        .http()
        .patch(`${GROUPS}/members/${member.userId}`)
        .set(admin.auth)
        .send({ profile: { name: '田中 二郎', phone: '03-1111-2222' } })
        .expect(204);
      expect(await memberIn(admin, member.userId)).toMatchObject({
        name: '田中 二郎',
        phone: '03-1111-2222',
      });
      const mail = await smtp.waitForMail(
        (m) =>
          m.to.includes(member.email) &&
          m.subject.includes('グループ管理者が登録内容を変更しました'),
      );
      expect(mail.text).toContain('氏名');
      expect(mail.text).toContain('電話番号');
      expect(
        (
          await t
            .http()
            .patch(`${GROUPS}/members/${member.userId}`)
            .set(admin.auth)
            .send({ profile: { nameKana: 'kana' } })
            .expect(400)
        ).body.code,
      ).toBe('PROFILE_INVALID');
      expect(
        (
          await t
            .http()
            .patch(`${GROUPS}/members/${member.userId}`)
            .set(admin.auth)
            .send({ email: 'x@example.jp' })
            .expect(400)
        ).body.code,
      ).toBe('VALIDATION_FAILED');
    });
  });

  describe("the member's requested renewal", () => {
    it("stays requested after the administrator corrects the member's profile; the member's own My Page edit confirms it", async () => {
      const admin = await aGroupWithAdministrator(t);
      const member = await aMemberOf(t, smtp, admin);
      const support = await aStaffMember(t, 'support').loggedIn();
      const myPage = async () =>
        (await t.http().get('/api/v1/me').set(member.auth).expect(200)).body;
      await t
        .http()
        .post(`/api/v1/admin/accounts/${member.userId}/renewal`)
        .set(support.auth)
        .expect(200);

      await t
        .http()
        .patch(`${GROUPS}/members/${member.userId}`)
        .set(admin.auth)
        .send({ profile: { name: '田中 三郎' }, language: 'en' })
        .expect(204);
      expect(await myPage()).toMatchObject({
        profile: { name: '田中 三郎' },
        language: 'en',
        renewalRequired: true,
      });
      expect(await outboxEvents(t, 'accounts.renewal-completed', member.accountId)).toEqual([]);

      const saved = await t
        .http()
        .patch('/api/v1/me')
        .set(member.auth)
        .send({ profile: { phone: '03-3333-4444' } })
        .expect(200);
      expect(saved.body.renewalRequired).toBe(false);
      expect(await outboxEvents(t, 'accounts.renewal-completed', member.accountId)).toHaveLength(1);
    });
  });

  describe('two-factor for a member (the FAQ path)', () => {
    it('administrator switches it on → next login shows the QR code → member enrolls → cannot switch off', async () => {
      const admin = await aGroupWithAdministrator(t);
      const member = await aMemberOf(t, smtp, admin);

      await t
        .http()
        .put(`${GROUPS}/members/${member.userId}/two-factor`)
        .set(admin.auth)
        .send({ required: true })
        .expect(204);
      expect((await memberIn(admin, member.userId))?.twoFactor).toEqual({
        enabled: true,
        enrolled: false,
        requiredByGroup: true,
        locked: false,
      });
      await smtp.waitForMail(
        (m) => m.to.includes(member.email) && m.subject.includes('二段階認証の利用を開始しました'),
      );

      const login = await logIn(t, member.userId, member.password).expect(200);
      expect(login.body).toMatchObject({
        status: 'two_factor_enrollment_required',
        qrCodeDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
        otpauthUri: expect.stringContaining('otpauth://totp/'),
      });
      const enrolled = await t
        .http()
        .post('/api/v1/auth/login/two-factor')
        .send({
          challengeToken: login.body.challengeToken,
          code: clock.codeFor(login.body.secret as string),
        })
        .expect(200);
      expect(enrolled.body.status).toBe('authenticated');
      expect((await memberIn(admin, member.userId))?.twoFactor).toMatchObject({
        enrolled: true,
        requiredByGroup: true,
      });

      const off = await t
        .http()
        .put('/api/v1/me/two-factor')
        .set({ Authorization: `Bearer ${enrolled.body.sessionToken as string}` })
        .send({ enabled: false, password: member.password })
        .expect(409);
      expect(off.body.code).toBe('TWO_FACTOR_REQUIRED_BY_GROUP');

      // Lifting the requirement leaves two-factor on until the member switches it off.
      await t
        .http()
        .put(`${GROUPS}/members/${member.userId}/two-factor`)
        .set(admin.auth)
        .send({ required: false })
        .expect(204);
      expect((await memberIn(admin, member.userId))?.twoFactor).toMatchObject({
        enabled: true,
        requiredByGroup: false,
      });
      clock.nextStep();

      // Audited with the administrator as the actor.
      const em = t.app.get(EntityManager);
      const audited = await waitFor(
        async () => {
          const rows = await em
            .fork()
            .find(AuditRecord, { type: 'groups.member-two-factor-requirement-changed' });
          const mine = rows.filter((r) => r.payload.userId === member.userId);
          return mine.length === 2 && mine;
        },
        { what: 'the audit records of the requirement' },
      );
      expect(audited.map((r) => r.actorAccountId)).toEqual([admin.accountId, admin.accountId]);
    });
  });

  describe('access is checked against the caller’s own group', () => {
    let a: GroupAdministrator;
    let b: GroupAdministrator;
    let memberOfA: LoggedInAccount;
    let memberOfB: LoggedInAccount;

    beforeAll(async () => {
      a = await aGroupWithAdministrator(t);
      b = await aGroupWithAdministrator(t);
      memberOfA = await aMemberOf(t, smtp, a);
      memberOfB = await aMemberOf(t, smtp, b);
    });

    it.each([
      [
        'profile change',
        'patch',
        (u: string) => `${GROUPS}/members/${u}`,
        { profile: { name: '他人' } },
      ],
      ['two-factor', 'put', (u: string) => `${GROUPS}/members/${u}/two-factor`, { required: true }],
      ['administrator', 'put', (u: string) => `${GROUPS}/members/${u}/administrator`, {}],
      ['withdrawal', 'delete', (u: string) => `${GROUPS}/members/${u}`, {}],
    ] as const)(
      'answers 404 MEMBER_NOT_FOUND to a %s for another group’s member, in both directions',
      async (_label, method, path, body) => {
        for (const [admin, other] of [
          [a, memberOfB],
          [b, memberOfA],
        ] as const) {
          const res = await t
            .http()
            [method](path(other.userId))
            .set(admin.auth)
            .send(body)
            .expect(404);
          expect(res.body.code).toBe('MEMBER_NOT_FOUND');
        }
        const unknown = await t
          .http()
          [method](path('nobody0000'))
          .set(a.auth)
          .send(body)
          .expect(404);
        expect(unknown.body.code).toBe('MEMBER_NOT_FOUND');
      },
    );

    it('lists only the caller’s own group', async () => {
      const listed = ((await members(a).expect(200)).body.members as Array<{ userId: string }>).map(
        (m) => m.userId,
      );
      expect(listed).toContain(memberOfA.userId);
      expect(listed).not.toContain(memberOfB.userId);
      expect(listed).not.toContain(b.userId);
    });

    it('answers 403 NOT_GROUP_ADMINISTRATOR to a plain member and to an account in no group', async () => {
      const individual = await aRegisteredAccount(t).loggedIn();
      for (const caller of [memberOfA, individual]) {
        for (const res of [
          await members(caller),
          await t.http().post(`${GROUPS}/members`).set(caller.auth).send(aMemberBody()),
          await t
            .http()
            .patch(`${GROUPS}/members/${memberOfA.userId}`)
            .set(caller.auth)
            .send({ profile: { name: '他人' } }),
          await t
            .http()
            .put(`${GROUPS}/members/${memberOfA.userId}/two-factor`)
            .set(caller.auth)
            .send({ required: true }),
          await t
            .http()
            .put(`${GROUPS}/members/${memberOfA.userId}/administrator`)
            .set(caller.auth),
          await t.http().delete(`${GROUPS}/administrator`).set(caller.auth),
        ]) {
          expect([res.status, res.body.code]).toEqual([403, 'NOT_GROUP_ADMINISTRATOR']);
        }
      }
    });

    it('answers 401 without a session', async () => {
      await t.http().get(`${GROUPS}/members`).expect(401);
    });
  });

  describe('administrators', () => {
    it('appoints another administrator, who may then step down; the last one may not', async () => {
      const admin = await aGroupWithAdministrator(t);
      const member = await aMemberOf(t, smtp, admin);

      const alone = await t.http().delete(`${GROUPS}/administrator`).set(admin.auth).expect(409);
      expect(alone.body.code).toBe('LAST_ADMINISTRATOR');

      await t
        .http()
        .put(`${GROUPS}/members/${member.userId}/administrator`)
        .set(admin.auth)
        .expect(204);
      expect(await memberIn(member, member.userId)).toMatchObject({ isAdministrator: true });

      await t.http().delete(`${GROUPS}/administrator`).set(admin.auth).expect(204);
      expect(await memberIn(member, admin.userId)).toMatchObject({ isAdministrator: false });
      expect((await members(admin).expect(403)).body.code).toBe('NOT_GROUP_ADMINISTRATOR');
      expect(
        (await t.http().delete(`${GROUPS}/administrator`).set(member.auth).expect(409)).body.code,
      ).toBe('LAST_ADMINISTRATOR');
    });

    it('10 parallel step-downs by the only two administrators leave exactly one', async () => {
      const first = await aGroupWithAdministrator(t);
      const second = await aMemberOf(t, smtp, first);
      await t
        .http()
        .put(`${GROUPS}/members/${second.userId}/administrator`)
        .set(first.auth)
        .expect(204);

      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          t
            .http()
            .delete(`${GROUPS}/administrator`)
            .set((i % 2 === 0 ? first : second).auth),
        ),
      );

      expect(responses.filter((r) => r.status === 204)).toHaveLength(1);
      expect(responses.filter((r) => r.status !== 204).map((r) => r.body.code as string)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^(LAST_ADMINISTRATOR|NOT_GROUP_ADMINISTRATOR)$/),
        ]),
      );
      expect(responses.every((r) => [204, 403, 409].includes(r.status))).toBe(true);
      const administrators = await authSql(
        t,
        'select "account_id" from "groups"."membership" where "group_id" = ? and "is_administrator"',
        [first.groupId],
      );
      expect(administrators).toHaveLength(1);
    });
  });

  describe('support', () => {
    it('reads a group and moves the administrator role to a member', async () => {
      const support = await aStaffMember(t, 'support').loggedIn();
      const admin = await aGroupWithAdministrator(t);
      const member = await aMemberOf(t, smtp, admin);
      const other = await aGroupWithAdministrator(t);

      const read = await t
        .http()
        .get(`/api/v1/admin/groups/${admin.groupId}`)
        .set(support.auth)
        .expect(200);
      expect(read.body).toMatchObject({ id: admin.groupId, name: admin.groupName });
      expect(read.body.members.map((m: { userId: string }) => m.userId).sort()).toEqual(
        [admin.userId, member.userId].sort(),
      );

      const moved = await t
        .http()
        .put(`/api/v1/admin/groups/${admin.groupId}/administrators/${member.userId}`)
        .set(support.auth)
        .expect(200);
      const roles = Object.fromEntries(
        (moved.body.members as Array<{ userId: string; isAdministrator: boolean }>).map((m) => [
          m.userId,
          m.isAdministrator,
        ]),
      );
      expect(roles).toEqual({ [admin.userId]: false, [member.userId]: true });
      await members(member).expect(200);
      expect((await members(admin).expect(403)).body.code).toBe('NOT_GROUP_ADMINISTRATOR');

      expect(
        (
          await t
            .http()
            .put(`/api/v1/admin/groups/${admin.groupId}/administrators/${other.userId}`)
            .set(support.auth)
            .expect(404)
        ).body.code,
      ).toBe('MEMBER_NOT_FOUND');
      for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
        expect(
          (await t.http().get(`/api/v1/admin/groups/${id}`).set(support.auth).expect(404)).body
            .code,
        ).toBe('GROUP_NOT_FOUND');
      }
      await t.http().get(`/api/v1/admin/groups/${admin.groupId}`).set(admin.auth).expect(403);
    });
  });

  describe('withdrawal', () => {
    it('lets the administrator withdraw a member at once: anonymised, logged out, out of the group, mailed', async () => {
      const admin = await aGroupWithAdministrator(t);
      const member = await aMemberOf(t, smtp, admin);
      const plain = await aMemberOf(t, smtp, admin);

      const self = await t.http().delete(`${GROUPS}/members/${admin.userId}`).set(admin.auth);
      expect(self.status).toBe(409);
      expect(self.body.code).toBe('CANNOT_WITHDRAW_SELF');
      const byPlainMember = await t
        .http()
        .delete(`${GROUPS}/members/${member.userId}`)
        .set(plain.auth);
      expect(byPlainMember.status).toBe(403);

      await t.http().delete(`${GROUPS}/members/${member.userId}`).set(admin.auth).expect(204);

      await t.http().get('/api/v1/me').set(member.auth).expect(401);
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ userId: member.userId, password: member.password });
      expect(login.status).toBe(401);
      expect(login.body.code).toBe('INVALID_CREDENTIALS');
      await waitFor(
        async () => (await outboxEvents(t, 'groups.member-left', member.accountId)).at(0),
        { what: 'the withdrawn member leaving the group' },
      );
      expect(await memberIn(admin, member.userId)).toBeUndefined();
      const [withdrawnByAdmin] = await outboxEvents(
        t,
        'groups.member-withdrawn-by-administrator',
        member.accountId,
      );
      expect(withdrawnByAdmin.payload).toMatchObject({ byAccountId: admin.accountId });
      await smtp.waitForMail(
        (m) => m.to.includes(member.email) && /退会/.test(m.subject),
        'the withdrawal mail to the member',
      );

      const again = await t.http().delete(`${GROUPS}/members/${member.userId}`).set(admin.auth);
      expect(again.status).toBe(404);
    });

    it('removes a withdrawn member from the group; support then moves the role the last administrator left', async () => {
      const support = await aStaffMember(t, 'support').loggedIn();
      const admin = await aGroupWithAdministrator(t);
      const member = await aMemberOf(t, smtp, admin);

      await t
        .http()
        .post('/api/v1/me/withdrawal')
        .set(admin.auth)
        .send({ password: admin.password })
        .expect(202);
      await t
        .http()
        .post(`/api/v1/admin/withdrawals/${admin.userId}/complete`)
        .set(support.auth)
        .expect(200);

      const left = await waitFor(
        async () => (await outboxEvents(t, 'groups.member-left', admin.accountId)).at(0),
        { what: 'the withdrawn administrator leaving the group' },
      );
      expect(left.payload).toMatchObject({ groupId: admin.groupId, userId: admin.userId });
      const read = await t
        .http()
        .get(`/api/v1/admin/groups/${admin.groupId}`)
        .set(support.auth)
        .expect(200);
      expect(read.body.members).toEqual([
        expect.objectContaining({ userId: member.userId, isAdministrator: false }),
      ]);

      await t
        .http()
        .put(`/api/v1/admin/groups/${admin.groupId}/administrators/${member.userId}`)
        .set(support.auth)
        .expect(200);
      expect((await members(member).expect(200)).body.members).toEqual([
        expect.objectContaining({ userId: member.userId, isAdministrator: true }),
      ]);
    });
  });

  it('documents its endpoints and error codes in the OpenAPI document', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, unknown>;
      'x-error-codes': { code: string }[];
    };
    for (const path of [
      '/api/v1/groups/mine/members',
      '/api/v1/groups/mine/members/{userId}',
      '/api/v1/groups/mine/members/{userId}/two-factor',
      '/api/v1/groups/mine/members/{userId}/administrator',
      '/api/v1/groups/mine/administrator',
      '/api/v1/admin/groups/{id}',
      '/api/v1/admin/groups/{id}/administrators/{userId}',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    const codes = doc['x-error-codes'].map((e) => e.code);
    for (const code of [
      'NOT_GROUP_ADMINISTRATOR',
      'MEMBER_NOT_FOUND',
      'GROUP_NOT_FOUND',
      'LAST_ADMINISTRATOR',
    ]) {
      expect(codes).toContain(code);
    }
  });
});
