/**
 * Seeded random solver models (src/Model.ts) for the heuristic's tests and bench: groups with
 * time windows and limits, slots with priorities, candidate edges within a unit, categories,
 * conflicts, pair penalties, overload, forced and forbidden edges. Forced edges are chosen so
 * that they alone satisfy every hard constraint (distinct members, within capacity, no
 * conflicting pair among them).
 */
import type { ModelEdge, ModelGroup, ModelMember, ModelSlot, PairPenalty, ValidModel } from '../../src/model/Model.js'
import { unsafeValidModel } from '../../src/model/internal/validModel.js'
import { prng } from './prng.js'

/** Size and shape of a generated model. */
export interface HeurModelOptions {
  readonly members: number
  readonly slots: number
  /** Candidate members per slot (capped by the unit's size). */
  readonly degree: number
  readonly timePoints?: number
  /** Members and groups are split into this many units; edges stay inside a unit. */
  readonly units?: number
  /** Fraction of slots with a forced edge. */
  readonly forcedRate?: number
  /** Fraction of edges forbidden. */
  readonly forbiddenRate?: number
  /** Scale of member capacity relative to demand (1 = roughly balanced). */
  readonly tightness?: number
}

/** A seeded random model. */
export const heurModel = (seed: number, o: HeurModelOptions): ValidModel => {
  const r = prng(seed)
  const T = o.timePoints ?? 12
  const U = Math.max(1, o.units ?? 1)
  const nM = o.members
  const nS = o.slots
  const tight = o.tightness ?? 1
  const nG = Math.max(1, Math.ceil(nS / 3))
  const groups: Array<ModelGroup> = []
  const gFrom: Array<number> = []
  const gTo: Array<number> = []
  const gUnit: Array<number> = []
  for (let g = 0; g < nG; g++) {
    groups.push({ id: `g${String(g).padStart(7, '0')}`, limit: r.chance(0.2) ? 2 : 1 })
    const from = r.int(0, T - 1)
    gFrom.push(from)
    gTo.push(Math.min(T - 1, from + r.int(0, 3)))
    gUnit.push(r.int(0, U - 1))
  }
  const slots: Array<ModelSlot> = []
  for (let s = 0; s < nS; s++) {
    const g = s < nG ? s : r.int(0, nG - 1)
    slots.push({
      id: `s${String(s).padStart(7, '0')}`,
      priority: r.pick([1, 1, 2, 3]),
      group: g,
      from: gFrom[g]!,
      to: gTo[g]!,
    })
  }
  const members: Array<ModelMember> = []
  const unitMembers: Array<Array<number>> = Array.from({ length: U }, () => [])
  for (let m = 0; m < nM; m++) {
    const capacity = Math.round(r.int(16, 40) * tight)
    members.push({
      id: `m${String(m).padStart(7, '0')}`,
      capacity,
      category: r.chance(0.1) ? -1 : r.int(0, 6),
      base: r.int(0, 8),
      threshold: Math.round(capacity * 0.7),
      overloadWeight: r.chance(0.7) ? r.int(0, 10) / 100 : 0,
    })
    unitMembers[m % U]!.push(m)
  }
  const edges: Array<ModelEdge> = []
  for (let s = 0; s < nS; s++) {
    const pool = unitMembers[gUnit[slots[s]!.group]!]!
    const k = Math.min(pool.length, Math.max(1, o.degree + r.int(-2, 2)))
    const chosen = new Set<number>()
    while (chosen.size < k) chosen.add(pool[r.int(0, pool.length - 1)]!)
    const sorted = [...chosen].sort((a, b) => a - b)
    for (const m of sorted)
      edges.push({
        member: m,
        slot: s,
        hours: r.chance(0.05) ? 0 : r.int(4, 16),
        terms: [r.int(0, 100) / 100, r.int(-50, 50) / 100],
      })
  }
  const conflictSet = new Set<string>()
  const conflicts: Array<readonly [number, number]> = []
  for (let i = 0; i < Math.floor(nM / 10); i++) {
    const u = unitMembers[r.int(0, U - 1)]!
    const a = u[r.int(0, u.length - 1)]!
    const b = u[r.int(0, u.length - 1)]!
    if (a === b) continue
    const key = `${Math.min(a, b)},${Math.max(a, b)}`
    if (conflictSet.has(key)) continue
    conflictSet.add(key)
    conflicts.push([Math.min(a, b), Math.max(a, b)])
  }
  conflicts.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  const pairSet = new Set<string>()
  const pairPenalties: Array<PairPenalty> = []
  for (let i = 0; i < Math.floor(nM / 3); i++) {
    const u = unitMembers[r.int(0, U - 1)]!
    const a = u[r.int(0, u.length - 1)]!
    const b = u[r.int(0, u.length - 1)]!
    if (a === b) continue
    const key = `${Math.min(a, b)},${Math.max(a, b)}`
    if (pairSet.has(key)) continue
    pairSet.add(key)
    pairPenalties.push({ a: Math.min(a, b), b: Math.max(a, b), weight: r.int(1, 80) / 100 })
  }
  pairPenalties.sort((x, y) => x.a - y.a || x.b - y.b)
  // forbidden
  const forbidden: Array<number> = []
  const forbiddenRate = o.forbiddenRate ?? 0.02
  for (let e = 0; e < edges.length; e++) if (r.chance(forbiddenRate)) forbidden.push(e)
  const isForbidden = new Set(forbidden)
  // forced: distinct members, hours within capacity, no conflicts among forced members
  const forced: Array<number> = []
  const forcedRate = o.forcedRate ?? 0.02
  const used = new Set<number>()
  let e0 = 0
  for (let s = 0; s < nS; s++) {
    let e1 = e0
    while (e1 < edges.length && edges[e1]!.slot === s) e1++
    if (e1 > e0 && r.chance(forcedRate)) {
      const e = r.int(e0, e1 - 1)
      const edge = edges[e]!
      const m = edge.member
      const ok =
        !isForbidden.has(e) &&
        !used.has(m) &&
        edge.hours <= members[m]!.capacity &&
        conflicts.every(([a, b]) => !((a === m && used.has(b)) || (b === m && used.has(a))))
      if (ok) {
        used.add(m)
        forced.push(e)
      }
    }
    e0 = e1
  }
  return unsafeValidModel({
    timePoints: T,
    slots,
    members,
    groups,
    edges,
    termNames: { edge: ['fit', 'preference'], category: 'diversity', pair: 'rotation', overload: 'balance' },
    forced,
    forbidden,
    conflicts,
    pairPenalties,
    categoryBonus: 0.3,
  })
}
