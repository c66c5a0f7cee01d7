import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ClsService, ClsStore } from 'nestjs-cls';
import type { ClsModuleOptions } from 'nestjs-cls';
import { clientAddress } from './client-address';
import type { EventMetadata } from '../outbox/outbox-message.entity';

export interface RequestContextStore extends ClsStore {
  requestId?: string;
  clientIp?: string;
  userAgent?: string;
  actorAccountId?: string;
  staffReason?: string;
  supportRequestId?: string;
}

type ContextKey =
  | 'requestId'
  | 'clientIp'
  | 'userAgent'
  | 'actorAccountId'
  | 'staffReason'
  | 'supportRequestId';

/**
 * Who is acting and from where, for the current request or job. Read by the outbox so every event
 * carries its actor, client IP and user agent into the audit trail.
 */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService<RequestContextStore>) {}

  private read(key: ContextKey): string | undefined {
    if (!this.cls.isActive()) return undefined;
    const store: RequestContextStore = this.cls.get();
    return store[key];
  }

  get requestId(): string | null {
    return this.read('requestId') ?? null;
  }

  get clientIp(): string | null {
    return this.read('clientIp') ?? null;
  }

  get userAgent(): string | null {
    return this.read('userAgent') ?? null;
  }

  get actorAccountId(): string | null {
    return this.read('actorAccountId') ?? null;
  }

  /** Why a staff member acts, and the support request that led to it (ADR 0080). */
  get staffReason(): string | null {
    return this.read('staffReason') ?? null;
  }

  get supportRequestId(): string | null {
    return this.read('supportRequestId') ?? null;
  }

  setActor(accountId: string): void {
    if (this.cls.isActive()) this.cls.set('actorAccountId', accountId);
  }

  /** Every event the rest of this request raises carries the reason into the audit trail. */
  noteStaffAction(action: { reason?: string; supportRequestId?: string }): void {
    if (!this.cls.isActive()) return;
    if (action.reason !== undefined) this.cls.set('staffReason', action.reason);
    if (action.supportRequestId !== undefined)
      this.cls.set('supportRequestId', action.supportRequestId);
  }

  /** Runs `fn` in a fresh context, e.g. for a queue job or a start-up task acting for someone. */
  run<T>(values: Partial<RequestContextStore>, fn: () => Promise<T>): Promise<T> {
    return this.cls.run(async () => {
      for (const [key, value] of Object.entries(values)) {
        this.cls.set(key as keyof RequestContextStore, value);
      }
      return fn();
    });
  }

  metadata(): EventMetadata {
    return {
      actorAccountId: this.actorAccountId,
      clientIp: this.clientIp,
      userAgent: this.userAgent,
      requestId: this.requestId,
      ...(this.staffReason !== null ? { staffReason: this.staffReason } : {}),
      ...(this.supportRequestId !== null ? { supportRequestId: this.supportRequestId } : {}),
    };
  }
}

/** Every HTTP request opens its context with its id, client address and user agent. */
export function requestContextOptions(): ClsModuleOptions {
  return {
    global: true,
    middleware: {
      mount: true,
      setup: (cls, req: Request & { id?: string }) => {
        const store = cls as unknown as {
          set<K extends keyof RequestContextStore>(k: K, v: RequestContextStore[K]): void;
        };
        store.set('requestId', req.id);
        store.set('clientIp', clientAddress(req));
        store.set('userAgent', req.headers['user-agent']?.slice(0, 512));
      },
    },
  };
}
