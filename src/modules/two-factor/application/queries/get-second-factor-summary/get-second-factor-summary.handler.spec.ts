import { GetSecondFactorSummaryQuery } from '../../../../accounts/public-api';
import { ACCOUNT_ID } from '@test/support/builders/authentication-doubles';
import {
  aTwoFactorAccount,
  twoFactorReadModelHolding,
} from '@test/support/builders/two-factor-doubles';
import type { TwoFactorAccount } from '../../../domain/two-factor-account.entity';
import { GetSecondFactorSummaryHandler } from './get-second-factor-summary.handler';

const summaryOf = (account?: TwoFactorAccount) =>
  new GetSecondFactorSummaryHandler(twoFactorReadModelHolding({ account })).execute(
    new GetSecondFactorSummaryQuery(ACCOUNT_ID),
  );

describe('GetSecondFactorSummaryHandler', () => {
  it('summarises an account that never used two-factor as all off', async () => {
    await expect(summaryOf()).resolves.toEqual({
      enabled: false,
      enrolled: false,
      requiredByGroup: false,
      locked: false,
    });
  });

  it('summarises a locked, group-required enrollment', async () => {
    const account = aTwoFactorAccount().requiredByGroup().enrolled().locked().build();

    await expect(summaryOf(account)).resolves.toEqual({
      enabled: true,
      enrolled: true,
      requiredByGroup: true,
      locked: true,
    });
  });
});
