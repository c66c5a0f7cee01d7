import { FixtureModule } from '@test/support/fixture-context/fixture.module';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

describe('HTTP platform', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: { CORS_ORIGINS: 'https://portal.example.jp', BODY_LIMIT: '2kb' },
      imports: [FixtureModule],
    });
  });

  afterAll(() => t.close());

  it('reports database and Redis health at /health', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('serves the OpenAPI UI at /docs and the document at /docs-json, listing every error code', async () => {
    await t.http().get('/docs').expect(200).expect('content-type', /html/);
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    expect(doc.openapi).toMatch(/^3\./);
    const codes: string[] = doc.components.schemas.ErrorResponseDto.properties.code.enum;
    expect(codes).toEqual(
      expect.arrayContaining(['VALIDATION_FAILED', 'NOT_FOUND', 'INTERNAL_ERROR']),
    );
    expect(doc['x-error-codes']).toContainEqual(
      expect.objectContaining({ code: 'VALIDATION_FAILED', status: 400 }),
    );
  });

  it('rejects unknown fields with VALIDATION_FAILED naming each bad field, in Japanese by default', async () => {
    const res = await t
      .http()
      .post('/api/v1/fixture/echo')
      .send({ name: 'ok', count: 99, admin: true })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain('入力内容');
    expect(Object.keys(res.body.details.fields).sort()).toEqual(['admin', 'count']);
    expect(res.headers['content-language']).toBe('ja');
  });

  it('answers in English when Accept-Language prefers it', async () => {
    const res = await t
      .http()
      .post('/api/v1/fixture/echo')
      .set('Accept-Language', 'en-US,en;q=0.9,ja;q=0.5')
      .send({})
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Some fields are invalid. Please check each field.',
    });
  });

  it('accepts a valid body unchanged', async () => {
    await t
      .http()
      .post('/api/v1/fixture/echo')
      .send({ name: 'ok', count: 3 })
      .expect(201, { name: 'ok', count: 3 });
  });

  it.each([
    ['malformed JSON', '{"name":', 400, 'MALFORMED_REQUEST'],
    ['a body over the limit', JSON.stringify({ name: 'x'.repeat(5000) }), 413, 'PAYLOAD_TOO_LARGE'],
  ])('turns %s into a 4xx with a stable code', async (_what, body, status, code) => {
    const res = await t
      .http()
      .post('/api/v1/fixture/echo')
      .set('Content-Type', 'application/json')
      .send(body);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it('answers unknown routes with NOT_FOUND', async () => {
    const res = await t.http().get('/api/v1/no-such-thing').expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('echoes a well-formed X-Request-Id and makes one up otherwise', async () => {
    const given = await t.http().get('/health').set('X-Request-Id', 'portal-req-12345678');
    expect(given.headers['x-request-id']).toBe('portal-req-12345678');
    const made = await t.http().get('/health').set('X-Request-Id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers and allows CORS only for the configured portal origin', async () => {
    const allowed = await t.http().get('/health').set('Origin', 'https://portal.example.jp');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://portal.example.jp');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    expect(allowed.headers['x-content-type-options']).toBe('nosniff');
    expect(allowed.headers['x-powered-by']).toBeUndefined();
    const other = await t.http().get('/health').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
