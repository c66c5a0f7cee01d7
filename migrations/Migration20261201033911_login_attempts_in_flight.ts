import { Migration } from '@mikro-orm/migrations';

export class Migration20261201033911_login_attempts_in_flight extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "authentication"."login_throttle" add column "attempts_in_flight" int not null default 0, add column "last_reserved_at" timestamptz null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "authentication"."login_throttle" drop column "attempts_in_flight", drop column "last_reserved_at";`,
    );
  }
}
