/** How a desk reaches a shared PostgreSQL server. The password travels apart from these. */
export type TlsMode = 'disable' | 'require' | 'verify-full'

export interface ServerSettings {
  host: string
  port: number
  database: string
  user: string
  tls: TlsMode
}

/** Why a server could not be used; each has its own translated message. */
export const SERVER_PROBLEMS = [
  'unreachable',
  'auth_failed',
  'database_missing',
  'server_too_old',
  'foreign_database',
  'not_empty',
  'superuser',
  'tls_failed',
  'newer_schema',
  /** The role may read and write rows but not create tables: an empty database is set up by its owner role. */
  'no_schema_rights',
] as const
export type ServerProblem = (typeof SERVER_PROBLEMS)[number]
