import type { ServerProblem } from '../src/shared/contract/databaseServer'
import type { MoveProblem } from '../src/main/database/moveToServer'

/** What an administrator at a terminal can do about each refusal (the desks show translated ones). */
export const REFUSALS: Record<ServerProblem | MoveProblem, string> = {
  unreachable: 'The server does not answer: check the host, the port and the firewall.',
  auth_failed: 'The server refused the user name or password (FRONTDESK_DB_PASSWORD if not in the URL).',
  database_missing: 'There is no such database on the server: create it first (see the README).',
  server_too_old: 'The server is older than PostgreSQL 14.',
  foreign_database: 'The database holds tables of another application: use an empty database.',
  not_empty: 'The database already holds rows: a centre can only move into an empty database.',
  superuser: 'The user is a superuser: connect as the centre’s owner role (or add --allow-superuser).',
  tls_failed: 'The TLS connection failed: check sslmode and the server’s certificate.',
  newer_schema: 'The database was set up by a newer version of Frontdesk.',
  needs_owner: 'This version must update the database first: run npm run migrate-server as the owner role.',
  file_not_current: 'The file cannot be moved as it is.',
  copy_failed: 'The server refused part of the copy; nothing was kept on the server.',
  copy_mismatch: 'What arrived differs from the file; nothing was kept on the server.',
}

export function explainRefusal(error: unknown): string | null {
  const problem = (error as { problem?: string } | null)?.problem
  if (typeof problem !== 'string' || !(problem in REFUSALS)) return null
  return `${REFUSALS[problem as keyof typeof REFUSALS]}\n  (${error instanceof Error ? error.message : ''})`
}
