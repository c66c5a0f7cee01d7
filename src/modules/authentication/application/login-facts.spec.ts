import type {
  AuthenticationReadModel,
  LoginFactsRow,
} from '../infrastructure/authentication.read-model';
import { ACCOUNT_ID, USER_ID } from '@test/support/builders/authentication-doubles';
import { LoginFactsReader } from './login-facts';

const aRow = (overrides: Partial<LoginFactsRow> = {}): LoginFactsRow =>
  ({
    account_id: ACCOUNT_ID,
    user_id: USER_ID,
    type: 'individual',
    status: 'active',
    email: 'yamada@example.jp',
    language: 'ja',
    renewal_required: false,
    has_credential: true,
    password_hash: '$argon2id$stored',
    temporary_password_hash: null,
    temporary_password_expires_at: null,
    temporary_password_used_at: null,
    staff: false,
    second_factor: null,
    user_id_budget: null,
    device_budget: null,
    ...overrides,
  }) as LoginFactsRow;

/** The row of an ID that names no account: every account and credential column null. */
const noAccountRow = (budgets: Partial<LoginFactsRow> = {}): LoginFactsRow =>
  aRow({
    account_id: null,
    user_id: null,
    type: null,
    status: null,
    email: null,
    language: null,
    renewal_required: null,
    has_credential: false,
    password_hash: null,
    ...budgets,
  } as Partial<LoginFactsRow>);

const factsOf = (row: LoginFactsRow, userId = USER_ID) =>
  new LoginFactsReader({
    loginFactsOf: () => Promise.resolve(row),
  } as unknown as AuthenticationReadModel).read(userId, null);

const budget = {
  consecutive_failures: 2,
  attempts_in_flight: 1,
  last_reserved_at: '2026-12-02T08:00:00.123+00:00',
  cooldown_until: null,
};

const twoFactor = { enabled: true, requiredByGroup: false, enrolled: true, locked: false };

describe('LoginFactsReader', () => {
  it('reads an unknown ID, a withdrawn account and an empty ID as unknown', async () => {
    const budgets = { userId: null, device: null };
    await expect(factsOf(noAccountRow())).resolves.toEqual({ kind: 'unknown_user_id', budgets });
    await expect(factsOf(aRow({ status: 'withdrawn', email: null }))).resolves.toEqual({
      kind: 'unknown_user_id',
      budgets,
    });
    // Nothing was read: no budgets, so the reservation takes its locked path.
    await expect(factsOf(aRow(), '')).resolves.toEqual({ kind: 'unknown_user_id' });
  });

  it('answers the guess budgets as read, whether or not the ID names an account', async () => {
    await expect(factsOf(noAccountRow({ user_id_budget: budget }))).resolves.toEqual({
      kind: 'unknown_user_id',
      budgets: { userId: budget, device: null },
    });
    await expect(factsOf(aRow({ device_budget: budget }))).resolves.toMatchObject({
      kind: 'usable',
      budgets: { userId: null, device: budget },
    });
  });

  it('answers the account, the stored hashes and the second step', async () => {
    await expect(factsOf(aRow({ second_factor: twoFactor }))).resolves.toMatchObject({
      kind: 'usable',
      account: { accountId: ACCOUNT_ID, userId: USER_ID, renewalRequired: false },
      credential: { passwordHash: '$argon2id$stored', temporaryPasswordHash: null },
      staff: false,
      requirement: { state: 'verification_required', enabled: true, enrolled: true },
    });
  });

  it('asks a staff account without a two-factor row to enrol, and answers a missing credential', async () => {
    await expect(factsOf(aRow({ staff: true, has_credential: false }))).resolves.toMatchObject({
      credential: null,
      staff: true,
      requirement: { state: 'enrollment_required', enabled: true, requiredByGroup: false },
    });
  });

  it('answers the temporary password with its dates', async () => {
    const expiresAt = '2026-12-02 05:30:00+00';
    await expect(
      factsOf(
        aRow({
          temporary_password_hash: '$argon2id$tmp',
          temporary_password_expires_at: expiresAt,
        }),
      ),
    ).resolves.toMatchObject({
      credential: {
        temporaryPasswordHash: '$argon2id$tmp',
        temporaryPasswordExpiresAt: new Date(expiresAt),
        temporaryPasswordUsedAt: null,
      },
    });
  });

  it('answers a locked second factor as locked', async () => {
    await expect(
      factsOf(aRow({ second_factor: { ...twoFactor, locked: true } })),
    ).resolves.toMatchObject({ requirement: { state: 'locked' } });
  });
});
