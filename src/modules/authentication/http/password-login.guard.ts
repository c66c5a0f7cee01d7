import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { createValidationPipe, InvalidCredentialsError } from '@app/platform';
import type { Request } from 'express';
import type { LoginOutcome } from '../application/login-outcome';
import { LoginRequestDto } from './auth.dto';

/**
 * Runs passport-local for POST /auth/login. Guards run before pipes, so the body is validated here
 * first: a malformed body is a 400 and never reaches the password step.
 */
@Injectable()
export class PasswordLoginGuard extends AuthGuard('local') {
  private readonly validation = createValidationPipe();

  override async canActivate(execution: ExecutionContext): Promise<boolean> {
    const request = execution.switchToHttp().getRequest<Request>();
    request.body = (await this.validation.transform(request.body, {
      type: 'body',
      metatype: LoginRequestDto,
    })) as LoginRequestDto;
    return (await super.canActivate(execution)) as boolean;
  }

  override handleRequest<T = LoginOutcome>(error: unknown, outcome: T | false): T {
    if (error) throw error as Error;
    if (!outcome) throw new InvalidCredentialsError();
    return outcome;
  }
}
