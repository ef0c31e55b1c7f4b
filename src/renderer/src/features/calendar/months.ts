/** One month of a year-at-a-glance: `YYYY-MM`, and its weeks Monday to Sunday (null outside the month). */
export interface GlanceMonth {
  key: string
  weeks: (string | null)[][]
}

const pad = (value: number) => String(value).padStart(2, '0')

/** Every month touching the span `from`–`to` (YYYY-MM-DD), in order. */
export function monthsOf(from: string, to: string): GlanceMonth[] {
  const months: GlanceMonth[] = []
  let year = Number(from.slice(0, 4))
  let month = Number(from.slice(5, 7))
  const last = to.slice(0, 7)
  // Never more than two years: the calendar reads no longer spans.
  while (`${year}-${pad(month)}` <= last && months.length < 25) {
    months.push({ key: `${year}-${pad(month)}`, weeks: weeksOf(year, month) })
    month = month === 12 ? 1 : month + 1
    if (month === 1) year++
  }
  return months
}

function weeksOf(year: number, month: number): (string | null)[][] {
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate()
  // ISO weekday of the 1st: Monday 0 … Sunday 6.
  const offset = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7
  const cells: (string | null)[] = Array.from({ length: offset }, () => null)
  for (let day = 1; day <= length; day++) cells.push(`${year}-${pad(month)}-${pad(day)}`)
  while (cells.length % 7) cells.push(null)
  const weeks: (string | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}
