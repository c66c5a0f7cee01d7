import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000000_enrollments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "enrollments";`);
    this.addSql(`create sequence "enrollments"."application_number_seq" start with 1 minvalue 1;`);

    this.addSql(
      `create table "enrollments"."course" ("id" uuid not null, "code" varchar(20) not null, "title" varchar(200) not null, "kind" varchar(16) not null, "qa_eligible" boolean not null default false, "created_at" timestamptz not null, constraint "course_pkey" primary key ("id"), constraint "course_kind_check" check ("kind" in ('classroom', 'elearning')));`,
    );
    this.addSql(
      `create unique index "course_code_lower_unique" on "enrollments"."course" (lower("code"));`,
    );

    this.addSql(
      `create table "enrollments"."course_session" ("id" uuid not null, "course_id" uuid not null, "date" date not null, "venue" varchar(200) null, "access_start" date null, "access_end" date null, "capacity" int null, "status" varchar(16) not null default 'draft', "created_at" timestamptz not null, constraint "course_session_pkey" primary key ("id"), constraint "course_session_status_check" check ("status" in ('draft', 'open', 'closed')), constraint "course_session_capacity_check" check ("capacity" is null or "capacity" between 1 and 1000), constraint "course_session_access_check" check ("access_end" is null or "access_start" <= "access_end"));`,
    );
    this.addSql(
      `alter table "enrollments"."course_session" add constraint "course_session_course_id_foreign" foreign key ("course_id") references "enrollments"."course" ("id") on update cascade;`,
    );
    this.addSql(
      `create index "course_session_course_id_index" on "enrollments"."course_session" ("course_id");`,
    );
    this.addSql(
      `create index "course_session_status_date_index" on "enrollments"."course_session" ("status", "date");`,
    );

    this.addSql(
      `create table "enrollments"."application" ("id" uuid not null, "number" varchar(16) not null, "session_id" uuid not null, "applicant_account_id" uuid not null, "applicant_user_id" varchar(64) not null, "applicant_type" varchar(16) not null, "applicant_name" varchar(100) null, "channel" varchar(8) not null, "created_at" timestamptz not null, constraint "application_pkey" primary key ("id"), constraint "application_channel_check" check ("channel" in ('web', 'paper')));`,
    );
    this.addSql(
      `alter table "enrollments"."application" add constraint "application_number_unique" unique ("number");`,
    );
    this.addSql(
      `alter table "enrollments"."application" add constraint "application_session_id_foreign" foreign key ("session_id") references "enrollments"."course_session" ("id") on update cascade;`,
    );
    this.addSql(
      `create index "application_session_id_index" on "enrollments"."application" ("session_id");`,
    );
    this.addSql(
      `create index "application_applicant_account_id_created_at_index" on "enrollments"."application" ("applicant_account_id", "created_at");`,
    );

    this.addSql(
      `create table "enrollments"."attendee" ("id" uuid not null, "application_id" uuid not null, "session_id" uuid not null, "position" smallint not null, "kind" varchar(8) not null, "account_id" uuid null, "user_id" varchar(64) null, "name" varchar(100) null, "name_kana" varchar(100) null, "email" varchar(254) null, "status" varchar(16) not null default 'received', "ticket_number" varchar(12) null, "certificate_number" varchar(14) null, "confirmed_at" timestamptz null, "completed_at" timestamptz null, "cancelled_at" timestamptz null, "cancelled_by" varchar(16) null, constraint "attendee_pkey" primary key ("id"), constraint "attendee_kind_check" check ("kind" in ('self', 'staff', 'member')), constraint "attendee_status_check" check ("status" in ('received', 'confirmed', 'completed', 'cancelled')));`,
    );
    this.addSql(
      `alter table "enrollments"."attendee" add constraint "attendee_application_id_foreign" foreign key ("application_id") references "enrollments"."application" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "enrollments"."attendee" add constraint "attendee_ticket_number_unique" unique ("ticket_number");`,
    );
    this.addSql(
      `alter table "enrollments"."attendee" add constraint "attendee_certificate_number_unique" unique ("certificate_number");`,
    );
    this.addSql(
      `create index "attendee_application_id_index" on "enrollments"."attendee" ("application_id");`,
    );
    this.addSql(
      `create index "attendee_session_id_status_index" on "enrollments"."attendee" ("session_id", "status");`,
    );
    this.addSql(
      `create index "attendee_account_id_index" on "enrollments"."attendee" ("account_id");`,
    );
    // A person holds at most one seat (not cancelled) per session (the use case checks it under the session's
    // lock first, to answer ALREADY_APPLIED; these keep it true whatever writes).
    this.addSql(
      `create unique index "attendee_live_account_unique" on "enrollments"."attendee" ("session_id", "account_id") where "account_id" is not null and "status" <> 'cancelled';`,
    );
    this.addSql(
      `create unique index "attendee_live_email_unique" on "enrollments"."attendee" ("session_id", "email") where "email" is not null and "status" <> 'cancelled';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "enrollments"."attendee" cascade;`);
    this.addSql(`drop table if exists "enrollments"."application" cascade;`);
    this.addSql(`drop table if exists "enrollments"."course_session" cascade;`);
    this.addSql(`drop table if exists "enrollments"."course" cascade;`);
    this.addSql(`drop sequence if exists "enrollments"."application_number_seq";`);
    this.addSql(`drop schema if exists "enrollments";`);
  }
}
