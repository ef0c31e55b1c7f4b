import { z } from 'zod'
import { command } from './define'
import { visibleName } from './text'
import { CURRENCIES } from '../money'
import { LOCALES } from '../locales'
import { expectedVersion } from './version'

/** A PNG or JPEG as a data URL; 512 KiB of base64 is plenty for a letterhead logo. */
const logoDataUrl = z
  .string()
  .max(512 * 1024)
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, { message: 'logo_format' })

export const organisationInput = z.object({
  name: visibleName(200),
  street: z.string().trim().max(200),
  city: z.string().trim().max(100),
  postalCode: z.string().trim().max(20),
  country: z.string().trim().max(100),
  companyId: z
    .string()
    .trim()
    .max(20)
    .regex(/^[A-Za-z0-9 -]*$/, { message: 'company_id_format' }),
  logo: logoDataUrl.nullable(),
  currency: z.enum(CURRENCIES),
  language: z.enum(LOCALES),
})

/** `version` 0: never saved, the defaults are shown. */
export type Organisation = z.output<typeof organisationInput> & { updatedAt: string | null; version: number }

/** What a fresh installation shows until the administrator fills it in. */
export const DEFAULT_ORGANISATION: Organisation = {
  name: '',
  street: '',
  city: '',
  postalCode: '',
  country: '',
  companyId: '',
  logo: null,
  currency: 'CZK',
  language: 'cs',
  updatedAt: null,
  version: 0,
}

export interface SecuritySettings {
  /** Idle minutes before the desk locks itself. */
  autoLockMinutes: number
  /** 0: never saved, the default applies. */
  version: number
}

export const DEFAULT_SECURITY: SecuritySettings = { autoLockMinutes: 10, version: 0 }

export const securityInput = z.object({ autoLockMinutes: z.number().int().min(1).max(240) })

export const settingsContract = {
  /** Public: the sign-in screen shows the centre's name, logo and language before anyone signs in. */
  'settings/get-organisation': command<Organisation>()({
    input: z.object({}),
    kind: 'read',
    access: 'public',
  }),
  'settings/update-organisation': command<Organisation>()({
    input: organisationInput.extend({ expectedVersion }),
    kind: 'write',
    access: 'settings.admin',
  }),
  'settings/get-security': command<SecuritySettings>()({ input: z.object({}), kind: 'read', access: 'signed-in' }),
  'settings/update-security': command<SecuritySettings>()({
    input: securityInput.extend({ expectedVersion }),
    kind: 'write',
    access: 'settings.admin',
  }),
}
