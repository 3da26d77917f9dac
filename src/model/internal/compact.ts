/**
 * The compact form of a {@link Model}: flat typed arrays and CSR indexes for the solver's hot
 * loops. Memory is linear in slots + members + groups + edges + pairs; building is linear too
 * (every sorted list is produced by a bucket pass, never by a comparison sort).
 *
 * Index conventions (all `Int32Array`, CSR = "compressed sparse row"): for a row `r`, its
 * entries are `list[start[r] .. start[r + 1])`.
 *
 * Capacity and overload only need to be checked at the time points where one of a member's
 * candidate slots starts (the load of a set of intervals peaks at some interval's start), so
 * every member keeps its own sorted list of such points and every edge covers the contiguous
 * range `[edgePointLo, edgePointHi)` of that list. Likewise a member's (member, group) counters
 * and a group's (group, category) counters live in per-row lists that every edge points into,
 * so no `members × groups` or `groups × categories` table is ever built.
 *
 * The model is assumed well formed (indices in range) — {@link decodeModel} checks that.
 *
 * @internal
 * @since 0.1.0
 */
import { edgeTableOf } from './edges.js'
import type { Model } from './types.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The compact model.
 *
 * @internal
 * @since 0.1.0
 */
export interface Compact {
  readonly nSlots: number
  readonly nMembers: number
  readonly nGroups: number
  readonly nEdges: number
  /** Number of edge terms. */
  readonly nTerms: number
  /** 1 + the largest category index (0 when no member has a category). */
  readonly nCategories: number
  readonly timePoints: number
  readonly categoryBonus: number

  // slots
  readonly slotPriority: Float64Array
  readonly slotGroup: Int32Array
  readonly slotFrom: Int32Array
  readonly slotTo: Int32Array
  /** CSR over slots: the slot's edges sorted by member (for a valid model, `slotEdges[i] = i`). */
  readonly slotEdgeStart: Int32Array
  readonly slotEdges: Int32Array
  /** The forced edge of each slot, or −1. */
  readonly slotForced: Int32Array

  // members
  readonly memberCapacity: Float64Array
  readonly memberCategory: Int32Array
  readonly memberBase: Float64Array
  readonly memberThreshold: Float64Array
  readonly memberOverloadWeight: Float64Array
  /** CSR over members: the member's edges in ascending edge index (so by slot). */
  readonly memberEdgeStart: Int32Array
  readonly memberEdges: Int32Array
  /** CSR over members: the distinct time points at which one of its candidate slots starts, ascending. */
  readonly memberPointStart: Int32Array
  readonly memberPoints: Int32Array
  /** CSR over members: the distinct groups of its candidate slots, ascending. */
  readonly memberGroupStart: Int32Array
  readonly memberGroups: Int32Array
  /** CSR over members: conflicting members, ascending (both directions stored). */
  readonly conflictStart: Int32Array
  readonly conflictAdj: Int32Array
  /** CSR over members: penalised partners, ascending, with the (summed) weight; both directions. */
  readonly pairStart: Int32Array
  readonly pairAdj: Int32Array
  readonly pairWeight: Float64Array

  // groups
  readonly groupLimit: Int32Array
  /** CSR over groups: the group's slots, ascending. */
  readonly groupSlotStart: Int32Array
  readonly groupSlots: Int32Array
  /** CSR over groups: the distinct categories (≥ 0) of its candidate members, ascending. */
  readonly groupCatStart: Int32Array
  readonly groupCats: Int32Array

  // edges
  readonly edgeMember: Int32Array
  readonly edgeSlot: Int32Array
  readonly edgeHours: Float64Array
  /** Σ of the edge's terms (summed in term order). */
  readonly edgeValue: Float64Array
  /** Row-major `nEdges × nTerms`. */
  readonly edgeTerms: Float64Array
  readonly edgeForced: Uint8Array
  readonly edgeForbidden: Uint8Array
  /** Absolute index into `memberPoints` of the first point the edge covers. */
  readonly edgePointLo: Int32Array
  /** Absolute index into `memberPoints` one past the last point the edge covers. */
  readonly edgePointHi: Int32Array
  /** Absolute index into `memberGroups` of the edge's (member, group). */
  readonly edgeMemberGroup: Int32Array
  /** Absolute index into `groupCats` of the edge's (group, category), or −1 for no category. */
  readonly edgeGroupCat: Int32Array
  /** Forced edges, ascending (duplicates removed). */
  readonly forcedEdges: Int32Array
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/** Bucket `n` items into `rows` rows by `key`; entries of each row keep item order. */
const csr = (
  rows: number,
  n: number,
  key: (i: number) => number,
): { start: Int32Array; list: Int32Array } => {
  const start = new Int32Array(rows + 1)
  for (let i = 0; i < n; i++) start[key(i) + 1] = start[key(i) + 1]! + 1
  for (let r = 0; r < rows; r++) start[r + 1] = start[r + 1]! + start[r]!
  const fill = start.slice(0, rows)
  const list = new Int32Array(n)
  for (let i = 0; i < n; i++) list[fill[key(i)]!++] = i
  return { start, list }
}

/**
 * For each of `rows` rows, the distinct buckets that reach it, ascending, as CSR. Bucket `b`
 * (`0 ≤ b < nBuckets`) holds the items `buckets.list[buckets.start[b] .. buckets.start[b + 1])`;
 * item `i` reaches the rows `rowOf[via.list[j]]` for `j` in `via.start[i] .. via.start[i + 1]`.
 * Two linear passes over the same walk: count, then fill.
 */
const distinctPerRow = (
  rows: number,
  nBuckets: number,
  buckets: { readonly start: Int32Array; readonly list: Int32Array },
  via: { readonly start: Int32Array; readonly list: Int32Array },
  rowOf: Int32Array,
): { start: Int32Array; list: Int32Array } => {
  const start = new Int32Array(rows + 1)
  const mark = new Int32Array(rows)
  let list = new Int32Array(0)
  let fill = start
  for (let pass = 0; pass < 2; pass++) {
    mark.fill(-1)
    for (let b = 0; b < nBuckets; b++)
      for (let k = buckets.start[b]!; k < buckets.start[b + 1]!; k++) {
        const i = buckets.list[k]!
        for (let j = via.start[i]!; j < via.start[i + 1]!; j++) {
          const r = rowOf[via.list[j]!]!
          if (mark[r] !== b) {
            mark[r] = b
            if (pass === 0) start[r + 1] = start[r + 1]! + 1
            else list[fill[r]!++] = b
          }
        }
      }
    if (pass === 0) {
      for (let r = 0; r < rows; r++) start[r + 1] = start[r + 1]! + start[r]!
      list = new Int32Array(start[rows]!)
      fill = start.slice(0, rows)
    }
  }
  return { start, list }
}

/** The per-slot arrays: priority, group and time range. */
const slotArrays = (model: Model) => {
  const n = model.slots.length
  const slotPriority = new Float64Array(n)
  const slotGroup = new Int32Array(n)
  const slotFrom = new Int32Array(n)
  const slotTo = new Int32Array(n)
  model.slots.forEach((s, i) => {
    slotPriority[i] = s.priority
    slotGroup[i] = s.group
    slotFrom[i] = s.from
    slotTo[i] = s.to
  })
  return { slotPriority, slotGroup, slotFrom, slotTo }
}

/** The per-member arrays (a category below 0 read as −1) and the number of categories. */
const memberArrays = (model: Model) => {
  const n = model.members.length
  const memberCapacity = new Float64Array(n)
  const memberCategory = new Int32Array(n)
  const memberBase = new Float64Array(n)
  const memberThreshold = new Float64Array(n)
  const memberOverloadWeight = new Float64Array(n)
  let nCategories = 0
  model.members.forEach((m, i) => {
    memberCapacity[i] = m.capacity
    memberCategory[i] = m.category < 0 ? -1 : m.category
    memberBase[i] = m.base
    memberThreshold[i] = m.threshold
    memberOverloadWeight[i] = m.overloadWeight
    if (m.category + 1 > nCategories) nCategories = m.category + 1
  })
  return { memberCapacity, memberCategory, memberBase, memberThreshold, memberOverloadWeight, nCategories }
}

/**
 * The per-edge arrays: ends, hours, the row-major terms (an edge table's own, shared and never
 * written; or filled from the edge objects) and their sum (in term order).
 */
const edgeArrays = (model: Model, nTerms: number) => {
  const table = edgeTableOf(model)
  const n = table.member.length
  const edgeTerms = table.terms
  const edgeValue = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let v = 0
    for (let k = 0; k < nTerms; k++) v += edgeTerms[i * nTerms + k]!
    edgeValue[i] = v
  }
  return { edgeMember: table.member, edgeSlot: table.slot, edgeHours: table.hours, edgeValue, edgeTerms }
}

/** Member → edges, and slot → edges sorted by member: bucket by member first, then stably by slot. */
const edgeIndexes = (nSlots: number, nMembers: number, edgeMember: Int32Array, edgeSlot: Int32Array) => {
  const nEdges = edgeMember.length
  const byMember = csr(nMembers, nEdges, (i) => edgeMember[i]!)
  const memberEdges = byMember.list
  const slotEdgeStart = new Int32Array(nSlots + 1)
  for (let i = 0; i < nEdges; i++) slotEdgeStart[edgeSlot[i]! + 1] = slotEdgeStart[edgeSlot[i]! + 1]! + 1
  for (let s = 0; s < nSlots; s++) slotEdgeStart[s + 1] = slotEdgeStart[s + 1]! + slotEdgeStart[s]!
  const slotEdges = new Int32Array(nEdges)
  const fill = slotEdgeStart.slice(0, nSlots)
  for (let k = 0; k < nEdges; k++) {
    const e = memberEdges[k]!
    slotEdges[fill[edgeSlot[e]!]!++] = e
  }
  return { memberEdgeStart: byMember.start, memberEdges, slotEdgeStart, slotEdges }
}

/** The forced and forbidden flags (out-of-range indices ignored), each slot's forced edge, the forced edges ascending. */
const forcedArrays = (model: Model, nSlots: number, edgeSlot: Int32Array) => {
  const nEdges = edgeSlot.length
  const edgeForced = new Uint8Array(nEdges)
  const edgeForbidden = new Uint8Array(nEdges)
  const slotForced = new Int32Array(nSlots).fill(-1)
  for (const e of model.forced) {
    if (e >= 0 && e < nEdges) {
      edgeForced[e] = 1
      slotForced[edgeSlot[e]!] = e
    }
  }
  for (const e of model.forbidden) if (e >= 0 && e < nEdges) edgeForbidden[e] = 1
  let nForced = 0
  for (let e = 0; e < nEdges; e++) nForced += edgeForced[e]!
  const forcedEdges = new Int32Array(nForced)
  for (let e = 0, k = 0; e < nEdges; e++) if (edgeForced[e]) forcedEdges[k++] = e
  return { edgeForced, edgeForbidden, slotForced, forcedEdges }
}

/** Member → its distinct start points (slots bucketed by `from`, points walked ascending), and the points each edge covers. */
const pointIndex = (
  T: number,
  nMembers: number,
  slots: { readonly slotFrom: Int32Array; readonly slotTo: Int32Array },
  edges: { readonly edgeMember: Int32Array; readonly edgeSlot: Int32Array },
  slotEdges: { readonly start: Int32Array; readonly list: Int32Array },
) => {
  const { slotFrom, slotTo } = slots
  const { edgeMember, edgeSlot } = edges
  const nEdges = edgeMember.length
  const slotsByFrom = csr(T, slotFrom.length, (s) => slotFrom[s]!)
  const byPoint = distinctPerRow(nMembers, T, slotsByFrom, slotEdges, edgeMember)
  const memberPointStart = byPoint.start
  const memberPoints = byPoint.list
  const edgePointLo = new Int32Array(nEdges)
  const edgePointHi = new Int32Array(nEdges)
  for (let e = 0; e < nEdges; e++) {
    const m = edgeMember[e]!
    const s = edgeSlot[e]!
    edgePointLo[e] = lowerBound(memberPoints, memberPointStart[m]!, memberPointStart[m + 1]!, slotFrom[s]!)
    edgePointHi[e] = lowerBound(memberPoints, edgePointLo[e]!, memberPointStart[m + 1]!, slotTo[s]! + 1)
  }
  return { memberPointStart, memberPoints, edgePointLo, edgePointHi }
}

/** Member → its distinct groups (groups walked ascending), and each edge's (member, group) entry. */
const memberGroupIndex = (
  nMembers: number,
  slotGroup: Int32Array,
  groupSlots: { readonly start: Int32Array; readonly list: Int32Array },
  edges: { readonly edgeMember: Int32Array; readonly edgeSlot: Int32Array },
  slotEdges: { readonly start: Int32Array; readonly list: Int32Array },
) => {
  const { edgeMember, edgeSlot } = edges
  const nEdges = edgeMember.length
  const byGroup = distinctPerRow(nMembers, groupSlots.start.length - 1, groupSlots, slotEdges, edgeMember)
  const memberGroupStart = byGroup.start
  const memberGroups = byGroup.list
  const edgeMemberGroup = new Int32Array(nEdges)
  for (let e = 0; e < nEdges; e++) {
    const m = edgeMember[e]!
    edgeMemberGroup[e] = lowerBound(memberGroups, memberGroupStart[m]!, memberGroupStart[m + 1]!, slotGroup[edgeSlot[e]!]!)
  }
  return { memberGroupStart, memberGroups, edgeMemberGroup }
}

/** Group → the distinct categories of its candidate members (categories walked ascending), and each edge's (group, category) entry. */
const groupCategoryIndex = (
  nGroups: number,
  nCategories: number,
  memberCategory: Int32Array,
  slotGroup: Int32Array,
  edges: { readonly edgeMember: Int32Array; readonly edgeSlot: Int32Array },
  memberEdges: { readonly start: Int32Array; readonly list: Int32Array },
) => {
  const { edgeMember, edgeSlot } = edges
  const nEdges = edgeMember.length
  const membersByCat = csr(nCategories, memberCategory.length, (m) => (memberCategory[m]! < 0 ? -1 : memberCategory[m]!))
  const edgeGroup = new Int32Array(nEdges)
  for (let e = 0; e < nEdges; e++) edgeGroup[e] = slotGroup[edgeSlot[e]!]!
  const byCat = distinctPerRow(nGroups, nCategories, membersByCat, memberEdges, edgeGroup)
  const groupCatStart = byCat.start
  const groupCats = byCat.list
  const edgeGroupCat = new Int32Array(nEdges)
  for (let e = 0; e < nEdges; e++) {
    const c = memberCategory[edgeMember[e]!]!
    const g = slotGroup[edgeSlot[e]!]!
    edgeGroupCat[e] = c < 0 ? -1 : lowerBound(groupCats, groupCatStart[g]!, groupCatStart[g + 1]!, c)
  }
  return { groupCatStart, groupCats, edgeGroupCat }
}

/**
 * Builds the compact form of a model.
 *
 * @internal
 * @since 0.1.0
 */
export const compact = (model: Model): Compact => {
  const nSlots = model.slots.length
  const nMembers = model.members.length
  const nGroups = model.groups.length
  const nTerms = model.termNames.edge.length
  const T = Math.max(0, model.timePoints | 0)
  const slots = slotArrays(model)
  const members = memberArrays(model)
  const groupLimit = Int32Array.from(model.groups, (g) => g.limit)
  const edges = edgeArrays(model, nTerms)
  const index = edgeIndexes(nSlots, nMembers, edges.edgeMember, edges.edgeSlot)
  const bySlotGroup = csr(nGroups, nSlots, (s) => slots.slotGroup[s]!)
  const forced = forcedArrays(model, nSlots, edges.edgeSlot)
  const slotEdges = { start: index.slotEdgeStart, list: index.slotEdges }
  const points = pointIndex(T, nMembers, slots, edges, slotEdges)
  const groups = memberGroupIndex(nMembers, slots.slotGroup, bySlotGroup, edges, slotEdges)
  const memberEdges = { start: index.memberEdgeStart, list: index.memberEdges }
  const cats = groupCategoryIndex(nGroups, members.nCategories, members.memberCategory, slots.slotGroup, edges, memberEdges)
  // conflicts: duplicates removed; pair penalties: duplicate weights summed
  const conf = symmetric(nMembers, model.conflicts.map(([a, b]) => [a, b, 0] as const))
  const pairs = symmetric(nMembers, model.pairPenalties.map((p) => [p.a, p.b, p.weight] as const))
  return {
    nSlots,
    nMembers,
    nGroups,
    nEdges: edges.edgeMember.length,
    nTerms,
    nCategories: members.nCategories,
    timePoints: T,
    categoryBonus: model.categoryBonus,
    ...slots,
    slotEdgeStart: index.slotEdgeStart,
    slotEdges: index.slotEdges,
    slotForced: forced.slotForced,
    memberCapacity: members.memberCapacity,
    memberCategory: members.memberCategory,
    memberBase: members.memberBase,
    memberThreshold: members.memberThreshold,
    memberOverloadWeight: members.memberOverloadWeight,
    memberEdgeStart: index.memberEdgeStart,
    memberEdges: index.memberEdges,
    memberPointStart: points.memberPointStart,
    memberPoints: points.memberPoints,
    memberGroupStart: groups.memberGroupStart,
    memberGroups: groups.memberGroups,
    conflictStart: conf.start,
    conflictAdj: conf.adj,
    pairStart: pairs.start,
    pairAdj: pairs.adj,
    pairWeight: pairs.weight,
    groupLimit,
    groupSlotStart: bySlotGroup.start,
    groupSlots: bySlotGroup.list,
    groupCatStart: cats.groupCatStart,
    groupCats: cats.groupCats,
    ...edges,
    edgeForced: forced.edgeForced,
    edgeForbidden: forced.edgeForbidden,
    edgePointLo: points.edgePointLo,
    edgePointHi: points.edgePointHi,
    edgeMemberGroup: groups.edgeMemberGroup,
    edgeGroupCat: cats.edgeGroupCat,
    forcedEdges: forced.forcedEdges,
  }
}

/**
 * Symmetric CSR adjacency of weighted member pairs: neighbours ascending, duplicates merged
 * (weights summed), self-pairs dropped. Linear: pairs are bucketed by the neighbour first,
 * then stably by the row.
 */
const symmetric = (
  n: number,
  pairs: ReadonlyArray<readonly [number, number, number]>,
): { start: Int32Array; adj: Int32Array; weight: Float64Array } => {
  const half = pairs.filter(([a, b]) => a !== b && a >= 0 && b >= 0 && a < n && b < n)
  const k = half.length * 2
  const row = (i: number): number => (i < half.length ? half[i]![0] : half[i - half.length]![1])
  const col = (i: number): number => (i < half.length ? half[i]![1] : half[i - half.length]![0])
  const w = (i: number): number => (i < half.length ? half[i]![2] : half[i - half.length]![2])
  const byCol = csr(n, k, col)
  const start = new Int32Array(n + 1)
  for (let i = 0; i < k; i++) start[row(i) + 1] = start[row(i) + 1]! + 1
  for (let r = 0; r < n; r++) start[r + 1] = start[r + 1]! + start[r]!
  const fill = start.slice(0, n)
  const tmpAdj = new Int32Array(k)
  const tmpW = new Float64Array(k)
  for (let j = 0; j < k; j++) {
    const i = byCol.list[j]!
    const r = row(i)
    tmpAdj[fill[r]!] = col(i)
    tmpW[fill[r]!++] = w(i)
  }
  // merge duplicates (adjacent after sorting)
  const outStart = new Int32Array(n + 1)
  const adj = new Int32Array(k)
  const weight = new Float64Array(k)
  let o = 0
  for (let r = 0; r < n; r++) {
    outStart[r] = o
    for (let j = start[r]!; j < start[r + 1]!; j++) {
      if (o > outStart[r]! && adj[o - 1] === tmpAdj[j]) weight[o - 1] = weight[o - 1]! + tmpW[j]!
      else {
        adj[o] = tmpAdj[j]!
        weight[o++] = tmpW[j]!
      }
    }
  }
  outStart[n] = o
  return { start: outStart, adj: adj.slice(0, o), weight: weight.slice(0, o) }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * First index `i` in `[lo, hi)` with `a[i] ≥ x` (or `hi`).
 *
 * @internal
 * @since 0.1.0
 */
export const lowerBound = (a: Int32Array, lo: number, hi: number, x: number): number => {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Index of `b` in `a`'s row of a CSR adjacency, or −1.
 *
 * @internal
 * @since 0.1.0
 */
export const adjIndex = (start: Int32Array, adj: Int32Array, a: number, b: number): number => {
  const hi = start[a + 1]!
  const i = lowerBound(adj, start[a]!, hi, b)
  return i < hi && adj[i] === b ? i : -1
}

/**
 * The overload penalty (≥ 0, to be subtracted) of member `m` at peak load `peak`.
 *
 * @internal
 * @since 0.1.0
 */
export const overloadOf = (c: Compact, m: number, peak: number): number => {
  const w = c.memberOverloadWeight[m]!
  if (w === 0 || peak <= 0) return 0
  const b = c.memberBase[m]!
  const th = c.memberThreshold[m]!
  return w * (Math.max(0, b + peak - th) - Math.max(0, b - th))
}

const compacted = new WeakMap<Model, Compact>()

/**
 * The compact form of a model, built once per model object and shared by every reader (the
 * solver, the evaluator, a plan's state, the explanations). Readers never write into it; the
 * exact search, which bans edges as it goes, copies the forbidden flags. An edge table's arrays
 * are shared too, never copied.
 *
 * @internal
 * @since 0.1.0
 */
export const compactOf = (model: Model): Compact => {
  const cached = compacted.get(model)
  if (cached !== undefined) return cached
  const built = compact(model)
  compacted.set(model, built)
  return built
}

