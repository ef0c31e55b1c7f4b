export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string, error?: unknown): void
}

export const consoleLogger: Logger = {
  info: (message) => console.log(`[frontdesk] ${message}`),
  warn: (message) => console.warn(`[frontdesk] ${message}`),
  error: (message, error) =>
    console.error(`[frontdesk] ${message}`, error instanceof Error ? error.stack : (error ?? '')),
}
