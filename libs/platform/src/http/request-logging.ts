import type { Request } from 'express';
import type { Params } from 'nestjs-pino';

/**
 * One log line per answer (pino-http through nestjs-pino), with the request id, at the level its
 * status deserves; the application's own log lines go through the same logger.
 */
export function requestLogging(config: { LOG_LEVEL: string; prettyLogs: boolean }): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      ...(config.prettyLogs
        ? {
            transport: {
              target: 'pino-pretty',
              options: {
                singleLine: true,
                translateTime: 'SYS:HH:MM:ss.l',
                ignore: 'pid,hostname',
              },
            },
          }
        : {}),
      genReqId: (req) => (req as Request & { id: string }).id,
      // One compact line per request: no header dump (cookies and tokens never reach the log).
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      // A 503 is the service saying "not now" (an outage, logged once with its cause where it is
      // recognised), not a fault of its own: a warning, without a made-up error and its stack.
      customLogLevel: (_req, res, error) =>
        error || (res.statusCode >= 500 && res.statusCode !== 503)
          ? 'error'
          : res.statusCode >= 400
            ? 'warn'
            : 'info',
      customErrorObject: (_req, res, _error, value: Record<string, unknown>) =>
        res.statusCode === 503 ? { ...value, err: undefined } : value,
    },
  };
}
