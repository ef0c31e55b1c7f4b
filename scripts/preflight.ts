/**
 * Runs first in `npm test`: names every system tool the tests need that this machine lacks, with the
 * command that installs it, before minutes go into typechecking. `.ci/run` installs the same list.
 */
import { chromium } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { systemChromium } from '../tests/e2e/support/browsers'
import { whyNoPostgres } from './postgres/throwawayCluster'

interface Tool {
  name: string
  /** Optional tools only warn: the tests that need them say plainly they were skipped. CI needs them all. */
  optional?: boolean
  /** What the tests use it for, so the message explains itself. */
  usedFor: string
  debianPackage: string
  present(): boolean
}

function onPath(command: string): boolean {
  try {
    execFileSync(process.platform === 'win32' ? 'where' : 'which', [command], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function playwrightChromium(): boolean {
  try {
    // Playwright's own browser, where it could be installed (`npx playwright install chromium`).
    return existsSync(chromium.executablePath())
  } catch {
    return false
  }
}

export const SYSTEM_TOOLS: Tool[] = [
  {
    name: 'Chromium',
    usedFor: 'the end-to-end tests',
    debianPackage: 'chromium',
    present: () => systemChromium() !== undefined || playwrightChromium(),
  },
  {
    name: 'pdftotext and pdftoppm',
    usedFor: 'reading generated PDFs back',
    debianPackage: 'poppler-utils',
    present: () => onPath('pdftotext') && onPath('pdftoppm'),
  },
  {
    name: 'PostgreSQL server binaries (initdb, postgres)',
    usedFor: 'the PostgreSQL half of the backend suite, on a throw-away cluster',
    debianPackage: 'postgresql',
    optional: true,
    present: () => whyNoPostgres() === null,
  },
]

const absent = SYSTEM_TOOLS.filter((tool) => !tool.present())
// On CI nothing is optional: a green run must have run both engines.
const missing = absent.filter((tool) => !tool.optional || process.env.CI)
for (const tool of absent.filter((tool) => !missing.includes(tool))) {
  console.warn(
    `[preflight] ${tool.name} missing: ${tool.usedFor} will be SKIPPED. Install: sudo apt-get install ${tool.debianPackage}`,
  )
}
if (missing.length > 0) {
  const lines = missing.map((tool) => `  - ${tool.name} (${tool.usedFor})`)
  const packages = missing.map((tool) => tool.debianPackage).join(' ')
  console.error(
    [
      'npm test needs system tools that this machine lacks:',
      ...lines,
      `Install them with: sudo apt-get install ${packages}`,
      '(CHROMIUM_PATH may point at another Chromium or Chrome; bash .ci/run installs all of them.)',
    ].join('\n'),
  )
  process.exit(1)
}
const present = SYSTEM_TOOLS.filter((tool) => !absent.includes(tool))
console.log(`[preflight] system tools present: ${present.map((tool) => tool.name).join(', ')}`)
