import type { Random } from './random'

export interface HouseholdPlan {
  parents: number
  kids: number
}

/** Grandparents shared by the households of their grown-up children (cousins share them). */
export interface ClanPlan {
  grandparents: number
  households: HouseholdPlan[]
}

// Tuned so that guardianships ≈ 1.5 × people, the size the People benchmark asks for.
const GRANDPARENTS = [
  [2, 80],
  [1, 12],
  [0, 8],
] as const
const HOUSEHOLDS = [
  [1, 40],
  [2, 35],
  [3, 25],
] as const
const KIDS = [
  [1, 35],
  [2, 40],
  [3, 18],
  [4, 7],
] as const

export function clanSize(plan: ClanPlan): number {
  return plan.households.reduce((sum, h) => sum + h.parents + h.kids, plan.grandparents)
}

/** A random clan trimmed to fit `remaining` people, never leaving exactly one person over. */
export function planClan(random: Random, remaining: number): ClanPlan {
  const households = Array.from({ length: random.weighted(HOUSEHOLDS) }, () => ({
    parents: random.chance(0.8) ? 2 : 1,
    kids: random.weighted(KIDS),
  }))
  const plan: ClanPlan = { grandparents: random.weighted(GRANDPARENTS), households }
  const last = () => plan.households[plan.households.length - 1]
  while (clanSize(plan) > remaining) {
    if (plan.grandparents > 0) plan.grandparents--
    else if (plan.households.length > 1) plan.households.pop()
    else if (last().kids > 1) last().kids--
    else last().parents--
  }
  if (remaining - clanSize(plan) === 1) last().kids++
  return plan
}
