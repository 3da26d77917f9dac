import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import * as O from 'fp-ts/lib/Option.js'
import { IsoDate } from 'wendbaar'

const d = (s: string): IsoDate.IsoDate => {
  const p = IsoDate.parse(s)
  if (O.isNone(p)) throw new Error(`not a date: ${s}`)
  return p.value
}

describe('IsoDate.parse', () => {
  it.each([
    '2028-02-29',
    '2000-02-29',
    '2024-02-29',
    '2027-01-31',
    '2027-04-30',
    '0001-01-01',
    '9999-12-31',
  ])('accepts %s', (s) => {
    expect(IsoDate.parse(s)).toEqual(O.some(s))
    expect(IsoDate.isIsoDate(s)).toBe(true)
  })
  it.each([
    '2027-02-29',
    '2100-02-29',
    '1900-02-29',
    '2027-02-30',
    '2027-04-31',
    '2027-06-31',
    '2027-09-31',
    '2027-11-31',
    '2027-13-01',
    '2027-00-01',
    '2027-01-00',
    '2027-01-32',
    '0000-01-01',
    '27-01-01',
    '2027-1-1',
    '2027/01/01',
    '2027-01-01 ',
    '2027-01-01T00:00:00Z',
    '+02027-01-01',
    '',
    '２０２７-０１-０１',
  ])('rejects %j', (s) => {
    expect(IsoDate.parse(s)).toEqual(O.none)
    expect(IsoDate.isIsoDate(s)).toBe(false)
  })
  it('rejects non-strings in isIsoDate', () => {
    for (const u of [null, undefined, 20270101, {}, []]) expect(IsoDate.isIsoDate(u)).toBe(false)
  })
})

describe('leap years and month lengths', () => {
  it.each([
    [2000, true],
    [1900, false],
    [2024, true],
    [2027, false],
    [2100, false],
    [2400, true],
  ] as const)('isLeapYear(%s) = %s', (y, leap) => {
    expect(IsoDate.isLeapYear(y)).toBe(leap)
    expect(IsoDate.daysInMonth(y, 2)).toBe(leap ? 29 : 28)
  })
  it('months have 30 or 31 days', () => {
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => IsoDate.daysInMonth(2027, m))).toEqual([
      31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ])
  })
})

describe('IsoDate.toDayNumber', () => {
  it('starts at 0 on 0001-01-01', () => {
    expect(IsoDate.toDayNumber(d('0001-01-01'))).toBe(0)
    expect(IsoDate.toDayNumber(d('0001-12-31'))).toBe(364)
  })
  it('counts consecutive days without gaps from 1999 to 2031 (every valid date, in order)', () => {
    let prev = IsoDate.toDayNumber(d('1998-12-31'))
    for (let y = 1999; y <= 2031; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let day = 1; day <= 31; day++) {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          const p = IsoDate.parse(s)
          if (O.isNone(p)) {
            expect(day).toBeGreaterThan(IsoDate.daysInMonth(y, m))
            continue
          }
          const n = IsoDate.toDayNumber(p.value)
          expect(n).toBe(prev + 1)
          prev = n
        }
      }
    }
  })
  it('agrees with a known distance (the Unix epoch)', () => {
    // 1970-01-01 is 719162 days after 0001-01-01 in the proleptic Gregorian calendar
    expect(IsoDate.toDayNumber(d('1970-01-01'))).toBe(719162)
    expect(IsoDate.toDayNumber(d('2000-03-01')) - IsoDate.toDayNumber(d('2000-02-28'))).toBe(2)
    expect(IsoDate.toDayNumber(d('2100-03-01')) - IsoDate.toDayNumber(d('2100-02-28'))).toBe(1)
  })
  it('is monotone: code-unit order equals day order', () => {
    const date = fc
      .record({
        y: fc.integer({ min: 1, max: 9999 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .map(
        ({ y, m, d }) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(
            2,
            '0',
          )}`,
      )
      .filter((s) => IsoDate.isIsoDate(s)) as fc.Arbitrary<IsoDate.IsoDate>
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(Math.sign(IsoDate.toDayNumber(a) - IsoDate.toDayNumber(b))).toBe(
          Math.sign(IsoDate.compare(a, b)),
        )
      }),
      { numRuns: 500 },
    )
  })
})

describe('periods', () => {
  const p = (from: string, to: string): IsoDate.Period => ({ from: d(from), to: d(to) })
  it('contains is inclusive at both ends', () => {
    const q = p('2027-02-01', '2027-06-30')
    expect(
      ['2027-01-31', '2027-02-01', '2027-04-15', '2027-06-30', '2027-07-01'].map((x) =>
        IsoDate.contains(q)(d(x)),
      ),
    ).toEqual([false, true, true, true, false])
  })
  it('covers needs the whole inner period', () => {
    const outer = p('2027-01-01', '2027-12-31')
    expect(IsoDate.covers(outer)(p('2027-01-01', '2027-12-31'))).toBe(true)
    expect(IsoDate.covers(outer)(p('2026-12-31', '2027-06-30'))).toBe(false)
    expect(IsoDate.covers(outer)(p('2027-06-01', '2028-01-01'))).toBe(false)
  })
  it('overlaps shares at least one day', () => {
    expect(IsoDate.overlaps(p('2027-01-01', '2027-01-31'))(p('2027-01-31', '2027-02-28'))).toBe(
      true,
    )
    expect(IsoDate.overlaps(p('2027-01-01', '2027-01-30'))(p('2027-01-31', '2027-02-28'))).toBe(
      false,
    )
  })
  it('length counts days inclusively', () => {
    expect(IsoDate.length(p('2027-02-01', '2027-02-01'))).toBe(1)
    expect(IsoDate.length(p('2028-01-01', '2028-12-31'))).toBe(366)
    expect(IsoDate.length(p('2027-01-01', '2027-12-31'))).toBe(365)
  })
})

describe('IsoDate.previousDay', () => {
  it.each([
    ['2027-03-01', '2027-02-28'],
    ['2028-03-01', '2028-02-29'],
    ['2028-01-01', '2027-12-31'],
    ['2027-05-01', '2027-04-30'],
    ['2027-07-15', '2027-07-14'],
    ['0002-01-01', '0001-12-31'],
  ])('%s → %s', (a, b) => {
    expect(IsoDate.previousDay(d(a))).toEqual(O.some(b))
  })
  it('has no day before 0001-01-01', () => {
    expect(IsoDate.previousDay(d('0001-01-01'))).toEqual(O.none)
  })
  it('is one day number back, and a real date (property)', () => {
    const dates = fc
      .record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
      .map(({ y, m, d: day }) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, IsoDate.daysInMonth(y, m))).padStart(2, '0')}`)
      .filter((s) => s !== '0001-01-01')
    fc.assert(
      fc.property(dates, (s) => {
        const before = IsoDate.previousDay(d(s))
        expect(O.isSome(before) && IsoDate.isIsoDate(before.value)).toBe(true)
        if (O.isSome(before)) expect(IsoDate.toDayNumber(before.value)).toBe(IsoDate.toDayNumber(d(s)) - 1)
      }),
    )
  })
})
