/**
 * Lengths of the sign-in and staff fields, without zod: the sign-in screen needs them at start,
 * and importing the contract (auth.ts) would bring zod and every schema into the first chunk.
 */
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 200
/** Longest usernames, staff names and role names: the forms stop typing there. */
export const USERNAME_MAX = 60
export const DISPLAY_NAME_MAX = 120
export const ROLE_NAME_MAX = 60
