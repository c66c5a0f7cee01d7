import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CounterConfiguration, GaugeConfiguration, HistogramConfiguration } from 'prom-client';

/**
 * The instance's Prometheus metrics. Each app instance has a registry of its own (not prom-client's
 * global one), so several apps in one process (the tests) never share or collide on a metric.
 * Contexts declare their metrics through `counter`/`gauge`/`histogram`: asking twice for one name
 * returns the same metric.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = this.counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'],
  });

  readonly httpDuration = this.histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });

  readonly rateLimitRefusals = this.counter({
    name: 'rate_limit_refusals_total',
    help: 'Requests refused with 429 (login cool-down, recovery limits, global throttling, …), by route template',
    labelNames: ['route'],
  });

  readonly argon2Duration = this.histogram({
    name: 'argon2_duration_seconds',
    help: 'Time of one argon2id hash or verification',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  });

  readonly committedEvents = this.counter({
    name: 'domain_events_total',
    help: 'Domain events committed to the outbox by this instance, by type',
    labelNames: ['type'],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  counter<L extends string>(configuration: CounterConfiguration<L>): Counter<L> {
    return (
      this.existing<Counter<L>>(configuration.name) ??
      new Counter({ ...configuration, registers: [this.registry] })
    );
  }

  gauge<L extends string>(configuration: GaugeConfiguration<L>): Gauge<L> {
    return (
      this.existing<Gauge<L>>(configuration.name) ??
      new Gauge({ ...configuration, registers: [this.registry] })
    );
  }

  histogram<L extends string>(configuration: HistogramConfiguration<L>): Histogram<L> {
    return (
      this.existing<Histogram<L>>(configuration.name) ??
      new Histogram({ ...configuration, registers: [this.registry] })
    );
  }

  /** Times `work` into a histogram, whether it succeeds or fails. */
  async timed<T>(
    histogram: Histogram<string>,
    labels: Record<string, string>,
    work: () => Promise<T>,
  ): Promise<T> {
    const end = histogram.startTimer(labels);
    try {
      return await work();
    } finally {
      end();
    }
  }

  private existing<M>(name: string): M | undefined {
    return this.registry.getSingleMetric(name) as M | undefined;
  }
}
