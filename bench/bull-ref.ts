// The reference for the audit pipeline: raw Bull add + process per second on the same Redis, in its
// own process. Producers add jobs for <durationMs> at <concurrency>; a processor with the audit
// processor's concurrency (16) consumes them with no work. Prints one JSON line.
// Usage: bull-ref.ts <redisUrl> <prefix> <concurrency> <durationMs>
import Bull from 'bull';

async function main(): Promise<void> {
  const [redisUrl, prefix, concurrencyArg, durationArg] = process.argv.slice(2);
  const concurrency = Number(concurrencyArg ?? 8);
  const durationMs = Number(durationArg ?? 5000);
  const queue = new Bull('bench-reference', redisUrl, { prefix });
  let processed = 0;
  void queue.process(16, async () => {
    processed++;
    return Promise.resolve();
  });
  await queue.isReady();
  let added = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  const producer = async () => {
    while (performance.now() < deadline) {
      await queue.add({ n: added, at: Date.now() }, { removeOnComplete: true, removeOnFail: true });
      added++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, producer));
  while (processed < added && performance.now() < deadline + 60_000)
    await new Promise((r) => setTimeout(r, 20));
  const seconds = (performance.now() - start) / 1000;
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  process.stdout.write(
    JSON.stringify({ added, processed, seconds, perSecond: processed / seconds }) + '\n',
  );
}

void main();
