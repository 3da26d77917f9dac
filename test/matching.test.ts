/**
 * The assignment core (src/solver/internal/matching.ts): it recognises exactly the models in
 * which every member has room for one slot (by capacity at a shared time point or by a group
 * limit of 1) and no team term couples the choices, and solves them to the brute-force
 * lexicographic optimum — priorities, empty slots, forced and forbidden edges included — which
 * `solveModel` then reports as proven.
 */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Model, ModelEdge } from '../src/model/Model.js'
import { compact } from '../src/model/internal/compact.js'
import { forcedState } from '../src/model/internal/state.js'
import { unsafeValidModel } from '../src/model/internal/validModel.js'
import { assignmentCore, isAssignmentCore } from '../src/solver/internal/matching.js'
import { solveModel } from '../src/solver/Solver.js'
import { bruteForce, mulberry, naiveViolates } from './support/modelArb.js'

type Room = 'capacity' | 'group'

/** A random model whose members each have room for one slot (by `room`), or a variant that breaks it. */
const unitModel = (seed: number, room: Room, members: number, slots: number, density: number, variant: 'core' | 'two' | 'bonus' = 'core'): Model => {
  const r = mulberry(seed)
  const edges: Array<ModelEdge> = []
  for (let s = 0; s < slots; s++)
    for (let m = 0; m < members; m++) {
      if (r() > density) continue
      const hours = room === 'capacity' ? 6 + Math.floor(r() * 5) : 1 + Math.floor(r() * 3)
      edges.push({ member: m, slot: s, hours, terms: [Math.round((r() * 20 - 5) * 100) / 100] })
    }
  const forced = edges.length > 0 && r() < 0.3 ? [Math.floor(r() * edges.length)] : []
  const forbidden = edges.length > 1 && r() < 0.3 ? [edges.length - 1].filter((e) => !forced.includes(e)) : []
  return {
    timePoints: 1,
    slots: Array.from({ length: slots }, (_, s) => ({ id: `s${s}`, priority: 1 + Math.floor(r() * 3), group: 0, from: 0, to: 0 })),
    members: Array.from({ length: members }, (_, m) => ({
      id: `m${m}`,
      // capacity room: 10 h, every edge ≥ 6 h, so never two; group room: 20 h and a group limit of 1
      capacity: room === 'capacity' ? (variant === 'two' && m === 0 ? 12 : 10) : 20,
      category: variant === 'bonus' ? m % 2 : -1,
      base: 0,
      threshold: 20,
      overloadWeight: 0,
    })),
    groups: [{ id: 'g', limit: room === 'group' && variant !== 'two' ? 1 : slots }],
    edges,
    termNames: { edge: ['value'], category: 'category', pair: 'pair', overload: 'overload' },
    forced,
    forbidden,
    conflicts: [],
    pairPenalties: [],
    categoryBonus: variant === 'bonus' ? 1 : 0,
  }
}

describe('isAssignmentCore', () => {
  it('recognises members with room for one slot, by capacity or by a group limit of 1', () => {
    for (const room of ['capacity', 'group'] as const) {
      const m = unitModel(7, room, 4, 5, 1)
      const c = compact(unsafeValidModel(m))
      expect(isAssignmentCore(c, forcedState(c))).toBe(true)
    }
  })

  it('rejects a member with room for two slots, and team terms', () => {
    for (const room of ['capacity', 'group'] as const) {
      const two = compact(unsafeValidModel(unitModel(7, room, 4, 5, 1, 'two')))
      expect(isAssignmentCore(two, forcedState(two))).toBe(false)
    }
    const bonus = compact(unsafeValidModel(unitModel(7, 'capacity', 4, 5, 1, 'bonus')))
    expect(isAssignmentCore(bonus, forcedState(bonus))).toBe(false)
  })

  it('rejects slots at different times whose hours would fit one after the other', () => {
    const m = unitModel(3, 'capacity', 3, 3, 1)
    const apart: Model = { ...m, timePoints: 3, slots: m.slots.map((s, i) => ({ ...s, from: i, to: i })) }
    const c = compact(unsafeValidModel(apart))
    expect(isAssignmentCore(c, forcedState(c))).toBe(false)
  })
})

describe('assignmentCore', () => {
  it('reaches the brute-force optimum (filled by priority, then value) and solveModel proves it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom<Room>('capacity', 'group'),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 0.2, max: 1, noNaN: true }),
        (seed, room, members, slots, density) => {
          const m = unsafeValidModel(unitModel(seed, room, members, slots, density))
          const c = compact(m)
          expect(isAssignmentCore(c, forcedState(c))).toBe(true)
          const counter = { steps: 0 }
          const r = assignmentCore(c, forcedState(c), Infinity, counter)
          expect(r.complete).toBe(true)
          const edges = [...r.slotEdge].filter((e) => e >= 0)
          expect(naiveViolates(m, edges)).toBe(false)
          const best = bruteForce(m)
          const sol = solveModel({ exact: false })(m)
          expect(sol.optimal).toBe(true)
          expect(sol.score.filled).toBeCloseTo(best.filled, 9)
          expect(sol.score.soft).toBeCloseTo(best.soft, 6)
          for (const f of m.forced) expect(sol.edges).toContain(f)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('stops at the budget with a valid partial plan, the heuristic then completing it', () => {
    const m = unsafeValidModel(unitModel(11, 'capacity', 40, 40, 1))
    const c = compact(m)
    const r = assignmentCore(c, forcedState(c), 0, { steps: 0 })
    expect(r.complete).toBe(false)
    expect(naiveViolates(m, [...r.slotEdge].filter((e) => e >= 0))).toBe(false)
    const sol = solveModel({ effort: 1 })(m)
    expect(sol.optimal).toBe(false)
    expect(naiveViolates(m, sol.edges)).toBe(false)
  })
})
