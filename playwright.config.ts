import { defineConfig } from '@playwright/test'
import { electronBinary } from './tests/e2e/support/browsers'

if (!electronBinary()) {
  console.log(
    '[e2e] No Electron binary on this machine: the "electron" project\'s specs are skipped; the same specs run in Chromium.',
  )
}

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two cores: one browser and one backend at a time keep timings honest.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  projects: [
    // Both run the same specs; the `frontdesk` fixture starts the browser or the Electron app.
    { name: 'chromium' },
    { name: 'electron' },
  ],
})
