import { birthDateForAge, EmailBook } from './contacts'
import { NAMES, type CountryCode, type CountryNames } from './names'
import type { Random } from './random'
import type { ClanPlan, HouseholdPlan } from './clanPlan'
import type { DemoAddress, DemoGuardianship, DemoPerson, Relation, Sex } from './dataset'

interface PersonSpec {
  names: CountryNames
  role: DemoPerson['role']
  sex: Sex
  age: number
  lastName: string
  unitKey: string
  address: DemoAddress
  emailChance: number
  phoneChance: number
  /** First names already given to brothers and sisters. */
  siblingNames?: Set<string>
}

interface Household {
  kids: number[]
  oldestParentAge: number
}

/** Appends families to the data set; people are referred to by their index in `people`. */
export class FamilyBuilder {
  readonly people: DemoPerson[] = []
  readonly guardianships: DemoGuardianship[] = []
  private readonly emails = new EmailBook()
  private readonly femaleForms = new Map<CountryNames, Map<string, string>>()

  constructor(
    private readonly random: Random,
    private readonly today: Date,
    private readonly groupKeys: readonly string[],
  ) {}

  addClan(country: CountryCode, plan: ClanPlan): void {
    const names = NAMES[country]
    const clanSurname = this.random.pick(names.surnames)
    const households = plan.households.map((household, i) => {
      // The first household is the son's (clan surname); the others the son's or a daughter's.
      const surname = i === 0 || this.random.chance(0.5) ? clanSurname : this.random.pick(names.surnames)
      return this.addHousehold(names, household, surname)
    })
    if (plan.grandparents > 0) this.addGrandparents(names, plan.grandparents, clanSurname, households)
  }

  private addHousehold(names: CountryNames, plan: HouseholdPlan, surname: string): Household {
    const address = this.address(names)
    const kidAges = Array.from({ length: plan.kids }, () => this.random.int(4, 18))
    const kidUnits = kidAges.map(() => this.random.pick(this.groupKeys))
    const oldestKid = Math.max(...kidAges)
    const motherAge = oldestKid + this.random.int(20, 40)
    const fatherAge = motherAge + this.random.int(-3, 7)
    const parentSexes: Sex[] = plan.parents === 2 ? ['female', 'male'] : [this.random.chance(0.8) ? 'female' : 'male']
    const parents = parentSexes.map((sex) => {
      const lastName = sex === 'male' ? surname : this.mothersSurname(names, surname)
      const age = sex === 'male' ? fatherAge : motherAge
      const unitKey = kidUnits[0]
      return this.addPerson({
        names,
        role: 'guardian',
        sex,
        age,
        lastName,
        unitKey,
        address,
        emailChance: 0.95,
        phoneChance: 1,
      })
    })
    const siblingNames = new Set<string>()
    const kids = kidAges.map((age, i) => {
      const sex: Sex = this.random.chance(0.5) ? 'female' : 'male'
      const lastName = sex === 'male' ? surname : this.femaleSurname(names, surname)
      const teen = age >= 15
      const kid = this.addPerson({
        names,
        role: 'participant',
        sex,
        age,
        lastName,
        unitKey: kidUnits[i],
        address,
        emailChance: teen ? 0.4 : 0,
        phoneChance: teen ? 0.6 : 0,
        siblingNames,
      })
      parents.forEach((parent, p) => this.link(parent, kid, 'parent', p === 0))
      return kid
    })
    return { kids, oldestParentAge: Math.max(motherAge, fatherAge) }
  }

  private addGrandparents(names: CountryNames, count: number, surname: string, households: Household[]): void {
    const grandchildren = households.flatMap((h) => h.kids)
    const oldestParent = Math.max(...households.map((h) => h.oldestParentAge))
    const sexes: Sex[] = count === 2 ? ['female', 'male'] : [this.random.chance(0.7) ? 'female' : 'male']
    const address = this.address(names)
    for (const sex of sexes) {
      const age = Math.min(oldestParent + this.random.int(20, 32), 95)
      const lastName = sex === 'male' ? surname : this.femaleSurname(names, surname)
      const unitKey = this.people[grandchildren[0]].unitKey
      const grandparent = this.addPerson({
        names,
        role: 'guardian',
        sex,
        age,
        lastName,
        unitKey,
        address,
        emailChance: 0.5,
        phoneChance: 0.9,
      })
      for (const kid of grandchildren) this.link(grandparent, kid, 'grandparent', false)
    }
  }

  /** Hungarian wives often keep their own name; Czech, Slovak and Polish ones take the female form. */
  private mothersSurname(names: CountryNames, familySurname: string): string {
    if (names.country !== 'HU') return this.femaleSurname(names, familySurname)
    return this.random.chance(0.6) ? familySurname : this.random.pick(names.surnames)
  }

  /** Cached: deriving the same few hundred forms 100 000 times was a visible share of the run. */
  private femaleSurname(names: CountryNames, male: string): string {
    let forms = this.femaleForms.get(names)
    if (!forms) this.femaleForms.set(names, (forms = new Map()))
    let female = forms.get(male)
    if (female === undefined) forms.set(male, (female = names.femaleSurname(male)))
    return female
  }

  private link(guardian: number, participant: number, kind: 'parent' | 'grandparent', primaryContact: boolean): void {
    const female = this.people[guardian].sex === 'female'
    const relation: Relation =
      kind === 'grandparent' ? (female ? 'grandmother' : 'grandfather') : female ? 'mother' : 'father'
    this.guardianships.push({
      guardianIndex: guardian,
      participantIndex: participant,
      relation,
      primaryContact,
      mayPickUp: true,
    })
  }

  private addPerson(spec: PersonSpec): number {
    const { names, sex, lastName } = spec
    const pool = sex === 'female' ? names.femaleFirstNames : names.maleFirstNames
    let firstName = this.random.pick(pool)
    // Parents do not give two of their children the same name.
    for (let tries = 0; spec.siblingNames?.has(firstName) && tries < 5; tries++) firstName = this.random.pick(pool)
    spec.siblingNames?.add(firstName)
    const birthDate = birthDateForAge(this.today, spec.age, this.random)
    const email = this.random.chance(spec.emailChance)
      ? this.emails.create(names, firstName, lastName, birthDate, this.random)
      : null
    const phone = this.random.chance(spec.phoneChance) ? names.phone(this.random) : null
    const { role, unitKey, address } = spec
    this.people.push({
      role,
      firstName,
      lastName,
      sex,
      birthDate,
      email,
      phone,
      address,
      unitKey,
      country: names.country,
    })
    return this.people.length - 1
  }

  private address(names: CountryNames): DemoAddress {
    const city = this.random.pick(names.cities)
    const street = names.streetLine(this.random.pick(names.streets), this.random)
    return { street, city: city.name, postalCode: city.postalCode, country: names.countryName }
  }
}
