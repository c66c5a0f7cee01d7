import { aSupportRequest, OTHER_STAFF_ID, STAFF_ID } from '@test/support/builders/support-doubles';
import { typesOf } from '@test/support/builders/transactions-double';
import { SupportRequest } from './support-request.entity';

describe('SupportRequest', () => {
  it('records the receipt with its number, the address only among the secrets', () => {
    const request = SupportRequest.receive(
      {
        category: 'two_factor_reset',
        userId: null,
        email: 'hanako@example.jp',
        message: '機種変更しました',
        language: 'en',
        accountId: null,
      },
      new Date(),
    );

    const [receipt] = request.pullEvents();
    expect(receipt).toMatchObject({
      type: 'support.request-received',
      subjectAccountId: null,
      payload: {
        supportRequestId: request.id,
        requestNumber: expect.stringMatching(/^S-[2-9A-HJKMNP-Z]{10}$/) as string,
        category: 'two_factor_reset',
        verified: false,
        language: 'en',
      },
      secrets: { email: 'hanako@example.jp' },
    });
    expect(JSON.stringify(receipt.payload)).not.toContain('hanako');
    expect(request.status).toBe('open');
  });

  it('is taken by one staff member; taking it again is a no-op, another gets SUPPORT_REQUEST_TAKEN', () => {
    const request = aSupportRequest();

    expect(request.take(STAFF_ID, new Date())).toBe(true);
    expect(request.take(STAFF_ID, new Date())).toBe(false);
    expect(() => request.take(OTHER_STAFF_ID, new Date())).toThrow(
      expect.objectContaining({ code: 'SUPPORT_REQUEST_TAKEN' }) as Error,
    );
    expect(typesOf(request.pullEvents())).toEqual(['support.request-taken']);
    expect(request).toMatchObject({ status: 'in_progress', assigneeAccountId: STAFF_ID });
  });

  it('is closed by a reply, mailed in its language; a second reply is SUPPORT_REQUEST_CLOSED', () => {
    const request = aSupportRequest({ language: 'en' });

    request.answer(STAFF_ID, 'Unlocked. Please log in again.', new Date());

    expect(() => request.answer(OTHER_STAFF_ID, 'Me too', new Date())).toThrow(
      expect.objectContaining({ code: 'SUPPORT_REQUEST_CLOSED' }) as Error,
    );
    expect(() => request.closeWithoutReply(OTHER_STAFF_ID, new Date())).toThrow(
      expect.objectContaining({ code: 'SUPPORT_REQUEST_CLOSED' }) as Error,
    );
    expect(request.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'support.request-answered',
        subjectAccountId: request.accountId,
        payload: expect.objectContaining({
          byAccountId: STAFF_ID,
          language: 'en',
          reply: 'Unlocked. Please log in again.',
        }) as object,
        secrets: { email: 'taro@example.jp' },
      }),
    ]);
    expect(request).toMatchObject({ status: 'closed', closedByAccountId: STAFF_ID });
  });

  it('closes without a reply, recording who closed it', () => {
    const request = aSupportRequest();

    request.closeWithoutReply(STAFF_ID, new Date());

    expect(request.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'support.request-closed',
        payload: expect.objectContaining({ byAccountId: STAFF_ID }) as object,
      }),
    ]);
    expect(() => request.take(STAFF_ID, new Date())).toThrow(
      expect.objectContaining({ code: 'SUPPORT_REQUEST_CLOSED' }) as Error,
    );
  });
});
