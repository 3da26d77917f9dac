/**
 * The staffing problem of DESIGN §6: roles, pool members, requests with role slots, history,
 * pins, the previous plan, `apart` pairs and the policy — and `decodeProblem`, the only way in
 * for untrusted JSON.
 *
 * A decoded {@link ValidProblem} is normalised: every default is filled in, every array is
 * sorted by id (so input order never matters), sets are de-duplicated, and open-keyed records
 * (qualities, preferences) are prototype-free objects, so `__proto__` or `toString` work as
 * ordinary names.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import * as t from 'io-ts'
import * as Eligibility from './Eligibility.js'
import { parse as parseDate } from './IsoDate.js'
import type { IsoDate, Period } from './IsoDate.js'
import { field, issue } from './Issue.js'
import type { Issue } from './Issue.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

declare const RoleIdBrand: unique symbol
declare const MemberIdBrand: unique symbol
declare const RequestIdBrand: unique symbol
declare const SlotIdBrand: unique symbol
declare const ValidBrand: unique symbol

/** A role id (non-empty, unique among roles). @category model @since 0.1.0 */
export type RoleId = string & { readonly [RoleIdBrand]: 'RoleId' }
/** A member id (non-empty, unique among members). @category model @since 0.1.0 */
export type MemberId = string & { readonly [MemberIdBrand]: 'MemberId' }
/** A request id (non-empty, unique among requests). @category model @since 0.1.0 */
export type RequestId = string & { readonly [RequestIdBrand]: 'RequestId' }
/** A slot id (non-empty, unique across the whole problem). @category model @since 0.1.0 */
export type SlotId = string & { readonly [SlotIdBrand]: 'SlotId' }

/**
 * A quality level: an integer 0..5.
 *
 * @category model
 * @since 0.1.0
 */
export type QualityLevel = 0 | 1 | 2 | 3 | 4 | 5

/**
 * One quality requirement of a role: members need `level ≥ min`; `weight` scales its share of fit.
 *
 * @category model
 * @since 0.1.0
 */
export interface RoleQuality {
  /** Quality name (open vocabulary). */
  readonly quality: string
  /** Minimum level, 0..5 (default 0). */
  readonly min: QualityLevel
  /** Relative weight, > 0 (default 1). */
  readonly weight: number
}

/**
 * A role as the solver sees it: its id, a display name and its quality requirements
 * (sorted by quality name, unique).
 *
 * @category model
 * @since 0.1.0
 */
export interface Role {
  /** Unique id. */
  readonly id: RoleId
  /** Display name (defaults to the id). */
  readonly name: string
  /** Quality requirements, sorted by `quality`. */
  readonly qualities: ReadonlyArray<RoleQuality>
}

/**
 * A pool member.
 *
 * @category model
 * @since 0.1.0
 */
export interface Member {
  /** Unique id. */
  readonly id: MemberId
  /** Display name (defaults to the id). */
  readonly name: string
  /** Disciplines, non-empty, in input order (the first is primary), without duplicates. */
  readonly disciplines: readonly [string, ...ReadonlyArray<string>]
  /** Quality levels by name (prototype-free; a missing quality is level 0). */
  readonly qualities: Readonly<Record<string, QualityLevel>>
  /** Hours per week, > 0. */
  readonly capacity: number
  /** Hours per week already taken, `0 ≤ committed ≤ capacity`. */
  readonly committed: number
  /** Units served, sorted and unique; `null` means all units. */
  readonly units: ReadonlyArray<string> | null
  /** Availability windows sorted by `from`, then `to`; `null` means always available, `[]` never. */
  readonly available: ReadonlyArray<Period> | null
  /** Preference per role id, an integer −2..2 (prototype-free; missing = 0). */
  readonly preferences: Readonly<Record<string, number>>
  /** Qualities the member wants to develop, sorted and unique. */
  readonly goals: ReadonlyArray<string>
}

/**
 * One role slot of a request: a seat on the temporary team.
 *
 * @category model
 * @since 0.1.0
 */
export interface Slot {
  /** Unique id across the whole problem. */
  readonly id: SlotId
  /** The role the slot asks for. */
  readonly role: RoleId
  /** Hours per week, > 0. */
  readonly hours: number
  /** The discipline a member must have, if any. */
  readonly discipline: string | null
}

/**
 * A request (vraagstuk) with its role slots.
 *
 * @category model
 * @since 0.1.0
 */
export interface Request {
  /** Unique id. */
  readonly id: RequestId
  /** Title (defaults to the id). */
  readonly title: string
  /** Priority, an integer 1..5 (default 1): the worth of each filled slot. */
  readonly priority: number
  /** The unit/region of the request, or `null` when any member may serve. */
  readonly unit: string | null
  /** The inclusive period in which the team works. */
  readonly period: Period
  /** Members who may not serve on this request, sorted and unique. */
  readonly excluded: ReadonlyArray<MemberId>
  /** Role slots, sorted by id. */
  readonly slots: ReadonlyArray<Slot>
}

/**
 * A finished team: who worked together on which request, and when it ended.
 *
 * @category model
 * @since 0.1.0
 */
export interface HistoryEntry {
  /** The (past) request's id; free text, need not exist in `requests`. */
  readonly request: string
  /** Members of the team, sorted and unique (may name people no longer in the pool). */
  readonly members: ReadonlyArray<string>
  /** The day the work ended. */
  readonly ended: IsoDate
}

/**
 * A (member, slot) pair: a pin, an entry of the previous plan, or an assignment.
 *
 * @category model
 * @since 0.1.0
 */
export interface SlotMember {
  /** The member. */
  readonly member: MemberId
  /** The slot. */
  readonly slot: SlotId
}

/**
 * The seven weights of the soft score (§7), each ≥ 0.
 *
 * @category model
 * @since 0.1.0
 */
export interface Weights {
  /** Quality fit (default 10). */
  readonly fit: number
  /** Member preferences (default 2). */
  readonly preference: number
  /** Development goals served (default 3). */
  readonly learning: number
  /** Keeping the previous plan (default 5). */
  readonly continuity: number
  /** Distinct primary disciplines per team (default 2). */
  readonly diversity: number
  /** Penalty for repeating recent pairs (default 3). */
  readonly rotation: number
  /** Penalty for overload beyond comfort (default 5). */
  readonly balance: number
}

/**
 * The policy of a problem, every field with its default filled in.
 *
 * @category model
 * @since 0.1.0
 */
export interface Policy {
  /** Weights of the soft terms. */
  readonly weights: Weights
  /** Comfortable share of capacity, in (0, 1] (default 0.85). */
  readonly comfort: number
  /** Integer ≥ 1 (default 1). */
  readonly maxSlotsPerMemberPerRequest: number
  /** History entries that ended on or after this date count for rotation; `null`: no rotation term. */
  readonly rotationSince: IsoDate | null
}

/**
 * A staffing problem (§6) in normalised form.
 *
 * @category model
 * @since 0.1.0
 */
export interface Problem {
  /** Roles, sorted by id. */
  readonly roles: ReadonlyArray<Role>
  /** Pool members, sorted by id. */
  readonly members: ReadonlyArray<Member>
  /** Requests, sorted by id. */
  readonly requests: ReadonlyArray<Request>
  /** History, de-duplicated and sorted (by `ended`, `request`, then members). */
  readonly history: ReadonlyArray<HistoryEntry>
  /** Pinned pairs, sorted by slot (at most one per slot). */
  readonly pinned: ReadonlyArray<SlotMember>
  /** The previous plan's pairs, sorted by slot (at most one per slot). */
  readonly previous: ReadonlyArray<SlotMember>
  /** Pairs that never serve on the same request: each pair sorted, de-duplicated, sorted. */
  readonly apart: ReadonlyArray<readonly [MemberId, MemberId]>
  /** The policy, defaults filled in. */
  readonly policy: Policy
}

/**
 * A {@link Problem} that passed every rule of §6, pins included. Only `decodeProblem`
 * (and the library's own constructors) produce one.
 *
 * @category model
 * @since 0.1.0
 */
export type ValidProblem = Problem & { readonly [ValidBrand]: 'ValidProblem' }

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The default weights of §6: fit 10, preference 2, learning 3, continuity 5, diversity 2,
 * rotation 3, balance 5.
 *
 * @category constructors
 * @since 0.1.0
 */
export const defaultWeights: Weights = Object.freeze({
  fit: 10,
  preference: 2,
  learning: 3,
  continuity: 5,
  diversity: 2,
  rotation: 3,
  balance: 5,
})

/**
 * The default policy of §6: {@link defaultWeights}, comfort 0.85, at most one slot per member
 * per request, no rotation term.
 *
 * @category constructors
 * @since 0.1.0
 */
export const defaultPolicy: Policy = Object.freeze({
  weights: defaultWeights,
  comfort: 0.85,
  maxSlotsPerMemberPerRequest: 1,
  rotationSince: null,
})

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * Compares two strings by UTF-16 code units (never by locale): the order every sorted array
 * of wendbaar uses.
 *
 * @category utilities
 * @since 0.1.0
 */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

// -------------------------------------------------------------------------------------
// decoding internals (not exported)
// -------------------------------------------------------------------------------------

const hasOwn = Object.prototype.hasOwnProperty

type Obj = { readonly [k: string]: unknown }

const isObj = (u: unknown): u is Obj => typeof u === 'object' && u !== null && !Array.isArray(u)

/** Reads an own property only: inherited names (`constructor`, `toString`) read as absent. */
const get = (o: Obj, k: string): unknown => (hasOwn.call(o, k) ? o[k] : undefined)

const kind = (u: unknown): string =>
  u === null ? 'null' : Array.isArray(u) ? 'an array' : typeof u === 'object' ? 'an object' : `a ${typeof u}`

/** Quotes a string for a message, cut short so a 10 MB string never ends up in a message. */
const quote = (s: string): string =>
  s.length > 64 ? `${JSON.stringify(s.slice(0, 64))}… (${s.length} chars)` : JSON.stringify(s)

const at = (base: string, key: string | number | undefined): string =>
  key === undefined ? base : field(base, key)

/** What the decoder knows so far: the issues and the ids seen (absent when decoding one element). */
interface Ctx {
  readonly issues: Array<Issue>
  roles: Map<string, string> | undefined
  members: Map<string, string> | undefined
  requests: Map<string, string> | undefined
  slots: Map<string, string> | undefined
  /** Set when an element's id could not be read: references into its registry go unchecked. */
  incomplete: boolean
}

const newCtx = (registries: boolean): Ctx => ({
  issues: [],
  roles: registries ? new Map() : undefined,
  members: registries ? new Map() : undefined,
  requests: registries ? new Map() : undefined,
  slots: registries ? new Map() : undefined,
  incomplete: false,
})

const report = (c: Ctx, path: string, code: Issue['code'], message: string): undefined => {
  c.issues.push(issue(path, code, message))
  return undefined
}

const wrongType = (c: Ctx, base: string, key: string | number | undefined, expected: string, u: unknown) =>
  report(
    c,
    at(base, key),
    'type',
    u === undefined ? `missing: expected ${expected}` : `expected ${expected}, got ${kind(u)}`,
  )

const str = (
  c: Ctx,
  base: string,
  key: string | number | undefined,
  u: unknown,
  nonEmpty: boolean,
): string | undefined => {
  if (typeof u !== 'string') return wrongType(c, base, key, nonEmpty ? 'a non-empty string' : 'a string', u)
  if (nonEmpty && u.length === 0) return report(c, at(base, key), 'range', 'must be a non-empty string')
  return u
}

interface NumSpec {
  readonly int: boolean
  readonly min: number
  readonly minOpen: boolean
  readonly max: number
  readonly text: string
}

const LEVEL: NumSpec = { int: true, min: 0, minOpen: false, max: 5, text: 'an integer 0..5' }
const PRIORITY: NumSpec = { int: true, min: 1, minOpen: false, max: 5, text: 'an integer 1..5' }
const PREFERENCE: NumSpec = { int: true, min: -2, minOpen: false, max: 2, text: 'an integer -2..2' }
const POSITIVE: NumSpec = { int: false, min: 0, minOpen: true, max: Infinity, text: 'a finite number > 0' }
const NON_NEGATIVE: NumSpec = { int: false, min: 0, minOpen: false, max: Infinity, text: 'a finite number >= 0' }
const COMFORT: NumSpec = { int: false, min: 0, minOpen: true, max: 1, text: 'a number in (0, 1]' }
const AT_LEAST_ONE: NumSpec = { int: true, min: 1, minOpen: false, max: Infinity, text: 'an integer >= 1' }

/** A number within its spec; `-0` is read as `0`. */
const num = (c: Ctx, base: string, key: string | number | undefined, u: unknown, spec: NumSpec): number | undefined => {
  if (typeof u !== 'number') return wrongType(c, base, key, spec.text, u)
  if (
    !Number.isFinite(u) ||
    (spec.int && !Number.isInteger(u)) ||
    u < spec.min ||
    (spec.minOpen && u === spec.min) ||
    u > spec.max
  ) {
    return report(c, at(base, key), 'range', `must be ${spec.text}, got ${String(u)}`)
  }
  return u === 0 ? 0 : u
}

const optNum = (
  c: Ctx,
  base: string,
  key: string,
  u: unknown,
  spec: NumSpec,
  fallback: number,
): number | undefined => (u === undefined ? fallback : num(c, base, key, u, spec))

const date = (c: Ctx, base: string, key: string | number | undefined, u: unknown): IsoDate | undefined => {
  if (typeof u !== 'string') return wrongType(c, base, key, 'a date YYYY-MM-DD', u)
  const d = parseDate(u)
  return O.isSome(d) ? d.value : report(c, at(base, key), 'date', `not a real date YYYY-MM-DD: ${quote(u)}`)
}

const period = (c: Ctx, base: string, key: string | number | undefined, u: unknown): Period | undefined => {
  if (!isObj(u)) return wrongType(c, base, key, 'a period { from, to }', u)
  const path = at(base, key)
  const from = date(c, path, 'from', get(u, 'from'))
  const to = date(c, path, 'to', get(u, 'to'))
  if (from === undefined || to === undefined) return undefined
  if (from > to) return report(c, path, 'period', `from ${from} is after to ${to}`)
  return { from, to }
}

const array = (
  c: Ctx,
  base: string,
  key: string | number | undefined,
  u: unknown,
  expected = 'an array',
): ReadonlyArray<unknown> | undefined => (Array.isArray(u) ? u : wrongType(c, base, key, expected, u))

/** Sorts and removes adjacent duplicates (by code units). */
const sortedSet = (xs: Array<string>): Array<string> => {
  xs.sort(compareIds)
  let n = 0
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as string
    if (i === 0 || x !== xs[n - 1]) xs[n++] = x
  }
  xs.length = n
  return xs
}

/** An array of non-empty strings, optionally references into `ref`; returned in input order. */
const strings = (
  c: Ctx,
  base: string,
  key: string,
  u: unknown,
  ref?: { readonly ids: Map<string, string> | undefined; readonly what: string },
): Array<string> => {
  const out: Array<string> = []
  const xs = array(c, base, key, u, 'an array of strings')
  if (xs === undefined) return out
  const path = at(base, key)
  for (let i = 0; i < xs.length; i++) {
    const s = str(c, path, i, xs[i], true)
    if (s === undefined) continue
    if (ref !== undefined && ref.ids !== undefined && !ref.ids.has(s)) {
      report(c, field(path, i), 'reference', `unknown ${ref.what} ${quote(s)}`)
    }
    out.push(s)
  }
  return out
}

/** An object of numbers as a prototype-free record with keys inserted in code-unit order. */
const numbers = (
  c: Ctx,
  base: string,
  key: string,
  u: unknown,
  spec: NumSpec,
  ref?: { readonly ids: Map<string, string> | undefined; readonly what: string },
): Record<string, number> => {
  const out: Record<string, number> = Object.create(null) as Record<string, number>
  if (u === undefined) return out
  if (!isObj(u)) {
    wrongType(c, base, key, 'an object of numbers', u)
    return out
  }
  const path = at(base, key)
  const keys = Object.keys(u).sort(compareIds)
  for (const k of keys) {
    if (k === '') {
      report(c, field(path, k), 'range', 'a name must be a non-empty string')
      continue
    }
    if (ref !== undefined && ref.ids !== undefined && !ref.ids.has(k)) {
      report(c, field(path, k), 'reference', `unknown ${ref.what} ${quote(k)}`)
    }
    const v = num(c, path, k, u[k], spec)
    if (v !== undefined) out[k] = v
  }
  return out
}

/** Registers an id; reports a duplicate. Returns whether the id was new. */
const register = (c: Ctx, ids: Map<string, string> | undefined, id: string, path: string, what: string) => {
  if (ids === undefined || id === '') return
  const first = ids.get(id)
  if (first === undefined) ids.set(id, path)
  else report(c, field(path, 'id'), 'duplicate', `duplicate ${what} id ${quote(id)} (first at ${first})`)
}

const refCheck = (
  c: Ctx,
  ids: Map<string, string> | undefined,
  id: string | undefined,
  path: string,
  what: string,
) => {
  if (ids !== undefined && id !== undefined && !ids.has(id)) report(c, path, 'reference', `unknown ${what} ${quote(id)}`)
}

const decodeRoleAt = (c: Ctx, base: string, u: unknown): Role | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a role object', u)
  const id = str(c, base, 'id', get(u, 'id'), true) ?? ''
  const nameU = get(u, 'name')
  const name = nameU === undefined ? id : (str(c, base, 'name', nameU, false) ?? '')
  const qualities: Array<RoleQuality> = []
  const qsU = get(u, 'qualities')
  const qs = qsU === undefined ? [] : (array(c, base, 'qualities', qsU) ?? [])
  const qsPath = field(base, 'qualities')
  const seen = new Map<string, string>()
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k]
    const qb = field(qsPath, k)
    if (!isObj(q)) {
      wrongType(c, qsPath, k, 'a role quality { quality, min, weight }', q)
      continue
    }
    const quality = str(c, qb, 'quality', get(q, 'quality'), true)
    const min = optNum(c, qb, 'min', get(q, 'min'), LEVEL, 0)
    const weight = optNum(c, qb, 'weight', get(q, 'weight'), POSITIVE, 1)
    if (quality === undefined) continue
    const first = seen.get(quality)
    if (first !== undefined) {
      report(c, field(qb, 'quality'), 'duplicate', `quality ${quote(quality)} listed twice (first at ${first})`)
      continue
    }
    seen.set(quality, qb)
    qualities.push({ quality, min: (min ?? 0) as QualityLevel, weight: weight ?? 1 })
  }
  qualities.sort((a, b) => compareIds(a.quality, b.quality))
  return { id: id as RoleId, name, qualities }
}

const decodeMemberAt = (c: Ctx, base: string, u: unknown): Member | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a member object', u)
  const id = str(c, base, 'id', get(u, 'id'), true) ?? ''
  const nameU = get(u, 'name')
  const name = nameU === undefined ? id : (str(c, base, 'name', nameU, false) ?? '')
  const discU = get(u, 'disciplines')
  const discs = strings(c, base, 'disciplines', discU)
  if (Array.isArray(discU) && discU.length === 0) {
    report(c, field(base, 'disciplines'), 'range', 'must list at least one discipline')
  }
  const disciplines: Array<string> = []
  const seenDisc = new Set<string>()
  for (const d of discs) {
    if (!seenDisc.has(d)) {
      seenDisc.add(d)
      disciplines.push(d)
    }
  }
  const qualities = numbers(c, base, 'qualities', get(u, 'qualities'), LEVEL) as Record<string, QualityLevel>
  const capacity = num(c, base, 'capacity', get(u, 'capacity'), POSITIVE)
  const committed = optNum(c, base, 'committed', get(u, 'committed'), NON_NEGATIVE, 0)
  if (capacity !== undefined && committed !== undefined && committed > capacity) {
    report(c, field(base, 'committed'), 'range', `must be <= capacity ${capacity}, got ${committed}`)
  }
  const unitsU = get(u, 'units')
  const units = unitsU === undefined || unitsU === null ? null : sortedSet(strings(c, base, 'units', unitsU))
  const availU = get(u, 'available')
  let available: Array<Period> | null = null
  if (availU !== undefined && availU !== null) {
    available = []
    const ws = array(c, base, 'available', availU, 'an array of periods') ?? []
    const path = field(base, 'available')
    for (let k = 0; k < ws.length; k++) {
      const p = period(c, path, k, ws[k])
      if (p !== undefined) available.push(p)
    }
    available.sort((a, b) => compareIds(a.from, b.from) || compareIds(a.to, b.to))
    let n = 0
    for (const w of available) {
      const prev = available[n - 1]
      if (prev === undefined || prev.from !== w.from || prev.to !== w.to) available[n++] = w
    }
    available.length = n
  }
  const preferences = numbers(c, base, 'preferences', get(u, 'preferences'), PREFERENCE, {
    ids: c.roles,
    what: 'role',
  })
  const goalsU = get(u, 'goals')
  const goals = goalsU === undefined ? [] : sortedSet(strings(c, base, 'goals', goalsU))
  return {
    id: id as MemberId,
    name,
    disciplines: disciplines as unknown as readonly [string, ...Array<string>],
    qualities,
    capacity: capacity ?? 0,
    committed: committed ?? 0,
    units,
    available,
    preferences,
    goals,
  }
}

const decodeSlotAt = (c: Ctx, base: string, u: unknown): Slot | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a slot object', u)
  const id = str(c, base, 'id', get(u, 'id'), true) ?? ''
  if (id === '') c.incomplete = true
  register(c, c.slots, id, base, 'slot')
  const role = str(c, base, 'role', get(u, 'role'), true)
  refCheck(c, c.roles, role, field(base, 'role'), 'role')
  const hours = num(c, base, 'hours', get(u, 'hours'), POSITIVE)
  const discU = get(u, 'discipline')
  const discipline = discU === undefined || discU === null ? null : (str(c, base, 'discipline', discU, true) ?? null)
  return { id: id as SlotId, role: (role ?? '') as RoleId, hours: hours ?? 0, discipline }
}

const decodeRequestAt = (c: Ctx, base: string, u: unknown): Request | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a request object', u)
  const id = str(c, base, 'id', get(u, 'id'), true) ?? ''
  const titleU = get(u, 'title')
  const title = titleU === undefined ? id : (str(c, base, 'title', titleU, false) ?? '')
  const priority = optNum(c, base, 'priority', get(u, 'priority'), PRIORITY, 1)
  const unitU = get(u, 'unit')
  const unit = unitU === undefined || unitU === null ? null : (str(c, base, 'unit', unitU, true) ?? null)
  const p = period(c, base, 'period', get(u, 'period'))
  const excludedU = get(u, 'excluded')
  const excluded =
    excludedU === undefined ? [] : sortedSet(strings(c, base, 'excluded', excludedU, { ids: c.members, what: 'member' }))
  const slots: Array<Slot> = []
  const ss = array(c, base, 'slots', get(u, 'slots'), 'an array of slots')
  if (ss === undefined) c.incomplete = true
  const path = field(base, 'slots')
  for (let k = 0; k < (ss ?? []).length; k++) {
    const s = decodeSlotAt(c, field(path, k), (ss ?? [])[k])
    if (s !== undefined) slots.push(s)
    else c.incomplete = true
  }
  slots.sort((a, b) => compareIds(a.id, b.id))
  return {
    id: id as RequestId,
    title,
    priority: priority ?? 1,
    unit,
    period: p ?? ({ from: '', to: '' } as unknown as Period),
    excluded: excluded as Array<MemberId>,
    slots,
  }
}

const decodeHistoryAt = (c: Ctx, base: string, u: unknown): HistoryEntry | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a history entry { request, members, ended }', u)
  const request = str(c, base, 'request', get(u, 'request'), true) ?? ''
  const members = sortedSet(strings(c, base, 'members', get(u, 'members')))
  const ended = date(c, base, 'ended', get(u, 'ended')) ?? ('' as IsoDate)
  return { request, members, ended }
}

const decodeSlotMemberAt = (c: Ctx, base: string, u: unknown): SlotMember | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a pair { member, slot }', u)
  const member = str(c, base, 'member', get(u, 'member'), true)
  refCheck(c, c.members, member, field(base, 'member'), 'member')
  const slot = str(c, base, 'slot', get(u, 'slot'), true)
  refCheck(c, c.slots, slot, field(base, 'slot'), 'slot')
  if (member === undefined || slot === undefined) return undefined
  return { member: member as MemberId, slot: slot as SlotId }
}

const decodeApartAt = (c: Ctx, base: string, u: unknown): readonly [MemberId, MemberId] | undefined => {
  if (!Array.isArray(u) || u.length !== 2) {
    return wrongType(c, base, undefined, 'a pair [member, member]', u)
  }
  const a = str(c, base, 0, u[0], true)
  refCheck(c, c.members, a, field(base, 0), 'member')
  const b = str(c, base, 1, u[1], true)
  refCheck(c, c.members, b, field(base, 1), 'member')
  if (a === undefined || b === undefined) return undefined
  if (a === b) return report(c, base, 'conflict', `a member cannot be apart from itself (${quote(a)})`)
  return (a < b ? [a, b] : [b, a]) as [MemberId, MemberId]
}

const WEIGHT_NAMES: ReadonlyArray<keyof Weights> = [
  'fit',
  'preference',
  'learning',
  'continuity',
  'diversity',
  'rotation',
  'balance',
]

const decodeWeightsAt = (c: Ctx, base: string, u: unknown): Weights | undefined => {
  if (u === undefined) return defaultWeights
  if (!isObj(u)) return wrongType(c, base, undefined, 'an object of weights', u)
  const out: Record<string, number> = {}
  for (const k of WEIGHT_NAMES) out[k] = optNum(c, base, k, get(u, k), NON_NEGATIVE, defaultWeights[k]) ?? 0
  return out as unknown as Weights
}

const decodePolicyAt = (c: Ctx, base: string, u: unknown): Policy | undefined => {
  if (u === undefined) return defaultPolicy
  if (!isObj(u)) return wrongType(c, base, undefined, 'a policy object', u)
  const weights = decodeWeightsAt(c, field(base, 'weights'), get(u, 'weights')) ?? defaultWeights
  const comfort = optNum(c, base, 'comfort', get(u, 'comfort'), COMFORT, defaultPolicy.comfort)
  const max = optNum(
    c,
    base,
    'maxSlotsPerMemberPerRequest',
    get(u, 'maxSlotsPerMemberPerRequest'),
    AT_LEAST_ONE,
    defaultPolicy.maxSlotsPerMemberPerRequest,
  )
  const sinceU = get(u, 'rotationSince')
  const rotationSince = sinceU === undefined || sinceU === null ? null : (date(c, base, 'rotationSince', sinceU) ?? null)
  return {
    weights,
    comfort: comfort ?? defaultPolicy.comfort,
    maxSlotsPerMemberPerRequest: max ?? 1,
    rotationSince,
  }
}

const compareHistory = (a: HistoryEntry, b: HistoryEntry): number => {
  const d = compareIds(a.ended, b.ended) || compareIds(a.request, b.request)
  if (d !== 0) return d
  const n = Math.min(a.members.length, b.members.length)
  for (let i = 0; i < n; i++) {
    const e = compareIds(a.members[i] as string, b.members[i] as string)
    if (e !== 0) return e
  }
  return a.members.length - b.members.length
}

/** Reads one top-level section as an array of elements, reporting per element. */
const section = <A>(
  c: Ctx,
  root: Obj,
  key: string,
  required: boolean,
  decode: (c: Ctx, base: string, u: unknown, i: number) => A | undefined,
): Array<A> => {
  const u = get(root, key)
  const out: Array<A> = []
  if (u === undefined && !required) return out
  const xs = array(c, '', key, u)
  if (xs === undefined) {
    c.incomplete = true
    return out
  }
  for (let i = 0; i < xs.length; i++) {
    const a = decode(c, `${key}[${i}]`, xs[i], i)
    if (a !== undefined) out.push(a)
  }
  return out
}

/** Pairs (member, slot) with at most one entry per slot; identical duplicates are dropped. */
const slotMembers = (c: Ctx, root: Obj, key: 'pinned' | 'previous', paths: Map<string, string>): Array<SlotMember> => {
  const bySlot = new Map<string, SlotMember>()
  section(c, root, key, false, (c, base, u) => {
    const p = decodeSlotMemberAt(c, base, u)
    if (p === undefined) return undefined
    const prior = bySlot.get(p.slot)
    if (prior === undefined) {
      bySlot.set(p.slot, p)
      paths.set(p.slot, base)
    } else if (prior.member !== p.member) {
      report(
        c,
        base,
        'conflict',
        `slot ${quote(p.slot)} already has ${quote(prior.member)} in ${paths.get(p.slot) ?? key}`,
      )
    }
    return undefined
  })
  return [...bySlot.values()].sort((a, b) => compareIds(a.slot, b.slot))
}

/** The pins alone against every hard constraint of §7; issues at the pins' paths. */
const checkPins = (c: Ctx, problem: Problem, pinPath: Map<string, string>): void => {
  const ix = Eligibility.index(problem)
  interface Pin {
    readonly member: Member
    readonly request: Request
    readonly slot: Slot
    readonly path: string
    readonly order: number
  }
  const found: Array<{ readonly order: number; readonly issue: Issue }> = []
  const fail = (pin: Pin, message: string) => found.push({ order: pin.order, issue: issue(pin.path, 'pin', message) })
  const pins: Array<Pin> = []
  for (const p of problem.pinned) {
    const member = ix.memberById.get(p.member)
    const entry = ix.slotById.get(p.slot)
    const path = pinPath.get(p.slot)
    if (member === undefined || entry === undefined || path === undefined) continue
    const order = Number(path.slice(path.indexOf('[') + 1, -1))
    pins.push({ member, request: entry.request, slot: entry.slot, path, order })
  }
  // 1. eligibility
  for (const pin of pins) {
    const f = Eligibility.ineligibility(problem, pin.member, pin.request, pin.slot)
    if (O.isSome(f)) {
      fail(
        pin,
        `pinning ${quote(pin.member.id)} to ${quote(pin.slot.id)} breaks eligibility (${f.value.constraint}: ${f.value.detail})`,
      )
    }
  }
  // group the pins by member, then by request (pins are in slot-id order)
  const byMember = new Map<string, Array<Pin>>()
  for (const pin of pins) {
    const list = byMember.get(pin.member.id)
    if (list === undefined) byMember.set(pin.member.id, [pin])
    else list.push(pin)
  }
  const memberIds = [...byMember.keys()].sort(compareIds)
  const max = problem.policy.maxSlotsPerMemberPerRequest
  const requestsOf = new Map<string, Map<string, Array<Pin>>>()
  for (const id of memberIds) {
    const list = byMember.get(id) as Array<Pin>
    const member = (list[0] as Pin).member
    // 2. capacity over time: the load at each start date, by a sweep over starts and ends
    const byFrom = [...list].sort((a, b) => compareIds(a.request.period.from, b.request.period.from))
    const byTo = [...list].sort((a, b) => compareIds(a.request.period.to, b.request.period.to))
    let added = 0
    let removed = 0
    let i = 0
    let j = 0
    while (i < byFrom.length) {
      const t = (byFrom[i] as Pin).request.period.from
      while (i < byFrom.length && (byFrom[i] as Pin).request.period.from === t) added += (byFrom[i++] as Pin).slot.hours
      while (j < byTo.length && (byTo[j] as Pin).request.period.to < t) removed += (byTo[j++] as Pin).slot.hours
      const load = added - removed
      if (member.committed + load > member.capacity) {
        for (const pin of list) {
          if (pin.request.period.from <= t && t <= pin.request.period.to) {
            fail(
              pin,
              `the pins of ${quote(id)} need ${load} h on ${t} but only ${member.capacity - member.committed} h are free (capacity ${member.capacity}, committed ${member.committed}) (capacity)`,
            )
          }
        }
        break
      }
    }
    // 3. at most maxSlotsPerMemberPerRequest slots per member per request
    const perRequest = new Map<string, Array<Pin>>()
    for (const pin of list) {
      const same = perRequest.get(pin.request.id)
      if (same === undefined) perRequest.set(pin.request.id, [pin])
      else same.push(pin)
    }
    requestsOf.set(id, perRequest)
    for (const [rid, same] of perRequest) {
      if (same.length <= max) continue
      for (const pin of same) {
        fail(
          pin,
          `${quote(id)} is pinned to ${same.length} slots of request ${quote(rid)}, more than ${max} (maxSlotsPerMemberPerRequest)`,
        )
      }
    }
  }
  // 4. apart pairs never in the same request's team
  for (const [a, b] of problem.apart) {
    const ra = requestsOf.get(a)
    const rb = requestsOf.get(b)
    if (ra === undefined || rb === undefined) continue
    const [small, large] = ra.size <= rb.size ? [ra, rb] : [rb, ra]
    for (const rid of small.keys()) {
      if (!large.has(rid)) continue
      for (const pin of [...(ra.get(rid) ?? []), ...(rb.get(rid) ?? [])]) {
        fail(pin, `${quote(a)} and ${quote(b)} must stay apart but are both pinned to request ${quote(rid)} (apart)`)
      }
    }
  }
  found.sort((x, y) => x.order - y.order)
  for (const f of found) c.issues.push(f.issue)
}

const decodeUnsafe = (u: unknown): E.Either<NonEmptyArray<Issue>, ValidProblem> => {
  if (!isObj(u)) return E.left([issue('', 'type', `expected a problem object, got ${kind(u)}`)])
  const c = newCtx(true)
  // A section whose ids could not all be read leaves its references unchecked: an unknown
  // name there may well be the id that failed, and a second issue would only confuse.
  const roles = section(c, u, 'roles', true, (c, base, x) => {
    const r = decodeRoleAt(c, base, x)
    if (r === undefined || r.id === '') c.incomplete = true
    else register(c, c.roles, r.id, base, 'role')
    return r
  })
  if (c.incomplete) c.roles = undefined
  c.incomplete = false
  const members = section(c, u, 'members', true, (c, base, x) => {
    const m = decodeMemberAt(c, base, x)
    if (m === undefined || m.id === '') c.incomplete = true
    else register(c, c.members, m.id, base, 'member')
    return m
  })
  if (c.incomplete) c.members = undefined
  c.incomplete = false
  const requests = section(c, u, 'requests', true, (c, base, x) => {
    const r = decodeRequestAt(c, base, x)
    if (r === undefined) c.incomplete = true
    else register(c, c.requests, r.id, base, 'request')
    return r
  })
  if (c.incomplete) c.slots = undefined
  c.incomplete = false
  const history = section(c, u, 'history', false, decodeHistoryAt).sort(compareHistory)
  let nh = 0
  for (const h of history) {
    const prev = history[nh - 1]
    if (prev === undefined || compareHistory(prev, h) !== 0) history[nh++] = h
  }
  history.length = nh
  const pinPath = new Map<string, string>()
  const pinned = slotMembers(c, u, 'pinned', pinPath)
  const previous = slotMembers(c, u, 'previous', new Map())
  const apartByKey = new Map<string, readonly [MemberId, MemberId]>()
  section(c, u, 'apart', false, (c, base, x) => {
    const pair = decodeApartAt(c, base, x)
    if (pair !== undefined) apartByKey.set(JSON.stringify(pair), pair)
    return undefined
  })
  const apart = [...apartByKey.values()].sort((x, y) => compareIds(x[0], y[0]) || compareIds(x[1], y[1]))
  const policy = decodePolicyAt(c, 'policy', get(u, 'policy')) ?? defaultPolicy
  if (c.issues.length > 0) return E.left(c.issues as NonEmptyArray<Issue>)
  const byId = <A extends { readonly id: string }>(x: A, y: A) => compareIds(x.id, y.id)
  const problem: Problem = {
    roles: roles.sort(byId),
    members: members.sort(byId),
    requests: requests.sort(byId),
    history,
    pinned,
    previous,
    apart,
    policy,
  }
  checkPins(c, problem, pinPath)
  if (c.issues.length > 0) return E.left(c.issues as NonEmptyArray<Issue>)
  return E.right(problem as ValidProblem)
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * Decodes untrusted input (parsed JSON) into a {@link ValidProblem}, applying every rule of
 * DESIGN §6: shape, ranges, unique ids (slot ids across the whole problem), references,
 * real dates and `from ≤ to`, at most one pin and one previous entry per slot, `apart` pairs of
 * two different members — and finally the pins alone against every hard constraint of §7
 * (eligibility, capacity over time, `maxSlotsPerMemberPerRequest`, `apart`).
 *
 * Every issue found is returned, each with its JSON path (`members[3].qualities.leadership`)
 * and code; the pin check runs once everything else is clean. Never throws; runs in time
 * linear in the input (plus sorting). Conventions:
 * - `-0` is read as `0`; `NaN` and `±Infinity` are out of range.
 * - Optional fields may be absent; the nullable ones (`unit`, `units`, `available`,
 *   `discipline`, `rotationSince`) may also be `null`. `history`, `pinned`, `previous`,
 *   `apart` and `policy` may be absent; `roles`, `members` and `requests` are required.
 * - Names (ids, disciplines, units, goals, quality names) are non-empty strings; keys the
 *   schema does not know are ignored.
 * - Only own properties are read, so `__proto__`, `constructor` or `toString` work as ids and
 *   quality names, and `Object.prototype` is never touched.
 *
 * The result is normalised: defaults filled in, arrays sorted by id (code-unit order), sets
 * de-duplicated and sorted, disciplines in input order without duplicates, records
 * prototype-free. Decoding a shuffled input gives a deep-equal result.
 *
 * @example
 * import { Problem } from 'wendbaar'
 * const result = Problem.decodeProblem(JSON.parse(text))
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeProblem = (u: unknown): E.Either<NonEmptyArray<Issue>, ValidProblem> => {
  try {
    return decodeUnsafe(u)
  } catch {
    // Only a hostile JavaScript value (a throwing getter or proxy) can get here; JSON cannot.
    return E.left([issue('', 'type', 'the input could not be read (a getter or proxy threw)')])
  }
}

const putRecord = (r: Readonly<Record<string, number>>): Record<string, number> => {
  const out = Object.create(null) as Record<string, number>
  for (const k of Object.keys(r).sort(compareIds)) out[k] = r[k] as number
  return out
}

const encodeRole = (r: Role): unknown => ({
  id: r.id,
  name: r.name,
  qualities: r.qualities.map((q) => ({ quality: q.quality, min: q.min, weight: q.weight })),
})

const encodePeriod = (p: Period): unknown => ({ from: p.from, to: p.to })

const encodeMember = (m: Member): unknown => {
  const out: Record<string, unknown> = {
    id: m.id,
    name: m.name,
    disciplines: [...m.disciplines],
    qualities: putRecord(m.qualities),
    capacity: m.capacity,
    committed: m.committed,
  }
  if (m.units !== null) out['units'] = [...m.units]
  if (m.available !== null) out['available'] = m.available.map(encodePeriod)
  out['preferences'] = putRecord(m.preferences)
  out['goals'] = [...m.goals]
  return out
}

const encodeSlot = (s: Slot): unknown =>
  s.discipline === null
    ? { id: s.id, role: s.role, hours: s.hours }
    : { id: s.id, role: s.role, hours: s.hours, discipline: s.discipline }

const encodeRequest = (r: Request): unknown => {
  const out: Record<string, unknown> = { id: r.id, title: r.title, priority: r.priority }
  if (r.unit !== null) out['unit'] = r.unit
  out['period'] = encodePeriod(r.period)
  out['excluded'] = [...r.excluded]
  out['slots'] = r.slots.map(encodeSlot)
  return out
}

const encodeHistory = (h: HistoryEntry): unknown => ({ request: h.request, members: [...h.members], ended: h.ended })

const encodeSlotMember = (p: SlotMember): unknown => ({ member: p.member, slot: p.slot })

const encodeWeights = (w: Weights): unknown => ({
  fit: w.fit,
  preference: w.preference,
  learning: w.learning,
  continuity: w.continuity,
  diversity: w.diversity,
  rotation: w.rotation,
  balance: w.balance,
})

const encodePolicy = (p: Policy): unknown => {
  const out: Record<string, unknown> = {
    weights: encodeWeights(p.weights),
    comfort: p.comfort,
    maxSlotsPerMemberPerRequest: p.maxSlotsPerMemberPerRequest,
  }
  if (p.rotationSince !== null) out['rotationSince'] = p.rotationSince
  return out
}

/**
 * Encodes a problem as §6 JSON (plain data, keys in the §6 order, `null` fields omitted) such
 * that `decodeProblem(encodeProblem(p))` deep-equals a decoded `p`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeProblem = (p: Problem): unknown => ({
  roles: p.roles.map(encodeRole),
  members: p.members.map(encodeMember),
  requests: p.requests.map(encodeRequest),
  history: p.history.map(encodeHistory),
  pinned: p.pinned.map(encodeSlotMember),
  previous: p.previous.map(encodeSlotMember),
  apart: p.apart.map(([a, b]) => [a, b]),
  policy: encodePolicy(p.policy),
})

const toErrors = (u: unknown, ctx: t.Context, issues: ReadonlyArray<Issue>): t.Errors =>
  issues.map((i) => ({
    value: u,
    context: ctx,
    message: `${i.path === '' ? '(root)' : i.path}: ${i.message} (${i.code})`,
  }))

const elementCodec = <A>(
  name: string,
  decode: (c: Ctx, base: string, u: unknown) => A | undefined,
  encode: (a: A) => unknown,
): t.Type<A, unknown, unknown> => {
  const run = (u: unknown): E.Either<ReadonlyArray<Issue>, A> => {
    try {
      const c = newCtx(false)
      const a = decode(c, '', u)
      return c.issues.length > 0 || a === undefined ? E.left(c.issues) : E.right(a)
    } catch {
      return E.left([issue('', 'type', 'the input could not be read (a getter or proxy threw)')])
    }
  }
  return new t.Type<A, unknown, unknown>(
    name,
    (u): u is A => E.isRight(run(u)),
    (u, ctx) => {
      const r = run(u)
      return E.isRight(r) ? t.success(r.right) : t.failures(toErrors(u, ctx, r.left))
    },
    encode,
  )
}

/**
 * io-ts codec of the whole problem: `decode` is {@link decodeProblem} (issues rendered as
 * io-ts errors), `encode` is {@link encodeProblem}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ProblemCodec: t.Type<ValidProblem, unknown, unknown> = new t.Type<ValidProblem, unknown, unknown>(
  'Problem',
  (u): u is ValidProblem => E.isRight(decodeProblem(u)),
  (u, ctx) => {
    const r = decodeProblem(u)
    return E.isRight(r) ? t.success(r.right) : t.failures(toErrors(u, ctx, r.left))
  },
  encodeProblem,
)

/**
 * io-ts codec of one role (§6 shape and ranges; defaults filled, qualities sorted).
 *
 * @category codecs
 * @since 0.1.0
 */
export const RoleCodec: t.Type<Role, unknown, unknown> = elementCodec('Role', decodeRoleAt, encodeRole)

/**
 * io-ts codec of one member (§6 shape and ranges; references are checked only by
 * {@link decodeProblem}).
 *
 * @category codecs
 * @since 0.1.0
 */
export const MemberCodec: t.Type<Member, unknown, unknown> = elementCodec('Member', decodeMemberAt, encodeMember)

/**
 * io-ts codec of one slot (§6 shape and ranges).
 *
 * @category codecs
 * @since 0.1.0
 */
export const SlotCodec: t.Type<Slot, unknown, unknown> = elementCodec('Slot', decodeSlotAt, encodeSlot)

/**
 * io-ts codec of one request with its slots (§6 shape and ranges).
 *
 * @category codecs
 * @since 0.1.0
 */
export const RequestCodec: t.Type<Request, unknown, unknown> = elementCodec(
  'Request',
  decodeRequestAt,
  encodeRequest,
)

/**
 * io-ts codec of one history entry.
 *
 * @category codecs
 * @since 0.1.0
 */
export const HistoryEntryCodec: t.Type<HistoryEntry, unknown, unknown> = elementCodec(
  'HistoryEntry',
  decodeHistoryAt,
  encodeHistory,
)

/**
 * io-ts codec of a (member, slot) pair, as used by `pinned` and `previous`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const SlotMemberCodec: t.Type<SlotMember, unknown, unknown> = elementCodec(
  'SlotMember',
  decodeSlotMemberAt,
  encodeSlotMember,
)

/**
 * io-ts codec of the policy; absent fields and weights take their defaults.
 *
 * @category codecs
 * @since 0.1.0
 */
export const PolicyCodec: t.Type<Policy, unknown, unknown> = elementCodec(
  'Policy',
  (c, base, u) => (u === undefined ? wrongType(c, base, undefined, 'a policy object', u) : decodePolicyAt(c, base, u)),
  encodePolicy,
)
