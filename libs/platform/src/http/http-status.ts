import { HttpStatus } from '@nestjs/common';
import type { ErrorKind } from '@app/ddd';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  locked: HttpStatus.LOCKED,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  // Answered by the HTTP parser hook, before Nest sees a request; HttpStatus has no 431.
  headers_too_large: 431,
  timeout: HttpStatus.REQUEST_TIMEOUT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};
