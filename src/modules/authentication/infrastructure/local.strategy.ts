import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { LogInWithPasswordCommand } from '../application/commands/log-in-with-password/log-in-with-password.command';
import type { LoginOutcome } from '../application/login-outcome';
import { DEVICE_COOKIE, readCookie } from './session-credentials';

/**
 * passport-local reads `userId` and `password` from the body, and this the device cookie (ADR 0023);
 * the login use case does the rest.
 */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly commands: CommandBus) {
    super({ usernameField: 'userId', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: Request, userId: string, password: string): Promise<LoginOutcome> {
    const device = readCookie(request.headers.cookie, DEVICE_COOKIE) ?? undefined;
    return this.commands.execute(new LogInWithPasswordCommand(userId, password, device));
  }
}
