import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { DeliveredEvent, RateLimiter, RequestContext, SecretHasher } from '@app/platform';

/**
 * A hasher without argon2: the "hash" of `x` is `hashed:x`, and verifying compares strings.
 * `outdated` lists hashes that `needsRehash` reports as made with older parameters.
 */
export function fakeHasher(options: { outdated?: string[] } = {}): jest.Mocked<SecretHasher> {
  return {
    hash: jest.fn((plain: string) => Promise.resolve(hashOf(plain))),
    verify: jest.fn((hash: string, plain: string) => Promise.resolve(hash === hashOf(plain))),
    verifyNothing: jest.fn(() => Promise.resolve(false as const)),
    hashNothing: jest.fn(() => Promise.resolve()),
    needsRehash: jest.fn((hash: string) => (options.outdated ?? []).includes(hash)),
  } as unknown as jest.Mocked<SecretHasher>;
}

export const hashOf = (plain: string) => `hashed:${plain}`;

type MessageClass = abstract new (...args: never[]) => object;
/** What a bus double answers for one message class: a value, or a function of the message. */
export type BusAnswer = [MessageClass, unknown];

function answer(answers: BusAnswer[], message: object, otherwise: () => Promise<unknown>) {
  const entry = answers.find(([type]) => message instanceof type);
  if (!entry) return otherwise();
  const [, value] = entry;
  return Promise.resolve().then(() =>
    typeof value === 'function' ? (value as (m: object) => unknown)(message) : value,
  );
}

/**
 * A query bus that answers by the query's class: `answeringQueryBus([GetAccountQuery, account])`.
 * An unexpected query fails the spec.
 */
export function answeringQueryBus(
  ...answers: BusAnswer[]
): QueryBus & { asked: object[]; execute: jest.Mock } {
  const asked: object[] = [];
  return {
    asked,
    execute: jest.fn((query: object) => {
      asked.push(query);
      return answer(answers, query, () =>
        Promise.reject(new Error(`unexpected query ${query.constructor.name}`)),
      );
    }),
  } as unknown as QueryBus & { asked: object[]; execute: jest.Mock };
}

/** A command bus that records what it was sent and answers by class (`undefined` otherwise). */
export function recordingCommandBus(...answers: BusAnswer[]): CommandBus & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    execute: jest.fn((command: object) => {
      sent.push(command);
      return answer(answers, command, () => Promise.resolve(undefined));
    }),
  } as unknown as CommandBus & { sent: unknown[] };
}

/** A rate limiter that allows everything, or refuses every key with `retryAfterSeconds`. */
export function rateLimiter(decision: { refusedFor?: number } = {}): jest.Mocked<RateLimiter> {
  const allowed = decision.refusedFor === undefined;
  return {
    consume: jest.fn(() =>
      Promise.resolve({ allowed, retryAfterSeconds: decision.refusedFor ?? 0 }),
    ),
  } as unknown as jest.Mocked<RateLimiter>;
}

export function requestContext(
  values: { clientIp?: string | null; userAgent?: string | null } = {},
): RequestContext {
  return {
    clientIp: values.clientIp ?? '192.0.2.10',
    userAgent: values.userAgent ?? 'Mozilla/5.0 (spec)',
  } as unknown as RequestContext;
}

/** An event as the outbox delivers it to another context's handler. */
export function aDeliveredEvent<P extends object>(
  type: string,
  payload: P,
  subjectAccountId: string | null = null,
): DeliveredEvent<P> {
  return {
    eventId: '0190a3c4-0000-7000-8000-0000000000e1',
    type,
    occurredAt: new Date().toISOString(),
    subjectAccountId,
    payload,
    metadata: {} as DeliveredEvent['metadata'],
  };
}
