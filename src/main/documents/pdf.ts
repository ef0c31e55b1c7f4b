import { createRequire } from 'node:module'
import pdfmake from 'pdfmake'

// ---- document definition: the subset of pdfmake's that Frontdesk documents use ----------

/** Points (1/72 inch): all sides, [horizontal, vertical] or [left, top, right, bottom]. */
export type PdfMargins = number | [number, number] | [number, number, number, number]
/** Points, 'auto' (as wide as the content) or '*' (a share of what is left). */
export type PdfWidth = number | 'auto' | '*' | `${number}%`

export interface PdfStyle {
  font?: string
  fontSize?: number
  lineHeight?: number
  bold?: boolean
  italics?: boolean
  color?: string
  fillColor?: string
  alignment?: 'left' | 'right' | 'center' | 'justify'
  margin?: PdfMargins
  noWrap?: boolean
}

interface PdfNode extends PdfStyle {
  /** Names from the document's `styles`; later ones win. */
  style?: string | string[]
  /** Width inside `columns`. */
  width?: PdfWidth
  /** Table cells only. */
  colSpan?: number
  rowSpan?: number
  pageBreak?: 'before' | 'after'
  // No `unbreakable` nor a table's `dontBreakRows` / `keepWithHeaderRows`: pdfmake silently
  // drops whatever of such a block does not fit on one page.
  /** Marks a heading that `standardPage` keeps together with what follows it. */
  headlineLevel?: number
}

export interface PdfText extends PdfNode {
  text: string | (string | PdfText)[]
}

export interface PdfStack extends PdfNode {
  stack: PdfContent[]
}

export interface PdfColumns extends PdfNode {
  columns: PdfContent[]
  columnGap?: number
}

/** What pdfmake hands to table layout functions. */
export interface PdfTableLayoutNode {
  table: { body: unknown[][]; headerRows?: number; widths?: unknown[] }
}

export interface PdfTableLayout {
  hLineWidth?: (line: number, node: PdfTableLayoutNode) => number
  vLineWidth?: (line: number, node: PdfTableLayoutNode) => number
  hLineColor?: (line: number, node: PdfTableLayoutNode) => string
  vLineColor?: (line: number, node: PdfTableLayoutNode) => string
  paddingLeft?: (column: number, node: PdfTableLayoutNode) => number
  paddingRight?: (column: number, node: PdfTableLayoutNode) => number
  paddingTop?: (row: number, node: PdfTableLayoutNode) => number
  paddingBottom?: (row: number, node: PdfTableLayoutNode) => number
  fillColor?: (row: number, node: PdfTableLayoutNode, column: number) => string | null
}

export interface PdfTable extends PdfNode {
  table: {
    /** Rows repeated at the top of every page the table continues on. */
    headerRows?: number
    widths?: PdfWidth[]
    body: PdfContent[][]
  }
  layout?: PdfTableLayout | 'noBorders' | 'headerLineOnly' | 'lightHorizontalLines'
}

export interface PdfCanvasLine {
  type: 'line'
  x1: number
  y1: number
  x2: number
  y2: number
  lineWidth?: number
  lineColor?: string
}

export interface PdfCanvasRect {
  type: 'rect'
  x: number
  y: number
  w: number
  h: number
  lineWidth?: number
  lineColor?: string
  color?: string
}

export interface PdfCanvas extends PdfNode {
  canvas: (PdfCanvasLine | PdfCanvasRect)[]
}

export interface PdfImage extends PdfNode {
  /** A data URL (a logo from the settings); local paths and web addresses are refused. */
  image: string
  fit?: [number, number]
  height?: number
}

export type PdfContent = string | PdfText | PdfStack | PdfColumns | PdfTable | PdfCanvas | PdfImage | PdfContent[]

export type PdfDynamicContent = (currentPage: number, pageCount: number) => PdfContent

/** What pdfmake tells `pageBreakBefore` about a laid-out node. */
export interface PdfNodeInfo {
  /** Where the node begins: `verticalRatio` of the page's inner height, 0 at the top margin. */
  startPosition: { pageInnerHeight: number; verticalRatio: number }
  text?: unknown
  style?: string | string[]
  headlineLevel?: number
  pageNumbers: number[]
}

export interface PdfPageBreakQueries {
  getFollowingNodesOnPage(): PdfNodeInfo[]
}

export interface PdfInfo {
  title: string
  author?: string
  subject?: string
  keywords?: string
  /** Fixed for reproducible files (tests, re-prints of the same export); now when left out. */
  creationDate?: Date
}

export interface PdfDocument {
  info: PdfInfo
  /** BCP 47 language of the text, for screen readers: 'cs', 'en'. */
  language?: string
  pageSize?: 'A4' | 'A5' | 'A6'
  pageOrientation?: 'portrait' | 'landscape'
  pageMargins?: PdfMargins
  header?: PdfContent | PdfDynamicContent
  footer?: PdfContent | PdfDynamicContent
  styles?: Record<string, PdfStyle>
  defaultStyle?: PdfStyle
  /** Asked for every node after layout: true moves it to the next page. */
  pageBreakBefore?: (node: PdfNodeInfo, nodes: PdfPageBreakQueries) => boolean
  content: PdfContent
}

// ---- rendering ----------------------------------------------------------------------------

/** The family every document is set in: covers Czech, Slovak, Hungarian (ő ű) and Polish (ł ą ę ś ż ź ć ń). */
export const PDF_FONT = 'Roboto'

/**
 * The Roboto files pdfmake ships, found through Node's resolution from this module rather than
 * a path relative to the source file: the same lookup works from src/ under Node or vitest and
 * from the bundled out/main/*.js, where pdfmake stays an external package in node_modules
 * (inside app.asar once packaged, which Electron's fs reads transparently).
 */
function robotoFiles(): Record<'normal' | 'bold' | 'italics' | 'bolditalics', string> {
  const nodeRequire = createRequire(import.meta.url)
  const file = (name: string) => nodeRequire.resolve(`pdfmake/fonts/Roboto/${name}`)
  return {
    normal: file('Roboto-Regular.ttf'),
    bold: file('Roboto-Medium.ttf'),
    italics: file('Roboto-Italic.ttf'),
    bolditalics: file('Roboto-MediumItalic.ttf'),
  }
}

/**
 * pdfmake writes layout data into the nodes it renders; a deep copy of the plain data (functions,
 * dates and buffers kept as they are) lets a caller render the same definition twice.
 */
function copyPlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => copyPlain(item)) as T
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyPlain(item)])) as T
  }
  return value
}

/** Renders a document to the bytes of a PDF file. Nothing is downloaded; only the font files are read. */
export async function renderPdf(document: PdfDocument): Promise<Buffer> {
  const { info, defaultStyle, ...layout } = copyPlain(document)
  const fonts = robotoFiles()
  const fontPaths = new Set<string>(Object.values(fonts))
  // pdfmake 0.3 is one configured instance per process; createPdf reads this configuration
  // synchronously, so setting it on every call keeps other callers' settings out.
  pdfmake.setFonts({ [PDF_FONT]: fonts })
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => fontPaths.has(path))
  return pdfmake
    .createPdf({
      ...layout,
      defaultStyle: { font: PDF_FONT, fontSize: 10, ...defaultStyle },
      info: {
        title: info.title,
        author: info.author,
        subject: info.subject,
        keywords: info.keywords,
        creator: 'Frontdesk',
        producer: 'Frontdesk (pdfmake)',
        creationDate: info.creationDate ?? new Date(),
      },
    })
    .getBuffer()
}

// ---- building blocks shared by documents ---------------------------------------------------

/** What an empty value prints as. */
export const EMPTY_VALUE = '—'

export function orEmpty(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? EMPTY_VALUE : value
}

/** Fills `{name}` placeholders of a translated text: `fillText('Page {page} / {pages}', { page: 1, pages: 3 })`. */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  )
}

const A4_WIDTH = 595.28
const GREY = '#666666'
const RULE = '#bbbbbb'
const HEADER_FILL = '#eeeeee'

/** Header and footer text, which pdfmake lists among a page's nodes like the content. */
const PAGE_TEXT = 'pageText'

export const PAGE_MARGINS: Readonly<[left: number, top: number, right: number, bottom: number]> = [50, 60, 50, 55]

export interface PageSetup {
  /** Top left of every page. */
  organisation: string
  /** Top right of every page. */
  title: string
  /** Translated, with `{page}` and `{pages}`: 'Page {page} / {pages}', 'Strana {page} z {pages}'. */
  pageLabel: string
  /** Bottom left of every page: who printed it and when. */
  footerNote?: string
}

/**
 * A4 portrait with the organisation and title above a rule and page numbers at the bottom,
 * plus the named styles documents share: title, section, label, muted, tableHeader.
 */
export function standardPage(
  setup: PageSetup,
): Required<
  Pick<PdfDocument, 'pageSize' | 'pageOrientation' | 'pageMargins' | 'header' | 'footer' | 'styles' | 'pageBreakBefore'>
> {
  const [left, , right] = PAGE_MARGINS
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [...PAGE_MARGINS],
    header: () => ({
      margin: [left, 28, right, 0],
      stack: [
        {
          columns: [
            { text: setup.organisation, style: PAGE_TEXT, bold: true, width: '*' },
            { text: setup.title, style: PAGE_TEXT, alignment: 'right', color: GREY, width: 'auto' },
          ],
          columnGap: 12,
        },
        {
          canvas: [{ type: 'line', x1: 0, y1: 4, x2: A4_WIDTH - left - right, y2: 4, lineWidth: 0.5, lineColor: RULE }],
        },
      ],
    }),
    footer: (page, pages) => ({
      margin: [left, 20, right, 0],
      columns: [
        { text: setup.footerNote ?? '', style: PAGE_TEXT, color: GREY, width: '*' },
        {
          text: fillText(setup.pageLabel, { page, pages }),
          style: PAGE_TEXT,
          color: GREY,
          alignment: 'right',
          noWrap: true,
          width: 'auto',
        },
      ],
      columnGap: 12,
    }),
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      section: { fontSize: 11, bold: true, color: '#1f3a5f', margin: [0, 14, 0, 4] },
      subsection: { fontSize: 10, bold: true, margin: [0, 8, 0, 3] },
      label: { color: GREY },
      muted: { color: GREY, italics: true },
      tableHeader: { bold: true, fillColor: HEADER_FILL },
      [PAGE_TEXT]: { fontSize: 8 },
    },
    pageBreakBefore: (node, nodes) => node.headlineLevel !== undefined && strandedHeading(node, nodes),
  }
}

/** Room a heading needs below it for itself and the start of what it heads: a table's header and first row. */
const HEADING_ROOM = 90

/**
 * A heading at the bottom of a page moves to the next one with what it heads. The room left is
 * measured because pdfmake reports a table that moved to the next page (rows kept with their
 * header) on the page where it began; the text after it is checked for anything else.
 */
function strandedHeading(node: PdfNodeInfo, nodes: PdfPageBreakQueries): boolean {
  const room = (1 - node.startPosition.verticalRatio) * node.startPosition.pageInnerHeight
  return room < HEADING_ROOM || !nodes.getFollowingNodesOnPage().some(isBody)
}

/** Content that keeps a heading on its page: not another heading, a table's header row, or the page's header and footer. */
function isBody(node: PdfNodeInfo): boolean {
  return (
    node.text !== undefined &&
    node.text !== '' &&
    node.headlineLevel === undefined &&
    node.style !== 'tableHeader' &&
    node.style !== PAGE_TEXT
  )
}

/** A section heading (or a smaller one inside a section) that never ends a page on its own. */
export function heading(text: string, level: 'section' | 'subsection' = 'section'): PdfText {
  return { text, style: level, headlineLevel: level === 'section' ? 1 : 2 }
}

/** Thin rules between rows only, as on a printed form. */
const ROW_RULES: PdfTableLayout = {
  hLineWidth: (line, node) => (line === 0 || line === node.table.body.length ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  paddingLeft: (column) => (column === 0 ? 0 : 6),
  paddingRight: () => 6,
  paddingTop: () => 3,
  paddingBottom: () => 3,
}

/** A boxed grid with a shaded header row, for lists of records. */
const GRID: PdfTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
}

export type KeyValueRow = readonly [label: string, value: string | null | undefined]

/** Label on the left, value on the right, one row per field; empty values print as "—". */
export function keyValueTable(rows: readonly KeyValueRow[], options: { labelWidth?: number } = {}): PdfTable {
  return {
    table: {
      widths: [options.labelWidth ?? 150, '*'],
      body: rows.map(([label, value]) => [{ text: label, style: 'label' }, { text: orEmpty(value) }]),
    },
    layout: ROW_RULES,
  }
}

const CONTENT_WIDTH = A4_WIDTH - PAGE_MARGINS[0] - PAGE_MARGINS[2]
const GRID_CELL_EXTRA = 2 * 4 + 0.5

/** Longest run without a break opportunity (roughly: pdfmake follows Unicode line breaking). */
function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => word.length))
}

/**
 * Column widths from what the columns hold, summing to the page's width, so that a table with
 * many or long columns wraps its text instead of running off the page (pdfmake's own 'auto' and
 * '*' never go below the longest word). Like a browser's automatic table layout, measured in
 * characters: every column gets its longest word (capped), the rest of the room goes to the
 * columns whose lines are longer than that.
 */
function fittedWidths(
  columns: readonly string[],
  rows: readonly (readonly (PdfContent | null | undefined)[])[],
  fontSize: number,
): number[] {
  const charWidth = fontSize * 0.6
  const room = CONTENT_WIDTH - columns.length * GRID_CELL_EXTRA - 0.5
  const measures = columns.map((column, index) => {
    const lines = rows
      .map((row) => row[index])
      .flatMap((cell) => (typeof cell === 'string' ? cell.split('\n') : [EMPTY_VALUE]))
    // A header may break inside a long name (created_at, participant_id); values rather not.
    const narrowest = Math.max(
      3,
      Math.min(longestWord(column), 6),
      ...lines.map((line) => Math.min(longestWord(line), 16)),
    )
    const widest = Math.max(narrowest, Math.min(column.length, 12), ...lines.map((line) => Math.min(line.length, 40)))
    return { min: narrowest * charWidth, max: widest * charWidth }
  })
  const minSum = measures.reduce((sum, measure) => sum + measure.min, 0)
  const maxSum = measures.reduce((sum, measure) => sum + measure.max, 0)
  if (maxSum <= room) return measures.map((measure) => (measure.max * room) / maxSum)
  if (minSum >= room) return measures.map((measure) => (measure.min * room) / minSum)
  const share = (room - minSum) / (maxSum - minSum)
  return measures.map((measure) => measure.min + (measure.max - measure.min) * share)
}

/**
 * A table of records under a header row that repeats on every page; empty cells print as "—".
 * Rows may break across pages: pdfmake drops what does not fit of a row kept whole.
 */
export function dataTable(
  columns: readonly string[],
  rows: readonly (readonly (PdfContent | null | undefined)[])[],
  options: { widths?: PdfWidth[]; fontSize?: number } = {},
): PdfTable {
  const fontSize = options.fontSize ?? 8
  return {
    fontSize,
    table: {
      headerRows: 1,
      widths: options.widths ?? fittedWidths(columns, rows, fontSize),
      body: [
        columns.map((column) => ({ text: column, style: 'tableHeader' })),
        ...rows.map((row) =>
          row.map((cell) => (cell === null || typeof cell === 'string' ? orEmpty(cell) : (cell ?? EMPTY_VALUE))),
        ),
      ],
    },
    layout: GRID,
  }
}
