/**
 * A small seeded pseudo-random number generator (mulberry32) for the solver's randomised
 * moves. Pure arithmetic on a 32-bit state: the same seed gives the same sequence everywhere.
 *
 * @internal
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A seeded generator: each call to `next` advances the state.
 *
 * @category model
 * @internal
 * @since 0.1.0
 */
export interface Prng {
  /** The next unsigned 32-bit integer. */
  readonly nextU32: () => number
  /** The next float in [0, 1). */
  readonly next: () => number
  /** An integer in [0, n) (0 when n ≤ 0). */
  readonly below: (n: number) => number
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A mulberry32 generator seeded by the low 32 bits of `seed` (its integer part above 2³² is
 * folded in, so distinct finite seeds rarely collide).
 *
 * @category constructors
 * @internal
 * @since 0.1.0
 */
export const mulberry32 = (seed: number): Prng => {
  const s = Number.isFinite(seed) ? seed : 0
  let a = ((s >>> 0) ^ Math.floor(Math.abs(s) / 4294967296)) >>> 0
  const nextU32 = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
  const next = (): number => nextU32() / 4294967296
  const below = (n: number): number => (n <= 0 ? 0 : Math.floor(next() * n))
  return { nextU32, next, below }
}
