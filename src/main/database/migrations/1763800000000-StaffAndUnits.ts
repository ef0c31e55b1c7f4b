import type { MigrationInterface, QueryRunner } from 'typeorm'
import { ddl } from './portable'

export class StaffAndUnits1763800000000 implements MigrationInterface {
  name = 'StaffAndUnits1763800000000'

  async up(db: QueryRunner): Promise<void> {
    await ddl(
      db,
      `CREATE TABLE "unit" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "name" varchar(120) NOT NULL,
      "parent_id" integer REFERENCES "unit" ("id") ON DELETE RESTRICT,
      "archived_at" varchar(30),
      "created_at" varchar(30) NOT NULL
    )`,
    )
    await db.query(`CREATE INDEX "idx_unit_parent" ON "unit" ("parent_id")`)
    await ddl(
      db,
      `CREATE TABLE "staff_user" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "username" varchar(60) NOT NULL,
      "username_key" varchar(60) NOT NULL UNIQUE,
      "display_name" varchar(120) NOT NULL,
      "password_hash" varchar(300) NOT NULL,
      "active" boolean NOT NULL DEFAULT (1),
      "created_at" varchar(30) NOT NULL,
      "password_changed_at" varchar(30) NOT NULL
    )`,
    )
    await ddl(
      db,
      `CREATE TABLE "role" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "name" varchar(60) NOT NULL UNIQUE,
      "permissions" text NOT NULL,
      "created_at" varchar(30) NOT NULL
    )`,
    )
    await ddl(
      db,
      `CREATE TABLE "role_grant" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "staff_user_id" integer NOT NULL REFERENCES "staff_user" ("id") ON DELETE RESTRICT,
      "role_id" integer NOT NULL REFERENCES "role" ("id") ON DELETE RESTRICT,
      "unit_id" integer NOT NULL REFERENCES "unit" ("id") ON DELETE RESTRICT,
      "include_sub_units" boolean NOT NULL,
      UNIQUE ("staff_user_id", "role_id", "unit_id")
    )`,
    )
    await db.query(`CREATE INDEX "idx_role_grant_user" ON "role_grant" ("staff_user_id")`)
    await db.query(`CREATE INDEX "idx_audit_log_staff_user" ON "audit_log" ("staff_user_id", "id")`)
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "idx_audit_log_staff_user"`)
    await db.query(`DROP TABLE "role_grant"`)
    await db.query(`DROP TABLE "role"`)
    await db.query(`DROP TABLE "staff_user"`)
    await db.query(`DROP TABLE "unit"`)
  }
}
