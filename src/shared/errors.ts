/** Stable error codes that cross the process boundary; the renderer translates each one. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_COMMAND',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CAPACITY_FULL',
  'REGISTRATION_CLOSED',
  'SESSION_LOCKED',
  'READ_ONLY',
  'BACKUP_DAMAGED',
  /** The database server did not answer; nothing was written. */
  'DATABASE_UNAVAILABLE',
  /** A server cannot be used: `reason` is a ServerProblem (wrong password, too old, not empty…). */
  'SERVER_REFUSED',
  'TRANSPORT',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** One field's problem: `code` is a translation key suffix, `params` fill its placeholders. */
export interface FieldError {
  code: string
  message: string
  params?: Record<string, string | number>
}

export interface ErrorData {
  code: ErrorCode
  message: string
  /** Field path (`address.city`, `phones.0`) → what is wrong with it. */
  fields?: Record<string, FieldError>
  /** Reference of a logged internal error, so support can find the stack. */
  ref?: string
  /** Which conflict exactly (`last_administrator`, `username_taken`): translated when the UI knows it. */
  reason?: string
  /** Values for the message's placeholders, e.g. the `unit` a refused record belongs to. */
  params?: Record<string, string | number>
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorData }

export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, FieldError>
  readonly ref?: string
  readonly reason?: string
  readonly params?: Record<string, string | number>

  constructor(
    code: ErrorCode,
    message: string,
    fields?: Record<string, FieldError>,
    extra: { ref?: string; reason?: string; params?: Record<string, string | number> } = {},
  ) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = fields
    this.ref = extra.ref
    this.reason = extra.reason
    this.params = extra.params
  }

  /** A conflict with its own explanation, e.g. `AppError.conflict('last_administrator', '…')`. */
  static conflict(reason: string, message: string, fields?: Record<string, FieldError>): AppError {
    return new AppError('CONFLICT', message, fields, { reason })
  }

  static from(data: ErrorData): AppError {
    return new AppError(data.code, data.message, data.fields, {
      ref: data.ref,
      reason: data.reason,
      params: data.params,
    })
  }

  toData(): ErrorData {
    const data: ErrorData = { code: this.code, message: this.message }
    if (this.fields) data.fields = this.fields
    if (this.ref) data.ref = this.ref
    if (this.reason) data.reason = this.reason
    if (this.params) data.params = this.params
    return data
  }
}
