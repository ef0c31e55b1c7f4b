import type { ActivityInput } from '../../src/shared/contract/activities'

/** A weekly club of the autumn 2026 with one slot and one price: tests change what they test. */
export function sampleActivity(unitId: number, change: Partial<ActivityInput> = {}): ActivityInput {
  return {
    kind: 'club',
    unitId,
    code: 'KER-01',
    name: 'Keramika pro děti',
    description: '',
    placeId: null,
    leaders: [],
    capacity: 12,
    minimum: 0,
    ageMin: null,
    ageMax: null,
    ageReferenceDate: null,
    schoolYearId: null,
    termId: null,
    startsOn: '2026-09-01',
    endsOn: '2027-01-31',
    startsAt: null,
    endsAt: null,
    slots: [{ weekday: 1, startsAt: '16:00', endsAt: '17:30', placeId: null }],
    turns: [],
    priceOptions: [{ label: 'Pololetí', audience: 'everyone', period: 'half_year', amount: 150_000 }],
    registrationOpens: null,
    registrationCloses: null,
    public: true,
    membersOnly: false,
    approval: 'manual',
    seatOffers: 'automatic',
    offerHours: 48,
    priorityRules: [],
    ...change,
  }
}
