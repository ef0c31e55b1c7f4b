import { describe, expect, it } from 'vitest'
import { activityInput } from '../../../src/shared/contract/activities'
import { emptyDraft, emptySlot, inputOf, rowErrors } from '../../../src/renderer/src/features/activities/activityDraft'

function filled(kind: 'club' | 'event' | 'camp') {
  return {
    ...emptyDraft(kind),
    unitId: 1,
    code: 'FLB',
    name: 'Florbal',
    startsOn: '2026-09-01',
    endsOn: '2027-06-30',
  }
}

describe('the activity form sends only the fields of the kind', () => {
  it('a club sends its weekly slots with times as main wants them, and no turns', () => {
    const draft = {
      ...filled('club'),
      slots: [{ ...emptySlot(), weekday: 2, startsAt: '16', endsAt: '17.30' }],
      turns: [{ name: 'I', startsOn: '2026-07-01', endsOn: '2026-07-07', capacity: 10, minimum: 0 }],
      startsAt: '10:00',
    }
    const { input, problems } = inputOf(draft, 2)
    expect(problems).toEqual([])
    expect(input.slots).toEqual([{ weekday: 2, startsAt: '16:00', endsAt: '17:30', placeId: null }])
    expect(input.turns).toEqual([])
    expect(input.startsAt).toBeNull()
    expect(activityInput.safeParse(input).success).toBe(true)
  })

  it('an event is one day with its times', () => {
    const draft = { ...filled('event'), endsOn: '2027-01-01', startsAt: '9', endsAt: '12:00', slots: [emptySlot()] }
    const { input, problems } = inputOf(draft, 2)
    expect(problems).toEqual([])
    expect([input.startsOn, input.endsOn, input.startsAt, input.endsAt]).toEqual([
      '2026-09-01',
      '2026-09-01',
      '09:00',
      '12:00',
    ])
    expect(input.slots).toEqual([])
    expect(input.schoolYearId).toBeNull()
  })

  it('prices go as integer minor units', () => {
    const draft = {
      ...filled('camp'),
      priceOptions: [{ label: 'Member', audience: 'member' as const, period: 'one_off' as const, amount: '3 450,50' }],
    }
    const { input, problems } = inputOf(draft, 2)
    expect(problems).toEqual([])
    expect(input.priceOptions[0].amount).toBe(345050)
    expect(activityInput.safeParse(input).success).toBe(true)
  })

  it('what cannot be sent is named at main’s path for the field', () => {
    const draft = {
      ...filled('club'),
      unitId: null,
      endsOn: null,
      slots: [{ ...emptySlot(), startsAt: '25:00', endsAt: '' }],
      priceOptions: [{ label: 'A', audience: 'everyone' as const, period: 'term' as const, amount: '12,345' }],
    }
    expect(inputOf(draft, 2).problems).toEqual([
      { path: 'activity.unitId', code: 'required' },
      { path: 'activity.endsOn', code: 'required' },
      { path: 'activity.slots.0.startsAt', code: 'time_format' },
      { path: 'activity.slots.0.endsAt', code: 'required' },
      { path: 'activity.priceOptions.0.amount', code: 'money_format' },
    ])
  })
})

describe('row errors', () => {
  it('are those of the row and its fields, not of the next rows', () => {
    const errors = {
      'activity.slots.1': 'row',
      'activity.slots.1.startsAt': 'start',
      'activity.slots.10.endsAt': 'other row',
      'activity.slots': 'list',
    }
    expect(rowErrors(errors, 'activity.slots.1')).toEqual(['row', 'start'])
  })
})
