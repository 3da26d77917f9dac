import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Evaluate } from 'wendbaar/solver'
import type { Model, ValidModel } from '../src/model/Model.js'
import { unsafeValidModel } from '../src/model/internal/validModel.js'
import { naiveScore, naiveViolates, smallModelArb } from './support/modelArb.js'
import { edgeList } from '../src/model/Model.js'

const names = { edge: ['a', 'b'], category: 'cat', pair: 'pair', overload: 'over' }

/** A base model: one time point, members with room, no team terms. */
/** The evaluator takes checked models; these hand-made ones are valid by construction. */
const base = (over: Partial<Model> = {}): ValidModel => unsafeValidModel({
  timePoints: 3,
  slots: [
    { id: 's0', priority: 2, group: 0, from: 0, to: 0 },
    { id: 's1', priority: 3, group: 0, from: 0, to: 1 },
    { id: 's2', priority: 5, group: 1, from: 1, to: 2 },
  ],
  members: [
    { id: 'm0', capacity: 20, category: 0, base: 0, threshold: 100, overloadWeight: 0 },
    { id: 'm1', capacity: 20, category: 0, base: 0, threshold: 100, overloadWeight: 0 },
    { id: 'm2', capacity: 20, category: 1, base: 0, threshold: 100, overloadWeight: 0 },
  ],
  groups: [
    { id: 'g0', limit: 2 },
    { id: 'g1', limit: 1 },
  ],
  edges: [
    { member: 0, slot: 0, hours: 8, terms: [1.5, 1] }, // 0
    { member: 1, slot: 0, hours: 8, terms: [2, 0] }, // 1
    { member: 0, slot: 1, hours: 8, terms: [0.25, -2] }, // 2
    { member: 2, slot: 1, hours: 8, terms: [3, 2] }, // 3
    { member: 0, slot: 2, hours: 8, terms: [4, 0] }, // 4
    { member: 1, slot: 2, hours: 8, terms: [1, 1] }, // 5
  ],
  termNames: names,
  forced: [],
  forbidden: [],
  conflicts: [],
  pairPenalties: [],
  categoryBonus: 0,
  ...over,
})

describe('evaluate: filled and edge terms', () => {
  it('sums priorities of filled slots and each edge term', () => {
    const s = Evaluate.evaluate(base())([0, 3, 5])
    expect(s.filled).toBe(2 + 3 + 5)
    expect(s.terms).toEqual({ a: 1.5 + 3 + 1, b: 1 + 2 + 1, cat: 0, pair: 0, over: 0 })
    expect(s.soft).toBe(5.5 + 4)
  })
  it('is order-independent and ignores repeats and non-edges', () => {
    const e = Evaluate.evaluate(base())
    expect(e([5, 0, 3])).toEqual(e([0, 3, 5]))
    expect(e([0, 0, 3, 5, 99, -1])).toEqual(e([0, 3, 5]))
  })
  it('scores the empty plan as zero', () => {
    expect(Evaluate.evaluate(base())([])).toEqual({ filled: 0, soft: 0, terms: { a: 0, b: 0, cat: 0, pair: 0, over: 0 } })
  })
})

describe('evaluate: category bonus', () => {
  it('counts distinct categories per group, times the bonus', () => {
    // g0: m0 (cat 0) on s0 and m2 (cat 1) on s1 → 2 distinct; g1: m1 (cat 0) → 1
    const s = Evaluate.evaluate(base({ categoryBonus: 2.5 }))([0, 3, 5])
    expect(s.terms['cat']).toBe(2.5 * 3)
  })
  it('counts a repeated category once and no category (−1) never', () => {
    const m = base({
      categoryBonus: 2,
      members: base().members.map((x, i) => (i === 2 ? { ...x, category: -1 } : { ...x, category: 4 })),
    })
    // g0: m1 (cat 4) on s0, m2 (none) on s1 → 1 distinct
    expect(Evaluate.evaluate(m)([1, 3]).terms['cat']).toBe(2)
    // g0: m0 (cat 4) on s0 and s1 → 1 distinct
    expect(Evaluate.evaluate(m)([0, 2]).terms['cat']).toBe(2)
  })
})

describe('evaluate: pair penalty', () => {
  const m = base({ pairPenalties: [{ a: 0, b: 1, weight: 3 }] })
  it('charges a penalised pair serving the same group', () => {
    // s0 (g0) ← m1, s1 (g0) ← m0 : both in g0
    expect(Evaluate.evaluate(m)([1, 2]).terms['pair']).toBe(-3)
  })
  it('charges nothing when they serve different groups', () => {
    // m1 in g0 (s0), m0 in g1 (s2)
    expect(Evaluate.evaluate(m)([1, 4]).terms['pair']).toBe(0)
  })
  it('charges once per group, whatever the number of shared slots', () => {
    const two = base({
      pairPenalties: [{ a: 0, b: 1, weight: 3 }],
      slots: [...base().slots, { id: 's3', priority: 1, group: 0, from: 0, to: 0 }],
      edges: [...edgeList(base()), { member: 1, slot: 3, hours: 1, terms: [0, 0] }],
    })
    // m0 on s0, s1 (g0); m1 on s3 (g0) → once
    expect(Evaluate.evaluate(two)([0, 2, 6]).terms['pair']).toBe(-3)
  })
})

describe('evaluate: overload', () => {
  it('charges the overload added beyond the threshold, by peak load', () => {
    // m0: base 10, threshold 20, weight 0.5; s0 (t0) and s1 (t0..1) both 8 h → peak 16 at t0
    const m = base({
      members: base().members.map((x, i) => (i === 0 ? { ...x, base: 10, threshold: 20, overloadWeight: 0.5 } : x)),
    })
    expect(Evaluate.evaluate(m)([0, 2]).terms['over']).toBe(-0.5 * (10 + 16 - 20))
    // s0 (t0) and s2 (t1..2) never overlap → peak 8 → no overload
    expect(Evaluate.evaluate(m)([0, 4]).terms['over']).toBe(0)
  })
  it('charges only the part the plan adds when the base already exceeds the threshold', () => {
    const m = base({
      members: base().members.map((x, i) => (i === 0 ? { ...x, base: 25, threshold: 20, overloadWeight: 2 } : x)),
    })
    // peak 8: 2 · ((25 + 8 − 20) − (25 − 20)) = 16
    expect(Evaluate.evaluate(m)([0]).terms['over']).toBe(-16)
  })
})

describe('violations', () => {
  const kinds = (m: ValidModel, edges: ReadonlyArray<number>): ReadonlyArray<string> =>
    Evaluate.violations(m)(edges).map((v) => v.kind)
  it('accepts a valid plan', () => {
    expect(kinds(base(), [0, 3, 5])).toEqual([])
    expect(Evaluate.isValid(base())([0, 3, 5])).toBe(true)
  })
  it('reports unknown and repeated edges', () => {
    expect(kinds(base(), [0, 0])).toEqual(['edge'])
    expect(kinds(base(), [6])).toEqual(['edge'])
    expect(kinds(base(), [0.5])).toEqual(['edge'])
  })
  it('reports a slot filled twice', () => {
    expect(kinds(base(), [0, 1])).toEqual(['slot'])
  })
  it('reports a missing forced edge and a chosen forbidden one', () => {
    expect(kinds(base({ forced: [3] }), [0])).toEqual(['forced'])
    expect(kinds(base({ forbidden: [0] }), [0])).toEqual(['forbidden'])
  })
  it('reports capacity only where the loads overlap in time', () => {
    const tight = base({ members: base().members.map((x) => ({ ...x, capacity: 10 })) })
    // m0 on s0 (t0) and s1 (t0..1): 16 > 10 at t0
    expect(kinds(tight, [0, 2])).toEqual(['capacity'])
    // m0 on s0 (t0) and s2 (t1..2): never more than 8
    expect(kinds(tight, [0, 4])).toEqual([])
  })
  it('reports a group limit exceeded', () => {
    const one = base({ groups: [{ id: 'g0', limit: 1 }, { id: 'g1', limit: 1 }] })
    expect(kinds(one, [0, 2])).toEqual(['group'])
    expect(Evaluate.violations(one)([0, 2])[0]!.message).toContain('m0')
  })
  it('reports conflicting members in one group, not across groups', () => {
    const m = base({ conflicts: [[0, 2]] })
    expect(kinds(m, [0, 3])).toEqual(['conflict'])
    expect(kinds(m, [3, 4])).toEqual([])
  })
})

describe('evaluate and violations against a naive reference', () => {
  it('agree on random models and random edge sets', () => {
    fc.assert(
      fc.property(smallModelArb, fc.array(fc.nat(), { maxLength: 8 }), (m, picks) => {
        const edges = edgeList(m).length === 0 ? [] : [...new Set(picks.map((p) => p % edgeList(m).length))]
        const got = Evaluate.evaluate(m)(edges)
        const want = naiveScore(m, edges)
        expect(got.filled).toBeCloseTo(want.filled, 9)
        expect(got.soft).toBeCloseTo(want.soft, 9)
        for (const [k, v] of Object.entries(want.terms)) expect(got.terms[k]).toBeCloseTo(v, 9)
        expect(Evaluate.violations(m)(edges).length === 0).toBe(!naiveViolates(m, edges))
      }),
      { numRuns: 400 },
    )
  })
})

describe('compareScore', () => {
  it('orders by filled, then soft', () => {
    expect(Evaluate.compareScore({ filled: 2, soft: -100 }, { filled: 1, soft: 100 })).toBeGreaterThan(0)
    expect(Evaluate.compareScore({ filled: 1, soft: 1 }, { filled: 1, soft: 2 })).toBeLessThan(0)
    expect(Evaluate.compareScore({ filled: 1, soft: 1 }, { filled: 1, soft: 1 })).toBe(0)
  })
  it('treats scores equal within a relative 1e-9 (the same terms summed in another order)', () => {
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(Evaluate.compareScore({ filled: 1, soft: 0.1 + 0.2 }, { filled: 1, soft: 0.3 })).toBe(0)
    expect(Evaluate.compareScore({ filled: 1, soft: 1000 }, { filled: 1, soft: 1000 + 5e-7 })).toBe(0)
    expect(Evaluate.compareScore({ filled: 1, soft: 1000 }, { filled: 1, soft: 1000.01 })).toBeLessThan(0)
    expect(Evaluate.compareScore({ filled: 3, soft: 0 }, { filled: 3 + 1e-12, soft: 5 })).toBeLessThan(0)
  })
  it('OrdScore sorts worse first and agrees with compareScore', () => {
    const xs = [
      { filled: 2, soft: 1 },
      { filled: 1, soft: 9 },
      { filled: 2, soft: -3 },
    ]
    expect([...xs].sort(Evaluate.OrdScore.compare)).toEqual([xs[1], xs[2], xs[0]])
    expect(Evaluate.OrdScore.equals({ filled: 1, soft: 0.1 + 0.2 }, { filled: 1, soft: 0.3 })).toBe(true)
  })
})
