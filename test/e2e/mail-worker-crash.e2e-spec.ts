import { Client } from 'pg';
import { aRegistrationBody } from '@test/support/builders/accounts';
import { crashTestService } from '@test/support/crash-test-service';
import type { CrashTestService } from '@test/support/crash-test-service';
import { exited } from '@test/support/node-process';
import { SmtpCapture } from '@test/support/smtp-capture';
import { waitFor } from '@test/support/wait-for';

const REGISTRATIONS = 5;

/**
 * A mail worker that dies in the middle of a job (issue 18): the service process is SIGKILLed while
 * the SMTP server holds one welcome mail unanswered. The job was taken from Redis but never
 * finished, and the event never acknowledged: a restarted service retries it (Bull's stalled-job
 * check, the outbox's redelivery) and every event ends with exactly one delivered mail.
 */
describe('a mail worker killed in the middle of a send', () => {
  let service: CrashTestService | undefined;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
  });

  afterAll(async () => {
    service?.killAll();
    await smtp.stop();
  });

  it('retries the job after a restart and delivers one mail per event', async () => {
    service = await crashTestService('mail-crash', {
      SMTP_URL: smtp.url,
      RATE_LIMIT_PER_MINUTE: '100000',
      MAIL_BACKOFF_MS: '100',
    });
    const { port, databaseUrl, start } = service;
    const db = new Client({ connectionString: databaseUrl });
    try {
      const first = await start();
      const register = async (body: ReturnType<typeof aRegistrationBody>) => {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/accounts`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(res.status).toBe(201);
      };
      await db.connect();
      const allAcknowledged = async () =>
        (await db.query('select 1 from "platform"."outbox_message" where "relay_at" is not null'))
          .rowCount === 0;
      const bodies = Array.from({ length: REGISTRATIONS }, () => aRegistrationBody('individual'));
      // The earlier events are fully delivered and acknowledged, so the one job in flight at the
      // kill is the held one (a kill between an SMTP 250 and the acknowledgement is another
      // window, see the report of issue 18).
      for (const body of bodies.slice(0, -1)) await register(body);
      await waitFor(allAcknowledged, { what: 'the first welcome mails acknowledged' });
      const held = smtp.holdNext();
      await register(bodies[bodies.length - 1]);

      // A welcome mail is on the wire, unanswered: the worker dies now.
      await held;
      first.child.kill('SIGKILL');
      await exited(first.child);

      await start();
      await waitFor(() => bodies.every((body) => smtp.to(body.email).length > 0), {
        timeoutMs: 120_000,
        what: `all ${REGISTRATIONS} welcome mails after the restart`,
      });
      await waitFor(allAcknowledged, {
        timeoutMs: 60_000,
        what: 'every consumer to acknowledge every event',
      });

      for (const body of bodies) expect(smtp.to(body.email)).toHaveLength(1);
      const mailedEvents = smtp.messages.map((mail) => mail.headers.get('x-event-id'));
      expect(new Set(mailedEvents).size).toBe(mailedEvents.length);
    } finally {
      await db.end().catch(() => undefined);
    }
  }, 240_000);
});
