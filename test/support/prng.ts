/**
 * A small seeded PRNG for test generators (sfc32 seeded through splitmix32). Never
 * `Math.random`: the same seed always gives the same sequence on every platform.
 */

/** A seeded pseudo-random number generator. */
export interface Prng {
  /** A float in [0, 1). */
  readonly next: () => number
  /** An integer in [lo, hi] (inclusive both ends). */
  readonly int: (lo: number, hi: number) => number
  /** True with probability p. */
  readonly chance: (p: number) => boolean
  /** A uniformly chosen element of a non-empty array. */
  readonly pick: <A>(xs: ReadonlyArray<A>) => A
  /** A new array with the elements of xs in random order (Fisher–Yates). */
  readonly shuffle: <A>(xs: ReadonlyArray<A>) => Array<A>
  /** `k` distinct elements of xs (all of them, shuffled, if k ≥ xs.length). */
  readonly sample: <A>(xs: ReadonlyArray<A>, k: number) => Array<A>
  /** An independent generator derived from this one's next output. */
  readonly fork: () => Prng
}

const splitmix32 = (seed: number): (() => number) => {
  let s = seed >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** A generator seeded by any finite number (its low 32 bits and its integer part are mixed in). */
export const prng = (seed: number): Prng => {
  const init = splitmix32((seed >>> 0) ^ Math.floor(Math.abs(seed) / 4294967296))
  let a = init()
  let b = init()
  let c = init()
  let d = init()
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) >>> 0
    return t
  }
  for (let i = 0; i < 12; i++) u32()
  const next = (): number => u32() / 4294967296
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(next() * xs.length)] as A
  const shuffle = <A>(xs: ReadonlyArray<A>): Array<A> => {
    const out = xs.slice()
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      const t = out[i] as A
      out[i] = out[j] as A
      out[j] = t
    }
    return out
  }
  const sample = <A>(xs: ReadonlyArray<A>, k: number): Array<A> => {
    if (k >= xs.length) return shuffle(xs)
    if (k * 4 < xs.length) {
      // sparse: rejection on indices (cheap for large arrays)
      const seen = new Set<number>()
      const out: Array<A> = []
      while (out.length < k) {
        const i = Math.floor(next() * xs.length)
        if (!seen.has(i)) {
          seen.add(i)
          out.push(xs[i] as A)
        }
      }
      return out
    }
    return shuffle(xs).slice(0, k)
  }
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    shuffle,
    sample,
    fork: () => prng(u32()),
  }
}
