import { ACCOUNT_ID } from '@test/support/builders/authentication-doubles';
import {
  aTwoFactorAccount,
  twoFactorReadModelHolding,
} from '@test/support/builders/two-factor-doubles';
import type { TwoFactorAccount } from '../../../domain/two-factor-account.entity';
import { GetSecondFactorRequirementHandler } from './get-second-factor-requirement.handler';
import { GetSecondFactorRequirementQuery } from './get-second-factor-requirement.query';

const requirementOf = (account: TwoFactorAccount | undefined, mandatory = false) =>
  new GetSecondFactorRequirementHandler(twoFactorReadModelHolding({ account })).execute(
    new GetSecondFactorRequirementQuery(ACCOUNT_ID, { mandatory }),
  );

describe('GetSecondFactorRequirementHandler', () => {
  it.each([
    ['no two-factor row', undefined, false, 'not_required'],
    ['no row, but a staff account', undefined, true, 'enrollment_required'],
    [
      'switched on, never enrolled',
      aTwoFactorAccount().enabled().build(),
      false,
      'enrollment_required',
    ],
    ['enrolled', aTwoFactorAccount().enrolled().build(), false, 'verification_required'],
    ['locked', aTwoFactorAccount().enrolled().locked().build(), false, 'locked'],
  ])('answers for %s', async (_, account, mandatory, state) => {
    await expect(requirementOf(account, mandatory)).resolves.toMatchObject({ state });
  });

  it('counts a staff account as enabled and tells a group requirement', async () => {
    await expect(
      requirementOf(aTwoFactorAccount().requiredByGroup().build(), true),
    ).resolves.toEqual({
      state: 'enrollment_required',
      requiredByGroup: true,
      enabled: true,
      enrolled: false,
    });
  });
});
