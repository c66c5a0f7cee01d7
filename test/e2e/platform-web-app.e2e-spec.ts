import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { WEB_DIST } from '@test/support/web-build';
import { canonicalDocument } from '../../web/scripts/openapi-document';

const directives = (header: string | undefined) =>
  Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );

describe('the browser app served by the service (ADR 0060)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { WEB_DIR: WEB_DIST } });
  });

  afterAll(() => t.close());

  it.each(['/', '/login', '/recovery/password', '/mypage', '/group/members'])(
    'answers %s with the app under a strict CSP: own scripts only, no inline script',
    async (path) => {
      const res = await t.http().get(path).expect(200).expect('content-type', /html/);
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(res.headers['cache-control']).toBe('no-cache');
      const csp = directives(res.headers['content-security-policy']);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['script-src-attr']).toEqual(["'none'"]);
      expect(csp['style-src']).toEqual(["'self'"]);
      expect(csp['img-src']).toEqual(["'self'", 'data:']);
      expect(csp['default-src']).toEqual(["'self'"]);
    },
  );

  it('serves the hashed assets as immutable files', async () => {
    const index = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    const res = await t
      .http()
      .get(script as string)
      .expect(200)
      .expect('content-type', /javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('leaves the API, its documentation and the health check where they were', async () => {
    const missing = await t.http().get('/api/v1/no-such-endpoint').expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    await t.http().get('/assets/no-such-file.js').expect(404);
    await t.http().get('/health').expect(200);
    const docs = await t.http().get('/docs').expect(200).expect('content-type', /html/);
    // Only the Swagger UI keeps its inline bootstrap script.
    expect(directives(docs.headers['content-security-policy'])['script-src']).toContain(
      "'unsafe-inline'",
    );
  });

  it('serves the very OpenAPI document the web client is typed from (npm run api:types)', async () => {
    const served = (await t.http().get('/docs-json').expect(200)).body as unknown;
    const checkedIn = readFileSync(
      join(__dirname, '..', '..', 'web', 'src', 'api', 'openapi.json'),
      'utf8',
    );
    expect(canonicalDocument(served)).toBe(checkedIn);
  });
});
