import type { MigrationInterface, QueryRunner } from 'typeorm'
import { engineOf } from '../engines'
import { ddl } from './portable'

const TABLES = [
  'notice',
  'fee_event',
  'enrolment_change',
  'enrolment',
  'activity_session',
  'price_option',
  'activity_leader',
  'activity_slot',
  'activity',
  'place',
  'closure',
  'term',
  'school_year',
]

/**
 * The centre's calendar, its activities with their dated sessions, and who is enrolled where.
 * Dates are `YYYY-MM-DD`, times `HH:MM`, instants ISO UTC; money in minor units.
 */
export class Activities1764100000000 implements MigrationInterface {
  name = 'Activities1764100000000'

  async up(db: QueryRunner): Promise<void> {
    await calendarTables(db)
    await activityTables(db)
    await enrolmentTables(db)
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of engineOf(db).dropAppendOnly('enrolment_change')) await db.query(statement)
    for (const table of TABLES) await db.query(`DROP TABLE "${table}"`)
  }
}

async function calendarTables(db: QueryRunner): Promise<void> {
  await ddl(
    db,
    `CREATE TABLE "school_year" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "name" varchar(40) NOT NULL,
      "starts_on" varchar(10) NOT NULL,
      "ends_on" varchar(10) NOT NULL,
      "created_at" varchar(30) NOT NULL,
      "version" integer NOT NULL
    )`,
  )
  await ddl(
    db,
    `CREATE TABLE "term" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "school_year_id" integer NOT NULL REFERENCES "school_year" ("id") ON DELETE RESTRICT,
      "name" varchar(60) NOT NULL,
      "starts_on" varchar(10) NOT NULL,
      "ends_on" varchar(10) NOT NULL,
      "version" integer NOT NULL
    )`,
  )
  await db.query(`CREATE INDEX "idx_term_school_year" ON "term" ("school_year_id", "starts_on")`)
  // School holidays and the centre's own closure days; public holidays are computed, never stored.
  await ddl(
    db,
    `CREATE TABLE "closure" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "kind" varchar(20) NOT NULL,
      "name" varchar(120) NOT NULL,
      "starts_on" varchar(10) NOT NULL,
      "ends_on" varchar(10) NOT NULL,
      "source_uid" varchar(255),
      "created_at" varchar(30) NOT NULL,
      "version" integer NOT NULL
    )`,
  )
  await db.query(`CREATE INDEX "idx_closure_range" ON "closure" ("starts_on", "ends_on")`)
}

async function activityTables(db: QueryRunner): Promise<void> {
  await ddl(
    db,
    `CREATE TABLE "place" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "name" varchar(120) NOT NULL,
      "kind" varchar(20) NOT NULL,
      "capacity" integer,
      "archived_at" varchar(30),
      "created_at" varchar(30) NOT NULL,
      "version" integer NOT NULL
    )`,
  )
  // A camp's turns are activities of their own (own dates, capacity, enrolments) under the camp:
  // they take its description, prices and age rules from the parent row.
  await ddl(
    db,
    `CREATE TABLE "activity" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "unit_id" integer NOT NULL REFERENCES "unit" ("id") ON DELETE RESTRICT,
      "kind" varchar(10) NOT NULL,
      "parent_id" integer REFERENCES "activity" ("id") ON DELETE RESTRICT,
      "code" varchar(30) NOT NULL,
      "name" varchar(160) NOT NULL,
      "description" text NOT NULL,
      "place_id" integer REFERENCES "place" ("id") ON DELETE RESTRICT,
      "capacity" integer,
      "minimum" integer NOT NULL,
      "age_min" integer,
      "age_max" integer,
      "age_reference_date" varchar(10),
      "school_year_id" integer REFERENCES "school_year" ("id") ON DELETE RESTRICT,
      "term_id" integer REFERENCES "term" ("id") ON DELETE RESTRICT,
      "starts_on" varchar(10) NOT NULL,
      "ends_on" varchar(10) NOT NULL,
      "starts_at" varchar(5),
      "ends_at" varchar(5),
      "registration_opens" varchar(10),
      "registration_closes" varchar(10),
      "public" boolean NOT NULL,
      "members_only" boolean NOT NULL,
      "approval" varchar(10) NOT NULL,
      "seat_offers" varchar(10) NOT NULL,
      "offer_hours" integer NOT NULL,
      "priority_rules" text NOT NULL,
      "state" varchar(10) NOT NULL,
      "cancelled_at" varchar(30),
      "cancel_reason" text,
      "copied_from_id" integer REFERENCES "activity" ("id") ON DELETE RESTRICT,
      "approved_count" integer NOT NULL DEFAULT 0,
      "offered_count" integer NOT NULL DEFAULT 0,
      "waitlisted_count" integer NOT NULL DEFAULT 0,
      "applied_count" integer NOT NULL DEFAULT 0,
      "created_at" varchar(30) NOT NULL,
      "updated_at" varchar(30) NOT NULL,
      "version" integer NOT NULL
    )`,
  )
  await db.query(`CREATE INDEX "idx_activity_list" ON "activity" ("school_year_id", "kind", "state", "unit_id")`)
  await db.query(`CREATE INDEX "idx_activity_dates" ON "activity" ("starts_on", "ends_on")`)
  await db.query(`CREATE INDEX "idx_activity_parent" ON "activity" ("parent_id")`)
  await db.query(`CREATE INDEX "idx_activity_code" ON "activity" ("code")`)
  await ddl(
    db,
    `CREATE TABLE "activity_slot" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "activity_id" integer NOT NULL REFERENCES "activity" ("id") ON DELETE RESTRICT,
      "weekday" integer NOT NULL,
      "starts_at" varchar(5) NOT NULL,
      "ends_at" varchar(5) NOT NULL,
      "place_id" integer REFERENCES "place" ("id") ON DELETE RESTRICT
    )`,
  )
  await db.query(`CREATE INDEX "idx_activity_slot_activity" ON "activity_slot" ("activity_id")`)
  await ddl(
    db,
    `CREATE TABLE "activity_leader" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "activity_id" integer NOT NULL REFERENCES "activity" ("id") ON DELETE RESTRICT,
      "staff_user_id" integer REFERENCES "staff_user" ("id") ON DELETE RESTRICT,
      "person_id" integer REFERENCES "person" ("id") ON DELETE RESTRICT
    )`,
  )
  await db.query(`CREATE INDEX "idx_activity_leader_activity" ON "activity_leader" ("activity_id")`)
  await db.query(`CREATE INDEX "idx_activity_leader_staff" ON "activity_leader" ("staff_user_id")`)
  await db.query(`CREATE INDEX "idx_activity_leader_person" ON "activity_leader" ("person_id")`)
  await ddl(
    db,
    `CREATE TABLE "price_option" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "activity_id" integer NOT NULL REFERENCES "activity" ("id") ON DELETE RESTRICT,
      "label" varchar(80) NOT NULL,
      "audience" varchar(12) NOT NULL,
      "period" varchar(12) NOT NULL,
      "amount" integer NOT NULL,
      "position" integer NOT NULL,
      "archived_at" varchar(30)
    )`,
  )
  await db.query(`CREATE INDEX "idx_price_option_activity" ON "price_option" ("activity_id")`)
  await ddl(
    db,
    `CREATE TABLE "activity_session" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "activity_id" integer NOT NULL REFERENCES "activity" ("id") ON DELETE RESTRICT,
      "slot_id" integer REFERENCES "activity_slot" ("id") ON DELETE SET NULL,
      "date" varchar(10) NOT NULL,
      "starts_at" varchar(5),
      "ends_at" varchar(5),
      "place_id" integer REFERENCES "place" ("id") ON DELETE RESTRICT,
      "state" varchar(10) NOT NULL,
      "kind" varchar(10) NOT NULL,
      "moved_from" varchar(10),
      "cancel_reason" text,
      "created_at" varchar(30) NOT NULL,
      "version" integer NOT NULL
    )`,
  )
  await db.query(`CREATE INDEX "idx_activity_session_activity" ON "activity_session" ("activity_id", "date")`)
  await db.query(`CREATE INDEX "idx_activity_session_date" ON "activity_session" ("date", "state")`)
}

async function enrolmentTables(db: QueryRunner): Promise<void> {
  await ddl(
    db,
    `CREATE TABLE "enrolment" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "activity_id" integer NOT NULL REFERENCES "activity" ("id") ON DELETE RESTRICT,
      "person_id" integer NOT NULL REFERENCES "person" ("id") ON DELETE RESTRICT,
      "state" varchar(12) NOT NULL,
      "price_option_id" integer REFERENCES "price_option" ("id") ON DELETE RESTRICT,
      "source" varchar(12) NOT NULL,
      "applied_at" varchar(30) NOT NULL,
      "applied_by" integer REFERENCES "staff_user" ("id") ON DELETE RESTRICT,
      "decided_at" varchar(30),
      "decided_by" integer REFERENCES "staff_user" ("id") ON DELETE RESTRICT,
      "reason" text,
      "offer_expires_at" varchar(30),
      "priority" integer NOT NULL,
      "priority_reasons" text NOT NULL,
      "queue_position" integer,
      "note" text NOT NULL,
      "updated_at" varchar(30) NOT NULL,
      "version" integer NOT NULL
    )`,
  )
  // One live enrolment per person and activity; rejected, withdrawn and lapsed ones stay as history.
  await db.query(
    `CREATE UNIQUE INDEX "uq_enrolment_live" ON "enrolment" ("activity_id", "person_id")
     WHERE "state" IN ('applied', 'approved', 'waitlisted', 'offered')`,
  )
  await db.query(`CREATE INDEX "idx_enrolment_activity" ON "enrolment" ("activity_id", "state")`)
  await db.query(`CREATE INDEX "idx_enrolment_person" ON "enrolment" ("person_id", "state")`)
  await db.query(`CREATE INDEX "idx_enrolment_queue" ON "enrolment" ("state", "applied_at")`)
  await db.query(`CREATE INDEX "idx_enrolment_offer" ON "enrolment" ("offer_expires_at")`)
  // Every change of state, who made it and why: the enrolment's history, never rewritten.
  await ddl(
    db,
    `CREATE TABLE "enrolment_change" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "enrolment_id" integer NOT NULL REFERENCES "enrolment" ("id") ON DELETE RESTRICT,
      "from_state" varchar(12),
      "to_state" varchar(12) NOT NULL,
      "at" varchar(30) NOT NULL,
      "staff_user_id" integer REFERENCES "staff_user" ("id") ON DELETE RESTRICT,
      "reason" text
    )`,
  )
  await db.query(`CREATE INDEX "idx_enrolment_change_enrolment" ON "enrolment_change" ("enrolment_id")`)
  for (const statement of engineOf(db).appendOnly('enrolment_change')) await db.query(statement)
  // Hand-offs: what the fee ledger must do, and what guardians must be told, written in the
  // transaction that caused them; the ledger and the outbox mark them consumed.
  await ddl(
    db,
    `CREATE TABLE "fee_event" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "kind" varchar(20) NOT NULL,
      "activity_id" integer NOT NULL REFERENCES "activity" ("id") ON DELETE RESTRICT,
      "person_id" integer NOT NULL REFERENCES "person" ("id") ON DELETE RESTRICT,
      "enrolment_id" integer REFERENCES "enrolment" ("id") ON DELETE RESTRICT,
      "price_option_id" integer REFERENCES "price_option" ("id") ON DELETE RESTRICT,
      "amount" integer,
      "reason" text NOT NULL,
      "created_at" varchar(30) NOT NULL,
      "created_by" integer REFERENCES "staff_user" ("id") ON DELETE RESTRICT,
      "consumed_at" varchar(30)
    )`,
  )
  await db.query(`CREATE INDEX "idx_fee_event_pending" ON "fee_event" ("consumed_at", "id")`)
  await db.query(`CREATE INDEX "idx_fee_event_person" ON "fee_event" ("person_id")`)
  await ddl(
    db,
    `CREATE TABLE "notice" (
      "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
      "kind" varchar(30) NOT NULL,
      "activity_id" integer REFERENCES "activity" ("id") ON DELETE RESTRICT,
      "session_id" integer REFERENCES "activity_session" ("id") ON DELETE RESTRICT,
      "enrolment_id" integer REFERENCES "enrolment" ("id") ON DELETE RESTRICT,
      "person_id" integer REFERENCES "person" ("id") ON DELETE RESTRICT,
      "payload" text NOT NULL,
      "created_at" varchar(30) NOT NULL,
      "created_by" integer REFERENCES "staff_user" ("id") ON DELETE RESTRICT,
      "sent_at" varchar(30)
    )`,
  )
  await db.query(`CREATE INDEX "idx_notice_pending" ON "notice" ("sent_at", "id")`)
}
