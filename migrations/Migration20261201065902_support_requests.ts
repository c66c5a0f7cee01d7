import { Migration } from '@mikro-orm/migrations';

export class Migration20261201065902_support_requests extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "support";`);
    this.addSql(
      `create table "support"."support_request" ("id" uuid not null, "request_number" varchar(16) not null, "category" varchar(32) not null, "user_id" varchar(64) null, "email" varchar(254) not null, "message" text not null, "language" varchar(2) not null, "account_id" uuid null, "status" varchar(16) not null default 'open', "received_at" timestamptz not null, "assignee_account_id" uuid null, "taken_at" timestamptz null, "reply" text null, "closed_by_account_id" uuid null, "closed_at" timestamptz null, constraint "support_request_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "support"."support_request" add constraint "support_request_request_number_unique" unique ("request_number");`,
    );
    this.addSql(
      `create index "support_request_account_id_received_at_index" on "support"."support_request" ("account_id", "received_at");`,
    );
    this.addSql(
      `create index "support_request_status_received_at_index" on "support"."support_request" ("status", "received_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "support"."support_request" cascade;`);

    this.addSql(`drop schema if exists "support";`);
  }
}
