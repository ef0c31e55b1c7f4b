import { beforeAll, describe, expect, it } from 'vitest'
import { closedDaySet, weekdayOf } from '../../bench/activities/calendar'
import { activitySizes, planActivities, type ActivityPlan } from '../../bench/activities/plan'
import { generateDataset, type DemoDataset } from '../../src/main/demo/dataset'
import { ageOn } from '../../src/shared/calendarDate'

const isMember = (index: number) => index % 4 !== 0
const LIVE = new Set(['applied', 'approved', 'waitlisted', 'offered'])

describe('activities data set of the bench', () => {
  let dataset: DemoDataset
  let plan: ActivityPlan
  beforeAll(() => {
    dataset = generateDataset({ people: 8_000, seed: 11, today: '2026-09-01' })
    plan = planActivities(dataset, { seed: 11, sizes: activitySizes(8_000), isMember })
  })

  it('scales the issue centre (2 000 activities, 60 000 enrolments at 100 000 people) and is seeded', () => {
    expect(activitySizes(100_000)).toEqual({ places: 60, clubs: 1_700, events: 200, camps: 100, enrolments: 60_000 })
    const top = plan.activities.filter((a) => a.parent === null)
    expect(top.filter((a) => a.kind === 'club')).toHaveLength(136)
    expect(top.filter((a) => a.kind === 'event')).toHaveLength(16)
    expect(top.filter((a) => a.kind === 'camp')).toHaveLength(8)
    expect(plan.enrolments).toHaveLength(4_800)
    const again = planActivities(dataset, { seed: 11, sizes: activitySizes(8_000), isMember })
    expect(again.enrolments.slice(0, 50)).toEqual(plan.enrolments.slice(0, 50))
    expect(again.sessions).toEqual(plan.sessions)
  })

  it('has enrolments in realistic states: most approved, a queue of applications, waitlists on full activities', () => {
    const count = (state: string) => plan.enrolments.filter((e) => e.state === state).length
    expect(count('approved') / plan.enrolments.length).toBeGreaterThan(0.75)
    expect(count('applied') / plan.enrolments.length).toBeGreaterThanOrEqual(0.085)
    for (const state of ['waitlisted', 'offered', 'withdrawn', 'rejected', 'lapsed'])
      expect(count(state)).toBeGreaterThan(0)
    for (const [index, activity] of plan.activities.entries()) {
      const mine = plan.enrolments.filter((e) => e.activity === index)
      const seats = mine.filter((e) => e.state === 'approved' || e.state === 'offered').length
      if (activity.capacity === null) expect(mine).toEqual([])
      else expect(seats).toBeLessThanOrEqual(activity.capacity)
      // Nobody waits for a seat that is free.
      if (mine.some((e) => e.state === 'waitlisted')) expect(seats).toBe(activity.capacity)
      if (activity.state === 'cancelled' || activity.state === 'draft')
        expect(mine.filter((e) => LIVE.has(e.state))).toEqual([])
    }
    // Every history starts with the application and ends in the enrolment's state.
    for (const e of plan.enrolments) {
      expect(e.changes[0]).toMatchObject({ from: null, to: 'applied' })
      expect(e.changes[e.changes.length - 1].to).toBe(e.state)
    }
  })

  it('puts children of the right age (a few applications aside) and members where asked, never twice at once', () => {
    const offAge = plan.enrolments.filter((e) => {
      const activity = plan.activities[e.activity]
      const age = ageOn(dataset.people[e.person].birthDate, activity.startsOn)!
      return (activity.ageMin !== null && age < activity.ageMin) || (activity.ageMax !== null && age > activity.ageMax)
    })
    expect(offAge.every((e) => e.state === 'applied')).toBe(true)
    expect(offAge.length).toBeLessThan(plan.enrolments.length * 0.01)
    const wrongMembers = plan.enrolments.filter((e) => plan.activities[e.activity].membersOnly && !isMember(e.person))
    expect(wrongMembers).toEqual([])
    const busy = new Set<string>()
    const pairs = new Set<string>()
    for (const e of plan.enrolments) {
      expect(dataset.people[e.person].role).toBe('participant')
      const pair = `${e.activity}|${e.person}`
      expect(pairs.has(pair)).toBe(false)
      pairs.add(pair)
      if (!LIVE.has(e.state)) continue
      for (const key of plan.activities[e.activity].busy) {
        expect(busy.has(`${e.person}|${key}`)).toBe(false)
        busy.add(`${e.person}|${key}`)
      }
    }
  })

  it('books no place twice at the same time and generates club sessions on their weekday, skipping closed days', () => {
    const closed = closedDaySet()
    expect(closed.has('2026-10-28')).toBe(true) // a public holiday
    expect(closed.has('2026-10-29')).toBe(true) // autumn school holidays
    expect(closed.has('2027-03-26')).toBe(true) // Good Friday 2027
    const booked = new Set<string>()
    for (const session of plan.sessions) {
      expect(closed.has(session.date)).toBe(false)
      expect(weekdayOf(session.date)).toBe(plan.slots[session.slot].weekday)
      const key = `${session.place}|${session.date}|${session.startsAt}`
      expect(booked.has(key)).toBe(false)
      booked.add(key)
    }
    const perClub = plan.sessions.filter((s) => s.activity === 0).length
    expect(perClub).toBeGreaterThan(12)
    expect(perClub).toBeLessThan(80)
    const events = plan.activities.filter((a) => a.kind === 'event')
    expect(new Set(events.map((a) => `${a.place}|${a.startsOn}|${a.startsAt}`)).size).toBe(events.length)
    expect(events.every((a) => weekdayOf(a.startsOn) === 7)).toBe(true)
  })
})
