export interface TaskQueue {
  run<T>(task: () => Promise<T>): Promise<T>
}

/**
 * One write at a time for the whole process. TypeORM's SQLite driver shares a single
 * connection, so two transactions running at once interleave: one's rollback takes the
 * other's rows, or the second fails with "cannot start a transaction within a transaction".
 */
export class WriteQueue implements TaskQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task)
    this.tail = result.catch(() => undefined)
    return result
  }
}
