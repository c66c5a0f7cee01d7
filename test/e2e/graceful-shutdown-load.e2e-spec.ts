import { request } from 'node:http';
import { Client } from 'pg';
import { aRegistrationBody } from '@test/support/builders/accounts';
import { redisPrefix, runId } from '@test/support/environment';
import { freePort } from '@test/support/free-port';
import { exited, startNode, waitForHttpOk } from '@test/support/node-process';
import { createTestDatabase } from '@test/support/test-app';

const REGISTRATIONS = 50;
const CLIENTS = 8;
/** SIGTERM once this many answers came back: mid-burst, decided by progress, not by the clock. */
const SIGTERM_AFTER = 15;

type Outcome =
  | { kind: 'answered'; status: number; body: string }
  | { kind: 'failed'; code: string; gotHeaders: boolean };

/** One POST on a connection of its own (no keep-alive), so each request's fate is its own. */
function post(port: number, path: string, body: object): Promise<Outcome> {
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    let gotHeaders = false;
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        gotHeaders = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ kind: 'answered', status: res.statusCode ?? 0, body: text }));
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ kind: 'failed', code: error.code ?? error.message, gotHeaders }),
        );
        res.on('aborted', () => resolve({ kind: 'failed', code: 'ABORTED', gotHeaders }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ kind: 'failed', code: error.code ?? error.message, gotHeaders }),
    );
    req.end(payload);
  });
}

/**
 * SIGTERM while registrations arrive (issue 18): the service stops taking connections, finishes what
 * it accepted, and loses nothing it answered 2xx to. A request either gets a whole answer or finds
 * the port closed (or reset before it was read); none is cut off after the service began answering
 * it, and none that was not answered 2xx left an account behind.
 */
describe('graceful shutdown under load (the service as a process)', () => {
  it('answers or refuses every one of 50 registrations around a SIGTERM, and keeps every account it accepted', async () => {
    const port = await freePort();
    const databaseUrl = await createTestDatabase();
    const { child, output } = startNode('src/main.ts', {
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        MIGRATIONS_RUN: 'false',
        REDIS_KEY_PREFIX: `${redisPrefix(runId())}-shutdown-load`,
        RATE_LIMIT_PER_MINUTE: '100000',
      },
    });
    const db = new Client({ connectionString: databaseUrl });
    try {
      await waitForHttpOk(`http://127.0.0.1:${port}/health`, {
        timeoutMs: 50_000,
        what: 'the service to answer /health',
        output,
      });

      const bodies = Array.from({ length: REGISTRATIONS }, () => aRegistrationBody('individual'));
      const outcomes: Outcome[] = new Array<Outcome>(REGISTRATIONS);
      let next = 0;
      let answered = 0;
      const client = async () => {
        while (next < bodies.length) {
          const index = next++;
          outcomes[index] = await post(port, '/api/v1/accounts', bodies[index]);
          if (outcomes[index].kind === 'answered' && ++answered === SIGTERM_AFTER)
            child.kill('SIGTERM');
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
      const { code, signal } = await exited(child);
      expect(code === 0 || signal === 'SIGTERM').toBe(true);

      const failures = outcomes.filter((o) => o.kind === 'failed');
      // Never cut off mid-answer. A request that did not get in found the port closed, or its
      // connection still unread in the listen queue or the server's idle set when the server
      // closed: the kernel or Node resets those, before any byte of an answer (and, checked below,
      // before anything was written for it).
      expect(failures.filter((o) => o.gotHeaders)).toEqual([]);
      expect(
        failures.map((o) => o.code).filter((c) => c !== 'ECONNREFUSED' && c !== 'ECONNRESET'),
      ).toEqual([]);
      // The SIGTERM came mid-burst: some got in after it, or were refused, or both.
      expect(answered).toBeGreaterThanOrEqual(SIGTERM_AFTER);
      const accepted = bodies.filter((_, i) => {
        const o = outcomes[i];
        return o.kind === 'answered' && o.status >= 200 && o.status < 300;
      });
      const answeredStatuses = outcomes.flatMap((o) => (o.kind === 'answered' ? [o.status] : []));
      // Nothing answered with an error because the service was going down.
      expect(answeredStatuses.filter((s) => s !== 201)).toEqual([]);

      await db.connect();
      const { rows } = await db.query<{ user_id: string; id: string }>(
        'select "user_id", "id" from "accounts"."account" where "user_id" = any($1)',
        [bodies.map((b) => b.userId)],
      );
      // Every accepted registration is there, with its event in the outbox; none that was refused
      // or reset.
      expect(rows.map((r) => r.user_id).sort()).toEqual(accepted.map((b) => b.userId).sort());
      const events = await db.query<{ subject_account_id: string }>(
        `select "subject_account_id" from "platform"."outbox_message" where "type" = 'accounts.account-registered' and "subject_account_id" = any($1)`,
        [rows.map((r) => r.id)],
      );
      expect(events.rows).toHaveLength(rows.length);
    } finally {
      await db.end().catch(() => undefined);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
