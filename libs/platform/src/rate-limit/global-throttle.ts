import type { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';

/** Every client's requests per minute, counted in the shared storage (all instances together, ADR 0099). */
export function globalThrottle(
  perMinute: number,
  storage: ThrottlerStorage,
): ThrottlerModuleOptions {
  return { throttlers: [{ name: 'per-client', ttl: 60_000, limit: perMinute }], storage };
}
