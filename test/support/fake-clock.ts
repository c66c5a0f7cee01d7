import type { Config } from '@jest/types';

/**
 * `jest.useFakeTimers({ ...CLOCK_ONLY, now })`: only `Date` is faked, so a test can move the clock
 * while timers, sockets and reconnections run for real.
 */
export const CLOCK_ONLY: { doNotFake: Config.FakeableAPI[] } = {
  doNotFake: [
    'hrtime',
    'nextTick',
    'performance',
    'queueMicrotask',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'requestIdleCallback',
    'cancelIdleCallback',
    'setImmediate',
    'clearImmediate',
    'setInterval',
    'clearInterval',
    'setTimeout',
    'clearTimeout',
  ],
};
