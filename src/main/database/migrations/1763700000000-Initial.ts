import type { MigrationInterface, QueryRunner } from 'typeorm'
import { engineOf } from '../engines'
import { ddl } from './portable'

export class Initial1763700000000 implements MigrationInterface {
  name = 'Initial1763700000000'

  async up(db: QueryRunner): Promise<void> {
    await ddl(
      db,
      `CREATE TABLE "setting" (
      "key" varchar(100) PRIMARY KEY NOT NULL,
      "value" text NOT NULL,
      "updated_at" varchar(30) NOT NULL
    )`,
    )
    await ddl(
      db,
      `CREATE TABLE "audit_log" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "at" varchar(30) NOT NULL,
      "staff_user_id" integer,
      "staff_name" varchar(200) NOT NULL,
      "command" varchar(100) NOT NULL,
      "target" varchar(200),
      "summary" text NOT NULL
    )`,
    )
    await db.query(`CREATE INDEX "idx_audit_log_at" ON "audit_log" ("at")`)
    await db.query(`CREATE INDEX "idx_audit_log_command_at" ON "audit_log" ("command", "at")`)
    // The audit trail is evidence: the database itself refuses to change or remove it.
    for (const statement of engineOf(db).appendOnly('audit_log')) await db.query(statement)
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of engineOf(db).dropAppendOnly('audit_log')) await db.query(statement)
    await db.query(`DROP TABLE "audit_log"`)
    await db.query(`DROP TABLE "setting"`)
  }
}
