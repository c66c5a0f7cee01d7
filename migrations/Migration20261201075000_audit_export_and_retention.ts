import { Migration } from '@mikro-orm/migrations';

export class Migration20261201075000_audit_export_and_retention extends Migration {
  override async up(): Promise<void> {
    // Exports read a time range in order, the retention purge deletes the oldest rows.
    this.addSql(
      `create index "audit_record_occurred_at_event_id_index" on "audit"."audit_record" ("occurred_at", "event_id");`,
    );
    this.addSql(
      `create table "audit"."erased_subject" ("account_id" uuid not null primary key, "erased_at" timestamptz not null default now());`,
    );
    this.addSql(
      `create table "audit"."retention_run" ("id" bigserial primary key, "scheduled_for" timestamptz not null, "cutoff" timestamptz not null, "purged" int not null, "scrubbed" int not null, "ran_at" timestamptz not null default now());`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "audit"."retention_run";`);
    this.addSql(`drop table "audit"."erased_subject";`);
    this.addSql(`drop index "audit"."audit_record_occurred_at_event_id_index";`);
  }
}
