import { setTimeout as sleep } from 'node:timers/promises'

const FREE_ATTEMPTS = 3
const MAX_DELAY_MS = 30_000
const FORGET_AFTER_MS = 15 * 60_000

/** The wait before the next attempt after `failures` failures in a row: 0, 0, 0, 1 s, 2 s, 4 s … 30 s. */
export function delayAfter(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS)
}

/**
 * Slows guessing down per username (known or not, so the delay reveals nothing): each
 * failure in a row doubles the wait before the next attempt is even checked.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; last: number }>()

  constructor(
    private readonly wait: (ms: number) => Promise<unknown> = sleep,
    private readonly now: () => number = Date.now,
  ) {}

  async beforeAttempt(key: string): Promise<void> {
    const entry = this.current(key)
    const delay = delayAfter(entry?.count ?? 0)
    if (delay > 0) await this.wait(delay)
  }

  /** For checks that must not sleep (inside the write queue): how long the caller should wait. */
  waitFor(key: string): number {
    return delayAfter(this.current(key)?.count ?? 0)
  }

  failed(key: string): void {
    const count = (this.current(key)?.count ?? 0) + 1
    this.failures.set(key, { count, last: this.now() })
  }

  succeeded(key: string): void {
    this.failures.delete(key)
  }

  private current(key: string) {
    const entry = this.failures.get(key)
    if (entry && this.now() - entry.last > FORGET_AFTER_MS) {
      this.failures.delete(key)
      return undefined
    }
    return entry
  }
}
