import sqlite3 from 'sqlite3'

/**
 * A second, short-lived connection of our own (health check, backup, restore check).
 * Kept apart from TypeORM's shared connection so it never joins an open transaction.
 */
export class RawConnection {
  private constructor(private readonly db: sqlite3.Database) {}

  static open(file: string, mode: 'read-only' | 'read-write'): Promise<RawConnection> {
    const flags = mode === 'read-only' ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, flags, (error) => {
        if (error) reject(error)
        else {
          db.configure('busyTimeout', 5000)
          resolve(new RawConnection(db))
        }
      })
    })
  }

  all<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[])))
    })
  }

  run(sql: string, params: unknown[] = []): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, (error) => (error ? reject(error) : resolve()))
    })
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((error) => (error ? reject(error) : resolve())))
  }
}

/** Runs `fn` on a fresh connection and always closes it. */
export async function withRawConnection<T>(
  file: string,
  mode: 'read-only' | 'read-write',
  fn: (connection: RawConnection) => Promise<T>,
): Promise<T> {
  const connection = await RawConnection.open(file, mode)
  try {
    return await fn(connection)
  } finally {
    await connection.close()
  }
}
