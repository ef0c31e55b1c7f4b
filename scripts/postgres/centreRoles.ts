import type pg from 'pg'

/**
 * The two roles of a centre's database. The owner owns the schema and runs migrations; a
 * desk reads and writes rows and nothing else: it cannot create, alter or drop a table,
 * and cannot disable the triggers that keep the audit trail append-only (only an owner can).
 */
export interface CentreRoles {
  owner: { user: string; password: string }
  desk: { user: string; password: string }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`
const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`

/** As a superuser in the maintenance database: the roles (if missing) and an empty centre database. */
export async function createCentreDatabase(admin: pg.Client, database: string, roles: CentreRoles): Promise<void> {
  for (const role of [roles.owner, roles.desk]) {
    const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.user])
    if (exists.rowCount === 0) {
      await admin.query(`CREATE ROLE ${quoteIdent(role.user)} LOGIN PASSWORD ${quoteLiteral(role.password)}`)
    }
  }
  await admin.query(`CREATE DATABASE ${quoteIdent(database)} OWNER ${quoteIdent(roles.owner.user)}`)
}

/** As a superuser in the centre database: the schema belongs to the owner, the desk gets rows only. */
export async function grantDeskRole(centre: pg.Client, roles: CentreRoles): Promise<void> {
  const owner = quoteIdent(roles.owner.user)
  const desk = quoteIdent(roles.desk.user)
  await centre.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`)
  await centre.query(`ALTER SCHEMA public OWNER TO ${owner}`)
  await centre.query(`GRANT USAGE ON SCHEMA public TO ${desk}`)
  await centre.query(
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${desk}`,
  )
  await centre.query(
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${desk}`,
  )
  await centre.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${desk}`)
  await centre.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${desk}`)
}
