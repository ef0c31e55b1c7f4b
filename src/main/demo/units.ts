import { DEMO_CENTRE_NAME } from './organisation'

export type UnitKind = 'centre' | 'department' | 'group'

export interface DemoUnit {
  key: string
  name: string
  parentKey: string | null
  kind: UnitKind
}

const DEPARTMENTS: readonly (readonly [key: string, name: string, groups: readonly string[]])[] = [
  ['sport', 'Sport', ['Florbal', 'Plavání', 'Sportovní gymnastika', 'Judo', 'Lezecká stěna']],
  ['art', 'Umění', ['Keramika', 'Výtvarný ateliér', 'Dramaťák', 'Pěvecký sbor Čtyřlístek']],
  ['nature', 'Příroda a technika', ['Robotika', 'Mladí chovatelé', 'Modelářství', 'Turistický oddíl Šípek']],
  ['dance', 'Tanec', ['Street dance', 'Balet', 'Lidové tance']],
  ['languages', 'Jazyky', ['Angličtina pro nejmenší', 'Němčina', 'Polština']],
]

/** The centre → department → group tree every demo person is filed under. */
export function demoUnits(): DemoUnit[] {
  const units: DemoUnit[] = [{ key: 'centre', name: DEMO_CENTRE_NAME, parentKey: null, kind: 'centre' }]
  for (const [key, name, groups] of DEPARTMENTS) {
    units.push({ key, name, parentKey: 'centre', kind: 'department' })
    groups.forEach((group, i) => units.push({ key: `${key}-${i + 1}`, name: group, parentKey: key, kind: 'group' }))
  }
  return units
}
