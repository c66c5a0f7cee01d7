import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RequestContext, TransactionRunner } from '@app/platform';
import { FindAccountForLoginQuery, RegisterAccountCommand } from '../../accounts/public-api';
import { AuthenticationSettings } from '../application/authentication-settings';
import { GrantStaffRoleCommand } from '../application/commands/grant-staff-role/grant-staff-role.command';
import { CredentialRepository } from './credential.repository';

/** Any constant unique to this task; instances starting together queue on it. */
const BOOTSTRAP_ADMIN_LOCK = 7_202_612;

/**
 * Creates the first administrator from the configuration when its user ID does not exist yet, so a
 * fresh deployment can be administered. The configured password is only a first password: the
 * account must replace it at its first login. Nothing happens once the account exists, so a later
 * change of its roles or password survives restarts.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdmin.name);

  constructor(
    private readonly settings: AuthenticationSettings,
    private readonly transactions: TransactionRunner,
    private readonly credentials: CredentialRepository,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly context: RequestContext,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const {
      BOOTSTRAP_ADMIN_USER_ID: userId,
      BOOTSTRAP_ADMIN_PASSWORD: password,
      BOOTSTRAP_ADMIN_EMAIL: email,
    } = this.settings;
    if (!userId || !password || !email) return;
    const created = await this.context.run({}, () =>
      this.transactions.run(async (em) => {
        await em.execute('select pg_advisory_xact_lock(?)', [BOOTSTRAP_ADMIN_LOCK]);
        if (await this.queries.execute(new FindAccountForLoginQuery(userId))) return false;
        const { accountId } = await this.commands.execute(
          new RegisterAccountCommand({
            type: 'individual',
            userId,
            password,
            email,
            language: 'ja',
            profile: { name: 'システム管理者', nameKana: 'システムカンリシャ' },
          }),
        );
        await this.commands.execute(new GrantStaffRoleCommand(accountId, 'admin', null));
        const credential = await this.credentials.get(em, accountId);
        credential.requirePasswordChange();
        return true;
      }),
    );
    if (created)
      this.logger.log(
        `Created the first administrator ${userId}; its password must be changed at first login`,
      );
  }
}
