import { z } from 'zod'

/**
 * The version of a record its form was filled from: 0 for a setting or role not saved yet.
 * A save from any other version is refused with CONFLICT stale_record.
 */
export const expectedVersion = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)
