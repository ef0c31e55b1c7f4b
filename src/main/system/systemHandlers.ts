import { AppError } from '../../shared/errors'
import type { SystemStatus } from '../../shared/contract/system'
import type { ContextHandlers } from '../core/handler'
import type { Database } from '../database/database'
import { createBackup, listBackups } from '../database/backups'
import { APP_VERSION } from './version'

export function systemStatus(database: Database): SystemStatus {
  const server = database.server
  return {
    version: APP_VERSION,
    database: {
      mode: database.mode,
      problem: database.problem,
      engine: database.engine.kind,
      file: server ? null : database.location.file,
      server: server ? `${server.host}:${server.port}/${server.database}` : null,
      connectionLost: database.lost,
    },
  }
}

/** A server desk has no backup files of its own: the server's backups (pg_dump, its own schedule) apply. */
function refuseOnServer(database: Database): void {
  if (database.server) {
    throw AppError.conflict(
      'server_backups',
      'This desk uses a database server: its own backups apply (see Settings → Database)',
    )
  }
}

export const systemHandlers: ContextHandlers<'system'> = {
  'system/get-status': async (_input, { database }) => {
    // The outage banner polls this: asking the server is how the desk learns it is back.
    if (database.lost) await database.ping()
    return systemStatus(database)
  },

  'system/list-backups': async (_input, { database, authorizeCentre }) => {
    if (database.mode === 'ok') await authorizeCentre('settings.admin')
    refuseOnServer(database)
    return listBackups(database.location.backupDir)
  },

  'system/create-backup': async (_input, { database, authorizeCentre, audit }) => {
    if (database.mode !== 'ok') throw new AppError('READ_ONLY', 'A damaged file is not backed up over good backups')
    await authorizeCentre('settings.admin')
    refuseOnServer(database)
    const backup = await createBackup(database.location.file, database.location.backupDir, 'manual')
    audit.summary = `Backup ${backup.name}`
    return backup
  },

  'system/restore-backup': async ({ name }, { database, authorizeCentre, audit }) => {
    // While the file is damaged nobody may be able to sign in: then anyone at the desk may restore.
    if (database.mode === 'ok') await authorizeCentre('settings.admin')
    refuseOnServer(database)
    if (!listBackups(database.location.backupDir).some((backup) => backup.name === name)) {
      throw new AppError('NOT_FOUND', `No backup named ${name}`)
    }
    await database.restore(name)
    audit.summary = `Restored backup ${name}`
    return systemStatus(database)
  },
}
