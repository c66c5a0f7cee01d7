import type { TestApp } from './test-app';

export const METRICS_TOKEN = 'test-metrics-token-0123456789';

/** The instance's metrics as Prometheus text, read the way Prometheus reads them. */
export async function scrape(t: TestApp): Promise<Samples> {
  const res = await t
    .http()
    .get('/metrics')
    .set('Authorization', `Bearer ${METRICS_TOKEN}`)
    .expect(200);
  return new Samples(res.text);
}

/** Sample values by name and labels, as Prometheus' text format lists them. */
export class Samples {
  constructor(readonly text: string) {}

  /** The sum of every sample of `name` whose labels include `labels` (0 when there is none). */
  value(name: string, labels: Record<string, string> = {}): number {
    let total = 0;
    for (const line of this.text.split('\n')) {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match || match[1] !== name) continue;
      const present = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
      );
      if (Object.entries(labels).every(([key, value]) => present[key] === value))
        total += Number(match[3]);
    }
    return total;
  }

  has(name: string): boolean {
    return this.text
      .split('\n')
      .some((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`));
  }
}
