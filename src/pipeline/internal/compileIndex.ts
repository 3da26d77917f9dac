/**
 * The compiler's plumbing: member indexes that list the likely candidates of a slot, dense
 * tables of quality levels, goals and preferences for the edge loop, and small sorted-list
 * utilities.
 *
 * @internal
 * @since 0.1.0
 */
import * as Eligibility from '../../staffing/Eligibility.js'
import { compareIds } from '../../kernel/Order.js'
import type { Member, Request, Role, Slot, ValidProblem } from '../../staffing/Problem.js'

// -------------------------------------------------------------------------------------
// internal: member indexes
// -------------------------------------------------------------------------------------

/** Members listed by discipline, unit and quality level, for the candidate search. */
export interface MemberIndex {
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

/** The empty candidate list. */
export const EMPTY: ReadonlyArray<number> = []

/** Builds the member indexes in one pass over the members. */
export const buildIndex = (members: ReadonlyArray<Member>): MemberIndex => {
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
export const forEachCandidate = (
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
export const merge = (xs: ReadonlyArray<number>, ys: ReadonlyArray<number>): Array<number> => {
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

/** A role's requirements as dense quality indices. */
export interface RoleQualities {
  /** Quality index per requirement (in the role's order). */
  readonly index: ReadonlyArray<number>
  /** Minimum level per requirement. */
  readonly min: ReadonlyArray<number>
  /** Weight per requirement. */
  readonly weight: ReadonlyArray<number>
}

/** Quality levels and goals by member and dense quality index. */
export interface QualityTable {
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
export const qualityTable = (problem: ValidProblem): QualityTable => {
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
export const preferenceTable = (members: ReadonlyArray<Member>): ((role: string) => (member: number) => number) => {
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

/** The distinct strings, in code-unit order. */
export const uniqueSorted = <A extends string>(xs: ReadonlyArray<A>): Array<A> => {
  const sorted = [...xs].sort(compareStrings)
  return sorted.filter((x, i) => i === 0 || sorted[i - 1] !== x)
}

/** First index `i` with `xs[i] ≥ x`. */
export const lowerBound = (xs: ReadonlyArray<string>, x: string): number => {
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
export const upperBound = (xs: ReadonlyArray<string>, x: string): number => {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((xs[mid] as string) <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Whether a sorted list holds `x`. */
const sortedIncludes = (xs: ReadonlyArray<string>, x: string): boolean => {
  const i = lowerBound(xs, x)
  return i < xs.length && xs[i] === x
}

/** Sorted, de-duplicated `[a, b]` pairs with `a < b`, dropping undefined and self pairs. */
export const pairsOf = (
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
