import { Module } from '@nestjs/common';
import { OutcomeMetrics } from './application/outcome-metrics';

/** What operators watch: counters of the contexts' outcomes, read from their committed events. */
@Module({ providers: [OutcomeMetrics] })
export class OperationsModule {}
