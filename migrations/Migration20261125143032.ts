import { Migration } from '@mikro-orm/migrations';

export class Migration20261125143032 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "accounts";`);
    this.addSql(`create schema if not exists "audit";`);
    this.addSql(`create schema if not exists "authentication";`);
    this.addSql(`create schema if not exists "groups";`);
    this.addSql(`create schema if not exists "recovery";`);
    this.addSql(`create schema if not exists "platform";`);
    this.addSql(`create schema if not exists "two_factor";`);
    this.addSql(`create schema if not exists "mail";`);
    this.addSql(
      `create table "accounts"."account" ("id" uuid not null, "user_id" varchar(20) not null, "type" text check ("type" in ('individual', 'corporate', 'group')) not null, "status" text check ("status" in ('active', 'withdrawal_requested', 'withdrawn')) not null default 'active', "email" varchar(254) null, "language" text check ("language" in ('ja', 'en')) not null default 'ja', "name" varchar(100) null, "name_kana" varchar(100) null, "phone" varchar(20) null, "company_name" varchar(100) null, "department" varchar(100) null, "group_name" varchar(100) null, "registered_by" text check ("registered_by" in ('self', 'staff', 'group_admin')) not null, "registered_at" timestamptz not null, "renewal_requested_at" timestamptz null, "withdrawal_requested_at" timestamptz null, "withdrawal_reason" varchar(1000) null, "withdrawn_at" timestamptz null, "updated_at" timestamptz not null, constraint "account_pkey" primary key ("id"), constraint account_user_id_format_check check ("user_id" ~ '^[A-Za-z0-9]{6,20}$'));`,
    );
    this.addSql(
      `create index "account_status_withdrawal_requested_at_index" on "accounts"."account" ("status", "withdrawal_requested_at");`,
    );
    this.addSql(
      `create index "account_email_lower_index" on "accounts"."account" (lower("email"));`,
    );
    this.addSql(
      `create unique index "account_user_id_lower_unique" on "accounts"."account" (lower("user_id"));`,
    );

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
      `create table "authentication"."credential" ("account_id" uuid not null, "user_id" varchar(20) not null, "password_hash" varchar(255) null, "password_changed_at" timestamptz null, "must_change_password" boolean not null default false, "temporary_password_hash" varchar(255) null, "temporary_password_expires_at" timestamptz null, "temporary_password_used_at" timestamptz null, constraint "credential_pkey" primary key ("account_id"));`,
    );

    this.addSql(
      `create table "groups"."group" ("id" uuid not null, "name" varchar(100) not null, "created_at" timestamptz not null, constraint "group_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "authentication"."login_throttle" ("login_key" varchar(64) not null, "consecutive_failures" int not null default 0, "cooldown_until" timestamptz null, constraint "login_throttle_pkey" primary key ("login_key"));`,
    );

    this.addSql(
      `create table "recovery"."lookup_password" ("email_hash" varchar(64) not null, "password_hash" varchar(255) not null, "issued_at" timestamptz not null, "expires_at" timestamptz not null, "failed_attempts" int not null default 0, "used_at" timestamptz null, constraint "lookup_password_pkey" primary key ("email_hash"));`,
    );

    this.addSql(
      `create table "groups"."membership" ("account_id" uuid not null, "group_id" uuid not null, "is_administrator" boolean not null default false, "joined_at" timestamptz not null, constraint "membership_pkey" primary key ("account_id"));`,
    );
    this.addSql(
      `create index "membership_group_id_is_administrator_index" on "groups"."membership" ("group_id", "is_administrator");`,
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
      `create table "two_factor"."recovery_code" ("id" uuid not null, "account_id" uuid not null, "code_hash" text not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "recovery_code_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "recovery_code_account_id_index" on "two_factor"."recovery_code" ("account_id");`,
    );

    this.addSql(
      `create table "mail"."sent_mail" ("event_id" uuid not null, "event_type" varchar(120) not null, "recipient" varchar(320) not null, "message_id" varchar(255) null, "sent_at" timestamptz not null, constraint "sent_mail_pkey" primary key ("event_id"));`,
    );

    this.addSql(
      `create table "authentication"."session" ("id" uuid not null, "account_id" uuid not null, "user_id" varchar(20) not null, "token_hash" varchar(64) not null, "scope" varchar(20) not null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_reason" varchar(40) null, "client_ip" varchar(64) null, "user_agent" varchar(512) null, constraint "session_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "authentication"."session" add constraint "session_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(
      `create index "session_account_id_revoked_at_index" on "authentication"."session" ("account_id", "revoked_at");`,
    );

    this.addSql(
      `create table "authentication"."staff_role" ("account_id" uuid not null, "role" varchar(20) not null, "granted_at" timestamptz not null, "granted_by" uuid null, constraint "staff_role_pkey" primary key ("account_id", "role"));`,
    );

    this.addSql(
      `create table "two_factor"."account" ("account_id" uuid not null, "enabled" boolean not null default false, "required_by_group" boolean not null default false, "encrypted_secret" text null, "enrolled_at" timestamptz null, "last_used_step" int not null default -1, "consecutive_failures" int not null default 0, "locked_at" timestamptz null, "updated_at" timestamptz not null default now(), constraint "account_pkey" primary key ("account_id"));`,
    );

    this.addSql(
      `create table "two_factor"."challenge" ("id" uuid not null, "account_id" uuid not null, "user_id" varchar(20) not null, "token_hash" char(64) not null, "encrypted_pending_secret" text null, "after_temporary_password" boolean not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "challenge_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "two_factor"."challenge" add constraint "challenge_account_id_unique" unique ("account_id");`,
    );
    this.addSql(
      `alter table "two_factor"."challenge" add constraint "challenge_token_hash_unique" unique ("token_hash");`,
    );
  }
}
