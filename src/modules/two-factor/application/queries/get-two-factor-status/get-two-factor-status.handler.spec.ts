import { ACCOUNT_ID } from '@test/support/builders/authentication-doubles';
import {
  aRecoveryCode,
  aTwoFactorAccount,
  twoFactorReadModelHolding,
} from '@test/support/builders/two-factor-doubles';
import type { TwoFactorAccount } from '../../../domain/two-factor-account.entity';
import { GetTwoFactorStatusHandler } from './get-two-factor-status.handler';
import { GetTwoFactorStatusQuery } from './get-two-factor-status.query';

const statusOf = (account?: TwoFactorAccount) =>
  new GetTwoFactorStatusHandler(
    twoFactorReadModelHolding({
      account,
      recoveryCodes: [aRecoveryCode(), aRecoveryCode('bcdef-ghjkm')],
    }),
  ).execute(new GetTwoFactorStatusQuery(ACCOUNT_ID));

describe('GetTwoFactorStatusHandler', () => {
  it('counts the unused recovery codes of an enrolled account', async () => {
    await expect(statusOf(aTwoFactorAccount().enrolled().build())).resolves.toEqual({
      enabled: true,
      enrolled: true,
      requiredByGroup: false,
      locked: false,
      recoveryCodesRemaining: 2,
    });
  });

  it('answers no recovery codes for an account that is not enrolled', async () => {
    await expect(statusOf(aTwoFactorAccount().enabled().build())).resolves.toMatchObject({
      enabled: true,
      enrolled: false,
      recoveryCodesRemaining: 0,
    });
  });
});
