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
import { compareIds } from '../kernel/Order.js'
import * as O from 'fp-ts/lib/Option.js'
import * as Eligibility from '../staffing/Eligibility.js'
import type { IsoDate } from '../kernel/IsoDate.js'
import type { Model, ModelEdge, ModelGroup, ModelMember, ModelSlot, PairPenalty, ValidModel } from '../model/Model.js'
import type { Member, MemberId, Request, Role, Slot, SlotId, ValidProblem } from '../staffing/Problem.js'
import { unsafeValidModel } from '../model/internal/validModel.js'
import { fitsHours } from '../kernel/internal/tolerance.js'
import { deepFreeze } from '../kernel/internal/freeze.js'
import { edgeTableBuilder } from '../model/internal/edges.js'

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
  const weights = policy.weights
  const roleById = Eligibility.index(problem).roleById

  // ---- time points
  const points = uniqueSorted(requests.map((r) => r.period.from))
  const requestFrom: Array<number> = []
  const requestTo: Array<number> = []
  for (const r of requests) {
    requestFrom.push(lowerBound(points, r.period.from))
    requestTo.push(upperBound(points, r.period.to) - 1)
  }

  // ---- members
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
      overloadWeight: weights.balance / m.capacity,
    })
  })

  // ---- groups and slots (all slots in id order)
  const groups: Array<ModelGroup> = requests.map((r) => ({
    id: r.id,
    limit: policy.maxSlotsPerMemberPerRequest,
  }))
  const entries: Array<{ readonly slot: Slot; readonly request: number }> = []
  requests.forEach((r, ri) => {
    for (const slot of r.slots) entries.push({ slot, request: ri })
  })
  entries.sort((a, b) => compareStrings(a.slot.id, b.slot.id))
  const slotIds: Array<SlotId> = []
  const slots: Array<Slot> = []
  const slotRequest: Array<number> = []
  const slotIndex = new Map<SlotId, number>()
  const modelSlots: Array<ModelSlot> = []
  entries.forEach((e, si) => {
    const request = requests[e.request] as Request
    slotIds.push(e.slot.id)
    slots.push(e.slot)
    slotRequest.push(e.request)
    slotIndex.set(e.slot.id, si)
    modelSlots.push({
      id: e.slot.id,
      priority: request.priority,
      group: e.request,
      from: requestFrom[e.request] as number,
      to: requestTo[e.request] as number,
    })
  })

  // ---- member indexes
  const idx = buildIndex(members)

  // ---- previous plan: slot index → member index
  const previousOf = new Map<number, number>()
  for (const p of problem.previous) {
    const s = slotIndex.get(p.slot)
    const m = memberIndex.get(p.member)
    if (s !== undefined && m !== undefined) previousOf.set(s, m)
  }

  // ---- dense quality levels and goals (members × qualities used by roles), free hours and
  // preferences: the hot loop below touches a member object only for likely edges
  const table = qualityTable(problem)
  const free = Float64Array.from(members, (m) => m.capacity - m.committed)
  const preferences = preferenceTable(members)

  // ---- edges
  // typed columns, not one object per edge: a national pool has millions of edges
  const edges = edgeTableBuilder(edgeTermNames.length, Math.max(1024, 8 * slots.length))
  const terms = new Float64Array(edgeTermNames.length)
  const edgeStart: Array<number> = [0]
  const noQualities: Role = { id: '' as Role['id'], name: '', qualities: [] }
  for (let si = 0; si < slots.length; si++) {
    const slot = slots[si] as Slot
    const ri = slotRequest[si] as number
    const request = requests[ri] as Request
    const role = roleById.get(slot.role) ?? noQualities
    const qs = table.roleQualities(role)
    const nq = qs.index.length
    const totalWeight = role.qualities.reduce((acc, q) => acc + q.weight, 0)
    const previous = previousOf.get(si)
    const preference = preferences(slot.role)
    const hours = slot.hours
    const visit = (mi: number): void => {
      // cheap necessary conditions first (room, quality minimums); Eligibility decides
      if (!fitsHours(hours, free[mi] as number)) return
      for (let k = 0; k < nq; k++) if (table.level(mi, qs.index[k] as number) < (qs.min[k] as number)) return
      const member = members[mi] as Member
      if (O.isSome(Eligibility.check(problem, member, request, slot))) return
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
    forEachCandidate(idx, members.length, request, slot, role, visit)
    edgeStart.push(edges.length())
  }

  // ---- forced edges (pins), conflicts (apart), pair penalties (rotation)
  // the table, trimmed: the builder's larger buffers are garbage from here on
  const edgeTable = edges.table()
  const edgeMember = edgeTable.member
  const edgeOf = (member: number, slot: number): number => {
    let lo = edgeStart[slot] ?? 0
    let hi = (edgeStart[slot + 1] ?? lo) - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const m = edgeMember[mid]!
      if (m === member) return mid
      if (m < member) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }
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

  const conflicts = pairsOf(
    problem.apart.map(([a, b]) => [memberIndex.get(a), memberIndex.get(b)] as const),
  )

  const pairPenalties: Array<PairPenalty> = []
  const since = policy.rotationSince
  if (since !== null && weights.rotation > 0) {
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
  }

  const model: Model = {
    timePoints: points.length,
    slots: modelSlots,
    members: modelMembers,
    groups,
    edges: edgeTable,
    termNames: { edge: edgeTermNames, category: 'diversity', pair: 'rotation', overload: 'balance' },
    forced,
    forbidden: [],
    conflicts,
    pairPenalties,
    categoryBonus: weights.diversity,
  }
  return {
    model: unsafeValidModel(model),
    timePoints: points,
    slotIds,
    slots,
    slotRequest,
    memberIds,
    slotIndex,
    memberIndex,
    edgeStart,
    edgeOf,
    unitMembers: (unit) => merge(idx.byUnit.get(unit) ?? EMPTY, idx.anyUnit),
    unforced,
  }
}

// -------------------------------------------------------------------------------------
// internal: member indexes
// -------------------------------------------------------------------------------------

interface MemberIndex {
  /** Discipline → members listing it (ascending index). */
  readonly byDiscipline: ReadonlyMap<string, ReadonlyArray<number>>
  /** Unit → members listing it (ascending index). */
  readonly byUnit: ReadonlyMap<string, ReadonlyArray<number>>
  /** Members serving every unit (ascending index). */
  readonly anyUnit: ReadonlyArray<number>
  /** `unit \0 discipline` → members listing both (ascending index). */
  readonly byUnitDiscipline: ReadonlyMap<string, ReadonlyArray<number>>
  /** Discipline → members serving every unit and listing it (ascending index). */
  readonly anyUnitByDiscipline: ReadonlyMap<string, ReadonlyArray<number>>
  /** Quality → level L (1..5) → members with level ≥ L (ascending index). */
  readonly byQuality: ReadonlyMap<string, ReadonlyArray<ReadonlyArray<number>>>
}

const EMPTY: ReadonlyArray<number> = []

const buildIndex = (members: ReadonlyArray<Member>): MemberIndex => {
  const byDiscipline = new Map<string, Array<number>>()
  const byUnit = new Map<string, Array<number>>()
  const anyUnit: Array<number> = []
  const byUnitDiscipline = new Map<string, Array<number>>()
  const anyUnitByDiscipline = new Map<string, Array<number>>()
  const byQuality = new Map<string, Array<Array<number>>>()
  const push = (map: Map<string, Array<number>>, key: string, i: number): void => {
    const xs = map.get(key)
    if (xs === undefined) map.set(key, [i])
    else if (xs[xs.length - 1] !== i) xs.push(i)
  }
  members.forEach((m, i) => {
    for (const d of m.disciplines) push(byDiscipline, d, i)
    if (m.units === null) {
      anyUnit.push(i)
      for (const d of m.disciplines) push(anyUnitByDiscipline, d, i)
    } else {
      for (const u of m.units) {
        push(byUnit, u, i)
        for (const d of m.disciplines) push(byUnitDiscipline, `${u}\u0000${d}`, i)
      }
    }
    for (const q of Object.keys(m.qualities)) {
      const l = Eligibility.level(m, q)
      if (l <= 0) continue
      let levels = byQuality.get(q)
      if (levels === undefined) {
        levels = [[], [], [], [], [], []]
        byQuality.set(q, levels)
      }
      for (let k = 1; k <= l; k++) (levels[k] as Array<number>).push(i)
    }
  })
  return { byDiscipline, byUnit, anyUnit, byUnitDiscipline, anyUnitByDiscipline, byQuality }
}

/**
 * Calls `visit` with every member index that could be eligible for the slot, in ascending
 * order: the smallest of the candidate lists offered by the request's unit and the slot's
 * discipline (together or apart) and the role's quality minimums (or every member when none
 * applies). The caller filters.
 */
const forEachCandidate = (
  idx: MemberIndex,
  memberCount: number,
  request: Request,
  slot: Slot,
  role: Role,
  visit: (member: number) => void,
): void => {
  // the best single list, or the best pair of lists to merge
  let first: ReadonlyArray<number> | null = null
  let second: ReadonlyArray<number> = EMPTY
  let size = memberCount
  const offer = (xs: ReadonlyArray<number>, ys: ReadonlyArray<number>): void => {
    if (xs.length + ys.length < size) {
      first = xs
      second = ys
      size = xs.length + ys.length
    }
  }
  const unit = request.unit
  const discipline = slot.discipline
  if (discipline !== null) offer(idx.byDiscipline.get(discipline) ?? EMPTY, EMPTY)
  if (unit !== null) offer(idx.byUnit.get(unit) ?? EMPTY, idx.anyUnit)
  if (unit !== null && discipline !== null)
    offer(
      idx.byUnitDiscipline.get(`${unit}\u0000${discipline}`) ?? EMPTY,
      idx.anyUnitByDiscipline.get(discipline) ?? EMPTY,
    )
  for (const q of role.qualities) {
    if (q.min > 0) offer(idx.byQuality.get(q.quality)?.[q.min] ?? EMPTY, EMPTY)
  }
  if (first === null) {
    for (let m = 0; m < memberCount; m++) visit(m)
    return
  }
  const xs: ReadonlyArray<number> = first
  forEachMerged(xs, second, visit)
}

/** The union of two ascending lists, ascending. */
const merge = (xs: ReadonlyArray<number>, ys: ReadonlyArray<number>): Array<number> => {
  const out: Array<number> = []
  forEachMerged(xs, ys, (m) => out.push(m))
  return out
}

/** Visits the union of two ascending lists in ascending order. */
const forEachMerged = (xs: ReadonlyArray<number>, ys: ReadonlyArray<number>, visit: (m: number) => void): void => {
  let i = 0
  let j = 0
  while (i < xs.length || j < ys.length) {
    const a = i < xs.length ? (xs[i] as number) : Infinity
    const b = j < ys.length ? (ys[j] as number) : Infinity
    if (a <= b) {
      visit(a)
      i++
      if (a === b) j++
    } else {
      visit(b)
      j++
    }
  }
}

// -------------------------------------------------------------------------------------
// internal: dense quality levels
// -------------------------------------------------------------------------------------

interface RoleQualities {
  /** Quality index per requirement (in the role's order). */
  readonly index: ReadonlyArray<number>
  /** Minimum level per requirement. */
  readonly min: ReadonlyArray<number>
  /** Weight per requirement. */
  readonly weight: ReadonlyArray<number>
}

interface QualityTable {
  /** The member's level of quality `q` (an index from {@link QualityTable.roleQualities}). */
  readonly level: (member: number, q: number) => number
  /** Whether quality `q` is among the member's goals. */
  readonly goal: (member: number, q: number) => boolean
  /** The role's requirements as quality indices. */
  readonly roleQualities: (role: Role) => RoleQualities
}

/** Above this many members × qualities cells the table reads the members' records directly. */
const DENSE_LIMIT = 1 << 26

/**
 * Levels and goals of every member for the qualities roles use, as flat typed arrays: reading
 * the members' prototype-free records (hash lookups) in the hot loop is several times slower.
 */
const qualityTable = (problem: ValidProblem): QualityTable => {
  const names: Array<string> = []
  const indexOf = new Map<string, number>()
  for (const role of problem.roles) {
    for (const q of role.qualities) {
      if (!indexOf.has(q.quality)) {
        indexOf.set(q.quality, names.length)
        names.push(q.quality)
      }
    }
  }
  const roleCache = new Map<Role, RoleQualities>()
  const roleQualities = (role: Role): RoleQualities => {
    const cached = roleCache.get(role)
    if (cached !== undefined) return cached
    const built: RoleQualities = {
      index: role.qualities.map((q) => indexOf.get(q.quality) ?? 0),
      min: role.qualities.map((q) => q.min),
      weight: role.qualities.map((q) => q.weight),
    }
    roleCache.set(role, built)
    return built
  }
  const members = problem.members
  const nq = names.length
  if (members.length * nq > DENSE_LIMIT) {
    return {
      level: (m, q) => Eligibility.level(members[m] as Member, names[q] as string),
      goal: (m, q) => sortedIncludes((members[m] as Member).goals, names[q] as string),
      roleQualities,
    }
  }
  const levels = new Uint8Array(members.length * nq)
  const goals = new Uint8Array(members.length * nq)
  members.forEach((m, i) => {
    for (let q = 0; q < nq; q++) {
      const name = names[q] as string
      levels[i * nq + q] = Eligibility.level(m, name)
      if (sortedIncludes(m.goals, name)) goals[i * nq + q] = 1
    }
  })
  return {
    level: (m, q) => levels[m * nq + q] as number,
    goal: (m, q) => goals[m * nq + q] === 1,
    roleQualities,
  }
}

/**
 * Preferences by role as a function of the member index: a dense array per role, built on
 * first use (or direct record reads when members × roles is too large for dense arrays).
 */
const preferenceTable = (members: ReadonlyArray<Member>): ((role: string) => (member: number) => number) => {
  const cache = new Map<string, (member: number) => number>()
  let cells = 0
  return (role) => {
    const cached = cache.get(role)
    if (cached !== undefined) return cached
    let read: (member: number) => number
    if (cells + members.length > DENSE_LIMIT) {
      read = (m) => Eligibility.preference(members[m] as Member, role)
    } else {
      cells += members.length
      const values = Float64Array.from(members, (m) => Eligibility.preference(m, role))
      read = (m) => values[m] as number
    }
    cache.set(role, read)
    return read
  }
}

// -------------------------------------------------------------------------------------
// internal: utilities
// -------------------------------------------------------------------------------------

const compareStrings = compareIds

const uniqueSorted = <A extends string>(xs: ReadonlyArray<A>): Array<A> => {
  const sorted = [...xs].sort(compareStrings)
  return sorted.filter((x, i) => i === 0 || sorted[i - 1] !== x)
}

/** First index `i` with `xs[i] ≥ x`. */
const lowerBound = (xs: ReadonlyArray<string>, x: string): number => {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((xs[mid] as string) < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** First index `i` with `xs[i] > x`. */
const upperBound = (xs: ReadonlyArray<string>, x: string): number => {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((xs[mid] as string) <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}

const sortedIncludes = (xs: ReadonlyArray<string>, x: string): boolean => {
  const i = lowerBound(xs, x)
  return i < xs.length && xs[i] === x
}

/** Sorted, de-duplicated `[a, b]` pairs with `a < b`, dropping undefined and self pairs. */
const pairsOf = (
  pairs: ReadonlyArray<readonly [number | undefined, number | undefined]>,
): Array<readonly [number, number]> => {
  const out: Array<readonly [number, number]> = []
  for (const [x, y] of pairs) {
    if (x === undefined || y === undefined || x === y) continue
    out.push(x < y ? [x, y] : [y, x])
  }
  out.sort((p, q) => p[0] - q[0] || p[1] - q[1])
  return out.filter((p, i) => {
    const prev = out[i - 1]
    return prev === undefined || prev[0] !== p[0] || prev[1] !== p[1]
  })
}
