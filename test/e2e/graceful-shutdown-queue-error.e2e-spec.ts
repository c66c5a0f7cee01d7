import { MikroORM } from '@mikro-orm/core';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { createTestApp } from '@test/support/test-app';

describe('graceful shutdown when Bull fails to close a connection cleanly', () => {
  it('still closes the database pool after a queue’s "Connection is closed." refusal', async () => {
    const t = await createTestApp();
    const mailQueue = t.app.get<Queue>(getQueueToken('mail'));
    const closeQueue = mailQueue.close.bind(mailQueue);
    jest.spyOn(mailQueue, 'close').mockImplementation(async (doNotWaitJobs?: boolean) => {
      await closeQueue(doNotWaitJobs);
      throw new Error('Connection is closed.');
    });
    const orm = t.app.get(MikroORM);
    const closeOrm = jest.spyOn(orm, 'close');

    await t.close();

    expect(closeOrm).toHaveBeenCalled();
  });
});
