import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  dataTable,
  EMPTY_VALUE,
  fillText,
  heading,
  keyValueTable,
  PAGE_MARGINS,
  renderPdf,
  standardPage,
  type PdfDocument,
} from '../../../src/main/documents/pdf'
import { foldSpace, readPdf, renderPages, rightmostWordEdge } from './poppler'

const CREATED = new Date('2025-03-14T09:30:00Z')
const PAGE_WIDTH = 595.28

const LETTERS = {
  czech: 'Příliš žluťoučký kůň úpěl ďábelské ódy — ŘŠČŽÝÁÍÉŮÚŤĎŇ',
  slovak: 'Ľúbostný kôň ďaleko vŕzgal — ĽĹŔÄÔ ľĺŕäô',
  hungarian: 'Árvíztűrő tükörfúrógép — ŐŰ őű ÖÜ öü',
  polish: 'Zażółć gęślą jaźń — Łukasz Wójcik ł ą ę ś ż ź ć ń Ł Ą Ę Ś Ż Ź Ć Ń',
}

function sampleDocument(rows = 3): PdfDocument {
  return {
    info: { title: 'Zkušební dokument', author: 'Jana Dvořáková', creationDate: CREATED },
    language: 'cs',
    ...standardPage({
      organisation: 'DDM Žirafa Brno',
      title: 'Zkušební dokument',
      pageLabel: 'Strana {page} / {pages}',
      footerNote: 'Vytiskla Jana Dvořáková',
    }),
    content: [
      { text: 'Zkušební dokument', style: 'title' },
      heading('Písmena'),
      keyValueTable([
        ['Čeština', LETTERS.czech],
        ['Slovenčina', LETTERS.slovak],
        ['Magyar', LETTERS.hungarian],
        ['Polski', LETTERS.polish],
        ['Prázdné', ''],
        ['Chybí', null],
      ]),
      heading('Docházka'),
      dataTable(
        ['Č.', 'Příjmení a jméno', 'Přítomen'],
        Array.from({ length: rows }, (_, index) => [
          String(index + 1),
          `Őrsi Ödön ${index + 1}`,
          index % 2 ? 'ano' : null,
        ]),
      ),
    ],
  }
}

describe('PDF documents', () => {
  it('prints Czech, Slovak, Hungarian and Polish letters in the embedded Roboto font', async () => {
    const pdf = await renderPdf(sampleDocument())
    const read = await readPdf(pdf)

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(read.pages).toBe(1)
    expect(read.info['Page size']).toContain('(A4)')
    for (const line of Object.values(LETTERS)) expect(read.text).toContain(foldSpace(line))
    // Only Roboto: a standard PDF font (Helvetica) would lose ő, ű, ł and the rest.
    expect(read.fonts.length).toBeGreaterThan(0)
    for (const font of read.fonts) expect(font).toMatch(/\+Roboto-/)
    const [firstPage] = await renderPages(pdf, 'pdf-letters')
    expect(existsSync(firstPage)).toBe(true)
  })

  it('shows empty values as a dash', async () => {
    const read = await readPdf(await renderPdf(sampleDocument()))
    expect(read.text).toContain(`Prázdné ${EMPTY_VALUE} Chybí ${EMPTY_VALUE}`)
    expect(read.text).toContain(`1 Őrsi Ödön 1 ${EMPTY_VALUE}`)
  })

  it('puts the organisation and the title on every page and numbers the pages', async () => {
    const read = await readPdf(await renderPdf(sampleDocument(150)))
    expect(read.pages).toBe(4)
    for (let page = 1; page <= 4; page++) expect(read.text).toContain(`Strana ${page} / 4`)
    expect(read.text.split('DDM Žirafa Brno')).toHaveLength(5)
    expect(read.text.split('Vytiskla Jana Dvořáková')).toHaveLength(5)
    // The table's header row repeats on every page it continues on.
    expect(read.text.split('Příjmení a jméno')).toHaveLength(5)
    expect(read.text).toContain('150 Őrsi Ödön 150')
  })

  it('never leaves a heading alone at the bottom of a page', async () => {
    for (let rowsBefore = 33; rowsBefore <= 39; rowsBefore++) {
      const read = await readPdf(
        await renderPdf({
          info: { title: 'Zkouška' },
          ...standardPage({ organisation: 'DDM', title: 'Zkouška', pageLabel: '{page} / {pages}' }),
          content: [
            keyValueTable(Array.from({ length: rowsBefore }, (_, index) => [`Řádek ${index}`, 'hodnota'])),
            heading('Docházka'),
            dataTable(
              ['Jméno', 'Přítomen'],
              [
                ['Őrsi Ödön', 'ano'],
                ['Łukasz Wójcik', 'ne'],
              ],
            ),
          ],
        }),
      )
      const page = read.pageTexts.find((text) => text.includes('Docházka'))
      expect(page, `${rowsBefore} rows before the heading`).toContain('Jméno Přítomen Őrsi Ödön ano')
    }
  })

  it('prints a value longer than a page whole, in a form and in a table', async () => {
    const long = Array.from({ length: 700 }, (_, index) => `slovo${index}`).join(' ')
    const pdf = await renderPdf({
      info: { title: 'Dlouhé' },
      ...standardPage({ organisation: 'DDM', title: 'Dlouhé', pageLabel: '{page} / {pages}' }),
      content: [
        keyValueTable([
          ['Poznámky', long],
          ['Konec', 'ano'],
        ]),
        dataTable(
          ['Č.', 'Text'],
          [
            ['1', long],
            ['2', 'konec tabulky'],
          ],
        ),
        // A table much wider than the page wraps its columns instead of running off it.
        dataTable(
          Array.from({ length: 14 }, (_, index) => `very_long_column_name_${index}`),
          [Array.from({ length: 14 }, (_, index) => `value-${index}-${'x'.repeat(index)}`)],
        ),
      ],
    })
    const read = await readPdf(pdf)
    expect(read.text.match(/slovo\d+/g)).toHaveLength(1400)
    expect(read.text).toContain('Konec ano')
    expect(read.text).toContain('2 konec tabulky')
    expect(read.text.replace(/ /g, '')).toContain(`value-13-${'x'.repeat(13)}`)
    expect(await rightmostWordEdge(pdf)).toBeLessThanOrEqual(PAGE_WIDTH - PAGE_MARGINS[2])
  })

  it('records title, author, language and the given creation date', async () => {
    const read = await readPdf(await renderPdf(sampleDocument()))
    expect(read.info).toMatchObject({
      Title: 'Zkušební dokument',
      Author: 'Jana Dvořáková',
      Creator: 'Frontdesk',
      CreationDate: '2025-03-14T09:30:00Z',
    })
  })

  it('renders the same definition to the same bytes every time', async () => {
    const definition = sampleDocument(40)
    const first = await renderPdf(definition)
    const second = await renderPdf(definition)
    const rebuilt = await renderPdf(sampleDocument(40))
    expect(second.equals(first)).toBe(true)
    expect(rebuilt.equals(first)).toBe(true)
  })

  it('never downloads anything or reads files other than its fonts', async () => {
    const withImage = (image: string): PdfDocument => ({ info: { title: 'x' }, content: [{ image }] })
    await expect(renderPdf(withImage('https://example.com/logo.png'))).rejects.toThrow(/denied/)
    await expect(renderPdf(withImage('/etc/passwd'))).rejects.toThrow(/denied/)
  })

  it('fills placeholders of translated texts and leaves unknown ones visible', () => {
    expect(fillText('Strana {page} z {pages}', { page: 2, pages: 5 })).toBe('Strana 2 z 5')
    expect(fillText('{who} tiskl {what}', { who: 'Eva' })).toBe('Eva tiskl {what}')
  })
})
