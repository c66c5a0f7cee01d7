import { Migration } from '@mikro-orm/migrations';

export class Migration20261125123650 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "audit";`);
    this.addSql(`create schema if not exists "platform";`);
    this.addSql(`create schema if not exists "mail";`);
    this.addSql(
      `create table "audit"."audit_record" ("event_id" uuid not null, "type" varchar(120) not null, "actor_account_id" uuid null, "subject_account_id" uuid null, "client_ip" varchar(64) null, "user_agent" varchar(512) null, "request_id" varchar(64) null, "payload" jsonb not null, "occurred_at" timestamptz not null, "recorded_at" timestamptz not null default now(), constraint "audit_record_pkey" primary key ("event_id"));`,
    );
    this.addSql(
      `create index "audit_record_actor_account_id_occurred_at_index" on "audit"."audit_record" ("actor_account_id", "occurred_at");`,
    );
    this.addSql(
      `create index "audit_record_subject_account_id_occurred_at_index" on "audit"."audit_record" ("subject_account_id", "occurred_at");`,
    );

    this.addSql(
      `create table "platform"."outbox_message" ("position" bigserial primary key, "event_id" uuid not null, "type" varchar(120) not null, "subject_account_id" uuid null, "payload" jsonb not null, "secrets" jsonb null, "metadata" jsonb not null, "occurred_at" timestamptz not null, "published_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "platform"."outbox_message" add constraint "outbox_message_event_id_unique" unique ("event_id");`,
    );
    this.addSql(
      `create index "outbox_message_pending_idx" on "platform"."outbox_message" ("position") where "published_at" is null;`,
    );

    this.addSql(
      `create table "mail"."sent_mail" ("event_id" uuid not null, "event_type" varchar(120) not null, "recipient" varchar(320) not null, "message_id" varchar(255) null, "sent_at" timestamptz not null, constraint "sent_mail_pkey" primary key ("event_id"));`,
    );
  }
}
