import { attempt } from '../../api/client'

/** A school year with its terms, as the activity screens offer them (from the calendar). */
export interface SchoolYearChoice {
  id: number
  name: string
  startsOn: string
  endsOn: string
  terms: { id: number; name: string; startsOn: string; endsOn: string }[]
}

/** The school year a day falls in, else the next one to start, else the last one. */
export function currentSchoolYear<T extends { startsOn: string; endsOn: string }>(years: T[], today: string): T | null {
  const sorted = [...years].sort((a, b) => a.startsOn.localeCompare(b.startsOn))
  return (
    sorted.find((year) => year.startsOn <= today && today <= year.endsOn) ??
    sorted.find((year) => year.startsOn > today) ??
    sorted.at(-1) ??
    null
  )
}

/** The calendar's school years; none when they cannot be read (a club then takes typed dates). */
export async function loadSchoolYears(): Promise<SchoolYearChoice[]> {
  const result = await attempt('calendar/list-school-years', {})
  return result.ok ? result.data : []
}
