import { randomInt, randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { AggregateRoot } from '@app/ddd';
import type { SupportCategory, SupportLanguage, SupportStatus } from './support-request-category';
import { SupportRequestClosedError, SupportRequestTakenError } from './support.errors';
import {
  SupportRequestAnswered,
  SupportRequestClosed,
  SupportRequestReceived,
  SupportRequestTaken,
} from './support.events';

/** Unambiguous characters, so a number read out on the telephone is understood. */
const NUMBER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export interface ContactFormInput {
  category: SupportCategory;
  userId: string | null;
  email: string;
  message: string;
  language: SupportLanguage;
  /** The account when the user ID and the address belong to the same one, else null. */
  accountId: string | null;
}

/**
 * A contact-form message and support's handling of it: open, then in progress with one staff
 * member, then closed by a reply (mailed) or without one. Changed under its row lock only, so of two
 * staff members replying at once exactly one reply is mailed.
 */
@Entity({ schema: 'support', tableName: 'support_request' })
@Index({ properties: ['status', 'receivedAt'] })
@Index({ properties: ['accountId', 'receivedAt'] })
export class SupportRequest extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 16, unique: true })
  requestNumber!: string;

  @Property({ type: 'string', length: 32 })
  category!: SupportCategory;

  /** As typed on the form (bounded); null when left empty. */
  @Property({ type: 'string', length: 64, nullable: true })
  userId: string | null = null;

  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'text' })
  message!: string;

  @Property({ type: 'string', length: 2 })
  language!: SupportLanguage;

  @Property({ type: 'uuid', nullable: true })
  accountId: string | null = null;

  @Property({ type: 'string', length: 16 })
  status: SupportStatus = 'open';

  @Property({ type: 'timestamptz' })
  receivedAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  assigneeAccountId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  takenAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  reply: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  closedByAccountId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  get verified(): boolean {
    return this.accountId !== null;
  }

  static receive(input: ContactFormInput, now: Date): SupportRequest {
    const request = new SupportRequest();
    request.requestNumber = newRequestNumber();
    request.category = input.category;
    request.userId = input.userId;
    request.email = input.email;
    request.message = input.message;
    request.language = input.language;
    request.accountId = input.accountId;
    request.receivedAt = now;
    request.record(
      new SupportRequestReceived(
        {
          supportRequestId: request.id,
          requestNumber: request.requestNumber,
          category: request.category,
          verified: request.verified,
          language: request.language,
        },
        request.accountId,
        request.email,
      ),
    );
    return request;
  }

  /** The staff member handles it. Taking one's own request again changes nothing. */
  take(staffAccountId: string, now: Date): boolean {
    this.refuseIfClosed();
    if (this.status === 'in_progress') {
      if (this.assigneeAccountId === staffAccountId) return false;
      throw new SupportRequestTakenError({ assigneeAccountId: this.assigneeAccountId });
    }
    this.status = 'in_progress';
    this.assigneeAccountId = staffAccountId;
    this.takenAt = now;
    this.record(
      new SupportRequestTaken({ ...this.reference(), byAccountId: staffAccountId }, this.accountId),
    );
    return true;
  }

  /** Answers the customer by mail, in their language, and closes the request. */
  answer(staffAccountId: string, reply: string, now: Date): void {
    this.refuseIfClosed();
    this.closeBy(staffAccountId, now);
    this.reply = reply;
    this.record(
      new SupportRequestAnswered(
        { ...this.reference(), byAccountId: staffAccountId, language: this.language, reply },
        this.accountId,
        this.email,
      ),
    );
  }

  closeWithoutReply(staffAccountId: string, now: Date): void {
    this.refuseIfClosed();
    this.closeBy(staffAccountId, now);
    this.record(
      new SupportRequestClosed(
        { ...this.reference(), byAccountId: staffAccountId },
        this.accountId,
      ),
    );
  }

  private closeBy(staffAccountId: string, now: Date): void {
    this.status = 'closed';
    this.assigneeAccountId ??= staffAccountId;
    this.closedByAccountId = staffAccountId;
    this.closedAt = now;
  }

  private refuseIfClosed(): void {
    if (this.status === 'closed') throw new SupportRequestClosedError();
  }

  private reference(): { supportRequestId: string; requestNumber: string } {
    return { supportRequestId: this.id, requestNumber: this.requestNumber };
  }
}

function newRequestNumber(): string {
  let suffix = '';
  for (let i = 0; i < 10; i += 1) suffix += NUMBER_ALPHABET[randomInt(NUMBER_ALPHABET.length)];
  return `S-${suffix}`;
}
