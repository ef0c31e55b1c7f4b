/**
 * Runs first in `npm test`: names every system tool the tests need that this machine lacks, with the
 * command that installs it, before minutes go into typechecking. `.ci/run` installs the same list.
 */
import { chromium } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { systemChromium } from '../tests/e2e/support/browsers'

interface Tool {
  name: string
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
]

const missing = SYSTEM_TOOLS.filter((tool) => !tool.present())
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
console.log(`[preflight] system tools present: ${SYSTEM_TOOLS.map((tool) => tool.name).join(', ')}`)
