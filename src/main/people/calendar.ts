/** Full years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years
}
