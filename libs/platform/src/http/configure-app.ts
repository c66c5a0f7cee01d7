import { randomUUID } from 'node:crypto';
import { registeredErrors } from '@app/ddd';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { recordHttpMetrics } from '../metrics/http-metrics';
import { Metrics } from '../metrics/metrics';
import { DomainExceptionFilter } from './domain-exception.filter';
import { STATUS_BY_KIND } from './http-status';
import { ErrorResponseDto } from './error-response.dto';
import { answerParserRefusalsAsJson } from './parser-refusals';
import { acceptJsonBodiesOnly, screenRequestInput } from './request-screening';
import { createValidationPipe } from './validation';
import { contentSecurityPolicies, serveWebApp } from './web-app';

export const API_PREFIX = 'api/v1';

/**
 * The signals that stop the service gracefully. Nest's default also shuts down on SIGHUP, SIGUSR2
 * and the like, which process managers and profilers use for other things.
 */
export const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Everything about the HTTP edge, shared by the real bootstrap and the end-to-end tests. */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(assignRequestId);
  app.use(recordHttpMetrics(app.get(Metrics)));
  useSecurityHeaders(app, config);
  useInputScreening(app, config.BODY_LIMIT);
  serveWebApp(app, config.WEB_DIR);
  setRoutePrefix(app);
  useValidation(app);
  app.enableShutdownHooks([...STOP_SIGNALS]);
  answerParserRefusalsAsJson(app.getHttpServer());
  setUpOpenApi(app);
}

/** The caller's `X-Request-Id` when it looks like one, else a fresh UUID; echoed in the answer. */
export function assignRequestId(
  req: Request & { id?: string },
  res: Response,
  next: NextFunction,
): void {
  const incoming = req.headers['x-request-id'];
  req.id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  next();
}

/** Content-Security-Policy and helmet's other headers, CORS, and `no-store` on every API answer. */
export function useSecurityHeaders(
  app: NestExpressApplication,
  config: Pick<AppConfig, 'COOKIE_SECURE' | 'corsOrigins'>,
): void {
  app.use(contentSecurityPolicies(config.COOKIE_SECURE));
  app.enableCors({
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    credentials: true,
  });
  // Answers carry session tokens, secrets and personal data: no cache may keep any of them.
  app.use(`/${API_PREFIX}`, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
}

/** JSON bodies only, parsed up to `bodyLimit`, then screened for what would fail deep inside (ADR 0004). */
export function useInputScreening(app: NestExpressApplication, bodyLimit: string): void {
  app.use(acceptJsonBodiesOnly);
  app.useBodyParser('json', { limit: bodyLimit });
  app.use(screenRequestInput);
}

/** DTO validation of every body, query and parameter, and one shape for every error. */
export function useValidation(app: INestApplication): void {
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter());
}

/** The API under /api/v1; the health check stays at the top, where orchestrators look for it. */
export function setRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: ['health', 'health/live', 'health/ready', 'metrics'],
  });
}

function setUpOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}

/**
 * The OpenAPI document of the app's routes (after `setRoutePrefix`). Needs only the module graph,
 * not running providers, so `web/scripts/api-types.ts` builds it from a preview app.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Account platform')
    .setDescription(
      'Accounts, login, two-factor authentication, recovery and group administration for the training portal. ' +
        'Errors are `{code, message, details?}`; `message` follows Accept-Language (ja default, en).',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'Session token from POST /auth/login',
    })
    .addCookieAuth('session')
    .build();
  const document = SwaggerModule.createDocument(app, builder, { extraModels: [ErrorResponseDto] });
  const errors = registeredErrors();
  const schema = document.components?.schemas?.[ErrorResponseDto.name] as
    | { properties?: Record<string, Record<string, unknown>> }
    | undefined;
  if (schema?.properties?.code) schema.properties.code.enum = errors.map((e) => e.code);
  (document as unknown as Record<string, unknown>)['x-error-codes'] = errors.map((e) => ({
    code: e.code,
    status: e.code === 'INTERNAL_ERROR' ? 500 : STATUS_BY_KIND[e.kind],
    ja: e.message.ja,
    en: e.message.en,
  }));
  return document;
}
