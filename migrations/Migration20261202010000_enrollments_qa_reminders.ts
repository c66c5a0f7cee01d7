import { Migration } from '@mikro-orm/migrations';

export class Migration20261202010000_enrollments_qa_reminders extends Migration {
  override async up(): Promise<void> {
    // One row per entitlement reminded: the key is what makes the reminder once-only with any
    // number of instances running the job (ADR 0090).
    this.addSql(
      `create table "enrollments"."qa_reminder" ("attendee_id" uuid not null, "account_id" uuid not null, "ends_at" timestamptz not null, "reminded_at" timestamptz not null default now(), constraint "qa_reminder_pkey" primary key ("attendee_id"), constraint "qa_reminder_attendee_id_foreign" foreign key ("attendee_id") references "enrollments"."attendee" ("id") on update cascade on delete cascade);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "enrollments"."qa_reminder";`);
  }
}
