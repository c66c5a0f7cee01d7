import { Migration } from '@mikro-orm/migrations';

export class Migration20261201064614_device_cookies extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "authentication"."device_cookie_throttle" ("nonce" varchar(32) not null, "consecutive_failures" int not null default 0, "attempts_in_flight" int not null default 0, "last_reserved_at" timestamptz null, "cooldown_until" timestamptz null, "login_key" varchar(64) not null, constraint "device_cookie_throttle_pkey" primary key ("nonce"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "authentication"."device_cookie_throttle" cascade;`);
  }
}
