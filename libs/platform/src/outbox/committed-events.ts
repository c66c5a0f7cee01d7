import { Injectable, Logger } from '@nestjs/common';

/** A domain event as committed: its type and primitive payload. */
export interface CommittedEvent {
  type: string;
  payload: Record<string, unknown>;
}

export type CommittedEventListener = (event: CommittedEvent) => void;

/**
 * Tells in-process observers (the metrics) about each event right after its transaction committed,
 * exactly once, in the instance that committed it. Not a delivery mechanism: reactions that must not
 * be lost go through the outbox. A listener that throws is logged and never fails the use case.
 */
@Injectable()
export class CommittedEvents {
  private readonly logger = new Logger(CommittedEvents.name);
  private readonly listeners: CommittedEventListener[] = [];

  subscribe(listener: CommittedEventListener): void {
    this.listeners.push(listener);
  }

  notify(events: readonly CommittedEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch (error) {
          this.logger.warn(
            `Listener of committed ${event.type} failed: ${(error as Error).message}`,
          );
        }
      }
    }
  }
}
