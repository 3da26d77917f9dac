/**
 * Random solver models for the solver's tests and benches, plus a naive reference checker,
 * a naive scorer and a brute-force optimum — written straight from the definitions, without
 * the solver's compact form.
 */
import * as fc from 'fast-check'
import type { Model, ModelEdge, PairPenalty } from '../../src/model/Model.js'
import { unsafeValidModel } from '../../src/model/internal/validModel.js'
import type { ValidModel } from '../../src/model/Model.js'
import { edgeList } from '../../src/model/Model.js'

// ---- a tiny PRNG ---------------------------------------------------------------------

export const mulberry = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface ModelParams {
  readonly seed: number
  readonly slots: number
  readonly members: number
  readonly groups?: number
  readonly timePoints?: number
  /** Probability of each (member, slot) edge. */
  readonly density?: number
  /** Integer priorities 1..5 (default) or fractional. */
  readonly fractional?: boolean
  /** Forced edges to try to place. */
  readonly forced?: number
  readonly categories?: number
  readonly limit?: number
  /** Capacity range [min, max] and hours range. */
  readonly capacity?: readonly [number, number]
  readonly hours?: readonly [number, number]
}

// ---- naive reference -----------------------------------------------------------------

/** Whether a set of edges breaks a hard constraint, checked naively from the definitions. */
export const naiveViolates = (m: Model, edges: ReadonlyArray<number>, ignoreForced = false): boolean => {
  const set = new Set(edges)
  if (set.size !== edges.length) return true
  const es = edges.map((i) => edgeList(m)[i]!)
  const slots = new Set<number>()
  for (const e of es) {
    if (slots.has(e.slot)) return true
    slots.add(e.slot)
  }
  if (!ignoreForced) for (const f of m.forced) if (!set.has(f)) return true
  for (const f of m.forbidden) if (set.has(f)) return true
  for (let mi = 0; mi < m.members.length; mi++) {
    const mine = es.filter((e) => e.member === mi)
    for (let t = 0; t < m.timePoints; t++) {
      let load = 0
      for (const e of mine) {
        const s = m.slots[e.slot]!
        if (s.from <= t && t <= s.to) load += e.hours
      }
      if (load > m.members[mi]!.capacity + 1e-9 * Math.max(1, m.members[mi]!.capacity)) return true
    }
    for (let g = 0; g < m.groups.length; g++) {
      const n = mine.filter((e) => m.slots[e.slot]!.group === g).length
      if (n > m.groups[g]!.limit) return true
    }
  }
  const serving = (mi: number, g: number): boolean => es.some((e) => e.member === mi && m.slots[e.slot]!.group === g)
  for (const [a, b] of m.conflicts) for (let g = 0; g < m.groups.length; g++) if (serving(a, g) && serving(b, g)) return true
  return false
}

/** The score of a set of edges, naively from the definitions. */
export const naiveScore = (m: Model, edges: ReadonlyArray<number>): { filled: number; soft: number; terms: Record<string, number> } => {
  const es = [...new Set(edges)].sort((a, b) => a - b).map((i) => edgeList(m)[i]!)
  const filledSlots = new Set(es.map((e) => e.slot))
  let filled = 0
  for (const s of [...filledSlots].sort((a, b) => a - b)) filled += m.slots[s]!.priority
  const terms: Record<string, number> = {}
  m.termNames.edge.forEach((n, k) => {
    terms[n] = es.reduce((acc, e) => acc + (e.terms[k] ?? 0), 0)
  })
  let distinct = 0
  let pair = 0
  for (let g = 0; g < m.groups.length; g++) {
    const mem = new Set(es.filter((e) => m.slots[e.slot]!.group === g).map((e) => e.member))
    distinct += new Set([...mem].map((x) => m.members[x]!.category).filter((c) => c >= 0)).size
    for (const p of m.pairPenalties) if (mem.has(p.a) && mem.has(p.b)) pair += p.weight
  }
  let over = 0
  m.members.forEach((mm, mi) => {
    let peak = 0
    for (let t = 0; t < m.timePoints; t++) {
      let load = 0
      for (const e of es) if (e.member === mi && m.slots[e.slot]!.from <= t && t <= m.slots[e.slot]!.to) load += e.hours
      peak = Math.max(peak, load)
    }
    over += mm.overloadWeight * (Math.max(0, mm.base + peak - mm.threshold) - Math.max(0, mm.base - mm.threshold))
  })
  terms[m.termNames.category] = m.categoryBonus * distinct
  terms[m.termNames.pair] = -pair
  terms[m.termNames.overload] = -over
  const soft = Object.values(terms).reduce((a, b) => a + b, 0)
  return { filled, soft, terms }
}

/** The lexicographic optimum by enumeration (DFS over slots, pruning infeasible partials). */
export const bruteForce = (m: Model): { filled: number; soft: number; edges: Array<number> } => {
  const bySlot: Array<Array<number>> = m.slots.map(() => [])
  edgeList(m).forEach((e, i) => bySlot[e.slot]!.push(i))
  let best = { filled: -Infinity, soft: -Infinity, edges: [] as Array<number> }
  const chosen: Array<number> = []
  const forcedSlot = new Map(m.forced.map((f) => [edgeList(m)[f]!.slot, f]))
  const go = (s: number): void => {
    if (s === m.slots.length) {
      if (naiveViolates(m, chosen)) return
      const sc = naiveScore(m, chosen)
      if (sc.filled > best.filled + 1e-9 || (Math.abs(sc.filled - best.filled) <= 1e-9 && sc.soft > best.soft + 1e-9))
        best = { filled: sc.filled, soft: sc.soft, edges: [...chosen] }
      return
    }
    const f = forcedSlot.get(s)
    const options = f !== undefined ? [f] : [...bySlot[s]!, -1]
    for (const e of options) {
      if (e >= 0) {
        chosen.push(e)
        if (!naiveViolates(m, chosen, true)) go(s + 1)
        chosen.pop()
      } else go(s + 1)
    }
  }
  go(0)
  return best
}

// ---- generator -----------------------------------------------------------------------

/** A random valid model (forced edges placed only where they keep every hard constraint). */
export const randomModel = (p: ModelParams): ValidModel => {
  const r = mulberry(p.seed)
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1))
  const nG = p.groups ?? Math.max(1, int(1, Math.max(1, Math.ceil(p.slots / 3))))
  const T = p.timePoints ?? int(1, 3)
  const nCat = p.categories ?? 3
  const [capLo, capHi] = p.capacity ?? [4, 24]
  const [hLo, hHi] = p.hours ?? [2, 12]
  const density = p.density ?? 0.6
  const groups = Array.from({ length: nG }, (_, g) => ({ id: `g${String(g).padStart(3, '0')}`, limit: p.limit ?? int(1, 2) }))
  // a period per group
  const periods = groups.map(() => {
    const a = int(0, T - 1)
    const b = int(a, T - 1)
    return [a, b] as const
  })
  const slots = Array.from({ length: p.slots }, (_, s) => {
    const g = int(0, nG - 1)
    return {
      id: `s${String(s).padStart(3, '0')}`,
      priority: p.fractional ? Math.round((0.5 + r() * 4) * 100) / 100 : int(1, 5),
      group: g,
      from: periods[g]![0],
      to: periods[g]![1],
    }
  })
  const members = Array.from({ length: p.members }, (_, m) => {
    const capacity = int(capLo, capHi)
    return {
      id: `m${String(m).padStart(3, '0')}`,
      capacity,
      category: int(-1, nCat - 1),
      base: int(0, 8),
      threshold: Math.round(capacity * (0.5 + r() * 0.5)),
      overloadWeight: r() < 0.7 ? Math.round(r() * 100) / 100 : 0,
    }
  })
  const edges: Array<ModelEdge> = []
  for (let s = 0; s < p.slots; s++)
    for (let m = 0; m < p.members; m++)
      if (r() < density)
        edges.push({
          member: m,
          slot: s,
          hours: int(hLo, hHi),
          terms: [Math.round((r() * 10 - 2) * 100) / 100, int(-2, 2)],
        })
  const conflicts: Array<readonly [number, number]> = []
  const pairPenalties: Array<PairPenalty> = []
  for (let a = 0; a < p.members; a++)
    for (let b = a + 1; b < p.members; b++) {
      if (r() < 0.08) conflicts.push([a, b])
      else if (r() < 0.2) pairPenalties.push({ a, b, weight: int(1, 4) })
    }
  const forbidden: Array<number> = []
  edges.forEach((_, i) => {
    if (r() < 0.05) forbidden.push(i)
  })
  const base: Model = {
    timePoints: T,
    slots,
    members,
    groups,
    edges,
    termNames: { edge: ['value', 'preference'], category: 'diversity', pair: 'rotation', overload: 'balance' },
    forced: [],
    forbidden,
    conflicts,
    pairPenalties,
    categoryBonus: int(0, 3),
  }
  const forced: Array<number> = []
  const nForced = p.forced ?? (r() < 0.5 ? int(0, 2) : 0)
  for (let k = 0; k < nForced * 3 && forced.length < nForced && edges.length > 0; k++) {
    const e = int(0, edges.length - 1)
    if (forbidden.includes(e) || forced.includes(e)) continue
    const next = [...forced, e]
    if (!naiveViolates({ ...base, forced: next }, next)) forced.push(e)
  }
  return unsafeValidModel({ ...base, forced: forced.sort((a, b) => a - b) })
}

/** Small random valid models (≤ 7 slots, ≤ 4 members). */
export const smallModelArb: fc.Arbitrary<ValidModel> = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    slots: fc.integer({ min: 0, max: 7 }),
    members: fc.integer({ min: 1, max: 4 }),
    fractional: fc.boolean(),
  })
  .map(randomModel)

/** A domain-like model: `members` people, `groups` requests of ~5 slots, `timePoints` start dates. */
export const domainLikeModel = (seed: number, members = 40, slots = 40): ValidModel =>
  randomModel({
    seed,
    slots,
    members,
    groups: Math.max(1, Math.round(slots / 5)),
    timePoints: Math.max(1, Math.round(slots / 5)),
    density: 0.5,
    limit: 1,
    categories: 6,
    capacity: [8, 32],
    hours: [4, 16],
    forced: 2,
  })
