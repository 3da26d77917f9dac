/**
 * The tolerances of the library, each in one place with the reason beside it.
 *
 * Hours are decimal numbers held as binary floats: `36 − 20.1` is `15.899999999999999`, not
 * `15.9`. Every comparison of hours — a member's room for a slot, a load against a capacity,
 * a pin's hours, the `capacity` reason of an unfilled slot — goes through {@link fitsHours},
 * so they can never disagree.
 *
 * @internal
 * @since 0.1.0
 */

/**
 * Hours by which a load may exceed a capacity and still count as within it: far below any real
 * hour count (a second is 2.8e-4 h), far above the rounding of sums of decimal hours (≈ 1e-14 h).
 *
 * @internal
 * @since 0.1.0
 */
export const HOURS_TOLERANCE = 1e-9

/**
 * The largest load that counts as within `room` hours: `room + HOURS_TOLERANCE`. Hot loops
 * precompute it per member; {@link fitsHours} is the same rule.
 *
 * @internal
 * @since 0.1.0
 */
export const hoursLimit = (room: number): number => room + HOURS_TOLERANCE

/**
 * Whether `need` hours fit into `room` hours: `need ≤ room + HOURS_TOLERANCE`. The one
 * comparison of hours in the library.
 *
 * @internal
 * @since 0.1.0
 */
export const fitsHours = (need: number, room: number): boolean => need <= hoursLimit(room)

/**
 * Hours in words, without floating-point noise: rounded to a millionth of an hour
 * (`15.899999999999999` → `15.9`).
 *
 * @internal
 * @since 0.1.0
 */
export const formatHours = (x: number): string => String(Math.round(x * 1e6) / 1e6 + 0)

/**
 * Relative tolerance of score comparisons: two soft scores closer than
 * `SCORE_TOLERANCE · max(1, |a|, |b|)` are equal (sums of the same terms in another order
 * differ by rounding only).
 *
 * @internal
 * @since 0.1.0
 */
export const SCORE_TOLERANCE = 1e-9

/**
 * Compares two numbers with {@link SCORE_TOLERANCE}: 0 when equal within it, else the sign of
 * `a − b`.
 *
 * @internal
 * @since 0.1.0
 */
export const compareWithin = (a: number, b: number): number => {
  const d = a - b
  return Math.abs(d) <= SCORE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b)) ? 0 : d < 0 ? -1 : 1
}
