import { Migration } from '@mikro-orm/migrations';

export class Migration20261201034645_outbox_delivery_per_consumer extends Migration {
  override async up(): Promise<void> {
    // Added without a default first: a default of now() would make every message ever relayed due
    // again and resend years of mail. Messages the previous relay marked published count as
    // delivered (their consumers were never recorded); the ones it had not reached are due now.
    this.addSql(
      `alter table "platform"."outbox_message" add column "pending_consumers" text[] null, add column "relay_at" timestamptz null;`,
    );
    this.addSql(
      `update "platform"."outbox_message" set "relay_at" = now() where "published_at" is null;`,
    );
    this.addSql(
      `alter table "platform"."outbox_message" alter column "relay_at" set default now();`,
    );
    this.addSql(
      `create index "outbox_message_relay_due_idx" on "platform"."outbox_message" ("relay_at", "position") where "relay_at" is not null;`,
    );
    this.addSql(`drop index "platform"."outbox_message_pending_idx";`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `create index "outbox_message_pending_idx" on "platform"."outbox_message" ("position") where "published_at" is null;`,
    );
    this.addSql(`drop index "platform"."outbox_message_relay_due_idx";`);
    this.addSql(
      `alter table "platform"."outbox_message" drop column "pending_consumers", drop column "relay_at";`,
    );
  }
}
