import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Order } from 'wendbaar'

describe('Order', () => {
  it('compares ids by code units, whatever the locale', () => {
    expect(['b', 'a', 'B', 'é', 'e'].sort(Order.compareIds)).toEqual(['B', 'a', 'b', 'e', 'é'])
    expect(Order.compareIds('m10', 'm9')).toBeLessThan(0)
  })
  it('OrdId is a total order agreeing with compareIds, and EqId with ===', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        expect(Math.sign(Order.OrdId.compare(a, b))).toBe(Math.sign(Order.compareIds(a, b)))
        expect(Order.OrdId.compare(a, b)).toBe(-Order.OrdId.compare(b, a) + 0)
        if (Order.OrdId.compare(a, b) <= 0 && Order.OrdId.compare(b, c) <= 0) expect(Order.OrdId.compare(a, c)).toBeLessThanOrEqual(0)
        expect(Order.EqId.equals(a, b)).toBe(a === b)
      }),
    )
  })
})
