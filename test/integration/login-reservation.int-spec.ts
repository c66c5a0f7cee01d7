import { EntityManager } from '@mikro-orm/postgresql';
import { LoginAttempts } from '../../src/modules/authentication/application/login-attempts';
import type { SeenGuessBudgets } from '../../src/modules/authentication/application/login-facts';
import { AuthenticationModule } from '../../src/modules/authentication/authentication.module';
import { DeviceCookie } from '../../src/modules/authentication/domain/device-cookie';
import { AuthenticationReadModel } from '../../src/modules/authentication/infrastructure/authentication.read-model';
import { LoginThrottleRepository } from '../../src/modules/authentication/infrastructure/login-throttle.repository';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

const MAX_FAILURES = 10;

/**
 * The password step reserves its attempt from the budgets its one read saw, with a compare-and-set
 * and no transaction (ADR 0093). These tests hold it to ADR 0020's guarantee with real PostgreSQL:
 * parallel reservations from one stale read lose no count and never pass the limit.
 */
describe('login reservation from the budgets the read saw (real PostgreSQL)', () => {
  let t: TestApp;
  let attempts: LoginAttempts;
  let reads: AuthenticationReadModel;
  let em: EntityManager;
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp({
      env: { LOGIN_MAX_CONSECUTIVE_FAILURES: String(MAX_FAILURES) },
      imports: [AuthenticationModule],
    });
    attempts = t.app.get(LoginAttempts);
    reads = t.app.get(AuthenticationReadModel);
    em = t.app.get(EntityManager).fork();
  });

  afterAll(() => t.close());

  const aUserId = () => `Guess${process.pid}x${(serial += 1)}`;

  const throttleRow = async (userId: string) => {
    const [row] = await em.execute<
      Array<{ consecutive_failures: number; attempts_in_flight: number }>
    >(
      `select "consecutive_failures", "attempts_in_flight" from "authentication"."login_throttle"
       where "login_key" = ?`,
      [userId.toLowerCase()],
    );
    return row ?? null;
  };

  const seenBy = async (userId: string, device: DeviceCookie | null = null) => {
    const row = await reads.loginFactsOf(userId, device?.nonce ?? null);
    return { userId: row.user_id_budget, device: row.device_budget } satisfies SeenGuessBudgets;
  };

  it('reads the budgets of an ID that names no account, as they are', async () => {
    const userId = aUserId();
    expect(await seenBy(userId)).toEqual({ userId: null, device: null });

    await attempts.reserve(userId, null, null, await seenBy(userId));

    const seen = await seenBy(userId);
    expect(seen.userId).toMatchObject({ consecutive_failures: 1, attempts_in_flight: 1 });
    expect(Date.parse(seen.userId!.last_reserved_at!)).not.toBeNaN();
    expect(seen.device).toBeNull();
  });

  it('counts every one of 8 parallel reservations made from one stale read, the first row included', async () => {
    const userId = aUserId();
    const stale = await seenBy(userId);

    const reserved = await Promise.all(
      Array.from({ length: 8 }, () => attempts.reserve(userId, null, null, stale)),
    );

    expect(reserved.every((r) => r.against === 'user_id')).toBe(true);
    expect(await throttleRow(userId)).toEqual({ consecutive_failures: 8, attempts_in_flight: 8 });
  });

  it('lets no more than the limit of 16 parallel reservations from one stale read through at once', async () => {
    const userId = aUserId();
    await attempts.reserve(userId, null, null, await seenBy(userId));
    const stale = await seenBy(userId);

    const settled = await Promise.allSettled(
      Array.from({ length: 16 }, () => attempts.reserve(userId, null, null, stale)),
    );

    // 1 + 16 attempts, none settled: the limit's places fill, the rest wait until their deadline.
    const through = settled.filter((s) => s.status === 'fulfilled').length;
    expect(through).toBe(MAX_FAILURES - 1);
    expect(settled.filter((s) => s.status === 'rejected')).toEqual(
      Array.from({ length: 16 - through }, () =>
        expect.objectContaining({ reason: expect.objectContaining({ code: 'TOO_MANY_ATTEMPTS' }) }),
      ),
    );
    expect(await throttleRow(userId)).toEqual({
      consecutive_failures: MAX_FAILURES,
      attempts_in_flight: MAX_FAILURES,
    });
  }, 30_000);

  it('stores a reservation only while the row holds what was seen, to the microsecond', async () => {
    const userId = aUserId();
    const throttles = t.app.get(LoginThrottleRepository);
    await em.execute(
      `insert into "authentication"."login_throttle"
         ("login_key", "consecutive_failures", "attempts_in_flight", "last_reserved_at")
       values (?, 1, 0, now())`,
      [userId.toLowerCase()],
    );
    const seen = (await seenBy(userId)).userId;
    const next = throttles.restore(userId, seen);
    next.attemptsInFlight = 1;

    expect(await throttles.storeIfUnchanged(em, seen, next)).toBe(true);
    // The row no longer holds what was seen: a second writer from the same read changes nothing.
    expect(await throttles.storeIfUnchanged(em, seen, next)).toBe(false);
    expect(await throttles.storeIfUnchanged(em, null, next)).toBe(false);
    expect(await throttleRow(userId)).toEqual({ consecutive_failures: 1, attempts_in_flight: 1 });
  });

  it("reserves against a device cookie's budget, creating its row once under parallel attempts", async () => {
    const userId = aUserId();
    const device = DeviceCookie.issue(userId, new Date(), 3_600_000);
    const stale = await seenBy(userId, device);
    expect(stale.device).toBeNull();

    const reserved = await Promise.all(
      Array.from({ length: 4 }, () => attempts.reserve(userId, null, device, stale)),
    );

    expect(reserved.every((r) => r.against === 'device')).toBe(true);
    expect((await seenBy(userId, device)).device).toMatchObject({
      consecutive_failures: 4,
      attempts_in_flight: 4,
    });
    expect(await throttleRow(userId)).toBeNull();
  });
});
