import type {
  AuthenticationReadModel,
  LoginFactsRow,
} from '../infrastructure/authentication.read-model';
import { ACCOUNT_ID, USER_ID } from '@test/support/builders/authentication-doubles';
import { LoginFactsReader } from './login-facts';

const aRow = (overrides: Partial<LoginFactsRow> = {}): LoginFactsRow => ({
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
  ...overrides,
});

const factsOf = (row: LoginFactsRow | null, userId = USER_ID) =>
  new LoginFactsReader({
    loginFactsOf: () => Promise.resolve(row),
  } as unknown as AuthenticationReadModel).read(userId);

const twoFactor = { enabled: true, requiredByGroup: false, enrolled: true, locked: false };

describe('LoginFactsReader', () => {
  it('reads an unknown ID, a withdrawn account and an empty ID as unknown', async () => {
    await expect(factsOf(null)).resolves.toEqual({ kind: 'unknown_user_id' });
    await expect(factsOf(aRow({ status: 'withdrawn', email: null }))).resolves.toEqual({
      kind: 'unknown_user_id',
    });
    await expect(factsOf(aRow(), '')).resolves.toEqual({ kind: 'unknown_user_id' });
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
