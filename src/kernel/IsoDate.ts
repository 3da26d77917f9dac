/**
 * ISO calendar dates (`YYYY-MM-DD`) and inclusive periods, as pure arithmetic on strings and
 * day numbers. No `Date` object is involved: validity (leap years, month lengths) is computed.
 *
 * @since 0.1.0
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

declare const IsoDateBrand: unique symbol

/**
 * A real calendar date in `YYYY-MM-DD` form (years 0001..9999). Because the form is fixed-width,
 * the code-unit order of two `IsoDate`s is their chronological order.
 *
 * @category model
 * @since 0.1.0
 */
export type IsoDate = string & { readonly [IsoDateBrand]: 'IsoDate' }

/**
 * An inclusive period `[from, to]` with `from ≤ to`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Period {
  /** First day, inclusive. */
  readonly from: IsoDate
  /** Last day, inclusive. */
  readonly to: IsoDate
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Whether `year` is a leap year in the proleptic Gregorian calendar.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/**
 * The number of days in `month` (1..12) of `year`.
 *
 * @category utilities
 * @since 0.1.0
 */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31

/**
 * Parses a string as an {@link IsoDate}: `None` unless it is `YYYY-MM-DD` and a real date
 * (so `2027-02-30` and `2026-13-01` are rejected, `2028-02-29` accepted).
 *
 * @category constructors
 * @since 0.1.0
 */
export const parse = (s: string): O.Option<IsoDate> => {
  const m = PATTERN.exec(s)
  if (m === null) return O.none
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return O.none
  return O.some(s as IsoDate)
}

// -------------------------------------------------------------------------------------
// predicates / queries
// -------------------------------------------------------------------------------------

/**
 * Whether a value is a valid {@link IsoDate}.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isIsoDate = (u: unknown): u is IsoDate => typeof u === 'string' && O.isSome(parse(u))

/**
 * Compares two dates chronologically: negative, zero or positive.
 *
 * @category utilities
 * @since 0.1.0
 */
export const compare = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Days since 0001-01-01 (day 0), computed arithmetically.
 *
 * @category utilities
 * @since 0.1.0
 */
export const toDayNumber = (date: IsoDate): number => {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  const yy = y - 1
  let days = yy * 365 + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400)
  for (let i = 1; i < m; i++) days += daysInMonth(y, i)
  return days + d - 1
}

/**
 * Whether day `date` lies inside the inclusive period.
 *
 * @category predicates
 * @since 0.1.0
 */
export const contains =
  (period: Period) =>
  (date: IsoDate): boolean =>
    period.from <= date && date <= period.to

/**
 * Whether `outer` covers `inner` entirely (`outer.from ≤ inner.from` and `inner.to ≤ outer.to`).
 *
 * @category predicates
 * @since 0.1.0
 */
export const covers =
  (outer: Period) =>
  (inner: Period): boolean =>
    outer.from <= inner.from && inner.to <= outer.to

/**
 * Whether two inclusive periods share at least one day.
 *
 * @category predicates
 * @since 0.1.0
 */
export const overlaps =
  (a: Period) =>
  (b: Period): boolean =>
    a.from <= b.to && b.from <= a.to

/**
 * The number of days in an inclusive period (at least 1).
 *
 * @category utilities
 * @since 0.1.0
 */
export const length = (period: Period): number => toDayNumber(period.to) - toDayNumber(period.from) + 1

/**
 * The day before a date (`2027-03-01` → `2027-02-28`, `2028-01-01` → `2027-12-31`); `None` for
 * `0001-01-01`, the first representable day.
 *
 * @category utilities
 * @since 0.1.0
 */
export const previousDay = (date: IsoDate): O.Option<IsoDate> => {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  if (d > 1) return O.some(`${date.slice(0, 8)}${pad(d - 1, 2)}` as IsoDate)
  if (m > 1) return O.some(`${date.slice(0, 5)}${pad(m - 1, 2)}-${pad(daysInMonth(y, m - 1), 2)}` as IsoDate)
  if (y > 1) return O.some(`${pad(y - 1, 4)}-12-31` as IsoDate)
  return O.none
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0')
