/** Stable error codes that cross the process boundary; the renderer translates each one. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_COMMAND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'CAPACITY_FULL',
  'REGISTRATION_CLOSED',
  'SESSION_LOCKED',
  'READ_ONLY',
  'BACKUP_DAMAGED',
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
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorData }

export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, FieldError>
  readonly ref?: string

  constructor(code: ErrorCode, message: string, fields?: Record<string, FieldError>, ref?: string) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = fields
    this.ref = ref
  }

  static from(data: ErrorData): AppError {
    return new AppError(data.code, data.message, data.fields, data.ref)
  }

  toData(): ErrorData {
    const data: ErrorData = { code: this.code, message: this.message }
    if (this.fields) data.fields = this.fields
    if (this.ref) data.ref = this.ref
    return data
  }
}
