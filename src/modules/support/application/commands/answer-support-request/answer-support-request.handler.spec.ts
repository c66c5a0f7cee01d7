import {
  aSupportRequest,
  OTHER_STAFF_ID,
  STAFF_ID,
  supportRequestsHolding,
} from '@test/support/builders/support-doubles';
import { immediateTransactions, typesOf } from '@test/support/builders/transactions-double';
import { AnswerSupportRequestCommand } from './answer-support-request.command';
import { AnswerSupportRequestHandler } from './answer-support-request.handler';

describe('AnswerSupportRequestHandler', () => {
  it('answers once: the second reply is SUPPORT_REQUEST_CLOSED and records nothing', async () => {
    const request = aSupportRequest();
    const handler = new AnswerSupportRequestHandler(
      immediateTransactions(),
      supportRequestsHolding(request),
    );

    await handler.execute(
      new AnswerSupportRequestCommand(request.id, STAFF_ID, 'ロックを解除しました。'),
    );
    await expect(
      handler.execute(new AnswerSupportRequestCommand(request.id, OTHER_STAFF_ID, '解除しました')),
    ).rejects.toMatchObject({ code: 'SUPPORT_REQUEST_CLOSED' });

    expect(typesOf(request.pullEvents())).toEqual(['support.request-answered']);
    expect(request.reply).toBe('ロックを解除しました。');
  });

  it('answers SUPPORT_REQUEST_NOT_FOUND for an unknown request', async () => {
    const handler = new AnswerSupportRequestHandler(
      immediateTransactions(),
      supportRequestsHolding(),
    );
    await expect(
      handler.execute(
        new AnswerSupportRequestCommand('0190a3c4-0000-7000-8000-0000000000ff', STAFF_ID, 'x'),
      ),
    ).rejects.toMatchObject({ code: 'SUPPORT_REQUEST_NOT_FOUND' });
  });
});
