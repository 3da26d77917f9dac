/**
 * The machinery behind `Problem.decodeProblem` and `Problem.encodeProblem`: a single linear
 * walk over the untrusted input that checks shape and ranges field by field, registers ids,
 * checks references and collects every issue with its JSON path; then the pin check.
 *
 * Only own properties are read (`Object.prototype.hasOwnProperty`), records are built
 * prototype-free, and the walk never recurses into values it does not expect, so hostile
 * keys, deep junk and huge strings are harmless. Every fixed-shape object is checked for keys
 * the problem format does not define (an `unknown` issue each, see {@link unknownKeys}); the open-keyed records
 * (a member's `qualities` and `preferences`) are not.
 *
 * @internal
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import * as t from 'io-ts'
import { parse as parseDate } from '../../kernel/IsoDate.js'
import type { IsoDate, Period } from '../../kernel/IsoDate.js'
import { field, issue } from '../../kernel/Issue.js'
import type { Issue } from '../../kernel/Issue.js'
import type {
  HistoryEntry,
  Member,
  MemberId,
  Policy,
  Problem,
  QualityLevel,
  Request,
  RequestId,
  Role,
  RoleId,
  RoleQuality,
  Slot,
  SlotId,
  SlotMember,
  ValidProblem,
  Weights,
} from './types.js'

/** The default weights. @internal */
export const defaultWeights: Weights = Object.freeze({
  fit: 10,
  preference: 2,
  learning: 3,
  continuity: 5,
  diversity: 2,
  rotation: 3,
  balance: 5,
})

/** The default policy. @internal */
export const defaultPolicy: Policy = Object.freeze({
  weights: defaultWeights,
  comfort: 0.85,
  maxSlotsPerMemberPerRequest: 1,
  rotationSince: null,
})

/** Code-unit order of strings. @internal */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export const hasOwn = Object.prototype.hasOwnProperty

export type Obj = { readonly [k: string]: unknown }

export const isObj = (u: unknown): u is Obj =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

/** Reads an own property only: inherited names (`constructor`, `toString`) read as absent. */
export const get = (o: Obj, k: string): unknown => (hasOwn.call(o, k) ? o[k] : undefined)

export const kind = (u: unknown): string =>
  u === null
    ? 'null'
    : Array.isArray(u)
    ? 'an array'
    : typeof u === 'object'
    ? 'an object'
    : `a ${typeof u}`

/** Quotes a string for a message, cut short so a 10 MB string never ends up in a message. */
export const quote = (s: string): string =>
  s.length > 64 ? `${JSON.stringify(s.slice(0, 64))}… (${s.length} chars)` : JSON.stringify(s)

export const at = (base: string, key: string | number | undefined): string =>
  key === undefined ? base : field(base, key)

/** What the decoder knows so far: the issues and the ids seen (absent when decoding one element). */
export interface Ctx {
  readonly issues: Array<Issue>
  roles: Map<string, string> | undefined
  members: Map<string, string> | undefined
  requests: Map<string, string> | undefined
  slots: Map<string, string> | undefined
  /** Set when an element's id could not be read: references into its registry go unchecked. */
  incomplete: boolean
}

export const newCtx = (registries: boolean): Ctx => ({
  issues: [],
  roles: registries ? new Map() : undefined,
  members: registries ? new Map() : undefined,
  requests: registries ? new Map() : undefined,
  slots: registries ? new Map() : undefined,
  incomplete: false,
})

export const report = (c: Ctx, path: string, code: Issue['code'], message: string): undefined => {
  c.issues.push(issue(path, code, message))
  return undefined
}

export const wrongType = (
  c: Ctx,
  base: string,
  key: string | number | undefined,
  expected: string,
  u: unknown,
) =>
  report(
    c,
    at(base, key),
    'type',
    u === undefined ? `missing: expected ${expected}` : `expected ${expected}, got ${kind(u)}`,
  )

export const str = (
  c: Ctx,
  base: string,
  key: string | number | undefined,
  u: unknown,
  nonEmpty: boolean,
): string | undefined => {
  if (typeof u !== 'string')
    return wrongType(c, base, key, nonEmpty ? 'a non-empty string' : 'a string', u)
  if (nonEmpty && u.length === 0)
    return report(c, at(base, key), 'range', 'must be a non-empty string')
  return u
}

export interface NumSpec {
  readonly int: boolean
  readonly min: number
  readonly minOpen: boolean
  readonly max: number
  readonly text: string
}

export const LEVEL: NumSpec = { int: true, min: 0, minOpen: false, max: 5, text: 'an integer 0..5' }
export const PRIORITY: NumSpec = {
  int: true,
  min: 1,
  minOpen: false,
  max: 5,
  text: 'an integer 1..5',
}
export const PREFERENCE: NumSpec = {
  int: true,
  min: -2,
  minOpen: false,
  max: 2,
  text: 'an integer -2..2',
}
export const POSITIVE: NumSpec = {
  int: false,
  min: 0,
  minOpen: true,
  max: Infinity,
  text: 'a finite number > 0',
}
export const NON_NEGATIVE: NumSpec = {
  int: false,
  min: 0,
  minOpen: false,
  max: Infinity,
  text: 'a finite number >= 0',
}
export const COMFORT: NumSpec = {
  int: false,
  min: 0,
  minOpen: true,
  max: 1,
  text: 'a number in (0, 1]',
}
export const AT_LEAST_ONE: NumSpec = {
  int: true,
  min: 1,
  minOpen: false,
  max: Infinity,
  text: 'an integer >= 1',
}

/** The seven weights, in the format's order. @internal */
export const WEIGHT_NAMES: ReadonlyArray<keyof Weights> = [
  'fit',
  'preference',
  'learning',
  'continuity',
  'diversity',
  'rotation',
  'balance',
]

/** The keys the format defines for one kind of object: a set to look them up, a list for messages. */
export interface KnownKeys {
  readonly names: ReadonlySet<string>
  readonly list: string
}

const knownKeys = (...names: Array<string>): KnownKeys => ({
  names: new Set(names),
  list: names.join(', '),
})

/** The keys of every fixed-shape object of the format, in its order. @internal */
export const KEYS = {
  root: knownKeys(
    'roles',
    'members',
    'requests',
    'history',
    'pinned',
    'previous',
    'apart',
    'policy',
  ),
  role: knownKeys('id', 'name', 'qualities'),
  roleQuality: knownKeys('quality', 'min', 'weight'),
  member: knownKeys(
    'id',
    'name',
    'disciplines',
    'qualities',
    'capacity',
    'committed',
    'units',
    'available',
    'preferences',
    'goals',
  ),
  period: knownKeys('from', 'to'),
  request: knownKeys('id', 'title', 'priority', 'unit', 'period', 'excluded', 'slots'),
  slot: knownKeys('id', 'role', 'hours', 'discipline'),
  history: knownKeys('request', 'members', 'ended'),
  slotMember: knownKeys('member', 'slot'),
  policy: knownKeys('weights', 'comfort', 'maxSlotsPerMemberPerRequest', 'rotationSince'),
  weights: knownKeys(...WEIGHT_NAMES),
} as const

/**
 * Reports each own key of `u` that `known` does not list as an `unknown` issue at the key's
 * path (keys in code-unit order), so a typo such as `policy.weights.fitt` never falls back to a
 * default silently. Own enumerable string keys only (`Object.keys`): `__proto__` or
 * `constructor` given as JSON keys are reported like any other name, and nothing inherited is
 * read. The path is built only when there is something to report.
 */
export const unknownKeys = (
  c: Ctx,
  base: string,
  key: string | number | undefined,
  u: Obj,
  known: KnownKeys,
): void => {
  let extra: Array<string> | undefined
  for (const k of Object.keys(u)) if (!known.names.has(k)) (extra ??= []).push(k)
  if (extra === undefined) return
  const path = at(base, key)
  for (const k of extra.sort(compareIds)) {
    report(c, field(path, k), 'unknown', `unknown key ${quote(k)}; expected one of ${known.list}`)
  }
}

/** Whether a number is finite and within its spec. */
export const fits = (u: number, spec: NumSpec): boolean =>
  Number.isFinite(u) &&
  (!spec.int || Number.isInteger(u)) &&
  u >= spec.min &&
  !(spec.minOpen && u === spec.min) &&
  u <= spec.max

/** A number within its spec; `-0` is read as `0`. */
export const num = (
  c: Ctx,
  base: string,
  key: string | number | undefined,
  u: unknown,
  spec: NumSpec,
): number | undefined => {
  if (typeof u !== 'number') return wrongType(c, base, key, spec.text, u)
  if (!fits(u, spec)) {
    return report(
      c,
      at(base, key),
      'range',
      `must be ${spec.text}, got ${Object.is(u, -0) ? '-0' : String(u)}`,
    )
  }
  return u === 0 ? 0 : u
}

export const optNum = (
  c: Ctx,
  base: string,
  key: string,
  u: unknown,
  spec: NumSpec,
  fallback: number,
): number | undefined => (u === undefined ? fallback : num(c, base, key, u, spec))

export const date = (
  c: Ctx,
  base: string,
  key: string | number | undefined,
  u: unknown,
): IsoDate | undefined => {
  if (typeof u !== 'string') return wrongType(c, base, key, 'a date YYYY-MM-DD', u)
  const d = parseDate(u)
  return O.isSome(d)
    ? d.value
    : report(c, at(base, key), 'date', `not a real date YYYY-MM-DD: ${quote(u)}`)
}

/** A valid period, or `undefined` (reports nothing: the fast path, which builds no paths). */
export const validPeriod = (u: unknown): Period | undefined => {
  if (!isObj(u)) return undefined
  const f = get(u, 'from')
  const g = get(u, 'to')
  return typeof f === 'string' &&
    typeof g === 'string' &&
    f <= g &&
    O.isSome(parseDate(f)) &&
    O.isSome(parseDate(g))
    ? { from: f as IsoDate, to: g as IsoDate }
    : undefined
}

export const period = (
  c: Ctx,
  base: string,
  key: string | number | undefined,
  u: unknown,
): Period | undefined => {
  if (!isObj(u)) return wrongType(c, base, key, 'a period { from, to }', u)
  unknownKeys(c, base, key, u, KEYS.period)
  const fast = validPeriod(u)
  if (fast !== undefined) return fast
  const f = get(u, 'from')
  const g = get(u, 'to')
  const path = at(base, key)
  const from = date(c, path, 'from', f)
  const to = date(c, path, 'to', g)
  if (from === undefined || to === undefined) return undefined
  if (from > to) return report(c, path, 'period', `from ${from} is after to ${to}`)
  return { from, to }
}

export const array = (
  c: Ctx,
  base: string,
  key: string | number | undefined,
  u: unknown,
  expected = 'an array',
): ReadonlyArray<unknown> | undefined =>
  Array.isArray(u) ? u : wrongType(c, base, key, expected, u)

/** Sorts and removes adjacent duplicates (by code units). */
export const sortedSet = (xs: Array<string>): Array<string> => {
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
export const strings = (
  c: Ctx,
  base: string,
  key: string,
  u: unknown,
  ref?: { readonly ids: Map<string, string> | undefined; readonly what: string },
): Array<string> => {
  const out: Array<string> = []
  const xs = array(c, base, key, u, 'an array of strings')
  if (xs === undefined) return out
  for (let i = 0; i < xs.length; i++) {
    const s = xs[i]
    if (typeof s !== 'string' || s.length === 0) {
      str(c, at(base, key), i, s, true)
      continue
    }
    if (ref !== undefined && ref.ids !== undefined && !ref.ids.has(s)) {
      report(c, field(at(base, key), i), 'reference', `unknown ${ref.what} ${quote(s)}`)
    }
    out.push(s)
  }
  return out
}

/** An object of numbers as a prototype-free record with keys inserted in code-unit order. */
export const numbers = (
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
  const keys = Object.keys(u).sort(compareIds)
  for (const k of keys) {
    if (k === '') {
      report(c, field(at(base, key), k), 'range', 'a name must be a non-empty string')
      continue
    }
    if (ref !== undefined && ref.ids !== undefined && !ref.ids.has(k)) {
      report(c, field(at(base, key), k), 'reference', `unknown ${ref.what} ${quote(k)}`)
    }
    const x = u[k]
    if (typeof x === 'number' && fits(x, spec)) out[k] = x === 0 ? 0 : x
    else num(c, at(base, key), k, x, spec)
  }
  return out
}

/** Registers an id; reports a duplicate. Returns whether the id was new. */
export const register = (
  c: Ctx,
  ids: Map<string, string> | undefined,
  id: string,
  path: string,
  what: string,
) => {
  if (ids === undefined || id === '') return
  const first = ids.get(id)
  if (first === undefined) ids.set(id, path)
  else
    report(
      c,
      field(path, 'id'),
      'duplicate',
      `duplicate ${what} id ${quote(id)} (first at ${first})`,
    )
}

export const refCheck = (
  c: Ctx,
  ids: Map<string, string> | undefined,
  id: string | undefined,
  path: string,
  what: string,
) => {
  if (ids !== undefined && id !== undefined && !ids.has(id))
    report(c, path, 'reference', `unknown ${what} ${quote(id)}`)
}

export const decodeRoleAt = (c: Ctx, base: string, u: unknown): Role | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a role object', u)
  unknownKeys(c, base, undefined, u, KEYS.role)
  const id = str(c, base, 'id', get(u, 'id'), true) ?? ''
  const nameU = get(u, 'name')
  const name = nameU === undefined ? id : str(c, base, 'name', nameU, false) ?? ''
  const qualities: Array<RoleQuality> = []
  const qsU = get(u, 'qualities')
  const qs = qsU === undefined ? [] : array(c, base, 'qualities', qsU) ?? []
  const qsPath = field(base, 'qualities')
  const seen = new Map<string, { readonly path: string; readonly entry: RoleQuality }>()
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k]
    const qb = field(qsPath, k)
    if (!isObj(q)) {
      wrongType(c, qsPath, k, 'a role quality { quality, min, weight }', q)
      continue
    }
    unknownKeys(c, qb, undefined, q, KEYS.roleQuality)
    const quality = str(c, qb, 'quality', get(q, 'quality'), true)
    const min = optNum(c, qb, 'min', get(q, 'min'), LEVEL, 0)
    const weight = optNum(c, qb, 'weight', get(q, 'weight'), POSITIVE, 1)
    if (quality === undefined || min === undefined || weight === undefined) continue
    const entry: RoleQuality = { quality, min: min as QualityLevel, weight }
    const first = seen.get(quality)
    if (first === undefined) {
      seen.set(quality, { path: qb, entry })
      qualities.push(entry)
    } else if (first.entry.min !== min || first.entry.weight !== weight) {
      // an identical repeat is ignored (a set); a different one contradicts the first
      report(c, qb, 'conflict', `quality ${quote(quality)} is already required at ${first.path}`)
    }
  }
  qualities.sort((a, b) => compareIds(a.quality, b.quality))
  return { id: id as RoleId, name, qualities }
}

export const decodeMemberAt = (c: Ctx, base: string, u: unknown): Member | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a member object', u)
  unknownKeys(c, base, undefined, u, KEYS.member)
  const id = str(c, base, 'id', get(u, 'id'), true) ?? ''
  const nameU = get(u, 'name')
  const name = nameU === undefined ? id : str(c, base, 'name', nameU, false) ?? ''
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
  const qualities = numbers(c, base, 'qualities', get(u, 'qualities'), LEVEL) as Record<
    string,
    QualityLevel
  >
  const capacity = num(c, base, 'capacity', get(u, 'capacity'), POSITIVE)
  const committed = optNum(c, base, 'committed', get(u, 'committed'), NON_NEGATIVE, 0)
  if (capacity !== undefined && committed !== undefined && committed > capacity) {
    report(
      c,
      field(base, 'committed'),
      'range',
      `must be <= capacity ${capacity}, got ${committed}`,
    )
  }
  const unitsU = get(u, 'units')
  const units =
    unitsU === undefined || unitsU === null ? null : sortedSet(strings(c, base, 'units', unitsU))
  const availU = get(u, 'available')
  let available: Array<Period> | null = null
  if (availU !== undefined && availU !== null) {
    available = []
    const ws = array(c, base, 'available', availU, 'an array of periods') ?? []
    const wsPath = field(base, 'available')
    for (let k = 0; k < ws.length; k++) {
      const p = period(c, wsPath, k, ws[k])
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

export const decodeSlotAt = (c: Ctx, base: string, u: unknown): Slot | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a slot object', u)
  unknownKeys(c, base, undefined, u, KEYS.slot)
  const id = str(c, base, 'id', get(u, 'id'), true) ?? ''
  if (id === '') c.incomplete = true
  register(c, c.slots, id, base, 'slot')
  const role = str(c, base, 'role', get(u, 'role'), true)
  refCheck(c, c.roles, role, field(base, 'role'), 'role')
  const hours = num(c, base, 'hours', get(u, 'hours'), POSITIVE)
  const discU = get(u, 'discipline')
  const discipline =
    discU === undefined || discU === null ? null : str(c, base, 'discipline', discU, true) ?? null
  return { id: id as SlotId, role: (role ?? '') as RoleId, hours: hours ?? 0, discipline }
}

export const decodeRequestAt = (c: Ctx, base: string, u: unknown): Request | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a request object', u)
  unknownKeys(c, base, undefined, u, KEYS.request)
  const id = str(c, base, 'id', get(u, 'id'), true) ?? ''
  const titleU = get(u, 'title')
  const title = titleU === undefined ? id : str(c, base, 'title', titleU, false) ?? ''
  const priority = optNum(c, base, 'priority', get(u, 'priority'), PRIORITY, 1)
  const unitU = get(u, 'unit')
  const unit =
    unitU === undefined || unitU === null ? null : str(c, base, 'unit', unitU, true) ?? null
  const p = period(c, base, 'period', get(u, 'period'))
  const excludedU = get(u, 'excluded')
  const excluded =
    excludedU === undefined
      ? []
      : sortedSet(strings(c, base, 'excluded', excludedU, { ids: c.members, what: 'member' }))
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

export const decodeHistoryAt = (c: Ctx, base: string, u: unknown): HistoryEntry | undefined => {
  if (!isObj(u))
    return wrongType(c, base, undefined, 'a history entry { request, members, ended }', u)
  unknownKeys(c, base, undefined, u, KEYS.history)
  const request = str(c, base, 'request', get(u, 'request'), true) ?? ''
  const members = sortedSet(strings(c, base, 'members', get(u, 'members')))
  const ended = date(c, base, 'ended', get(u, 'ended')) ?? ('' as IsoDate)
  return { request, members, ended }
}

export const decodeSlotMemberAt = (c: Ctx, base: string, u: unknown): SlotMember | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a pair { member, slot }', u)
  unknownKeys(c, base, undefined, u, KEYS.slotMember)
  const member = str(c, base, 'member', get(u, 'member'), true)
  refCheck(c, c.members, member, field(base, 'member'), 'member')
  const slot = str(c, base, 'slot', get(u, 'slot'), true)
  refCheck(c, c.slots, slot, field(base, 'slot'), 'slot')
  if (member === undefined || slot === undefined) return undefined
  return { member: member as MemberId, slot: slot as SlotId }
}

export const decodeApartAt = (
  c: Ctx,
  base: string,
  u: unknown,
): readonly [MemberId, MemberId] | undefined => {
  if (!Array.isArray(u) || u.length !== 2) {
    return wrongType(c, base, undefined, 'a pair [member, member]', u)
  }
  const a = str(c, base, 0, u[0], true)
  refCheck(c, c.members, a, field(base, 0), 'member')
  const b = str(c, base, 1, u[1], true)
  refCheck(c, c.members, b, field(base, 1), 'member')
  if (a === undefined || b === undefined) return undefined
  if (a === b)
    return report(c, base, 'conflict', `a member cannot be apart from itself (${quote(a)})`)
  return (a < b ? [a, b] : [b, a]) as [MemberId, MemberId]
}

export const decodeWeightsAt = (c: Ctx, base: string, u: unknown): Weights | undefined => {
  if (u === undefined) return defaultWeights
  if (!isObj(u)) return wrongType(c, base, undefined, 'an object of weights', u)
  unknownKeys(c, base, undefined, u, KEYS.weights)
  const out: Record<string, number> = {}
  for (const k of WEIGHT_NAMES)
    out[k] = optNum(c, base, k, get(u, k), NON_NEGATIVE, defaultWeights[k]) ?? 0
  return out as unknown as Weights
}

export const decodePolicyAt = (c: Ctx, base: string, u: unknown): Policy | undefined => {
  if (u === undefined) return defaultPolicy
  if (!isObj(u)) return wrongType(c, base, undefined, 'a policy object', u)
  unknownKeys(c, base, undefined, u, KEYS.policy)
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
  const rotationSince =
    sinceU === undefined || sinceU === null ? null : date(c, base, 'rotationSince', sinceU) ?? null
  return {
    weights,
    comfort: comfort ?? defaultPolicy.comfort,
    maxSlotsPerMemberPerRequest: max ?? 1,
    rotationSince,
  }
}

export const compareHistory = (a: HistoryEntry, b: HistoryEntry): number => {
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
export const section = <A>(
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
export const slotMembers = (
  c: Ctx,
  root: Obj,
  key: 'pinned' | 'previous',
  paths: Map<string, string>,
): Array<SlotMember> => {
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

/**
 * The pin check the decoder is given: the issues of the pins for which `include` holds,
 * checked together against every hard constraint (by the solver's rulebook).
 */
export type PinCheck = (
  problem: Problem,
  include: (member: Member, request: Request, slot: Slot) => boolean,
) => ReadonlyArray<{ readonly slot: string; readonly message: string }>

export const decodeProblemUnsafe = (u: unknown, checkPins: PinCheck): E.Either<NonEmptyArray<Issue>, ValidProblem> => {
  if (!isObj(u)) return E.left([issue('', 'type', `expected a problem object, got ${kind(u)}`)])
  const c = newCtx(true)
  unknownKeys(c, '', undefined, u, KEYS.root)
  // A section whose ids could not all be read leaves its references unchecked: an unknown
  // name there may well be the id that failed, and a second issue would only confuse.
  // Ids of elements with an issue of their own (duplicates included): pins that involve one
  // are not checked against the hard constraints, every other pin is.
  const dirty = {
    roles: new Set<string>(),
    members: new Set<string>(),
    requests: new Set<string>(),
    slots: new Set<string>(),
  }
  const roles = section(c, u, 'roles', true, (c, base, x) => {
    const before = c.issues.length
    const r = decodeRoleAt(c, base, x)
    if (r === undefined || r.id === '') c.incomplete = true
    else register(c, c.roles, r.id, base, 'role')
    if (r !== undefined && c.issues.length > before) dirty.roles.add(r.id)
    return r
  })
  if (c.incomplete) c.roles = undefined
  c.incomplete = false
  const members = section(c, u, 'members', true, (c, base, x) => {
    const before = c.issues.length
    const m = decodeMemberAt(c, base, x)
    if (m === undefined || m.id === '') c.incomplete = true
    else register(c, c.members, m.id, base, 'member')
    if (m !== undefined && c.issues.length > before) dirty.members.add(m.id)
    return m
  })
  if (c.incomplete) c.members = undefined
  c.incomplete = false
  const requests = section(c, u, 'requests', true, (c, base, x) => {
    const before = c.issues.length
    const r = decodeRequestAt(c, base, x)
    if (r === undefined) c.incomplete = true
    else register(c, c.requests, r.id, base, 'request')
    if (r !== undefined && c.issues.length > before) {
      dirty.requests.add(r.id)
      // a duplicated slot id makes the other request that holds it ambiguous too
      for (const s of r.slots) dirty.slots.add(s.id)
    }
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
  const apart = [...apartByKey.values()].sort(
    (x, y) => compareIds(x[0], y[0]) || compareIds(x[1], y[1]),
  )
  const beforePolicy = c.issues.length
  const policy = decodePolicyAt(c, 'policy', get(u, 'policy')) ?? defaultPolicy
  const policyClean = c.issues.length === beforePolicy
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
  // The pins alone against the hard constraints, for every pin whose member, request, slot
  // and role are sound (all of them when the rest is clean; none if the policy is broken).
  if (policyClean) {
    const found = checkPins(
      problem,
      (member, request, slot) =>
        !(
          dirty.members.has(member.id) ||
          dirty.requests.has(request.id) ||
          dirty.slots.has(slot.id) ||
          dirty.roles.has(slot.role) ||
          c.roles === undefined ||
          !c.roles.has(slot.role)
        ),
    )
    // in the order of the pins in the input, each pin's issues in the order found
    const order = (slot: string): number => {
      const path = pinPath.get(slot) ?? ''
      return Number(path.slice(path.indexOf('[') + 1, -1))
    }
    const sorted = found.map((f, i) => ({ f, i })).sort((x, y) => order(x.f.slot) - order(y.f.slot) || x.i - y.i)
    for (const { f } of sorted) c.issues.push(issue(pinPath.get(f.slot) ?? 'pinned', 'pin', f.message))
  }
  if (c.issues.length > 0) return E.left(c.issues as NonEmptyArray<Issue>)
  return E.right(problem as ValidProblem)
}

export const putRecord = (r: Readonly<Record<string, number>>): Record<string, number> => {
  const out = Object.create(null) as Record<string, number>
  for (const k of Object.keys(r).sort(compareIds)) out[k] = r[k] as number
  return out
}

export const encodeRole = (r: Role): unknown => ({
  id: r.id,
  name: r.name,
  qualities: r.qualities.map((q) => ({ quality: q.quality, min: q.min, weight: q.weight })),
})

export const encodePeriod = (p: Period): unknown => ({ from: p.from, to: p.to })

export const encodeMember = (m: Member): unknown => {
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

export const encodeSlot = (s: Slot): unknown =>
  s.discipline === null
    ? { id: s.id, role: s.role, hours: s.hours }
    : { id: s.id, role: s.role, hours: s.hours, discipline: s.discipline }

export const encodeRequest = (r: Request): unknown => {
  const out: Record<string, unknown> = { id: r.id, title: r.title, priority: r.priority }
  if (r.unit !== null) out['unit'] = r.unit
  out['period'] = encodePeriod(r.period)
  out['excluded'] = [...r.excluded]
  out['slots'] = r.slots.map(encodeSlot)
  return out
}

export const encodeHistory = (h: HistoryEntry): unknown => ({
  request: h.request,
  members: [...h.members],
  ended: h.ended,
})

export const encodeSlotMember = (p: SlotMember): unknown => ({ member: p.member, slot: p.slot })

export const encodeWeights = (w: Weights): unknown => ({
  fit: w.fit,
  preference: w.preference,
  learning: w.learning,
  continuity: w.continuity,
  diversity: w.diversity,
  rotation: w.rotation,
  balance: w.balance,
})

export const encodePolicy = (p: Policy): unknown => {
  const out: Record<string, unknown> = {
    weights: encodeWeights(p.weights),
    comfort: p.comfort,
    maxSlotsPerMemberPerRequest: p.maxSlotsPerMemberPerRequest,
  }
  if (p.rotationSince !== null) out['rotationSince'] = p.rotationSince
  return out
}

export const toErrors = (u: unknown, ctx: t.Context, issues: ReadonlyArray<Issue>): t.Errors =>
  issues.map((i) => ({
    value: u,
    context: ctx,
    message: `${i.path === '' ? '(root)' : i.path}: ${i.message} (${i.code})`,
  }))

export const elementCodec = <A>(
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
