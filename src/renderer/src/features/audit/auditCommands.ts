import { contract, type CommandName } from '@shared/contract'

/** Only changes leave a row in the trail (writes, backups, restores); reads never do. */
export const AUDITED_COMMANDS = (Object.keys(contract) as CommandName[])
  .filter((name) => contract[name].kind === 'write' || contract[name].kind === 'maintenance')
  .sort()

/** `units/set-archived` → `audit.commands.units.setArchived`, where its description lives. */
export function commandDescriptionKey(name: string): string {
  const [context, verb = ''] = name.split('/')
  return `audit.commands.${context}.${verb.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())}`
}

/** A calendar day as main expects it (`YYYY-MM-DD`), from the date the desk picked. */
export function isoDay(date: Date | null): string | null {
  if (!date) return null
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
