import {
  ACCOUNT_ID,
  CredentialRepository,
  StaffRosterRepository,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { recordingCommandBus } from '@test/support/builders/platform-doubles';
import { immediateTransactions } from '@test/support/builders/transactions-double';
import { Credential } from '../../../domain/credential.entity';
import { StaffRoleAssignment } from '../../../domain/staff-role-assignment.entity';
import { RevokeSessionsCommand } from '../revoke-sessions/revoke-sessions.command';
import { ForgetWithdrawnAccountCommand } from './forget-withdrawn-account.command';
import { ForgetWithdrawnAccountHandler } from './forget-withdrawn-account.handler';

describe('ForgetWithdrawnAccountHandler', () => {
  it('ends the sessions and deletes the staff roles and the credential', async () => {
    const em = entityManagerHolding();
    const commands = recordingCommandBus();
    const handler = new ForgetWithdrawnAccountHandler(
      immediateTransactions(em),
      commands,
      new CredentialRepository(),
      new StaffRosterRepository(),
    );

    await handler.execute(new ForgetWithdrawnAccountCommand(ACCOUNT_ID));

    expect(commands.sent).toEqual([
      new RevokeSessionsCommand(ACCOUNT_ID, { reason: 'account_withdrawn' }),
    ]);
    expect(em.nativeDelete).toHaveBeenCalledWith(StaffRoleAssignment, { accountId: ACCOUNT_ID });
    expect(em.nativeDelete).toHaveBeenCalledWith(Credential, { accountId: ACCOUNT_ID });
  });
});
