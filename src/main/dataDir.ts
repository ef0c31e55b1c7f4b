/**
 * Where the data lives: `--data-dir=PATH` wins, then FRONTDESK_DATA_DIR, then the
 * platform's user-data folder handed in by the shell (portable installs, tests).
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const flag = argv.find((arg) => arg.startsWith('--data-dir='))
  if (flag) return flag.slice('--data-dir='.length)
  return env.FRONTDESK_DATA_DIR || fallback
}
