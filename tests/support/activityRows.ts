import type { EntityManager } from 'typeorm'
import {
  ActivitySchema,
  ActivitySessionSchema,
  PriceOptionSchema,
  type ActivityRow,
  type PriceOptionRow,
} from '../../src/main/activities/activityEntities'
import type { Database } from '../../src/main/database/database'

/**
 * Activities as rows, written with the entities through the real migrations' tables: the
 * enrolments tests need published activities without waiting for the activities commands.
 * State `published`, counters 0; tests change what they test.
 */
export interface ActivityFixture {
  activity(unitId: number, change?: Partial<ActivityRow>): Promise<ActivityRow>
  /** A camp's turn: its own dates and capacity, the rest read from the camp. */
  turn(camp: ActivityRow, change?: Partial<ActivityRow>): Promise<ActivityRow>
  priceOption(activityId: number, change?: Partial<PriceOptionRow>): Promise<PriceOptionRow>
  /** A planned session on a date and time (for time clashes). */
  session(activityId: number, date: string, startsAt: string, endsAt: string): Promise<void>
  /** The activity as stored now (its counters). */
  read(id: number): Promise<ActivityRow>
}

let codes = 0

export function activityRows(backend: { database: Database }): ActivityFixture {
  const em = (): EntityManager => backend.database.manager
  const stamp = '2026-06-01T08:00:00.000Z'
  const fixture: ActivityFixture = {
    async activity(unitId, change = {}) {
      codes += 1
      return em().save(ActivitySchema, {
        unitId,
        kind: 'club',
        parentId: null,
        code: `T-${codes}`,
        name: `Kroužek ${codes}`,
        description: '',
        placeId: null,
        capacity: 10,
        minimum: 0,
        ageMin: null,
        ageMax: null,
        ageReferenceDate: null,
        schoolYearId: null,
        termId: null,
        startsOn: '2026-09-01',
        endsOn: '2027-06-30',
        startsAt: null,
        endsAt: null,
        registrationOpens: null,
        registrationCloses: null,
        public: true,
        membersOnly: false,
        approval: 'manual',
        seatOffers: 'automatic',
        offerHours: 48,
        priorityRules: '[]',
        state: 'published',
        cancelledAt: null,
        cancelReason: null,
        copiedFromId: null,
        approvedCount: 0,
        offeredCount: 0,
        waitlistedCount: 0,
        appliedCount: 0,
        createdAt: stamp,
        updatedAt: stamp,
        ...change,
      }) as Promise<ActivityRow>
    },
    turn(camp, change = {}) {
      return fixture.activity(camp.unitId, {
        kind: 'camp',
        parentId: camp.id,
        name: `${camp.name} turnus`,
        startsOn: camp.startsOn,
        endsOn: camp.endsOn,
        ...change,
      })
    },
    async priceOption(activityId, change = {}) {
      return em().save(PriceOptionSchema, {
        activityId,
        label: 'Celý rok',
        audience: 'everyone',
        period: 'school_year',
        amount: 150_000,
        position: 0,
        archivedAt: null,
        ...change,
      }) as Promise<PriceOptionRow>
    },
    async session(activityId, date, startsAt, endsAt) {
      await em().insert(ActivitySessionSchema, {
        activityId,
        slotId: null,
        date,
        startsAt,
        endsAt,
        placeId: null,
        state: 'planned',
        kind: 'regular',
        movedFrom: null,
        cancelReason: null,
        createdAt: stamp,
        version: 1,
      })
    },
    read: (id) => em().findOneByOrFail(ActivitySchema, { id }),
  }
  return fixture
}
