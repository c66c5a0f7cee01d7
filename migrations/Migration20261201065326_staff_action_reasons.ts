import { Migration } from '@mikro-orm/migrations';

export class Migration20261201065326_staff_action_reasons extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "audit"."audit_record" add column "staff_reason" varchar(500) null, add column "support_request_id" uuid null;`,
    );
    this.addSql(
      `create index "audit_record_support_request_id_index" on "audit"."audit_record" ("support_request_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit"."audit_record_support_request_id_index";`);
    this.addSql(
      `alter table "audit"."audit_record" drop column "staff_reason", drop column "support_request_id";`,
    );
  }
}
