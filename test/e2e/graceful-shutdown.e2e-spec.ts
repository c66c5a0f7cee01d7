import type { AddressInfo } from 'node:net';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { FixtureModule } from '@test/support/fixture-context/fixture.module';
import { createTestApp } from '@test/support/test-app';

describe('graceful shutdown', () => {
  it('lets an in-flight request finish and closes the queues', async () => {
    const t = await createTestApp({ imports: [FixtureModule] });
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const mailQueue = t.app.get<Queue>(getQueueToken('mail'));

    const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/fixture/slow?ms=700`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await t.close();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ waited: 700 });
    expect(mailQueue.client.status).toBe('end');
  });
});
