import { execFile, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KudosModule } from '../fixtures/contexts/kudos/kudos.module';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

/**
 * ADR 0007: adding a context touches only its folder, src/app.module.ts, a migration and the
 * README. The kudos fixture is such a context (its own setting, event, reaction and mail); this
 * test imports its module into the app the way src/app.module.ts imports a context, and is the
 * only file outside its folder that knows it.
 */
const root = join(__dirname, '../..');
const fixture = 'test/fixtures/contexts/kudos/';

describe('a context wired only by importing its module (real PostgreSQL, Redis and SMTP)', () => {
  let smtp: SmtpCapture;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, KUDOS_POINTS: '3' },
      imports: [KudosModule],
    });
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('reads its own setting, reacts to its own event and sends its own mail', async () => {
    const email = `kudos-${randomUUID()}@example.jp`;
    const given = await t.http().post('/api/v1/kudos').send({ email, message: 'よくできました' });
    expect(given.status).toBe(201);

    const points = await waitFor(
      async () => {
        const res = await t.http().get('/api/v1/kudos/points').query({ email });
        return (res.body as { points: number }).points > 0 && (res.body as { points: number });
      },
      { what: 'the reaction to KudosGiven' },
    );
    expect(points).toEqual({ points: 3 });

    const mail = await smtp.waitForMail((m) => m.to.includes(email), 'the kudos mail');
    expect(mail.subject).toBe('【研修ポータル】お褒めの言葉が届きました');
    expect(mail.text).toMatch(/^よくできました\n3 ポイント\n\n―+\n本メールは送信専用アドレスから/);
  });

  it('refuses a bad value of its setting before anything starts, with one line naming it', async () => {
    await expect(
      createTestApp({
        env: { DATABASE_URL: t.config.DATABASE_URL, KUDOS_POINTS: 'lots' },
        imports: [KudosModule],
      }),
    ).rejects.toThrow(/^Invalid configuration: KUDOS_POINTS must be an integer number$/);
  });
});

describe('what wiring the fixture context takes', () => {
  it('uses other contexts and the mail module only through their public API', async () => {
    const config = join(root, 'test/fixtures/contexts/wiring.dependency-cruiser.js');
    const depcruise = join(root, 'node_modules/.bin/depcruise');
    let output: string;
    try {
      const { stdout } = await promisify(execFile)(depcruise, ['--config', config, fixture], {
        cwd: root,
      });
      output = stdout;
    } catch (error) {
      const failed = error as { stdout: string; stderr: string };
      output = failed.stdout + failed.stderr;
    }
    expect(output).toContain('no dependency violations found');
  });

  it('is known to no file outside its folder but this test', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      // Prose about the fixture (docs/adr) is not wiring.
      .filter((file) => file && !file.startsWith(fixture) && !file.startsWith('docs/'))
      .filter((file) => file !== 'test/integration/context-wiring.int-spec.ts')
      .filter((file) => statSync(join(root, file), { throwIfNoEntry: false })?.isFile());
    const mentions = files.filter((file) => /kudos/i.test(readFileSync(join(root, file), 'utf8')));
    expect(mentions).toEqual([]);
  });
});
