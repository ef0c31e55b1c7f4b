/**
 * A small seeded generator (mulberry32): the same seed gives the same centre on every
 * machine, so benchmark figures and demo screenshots are comparable.
 */
export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  /** Picks a key by relative weight, e.g. `{ CZ: 55, SK: 20 }`. */
  weighted<K extends string | number>(weights: readonly (readonly [K, number])[]): K {
    let total = 0
    for (const [, weight] of weights) total += weight
    let roll = this.next() * total
    for (const [key, weight] of weights) {
      roll -= weight
      if (roll < 0) return key
    }
    return weights[weights.length - 1][0]
  }

  /** `count` (at most 15) random digits as a string, leading zeros kept. */
  digits(count: number): string {
    return String(Math.floor(this.next() * 10 ** count)).padStart(count, '0')
  }
}
