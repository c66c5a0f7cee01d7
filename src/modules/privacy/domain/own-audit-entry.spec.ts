import { ANOTHER_ACCOUNT, ownAuditEntry } from './own-audit-entry';

const ME = '0b6f7a52-5a3e-4c3e-9d7e-1f2a3b4c5d6e';
const STAFF = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('ownAuditEntry', () => {
  it("hides another account's ID, address and browser, keeps the account's own", () => {
    const entry = {
      type: 'two-factor.reset',
      actorAccountId: STAFF,
      subjectAccountId: ME,
      clientIp: '203.0.113.9',
      userAgent: 'support desk',
      payload: {
        accountId: ME,
        byAccountId: STAFF,
        nested: { ids: [ME, STAFF] },
        userId: 'me0001',
      },
      occurredAt: '2026-01-01T00:00:00.000Z',
    };
    expect(ownAuditEntry(ME, entry)).toEqual({
      type: 'two-factor.reset',
      occurredAt: '2026-01-01T00:00:00.000Z',
      actor: 'another_account',
      clientIp: null,
      userAgent: null,
      payload: {
        accountId: ME,
        byAccountId: ANOTHER_ACCOUNT,
        nested: { ids: [ME, ANOTHER_ACCOUNT] },
        userId: 'me0001',
      },
    });
    expect(ownAuditEntry(ME, { ...entry, actorAccountId: ME })).toMatchObject({
      actor: 'self',
      clientIp: '203.0.113.9',
    });
  });
});
