import {
  ACCOUNT_ID,
  aSession,
  authenticationReadModel,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { Session } from '../../../domain/session.entity';
import { ListSessionsHandler } from './list-sessions.handler';
import { ListSessionsQuery } from './list-sessions.query';

describe('ListSessionsHandler', () => {
  it("lists the account's live sessions and marks the one asking", async () => {
    const current = aSession('full', 1);
    const other = aSession('password_change', 30);
    const someoneElses = Object.assign(aSession(), { accountId: 'another-account' });
    const em = entityManagerHolding(current, other, someoneElses);
    const handler = new ListSessionsHandler(authenticationReadModel(em));

    const views = await handler.execute(new ListSessionsQuery(ACCOUNT_ID, current.id));

    expect(views).toEqual([
      expect.objectContaining({ id: current.id, scope: 'full', current: true }),
      expect.objectContaining({ id: other.id, scope: 'password_change', current: false }),
    ]);
    expect(em.find).toHaveBeenCalledWith(
      Session,
      expect.objectContaining({ accountId: ACCOUNT_ID, revokedAt: null }),
      { orderBy: { createdAt: 'desc' } },
    );
  });
});
