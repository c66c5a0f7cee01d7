import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RequestContext, TransactionRunner } from '@app/platform';
import type { Notice } from '../../../domain/application.entity';
import { SessionNotFoundError } from '../../../domain/enrollments.errors';
import { ApplicationRepository } from '../../../infrastructure/application.repository';
import { CourseSessionRepository } from '../../../infrastructure/course-session.repository';
import { AttendeeNotices } from '../../attendee-notices';
import { ReleaseWithdrawnAccountCommand } from './release-withdrawn-account.command';
import type { WithdrawnAccountReleased } from './release-withdrawn-account.command';

@CommandHandler(ReleaseWithdrawnAccountCommand)
export class ReleaseWithdrawnAccountHandler
  implements ICommandHandler<ReleaseWithdrawnAccountCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly applications: ApplicationRepository,
    private readonly sessions: CourseSessionRepository,
    private readonly notices: AttendeeNotices,
    private readonly context: RequestContext,
  ) {}

  execute({ accountId }: ReleaseWithdrawnAccountCommand): Promise<WithdrawnAccountReleased> {
    return this.transactions.run(async (em) => {
      const released: WithdrawnAccountReleased = { cancelled: 0, erased: 0 };
      const facts = new Map<string, Notice['facts']>();
      const now = new Date();
      for (const application of await this.applications.lockConcerning(em, accountId)) {
        let sessionFacts = facts.get(application.sessionId);
        if (!sessionFacts) {
          const session = await this.sessions.find(em, application.sessionId);
          if (!session) throw new SessionNotFoundError();
          sessionFacts = await this.notices.facts(em, session);
          facts.set(application.sessionId, sessionFacts);
        }
        const { cancelled, erased } = application.releaseWithdrawn(
          accountId,
          { facts: sessionFacts, byAccountId: this.context.actorAccountId },
          now,
        );
        released.cancelled += cancelled;
        released.erased += erased;
      }
      return released;
    });
  }
}
