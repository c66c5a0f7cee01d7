import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { TooManyRequestsError } from '@app/platform';
import { catchError, Observable, throwError } from 'rxjs';

/** A refused contact form tells the client when to try again, as `Retry-After` (seconds). */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        const seconds = (error as InstanceType<typeof TooManyRequestsError>)?.details
          ?.retryAfterSeconds;
        if (error instanceof TooManyRequestsError && typeof seconds === 'number')
          context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
        return throwError(() => error);
      }),
    );
  }
}
