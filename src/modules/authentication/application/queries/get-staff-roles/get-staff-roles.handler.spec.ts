import {
  ACCOUNT_ID,
  aStaffRole,
  authenticationReadModel,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { GetStaffRolesHandler } from './get-staff-roles.handler';
import { GetStaffRolesQuery } from './get-staff-roles.query';

describe('GetStaffRolesHandler', () => {
  it("answers the account's own roles only", async () => {
    const em = entityManagerHolding(
      aStaffRole('support'),
      aStaffRole('admin'),
      aStaffRole('admin', 'another-account'),
    );

    const roles = await new GetStaffRolesHandler(authenticationReadModel(em)).execute(
      new GetStaffRolesQuery(ACCOUNT_ID),
    );

    expect([...roles].sort()).toEqual(['admin', 'support']);
  });

  it('answers no roles for an ordinary account', async () => {
    await expect(
      new GetStaffRolesHandler(authenticationReadModel(entityManagerHolding())).execute(
        new GetStaffRolesQuery(ACCOUNT_ID),
      ),
    ).resolves.toEqual([]);
  });
});
