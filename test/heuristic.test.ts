/**
 * The primal heuristic (src/internal/heuristic.ts): on thousands of random models it never
 * breaks a hard constraint, keeps every forced edge, tracks exactly the evaluator's score, is
 * deterministic, never returns worse than its starting plan, and reaches the brute-force
 * optimum on tiny models.
 */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluate, violations } from '../src/model/Evaluate.js'
import type { Model, ValidModel } from '../src/model/Model.js'
import { compact } from '../src/model/internal/compact.js'
import { unsafeValidModel } from '../src/model/internal/validModel.js'
import { type ImproveResult, improve } from '../src/solver/internal/heuristic.js'
import { mulberry32 } from '../src/solver/internal/prng.js'
import { heurModel } from './support/heurModels.js'
import { bruteForce, domainLikeModel, naiveScore, naiveViolates, randomModel, smallModelArb } from './support/modelArb.js'
import { close } from './support/issues.js'
import { edgeList } from '../src/model/Model.js'

const edgesOf = (r: ImproveResult): Array<number> => {
  const out: Array<number> = []
  for (const e of r.slotEdge) if (e >= 0) out.push(e)
  return out.sort((a, b) => a - b)
}


/** Lexicographic a ≥ b (within tolerance). */
const atLeast = (a: { filled: number; soft: number }, b: { filled: number; soft: number }): boolean =>
  a.filled > b.filled + 1e-9 || (close(a.filled, b.filled) && a.soft >= b.soft - 1e-6 * Math.max(1, Math.abs(b.soft)))

/** Runs the heuristic and checks validity and the tracked score against the evaluator. */
const checked = (model: ValidModel, effort: number, seed: number, initial?: Int32Array): ImproveResult => {
  const c = compact(model)
  const r = improve(c, { effort, seed }, initial)
  expect(r.slotEdge.length).toBe(model.slots.length)
  r.slotEdge.forEach((e, s) => {
    if (e >= 0) expect(edgeList(model)[e]!.slot).toBe(s)
  })
  const edges = edgesOf(r)
  expect(violations(model)(edges)).toEqual([])
  for (const f of model.forced) expect(edges).toContain(f)
  const score = evaluate(model)(edges)
  expect(close(r.score.filled, score.filled), `filled ${r.score.filled} vs ${score.filled}`).toBe(true)
  expect(close(r.score.soft, score.soft), `soft ${r.score.soft} vs ${score.soft}`).toBe(true)
  const t = score.terms
  expect(close(r.score.category, t[model.termNames.category] ?? 0)).toBe(true)
  expect(close(r.score.pair, t[model.termNames.pair] ?? 0)).toBe(true)
  expect(close(r.score.overload, t[model.termNames.overload] ?? 0)).toBe(true)
  return r
}

describe('heuristic: hard constraints and tracked score', () => {
  it('holds on small random models (fast-check), with and without search effort', () => {
    fc.assert(
      fc.property(smallModelArb, fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0, 50, 5000), (model, seed, effort) => {
        const r = checked(model, effort, seed)
        expect(naiveViolates(model, edgesOf(r))).toBe(false)
        const naive = naiveScore(model, edgesOf(r))
        expect(close(r.score.soft, naive.soft)).toBe(true)
      }),
      { numRuns: 1500 },
    )
  })

  it('holds on medium random models with tight capacities, conflicts, pairs and overload', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const model = randomModel({
        seed,
        slots: 10 + (seed % 25),
        members: 4 + (seed % 9),
        timePoints: 1 + (seed % 5),
        density: 0.3 + (seed % 5) / 10,
        fractional: seed % 2 === 0,
        forced: seed % 4,
        capacity: [2, 20],
        hours: [1, 10],
      })
      checked(model, 20_000 + seed * 1000, seed)
    }
  })

  it('holds on generated domain-like models (units, windows, limits 1–2)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const model = heurModel(seed, {
        members: 30 + seed * 10,
        slots: 40 + seed * 8,
        degree: 8 + seed,
        timePoints: 3 + seed,
        units: 1 + (seed % 3),
        forcedRate: 0.05,
        tightness: seed % 2 === 0 ? 0.4 : 1,
      })
      checked(model, 200_000, seed)
    }
  })

  it('holds on tight GAP-like models (one time point, every agent a candidate, prices and annealing on)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const r = mulberry32(seed)
      const agents = 3 + (seed % 5)
      const jobs = 10 + 3 * seed
      const use = Array.from({ length: agents }, () => Array.from({ length: jobs }, () => 5 + r.below(21)))
      const model: Model = {
        timePoints: 1,
        slots: Array.from({ length: jobs }, (_, j) => ({ id: `j${String(j).padStart(3, '0')}`, priority: 1, group: j, from: 0, to: 0 })),
        members: Array.from({ length: agents }, (_, i) => ({
          id: `a${i}`,
          capacity: Math.floor((0.8 * use[i]!.reduce((x, y) => x + y, 0)) / agents),
          category: -1,
          base: 0,
          threshold: 0,
          overloadWeight: 0,
        })),
        groups: Array.from({ length: jobs }, (_, j) => ({ id: `g${String(j).padStart(3, '0')}`, limit: 1 })),
        edges: Array.from({ length: jobs * agents }, (_, k) => {
          const j = Math.floor(k / agents)
          const i = k % agents
          return { member: i, slot: j, hours: use[i]![j]!, terms: [-(10 + r.below(40))] }
        }),
        termNames: { edge: ['profit'], category: 'c', pair: 'p', overload: 'o' },
        forced: [],
        forbidden: [],
        conflicts: [],
        pairPenalties: [],
        categoryBonus: 0,
      }
      const res = checked(unsafeValidModel(model), 400_000, seed)
      // the search never ends below its own construction
      const construct = improve(compact(model), { effort: 0, seed })
      expect(atLeast(res.score, construct.score)).toBe(true)
    }
  })

  it('holds with hostile initial proposals (wrong slots, forbidden, out of range, infeasible)', () => {
    for (let seed = 1; seed <= 80; seed++) {
      const model = domainLikeModel(seed, 12, 20)
      const r = mulberry32(seed)
      const initial = new Int32Array(model.slots.length)
      for (let s = 0; s < initial.length; s++) initial[s] = r.below(edgeList(model).length + 4) - 2
      checked(model, 2000, seed, initial)
    }
  })
})

describe('heuristic: search behaviour', () => {
  it('is deterministic for a seed', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const model = domainLikeModel(seed, 20, 30)
      const c = compact(model)
      const a = improve(c, { effort: 100_000, seed: 7 })
      const b = improve(compact(model), { effort: 100_000, seed: 7 })
      expect(Array.from(a.slotEdge)).toEqual(Array.from(b.slotEdge))
      expect(a.steps).toBe(b.steps)
    }
  })

  it('never ends worse than a valid initial plan', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const model = domainLikeModel(seed, 15, 25)
      const c = compact(model)
      const start = improve(c, { effort: 3000, seed: seed + 100 })
      const startScore = evaluate(model)(edgesOf(start))
      const r = checked(model, 20_000, seed, start.slotEdge)
      expect(atLeast(evaluate(model)(edgesOf(r)), startScore)).toBe(true)
    }
  })

  it('spends no search effort beyond the budget and honours shouldStop', () => {
    const model = heurModel(3, { members: 200, slots: 160, degree: 20, timePoints: 8 })
    const c = compact(model)
    const construct = improve(c, { effort: 0, seed: 1 })
    const r = improve(c, { effort: 1e12, seed: 1, shouldStop: () => true })
    // stopping at once leaves the construction as it was
    expect(Array.from(r.slotEdge)).toEqual(Array.from(construct.slotEdge))
    const budget = construct.steps + 10_000
    const b = improve(c, { effort: budget, seed: 1 })
    expect(b.steps).toBeLessThan(budget + 10_000)
  })

  it('fills every slot an ejection chain can reach (a chain of three members)', () => {
    // slots a, b, c; members x, y, z with room for one slot each.
    // x fits a and b; y fits b and c; z fits c only. Only x→a, y→b, z→c fills all three.
    const mk = (order: ReadonlyArray<[number, number]>): Model => ({
      timePoints: 1,
      slots: ['a', 'b', 'c'].map((id) => ({ id, priority: 1, group: 0, from: 0, to: 0 })),
      members: ['x', 'y', 'z'].map((id) => ({ id, capacity: 1, category: -1, base: 0, threshold: 10, overloadWeight: 0 })),
      groups: [{ id: 'g', limit: 1 }],
      edges: order.map(([member, slot]) => ({ member, slot, hours: 1, terms: [member === 2 ? 0 : 5 - slot] })),
      termNames: { edge: ['v'], category: 'c', pair: 'p', overload: 'o' },
      forced: [],
      forbidden: [],
      conflicts: [],
      pairPenalties: [],
      categoryBonus: 0,
    })
    const model = mk([
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 2],
      [2, 2],
    ])
    const r = checked(unsafeValidModel(model), 10_000, 1)
    expect(r.score.filled).toBe(3)
    expect(edgesOf(r)).toEqual([0, 2, 4])
  })

  it('reaches the brute-force optimum on tiny models', () => {
    let hits = 0
    let total = 0
    for (let seed = 1; seed <= 150; seed++) {
      const model = randomModel({ seed, slots: 3 + (seed % 5), members: 2 + (seed % 3), timePoints: 1 + (seed % 3) })
      const opt = bruteForce(model)
      const r = checked(model, 50_000, seed)
      const got = evaluate(model)(edgesOf(r))
      // never above the optimum
      expect(atLeast(opt, got)).toBe(true)
      total++
      if (atLeast(got, opt)) hits++
    }
    expect(hits / total).toBeGreaterThanOrEqual(0.97)
  })
})

describe('prng: mulberry32', () => {
  it('repeats its sequence for a seed, differs across seeds, and stays in range', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const c = mulberry32(43)
    const xs = Array.from({ length: 1000 }, () => a.next())
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs)
    expect(Array.from({ length: 1000 }, () => c.next())).not.toEqual(xs)
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true)
    const counts = new Array<number>(7).fill(0)
    for (let i = 0; i < 7000; i++) counts[a.below(7)]!++
    for (const n of counts) expect(n).toBeGreaterThan(800)
    expect(a.below(0)).toBe(0)
    expect(mulberry32(Number.NaN).nextU32()).toBe(mulberry32(0).nextU32())
  })
})
