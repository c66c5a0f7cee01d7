import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommittedEvents, Metrics } from '@app/platform';
import type { CommittedEvent } from '@app/platform';
import {
  LoginFailed,
  LoginPasswordAccepted,
  LoginSucceeded,
  LoginThrottled,
} from '../../authentication/public-api';
import {
  PasswordReissueRequested,
  RecoveryRateLimited,
  UserIdLookupCompleted,
  UserIdLookupFailed,
  UserIdLookupRequested,
} from '../../recovery/public-api';
import { TwoFactorLocked, TwoFactorVerificationFailed } from '../../two-factor/public-api';

type Count = (event: CommittedEvent) => void;

const LOGIN_FAILURE_OUTCOMES: Record<string, string> = {
  two_factor_locked: 'locked',
};
const NEXT_STEP_OUTCOMES: Record<string, string> = {
  verification_required: 'two_factor_required',
  enrollment_required: 'enrollment_required',
};

/**
 * Counters of domain outcomes, driven by the events the contexts already commit (told by the
 * platform right after each commit, in the instance that served the request). The contexts know
 * nothing of metrics; this context reads their public events, the way the arrows run.
 */
@Injectable()
export class OutcomeMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly committed: CommittedEvents,
  ) {}

  onModuleInit(): void {
    const counts = this.counts();
    this.committed.subscribe((event) => counts.get(event.type)?.(event));
  }

  private counts(): Map<string, Count> {
    const logins = this.metrics.counter({
      name: 'login_attempts_total',
      help: 'Login steps by outcome: succeeded, wrong_password, unknown_user_id, cool_down, rate_limited, two_factor_required, enrollment_required, locked, …',
      labelNames: ['outcome'],
    });
    const twoFactorFailures = this.metrics.counter({
      name: 'two_factor_failures_total',
      help: 'Wrong or reused two-factor codes',
      labelNames: ['reason'],
    });
    const twoFactorLocks = this.metrics.counter({
      name: 'two_factor_locks_total',
      help: 'Accounts locked after too many wrong two-factor codes',
    });
    const recoveryRequests = this.metrics.counter({
      name: 'recovery_requests_total',
      help: 'User-ID lookup and password re-issue requests, by flow and outcome',
      labelNames: ['flow', 'outcome'],
    });
    const recoveryRefusals = this.metrics.counter({
      name: 'recovery_refusals_total',
      help: 'Recovery requests refused, by flow and reason (rate_limited, wrong_password, expired, …)',
      labelNames: ['flow', 'reason'],
    });
    const text = (event: CommittedEvent, field: string) => String(event.payload[field]);
    const login = (outcome: string | undefined) => {
      if (outcome) logins.inc({ outcome });
    };
    return new Map<string, Count>([
      [LoginSucceeded.TYPE, () => login('succeeded')],
      [
        LoginFailed.TYPE,
        (e) => login(LOGIN_FAILURE_OUTCOMES[text(e, 'reason')] ?? text(e, 'reason')),
      ],
      [
        LoginThrottled.TYPE,
        (e) => login(text(e, 'limit') === 'account' ? 'cool_down' : 'rate_limited'),
      ],
      [LoginPasswordAccepted.TYPE, (e) => login(NEXT_STEP_OUTCOMES[text(e, 'next')])],
      [
        TwoFactorVerificationFailed.TYPE,
        (e) => twoFactorFailures.inc({ reason: text(e, 'reason') }),
      ],
      [TwoFactorLocked.TYPE, () => twoFactorLocks.inc()],
      [
        UserIdLookupRequested.TYPE,
        (e) =>
          recoveryRequests.inc({
            flow: 'lookup_password_request',
            outcome: Number(e.payload.matchingAccounts) > 0 ? 'issued' : 'no_account',
          }),
      ],
      [
        UserIdLookupCompleted.TYPE,
        () => recoveryRequests.inc({ flow: 'user_id_lookup', outcome: 'completed' }),
      ],
      [
        PasswordReissueRequested.TYPE,
        (e) => recoveryRequests.inc({ flow: 'password_reissue', outcome: text(e, 'outcome') }),
      ],
      [
        UserIdLookupFailed.TYPE,
        (e) => recoveryRefusals.inc({ flow: 'user_id_lookup', reason: text(e, 'reason') }),
      ],
      [
        RecoveryRateLimited.TYPE,
        (e) => recoveryRefusals.inc({ flow: text(e, 'flow'), reason: 'rate_limited' }),
      ],
    ]);
  }
}
