import { describe, expect, it } from 'vitest'
import { Evaluate, Solver } from 'wendbaar/solver'
import type { Model } from '../src/model/Model.js'
import { unsafeValidModel } from '../src/model/internal/validModel.js'
import { domainLikeModel } from './support/modelArb.js'

const names = { edge: ['value'], category: 'cat', pair: 'pair', overload: 'over' }
const member = (id: string, capacity: number) => ({ id, capacity, category: -1, base: 0, threshold: 1e9, overloadWeight: 0 })

/** A generalized assignment problem: jobs (slots, priority 1) onto agents (members). */
const gap = (capacity: ReadonlyArray<number>, use: ReadonlyArray<ReadonlyArray<number>>, profit: ReadonlyArray<ReadonlyArray<number>>) =>
  unsafeValidModel({
    timePoints: 1,
    slots: use[0]!.map((_, j) => ({ id: `j${j}`, priority: 1, group: j, from: 0, to: 0 })),
    members: capacity.map((c, i) => member(`a${i}`, c)),
    groups: use[0]!.map((_, j) => ({ id: `j${j}`, limit: 1 })),
    edges: use[0]!.flatMap((_, j) => capacity.map((_, i) => ({ member: i, slot: j, hours: use[i]![j]!, terms: [profit[i]![j]!] }))),
    termNames: names,
    forced: [],
    forbidden: [],
    conflicts: [],
    pairPenalties: [],
    categoryBonus: 0,
  })

describe('solveModel', () => {
  it('solves a small generalized assignment problem to proven optimality', () => {
    // 2 agents (capacity 10), 4 jobs; the optimum needs agent 0 to leave its best job
    const m = gap(
      [10, 10],
      [
        [6, 5, 5, 4],
        [6, 5, 5, 4],
      ],
      [
        [10, 8, 8, 1],
        [9, 1, 1, 7],
      ],
    )
    const sol = Solver.solveModel()(m)
    expect(sol.optimal).toBe(true)
    // every job fits (6+4 | 5+5) → filled 4; best: a1 on j0 (9) + j3 (7), a0 on j1 + j2 (16) = 32
    expect(sol.score.filled).toBe(4)
    expect(sol.score.soft).toBe(32)
    expect(sol.bound).toEqual({ filled: 4, soft: 32 })
    expect(sol.stats.exact).toBe(true)
  })

  it('puts filled priority first, soft value second', () => {
    // one member (capacity 10); slot p (priority 3, value −5, 10 h) vs slots q, r (priority 1 each, value 100, 5 h)
    const m = unsafeValidModel({
      timePoints: 1,
      slots: [
        { id: 'p', priority: 3, group: 0, from: 0, to: 0 },
        { id: 'q', priority: 1, group: 1, from: 0, to: 0 },
        { id: 'r', priority: 1, group: 2, from: 0, to: 0 },
      ],
      members: [member('m', 10)],
      groups: [{ id: 'g0', limit: 1 }, { id: 'g1', limit: 1 }, { id: 'g2', limit: 1 }],
      edges: [
        { member: 0, slot: 0, hours: 10, terms: [-5] },
        { member: 0, slot: 1, hours: 5, terms: [100] },
        { member: 0, slot: 2, hours: 5, terms: [100] },
      ],
      termNames: names,
      forced: [],
      forbidden: [],
      conflicts: [],
      pairPenalties: [],
      categoryBonus: 0,
    })
    const sol = Solver.solveModel()(m)
    expect(sol.edges).toEqual([0])
    expect(sol.score).toEqual({ filled: 3, soft: -5, terms: { value: -5, cat: 0, pair: 0, over: 0 } })
    expect(sol.optimal).toBe(true)
  })

  it('keeps forced edges even with no effort at all', () => {
    const base = gap([10, 10], [[6, 5], [6, 5]], [[1, 9], [9, 1]])
    const m = unsafeValidModel({ ...base, forced: [0] } as Model)
    for (const effort of [0, 1, 100]) {
      const sol = Solver.solveModel({ effort })(m)
      expect(sol.edges).toContain(0)
      expect(Evaluate.violations(m)(sol.edges)).toEqual([])
    }
  })

  it('solves the empty model', () => {
    const m = gap([5], [[]], [[]])
    const sol = Solver.solveModel()(m)
    expect(sol.edges).toEqual([])
    expect(sol.optimal).toBe(true)
    expect(sol.score.filled).toBe(0)
  })

  it('stops early on an injected clock, still with a valid plan and bound', () => {
    const m = domainLikeModel(7, 40, 40)
    let now = 0
    const clock = (): number => (now += 50)
    const sol = Solver.solveModel({ exact: true, clock, timeLimit: 100 })(m)
    expect(Evaluate.violations(m)(sol.edges)).toEqual([])
    expect(sol.optimal).toBe(false)
    expect(sol.bound).not.toBeNull()
    expect(Evaluate.compareScore(sol.bound!, sol.score)).toBeGreaterThanOrEqual(0)
  })

  it('honours exact: false (no search) and reports a bound', () => {
    const m = domainLikeModel(3, 20, 20)
    const sol = Solver.solveModel({ exact: false, effort: 100_000 })(m)
    expect(sol.stats.exact).toBe(false)
    expect(Evaluate.violations(m)(sol.edges)).toEqual([])
    expect(sol.bound!.filled).toBeGreaterThanOrEqual(sol.score.filled)
    expect(sol.bound!.soft).toBeGreaterThanOrEqual(sol.score.soft)
  })

  it('gives the same solution for the same effort whatever the clock', () => {
    const m = domainLikeModel(11, 15, 15)
    const a = Solver.solveModel({ effort: 200_000 })(m)
    let t = 0
    const b = Solver.solveModel({ effort: 200_000, clock: () => t++, timeLimit: 1e12 })(m)
    expect(b).toEqual(a)
  })
})

describe('defaultEffortOf', () => {
  it('gives small models beyond the exact search up to 150M steps, and large ones the 5M floor', () => {
    expect(Solver.defaultEffortOf(500)).toBe(150_000_000)
    expect(Solver.defaultEffortOf(4_000)).toBe(150_000_000)
    expect(Solver.defaultEffortOf(40_000)).toBe(15_000_000)
    expect(Solver.defaultEffortOf(125_272)).toBe(Solver.defaultEffort)
    expect(Solver.defaultEffortOf(1e7)).toBe(Solver.defaultEffort)
    for (let e = 1; e < 1e6; e = Math.ceil(e * 1.7)) expect(Solver.defaultEffortOf(e)).toBeGreaterThanOrEqual(Solver.defaultEffortOf(e + 1000))
  })
})
