import { DomainError } from '@app/ddd';
import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { databaseUnreachableReason } from '../database/database-unreachable';
import { STATUS_BY_KIND } from './http-status';
import { negotiateLanguage } from './language';
import {
  InternalError,
  MalformedRequestError,
  PayloadTooLargeError,
  RouteNotFoundError,
  ServiceUnavailableError,
  TooManyRequestsError,
} from './platform.errors';

/** Seconds a client is asked to wait before retrying a 503: about what a database restart takes. */
const RETRY_AFTER_SECONDS = 5;

/**
 * The single place where failures become HTTP answers: `{code, message, details}` with the message
 * in the caller's language. Anything unexpected is logged and answered without internals.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    // Only the health check's own 503 keeps its report; refusals there answer like everywhere else.
    if (exception instanceof ServiceUnavailableException && request.path.startsWith('/health')) {
      this.askToRetryLater(response, exception.getStatus());
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    const error = this.toDomainError(exception, request, response);
    const status =
      error.code === InternalError.code
        ? HttpStatus.INTERNAL_SERVER_ERROR
        : STATUS_BY_KIND[error.kind];
    const language = negotiateLanguage(request.headers['accept-language']);
    if (response.headersSent) return;
    this.askToRetryLater(response, status, error);
    response
      .status(status)
      .setHeader('Content-Language', language)
      .json({
        code: error.code,
        message: error.definition.message[language],
        ...(error.details ? { details: error.details } : {}),
      });
  }

  private toDomainError(exception: unknown, request: Request, response: Response): DomainError {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof ThrottlerException)
      return new TooManyRequestsError({ retryAfterSeconds: throttlerRetryAfter(response) });
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === Number(HttpStatus.PAYLOAD_TOO_LARGE)) return new PayloadTooLargeError();
      if (status === Number(HttpStatus.NOT_FOUND)) return new RouteNotFoundError();
      if (status === Number(HttpStatus.TOO_MANY_REQUESTS)) return new TooManyRequestsError();
      if (status === Number(HttpStatus.SERVICE_UNAVAILABLE)) return new ServiceUnavailableError();
      if (status < 500) return new MalformedRequestError();
    }
    const bodyParserError = exception as { type?: string; status?: number };
    if (bodyParserError?.type === 'entity.too.large') return new PayloadTooLargeError();
    if (bodyParserError?.type === 'entity.parse.failed') return new MalformedRequestError();
    if (
      typeof bodyParserError?.status === 'number' &&
      bodyParserError.status >= 400 &&
      bodyParserError.status < 500
    ) {
      return new MalformedRequestError();
    }
    const unreachable = databaseUnreachableReason(exception);
    if (unreachable) {
      this.logger.warn(
        { reason: unreachable, method: request.method, url: request.originalUrl },
        'Database unreachable while serving a request',
      );
      return new ServiceUnavailableError();
    }
    this.logger.error(
      { err: exception, method: request.method, url: request.originalUrl },
      'Unhandled error while serving a request',
    );
    return new InternalError();
  }

  /**
   * 503: about a database restart. 429: the seconds until an attempt can succeed, as the refusing
   * limit computed them (from the limit's key alone, never from whether an account exists).
   */
  private askToRetryLater(response: Response, status: number, error?: DomainError): void {
    if (status === Number(HttpStatus.SERVICE_UNAVAILABLE))
      response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (status === Number(HttpStatus.TOO_MANY_REQUESTS)) {
      const seconds = error?.details?.retryAfterSeconds;
      response.setHeader(
        'Retry-After',
        String(
          typeof seconds === 'number' && seconds > 0
            ? Math.ceil(seconds)
            : RATE_LIMIT_WINDOW_SECONDS,
        ),
      );
    }
  }
}

/** The global throttler's window: the longest a refusal without its own figure can last. */
const RATE_LIMIT_WINDOW_SECONDS = 60;

/** The global throttler puts its wait in `Retry-After-<throttler name>`; the answer says it plainly. */
function throttlerRetryAfter(response: Response): number {
  for (const name of response.getHeaderNames()) {
    if (!name.startsWith('retry-after-')) continue;
    const seconds = Number(response.getHeader(name));
    if (Number.isFinite(seconds) && seconds > 0) return Math.ceil(seconds);
  }
  return RATE_LIMIT_WINDOW_SECONDS;
}
