import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

describe("the service's paths never come from the browser app's directory", () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'web-dir-'));

  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *');
    mkdirSync(join(dir, 'api', 'v1'), { recursive: true });
    writeFileSync(join(dir, 'api', 'v1', 'leak.txt'), 'a file under the API path');
    t = await createTestApp({ env: { WEB_DIR: dir } });
  });

  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an API path from the API, not from a file that happens to lie there', async () => {
    // The file lookup is skipped for the service's paths: an API request costs no file-system call.
    const res = await t.http().get('/api/v1/leak.txt').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(res.text).not.toContain('a file under the API path');
    await t.http().get('/robots.txt').expect(200).expect('content-type', /text\/plain/);
  });
});
