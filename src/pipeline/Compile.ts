/**
 * The compiler from the staffing problem (see the
 * [scoring reference](../../docs/scoring.md#the-staffing-problem-json)) to the generic solver
 * model of {@link Model}: time points at the requests' start dates, one model member per pool
 * member, one group per request, and an edge wherever a member is eligible for a slot and has
 * room for it on their own, carrying the weighted fit, preference, learning and continuity
 * terms. Diversity, rotation, balance, `apart` pairs and pins become the model's category bonus,
 * pair penalties, overload penalty, conflicts and forced edges.
 *
 * @since 0.1.0
 * @module
 */
import * as Eligibility from '../staffing/Eligibility.js'
import type { IsoDate } from '../kernel/IsoDate.js'
import type { EdgeTable, Model, ModelEdge, ModelGroup, ModelMember, ModelSlot, PairPenalty, ValidModel } from '../model/Model.js'
import { type EdgeTableBuilder, edgeTableBuilder } from '../model/internal/edges.js'
import type { Member, MemberId, Policy, Request, Role, Slot, SlotId, ValidProblem } from '../staffing/Problem.js'
import { unsafeValidModel } from '../model/internal/validModel.js'
import { fitsHours } from '../kernel/internal/tolerance.js'
import { deepFreeze } from '../kernel/internal/freeze.js'
import {
  buildIndex,
  EMPTY,
  forEachCandidate,
  lowerBound,
  type MemberIndex,
  merge,
  pairsOf,
  preferenceTable,
  qualityTable,
  uniqueSorted,
  upperBound,
} from './internal/compileIndex.js'
import { compareIds } from '../kernel/Order.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The names of the four edge terms, in the order of {@link ModelEdge.terms}.
 *
 * @category model
 * @since 0.1.0
 */
export const edgeTermNames: ReadonlyArray<'fit' | 'preference' | 'learning' | 'continuity'> = deepFreeze([
  'fit',
  'preference',
  'learning',
  'continuity',
])

/**
 * A compiled problem: the solver model and the maps between model indices and domain ids.
 *
 * @category model
 * @since 0.1.0
 */
export interface Compiled {
  /** The solver model. */
  readonly model: ValidModel
  /** The time points (distinct request start dates, sorted). */
  readonly timePoints: ReadonlyArray<IsoDate>
  /** Model slot index → slot id (ids in code-unit order). */
  readonly slotIds: ReadonlyArray<SlotId>
  /** Model slot index → the domain slot. */
  readonly slots: ReadonlyArray<Slot>
  /** Model slot index → the index of its request in `problem.requests` (= its model group). */
  readonly slotRequest: ReadonlyArray<number>
  /** Model member index → member id (= index in `problem.members`). */
  readonly memberIds: ReadonlyArray<MemberId>
  /** Slot id → model slot index. */
  readonly slotIndex: ReadonlyMap<SlotId, number>
  /** Member id → model member index. */
  readonly memberIndex: ReadonlyMap<MemberId, number>
  /** The edges of slot `s` are `edgeStart[s] … edgeStart[s + 1] − 1` (length `slots + 1`). */
  readonly edgeStart: ReadonlyArray<number>
  /** The index of the edge joining member index `member` to slot index `slot`, or −1 when none. */
  readonly edgeOf: (member: number, slot: number) => number
  /** The indices of the members serving `unit` — listing it, or serving every unit — ascending. */
  readonly unitMembers: (unit: string) => ReadonlyArray<number>
  /**
   * The pins (indices into `problem.pinned`) that have no edge, because the member may not
   * fill the slot on their own: not forced in the model. A problem that `decodeProblem`
   * accepted has none.
   */
  readonly unforced: ReadonlyArray<number>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Compiles a valid problem into the solver model (see the module summary for the mapping).
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#compile}
 *
 * @category constructors
 * @since 0.1.0
 */
export const compile = (problem: ValidProblem): Compiled => {
  const { members, requests, policy } = problem
  const time = timeIndexes(requests)
  const people = membersOf(members, policy)
  const groups: Array<ModelGroup> = requests.map((r) => ({
    id: r.id,
    limit: policy.maxSlotsPerMemberPerRequest,
  }))
  const slotTable = slotsOf(requests, time)
  const idx = buildIndex(members)
  const { edges, edgeStart } = edgesOf(problem, slotTable, people.memberIndex, idx)
  const edgeOf = edgeFinder(edges, edgeStart)
  const { forced, unforced } = pinnedEdges(problem, slotTable.slotIndex, people.memberIndex, edgeOf)
  const conflicts = pairsOf(
    problem.apart.map(([a, b]) => [people.memberIndex.get(a), people.memberIndex.get(b)] as const),
  )
  const model: Model = {
    timePoints: time.points.length,
    slots: slotTable.modelSlots,
    members: people.modelMembers,
    groups,
    edges,
    termNames: { edge: edgeTermNames, category: 'diversity', pair: 'rotation', overload: 'balance' },
    forced,
    forbidden: [],
    conflicts,
    pairPenalties: rotationPenalties(problem, people.memberIndex),
    categoryBonus: policy.weights.diversity,
  }
  return {
    model: unsafeValidModel(model),
    timePoints: time.points,
    slotIds: slotTable.slotIds,
    slots: slotTable.slots,
    slotRequest: slotTable.slotRequest,
    memberIds: people.memberIds,
    slotIndex: slotTable.slotIndex,
    memberIndex: people.memberIndex,
    edgeStart,
    edgeOf,
    unitMembers: (unit) => merge(idx.byUnit.get(unit) ?? EMPTY, idx.anyUnit),
    unforced,
  }
}

// -------------------------------------------------------------------------------------
// internal: the phases of compile
// -------------------------------------------------------------------------------------

/** The request start dates as time points, and each request's first and last point. */
interface TimeIndexes {
  readonly points: Array<IsoDate>
  readonly requestFrom: ReadonlyArray<number>
  readonly requestTo: ReadonlyArray<number>
}

/** Time points at the requests' start dates, and the range of points each request covers. */
const timeIndexes = (requests: ReadonlyArray<Request>): TimeIndexes => {
  const points = uniqueSorted(requests.map((r) => r.period.from))
  const requestFrom: Array<number> = []
  const requestTo: Array<number> = []
  for (const r of requests) {
    requestFrom.push(lowerBound(points, r.period.from))
    requestTo.push(upperBound(points, r.period.to) - 1)
  }
  return { points, requestFrom, requestTo }
}

/** One model member per pool member: free hours, primary discipline as category, overload terms. */
const membersOf = (members: ReadonlyArray<Member>, policy: Policy) => {
  const primaries = uniqueSorted(members.map((m) => m.disciplines[0]))
  const memberIds: Array<MemberId> = []
  const memberIndex = new Map<MemberId, number>()
  const modelMembers: Array<ModelMember> = []
  members.forEach((m, i) => {
    memberIds.push(m.id)
    memberIndex.set(m.id, i)
    modelMembers.push({
      id: m.id,
      capacity: m.capacity - m.committed,
      category: lowerBound(primaries, m.disciplines[0]),
      base: m.committed,
      threshold: policy.comfort * m.capacity,
      overloadWeight: policy.weights.balance / m.capacity,
    })
  })
  return { memberIds, memberIndex, modelMembers }
}

/** Every slot of every request, in id order, as model slots with their request's group and points. */
interface SlotTable {
  readonly slotIds: Array<SlotId>
  readonly slots: Array<Slot>
  readonly slotRequest: Array<number>
  readonly slotIndex: Map<SlotId, number>
  readonly modelSlots: Array<ModelSlot>
}

/** The model slots: all slots in id order, each in its request's group and time range. */
const slotsOf = (requests: ReadonlyArray<Request>, time: TimeIndexes): SlotTable => {
  const entries: Array<{ readonly slot: Slot; readonly request: number }> = []
  requests.forEach((r, ri) => {
    for (const slot of r.slots) entries.push({ slot, request: ri })
  })
  entries.sort((a, b) => compareIds(a.slot.id, b.slot.id))
  const out: SlotTable = { slotIds: [], slots: [], slotRequest: [], slotIndex: new Map(), modelSlots: [] }
  entries.forEach((e, si) => {
    const request = requests[e.request] as Request
    out.slotIds.push(e.slot.id)
    out.slots.push(e.slot)
    out.slotRequest.push(e.request)
    out.slotIndex.set(e.slot.id, si)
    out.modelSlots.push({
      id: e.slot.id,
      priority: request.priority,
      group: e.request,
      from: time.requestFrom[e.request] as number,
      to: time.requestTo[e.request] as number,
    })
  })
  return out
}

/** The previous plan as slot index → member index (pairs naming unknown ids left out). */
const previousHolders = (
  problem: ValidProblem,
  slotIndex: ReadonlyMap<SlotId, number>,
  memberIndex: ReadonlyMap<MemberId, number>,
): Map<number, number> => {
  const previousOf = new Map<number, number>()
  for (const p of problem.previous) {
    const s = slotIndex.get(p.slot)
    const m = memberIndex.get(p.member)
    if (s !== undefined && m !== undefined) previousOf.set(s, m)
  }
  return previousOf
}

const noQualities: Role = { id: '' as Role['id'], name: '', qualities: [] }

/** The edges, slot by slot (members ascending within a slot), and where each slot's edges start. */
const edgesOf = (
  problem: ValidProblem,
  slotTable: SlotTable,
  memberIndex: ReadonlyMap<MemberId, number>,
  idx: MemberIndex,
): { readonly edges: EdgeTable; readonly edgeStart: Array<number> } => {
  const { members, requests } = problem
  const roleById = Eligibility.index(problem).roleById
  const previousOf = previousHolders(problem, slotTable.slotIndex, memberIndex)
  // dense quality levels and goals (members × qualities used by roles), free hours and
  // preferences: the hot loop below touches a member object only for likely edges
  const table = qualityTable(problem)
  const free = Float64Array.from(members, (m) => m.capacity - m.committed)
  const preferences = preferenceTable(members)
  // typed columns, not one object per edge: a national pool has millions of edges
  const edges = edgeTableBuilder(edgeTermNames.length, Math.max(1024, 8 * slotTable.slots.length))
  const edgeStart: Array<number> = [0]
  const { slots, slotRequest } = slotTable
  for (let si = 0; si < slots.length; si++) {
    const slot = slots[si] as Slot
    const request = requests[slotRequest[si] as number] as Request
    const role = roleById.get(slot.role) ?? noQualities
    const visit = edgeVisitor(problem, table, free, {
      si,
      slot,
      role,
      previous: previousOf.get(si),
      preference: preferences(slot.role),
      eligible: Eligibility.eligibleFor(problem, request, slot),
      edges,
    })
    forEachCandidate(idx, members.length, request, slot, role, visit)
    edgeStart.push(edges.length())
  }
  return { edges: edges.table(), edgeStart }
}

/** The slot being visited by {@link edgeVisitor}, and where its edges go. */
interface SlotVisit {
  readonly si: number
  readonly slot: Slot
  readonly role: Role
  readonly previous: number | undefined
  readonly preference: (member: number) => number
  /** The eligibility rules for this slot (capacity included). */
  readonly eligible: (member: Member) => boolean
  readonly edges: EdgeTableBuilder
}

/** The visit of one candidate member of a slot: filters, then pushes its edge with the weighted terms. */
const edgeVisitor = (
  problem: ValidProblem,
  table: ReturnType<typeof qualityTable>,
  free: Float64Array,
  v: SlotVisit,
): ((mi: number) => void) => {
  const { members, policy } = problem
  const weights = policy.weights
  const { si, slot, role, previous, preference, edges } = v
  const qs = table.roleQualities(role)
  const nq = qs.index.length
  const totalWeight = role.qualities.reduce((acc, q) => acc + q.weight, 0)
  const hours = slot.hours
  const terms = new Float64Array(edgeTermNames.length)
  return (mi: number): void => {
    // cheap necessary conditions first (room, quality minimums); Eligibility decides
    if (!fitsHours(hours, free[mi] as number)) return
    for (let k = 0; k < nq; k++) if (table.level(mi, qs.index[k] as number) < (qs.min[k] as number)) return
    const member = members[mi] as Member
    if (!v.eligible(member)) return
    let fit = 0
    let learning = 0
    if (totalWeight > 0) {
      let f = 0
      let l = 0
      for (let k = 0; k < nq; k++) {
        const q = qs.index[k] as number
        const w = qs.weight[k] as number
        f += w * table.level(mi, q)
        if (table.goal(mi, q)) l += w
      }
      fit = f / (5 * totalWeight)
      learning = l / totalWeight
    }
    terms[0] = weights.fit * fit
    terms[1] = weights.preference * preference(mi)
    terms[2] = weights.learning * learning
    terms[3] = previous === mi ? weights.continuity : 0
    edges.push(mi, si, hours, terms)
  }
}

/** The index of the edge joining a member to a slot (binary search in the slot's edges), or −1. */
const edgeFinder =
  (edges: EdgeTable, edgeStart: ReadonlyArray<number>) =>
  (member: number, slot: number): number => {
    let lo = edgeStart[slot] ?? 0
    let hi = (edgeStart[slot + 1] ?? lo) - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const m = edges.member[mid]!
      if (m === member) return mid
      if (m < member) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

/** The pins' edges, ascending, as forced edges; the pins without an edge listed apart. */
const pinnedEdges = (
  problem: ValidProblem,
  slotIndex: ReadonlyMap<SlotId, number>,
  memberIndex: ReadonlyMap<MemberId, number>,
  edgeOf: (member: number, slot: number) => number,
): { readonly forced: Array<number>; readonly unforced: Array<number> } => {
  const forced: Array<number> = []
  const unforced: Array<number> = []
  problem.pinned.forEach((p, i) => {
    const s = slotIndex.get(p.slot)
    const m = memberIndex.get(p.member)
    const e = s === undefined || m === undefined ? -1 : edgeOf(m, s)
    if (e >= 0) forced.push(e)
    else unforced.push(i)
  })
  forced.sort((a, b) => a - b)
  return { forced, unforced }
}

/** The rotation penalty of every pool pair that worked together since `rotationSince`. */
const rotationPenalties = (
  problem: ValidProblem,
  memberIndex: ReadonlyMap<MemberId, number>,
): Array<PairPenalty> => {
  const pairPenalties: Array<PairPenalty> = []
  const { weights, rotationSince: since } = problem.policy
  if (since === null || !(weights.rotation > 0)) return pairPenalties
  const pairs: Array<readonly [number | undefined, number | undefined]> = []
  for (const h of problem.history) {
    if (h.ended < since) continue
    const inPool: Array<number> = []
    for (const id of h.members) {
      const m = memberIndex.get(id as MemberId)
      if (m !== undefined) inPool.push(m)
    }
    for (let i = 0; i < inPool.length; i++) {
      for (let j = i + 1; j < inPool.length; j++) pairs.push([inPool[i], inPool[j]])
    }
  }
  for (const [a, b] of pairsOf(pairs)) pairPenalties.push({ a, b, weight: weights.rotation })
  return pairPenalties
}
