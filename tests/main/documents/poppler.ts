import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Gitignored; rendered pages land here for a person to look at. */
export const ARTEFACTS = resolve(import.meta.dirname, '../../../.tmp/documents')

/** Runs a poppler-utils tool; a missing tool fails the test with what to install. */
async function poppler(tool: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    return stdout
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        `${tool} is missing: the PDF tests read documents with poppler-utils (apt-get install poppler-utils)`,
      )
    }
    throw error
  }
}

async function withPdfFile<T>(pdf: Buffer, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'frontdesk-pdf-'))
  try {
    const file = join(dir, 'document.pdf')
    await writeFile(file, pdf)
    return await use(file)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export interface PdfReading {
  /** In content order (pdftotext -raw), whitespace runs folded to one space. */
  text: string
  /** The same, page by page. */
  pageTexts: string[]
  pages: number
  /** pdfinfo's fields: Title, Author, Creator, Producer, CreationDate, Page size … */
  info: Record<string, string>
  /** pdffonts: the name of every font in the file. */
  fonts: string[]
}

export function foldSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

export function readPdf(pdf: Buffer): Promise<PdfReading> {
  return withPdfFile(pdf, async (file) => {
    const text = await poppler('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'])
    const infoText = await poppler('pdfinfo', ['-isodates', file])
    const info = Object.fromEntries(
      infoText
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((match) => match !== null)
        .map((match) => [match[1], match[2].trim()]),
    )
    const fonts = (await poppler('pdffonts', [file]))
      .split('\n')
      .slice(2)
      .map((line) => line.split(/\s+/)[0])
      .filter((name) => name !== '')
    const pageTexts = text.split('\f').slice(0, -1).map(foldSpace)
    return { text: foldSpace(text), pageTexts, pages: Number(info.Pages), info, fonts }
  })
}

/** Renders pages to `.tmp/documents/<name>-<page>.png` at 60 dpi for a person to look at; returns the file names. */
export async function renderPages(pdf: Buffer, name: string): Promise<string[]> {
  await mkdir(ARTEFACTS, { recursive: true })
  await writeFile(join(ARTEFACTS, `${name}.pdf`), pdf)
  const prefix = join(ARTEFACTS, name)
  await poppler('pdftoppm', ['-png', '-r', '60', join(ARTEFACTS, `${name}.pdf`), prefix])
  const { pages } = await readPdf(pdf)
  const digits = String(pages).length
  return Array.from({ length: pages }, (_, index) => `${prefix}-${String(index + 1).padStart(digits, '0')}.png`)
}

/** The largest right edge of any word, in points: text past the right margin has run off the layout. */
export function rightmostWordEdge(pdf: Buffer): Promise<number> {
  return withPdfFile(pdf, async (file) => {
    const boxes = await poppler('pdftotext', ['-bbox', file, '-'])
    return Math.max(
      ...[...boxes.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((match) => Number(match[1])),
    )
  })
}
