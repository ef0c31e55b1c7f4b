import type { MigrationInterface, QueryRunner } from 'typeorm'

export class Initial1763700000000 implements MigrationInterface {
  name = 'Initial1763700000000'

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "setting" (
      "key" varchar(100) PRIMARY KEY NOT NULL,
      "value" text NOT NULL,
      "updated_at" varchar(30) NOT NULL
    )`)
    await db.query(`CREATE TABLE "audit_log" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "at" varchar(30) NOT NULL,
      "staff_user_id" integer,
      "staff_name" varchar(200) NOT NULL,
      "command" varchar(100) NOT NULL,
      "target" varchar(200),
      "summary" text NOT NULL
    )`)
    await db.query(`CREATE INDEX "idx_audit_log_at" ON "audit_log" ("at")`)
    await db.query(`CREATE INDEX "idx_audit_log_command_at" ON "audit_log" ("command", "at")`)
    // The audit trail is evidence: the database itself refuses to change or remove it.
    await db.query(`CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log"
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`)
    await db.query(`CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log"
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`)
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER "audit_log_no_delete"`)
    await db.query(`DROP TRIGGER "audit_log_no_update"`)
    await db.query(`DROP TABLE "audit_log"`)
    await db.query(`DROP TABLE "setting"`)
  }
}
