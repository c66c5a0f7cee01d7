import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { LogInWithPasswordCommand } from '../application/commands/log-in-with-password/log-in-with-password.command';
import type { LoginOutcome } from '../application/login-outcome';

/** passport-local reads `userId` and `password` from the body; the login use case does the rest. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly commands: CommandBus) {
    super({ usernameField: 'userId', passwordField: 'password' });
  }

  validate(userId: string, password: string): Promise<LoginOutcome> {
    return this.commands.execute(new LogInWithPasswordCommand(userId, password));
  }
}
