import { AuditEntrySchema } from '../../src/main/audit/auditEntry'
import type { DemoPerson } from '../../src/main/demo/dataset'
import type { BenchContext } from '../context'
import { defineScenario } from '../scenario'

const COMMAND = 'people/create'
const STAFF = ['Jana Dvořáková', 'Petr Chalupa', 'Ľubica Hrivnáková', 'Recepce 2']
const YEAR_MS = 365 * 24 * 60 * 60 * 1000
const BATCH = 100

type AuditValues = [at: string, staffName: string, command: string, target: string, summary: string]

/** A year of reception work: every person created once, every fourth one edited later. */
function auditRows(people: readonly DemoPerson[], end: number): AuditValues[] {
  const step = YEAR_MS / people.length
  const start = end - YEAR_MS
  const rows: AuditValues[] = []
  people.forEach((person, i) => {
    const who = `${person.lastName} ${person.firstName}`
    const at = (offset: number) => new Date(start + i * step + offset).toISOString()
    rows.push([at(0), STAFF[i % STAFF.length], COMMAND, `person:${i + 1}`, `Created ${who} (${person.birthDate})`])
    if (i % 4 === 0)
      rows.push([
        at(step / 2),
        STAFF[(i + 1) % STAFF.length],
        'people/update',
        `person:${i + 1}`,
        `Changed phone of ${who}`,
      ])
  })
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : 1))
}

/** One raw transaction with multi-row inserts; a reused data folder is filled only once. */
async function fillAuditLog(bench: BenchContext): Promise<number> {
  const [{ n }] = await bench.raw.all<{ n: number | string }>(
    'SELECT COUNT(*) AS "n" FROM "audit_log" WHERE "command" = ?',
    [COMMAND],
  )
  // PostgreSQL's COUNT is a bigint, which the pg driver hands over as a string.
  if (Number(n) >= bench.people) return 0
  const rows = auditRows(bench.dataset().people, Date.now() - 60_000)
  await bench.raw.begin()
  try {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH)
      const placeholders = batch.map(() => '(?, NULL, ?, ?, ?, ?)').join(', ')
      await bench.raw.run(
        `INSERT INTO "audit_log" ("at", "staff_user_id", "staff_name", "command", "target", "summary") VALUES ${placeholders}`,
        batch.flat(),
      )
    }
    await bench.raw.run('COMMIT')
  } catch (error) {
    await bench.raw.run('ROLLBACK')
    throw error
  }
  return rows.length
}

export const auditTrailScenario = defineScenario<{ inserted: number; total: number }>({
  name: `last 50 audit rows of ${COMMAND} (ORM)`,
  setup: async (bench) => {
    const inserted = await fillAuditLog(bench)
    if (inserted > 0) await bench.settle()
    const [{ n }] = await bench.raw.all<{ n: number | string }>('SELECT COUNT(*) AS "n" FROM "audit_log"')
    return { inserted, total: Number(n) }
  },
  measure: (bench) =>
    bench.backend.database.readManager.find(AuditEntrySchema, {
      where: { command: COMMAND },
      order: { at: 'DESC' },
      take: 50,
    }),
  raw: (bench) =>
    bench.raw.all(
      'SELECT "id", "at", "staff_user_id", "staff_name", "command", "target", "summary" FROM "audit_log" WHERE "command" = ? ORDER BY "at" DESC LIMIT 50',
      [COMMAND],
    ),
  notes: (_bench, state) => [
    `audit trail: ${state.total.toLocaleString('en-US')} rows in audit_log (${state.inserted.toLocaleString('en-US')} inserted for this run)`,
  ],
})
