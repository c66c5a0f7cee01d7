// The reference for password logins: raw argon2.verify per second, no HTTP, in its own process.
// Usage: argon2-ref.ts <concurrency> <durationMs>; prints one JSON line {ops, seconds, perSecond}.
import * as argon2 from 'argon2';

async function main(): Promise<void> {
  const concurrency = Number(process.argv[2] ?? 10);
  const durationMs = Number(process.argv[3] ?? 5000);
  const options = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };
  const hashes = await Promise.all(
    Array.from({ length: 4 }, (_, i) => argon2.hash(`BenchPassword-${i}!`, options)),
  );
  let ops = 0;
  let failures = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  const worker = async (w: number) => {
    while (performance.now() < deadline) {
      const k = (w + ops) % hashes.length;
      if (!(await argon2.verify(hashes[k], `BenchPassword-${k}!`))) failures++;
      ops++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - start) / 1000;
  process.stdout.write(JSON.stringify({ ops, failures, seconds, perSecond: ops / seconds }) + '\n');
}

void main();
