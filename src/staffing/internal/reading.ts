/**
 * Reading untrusted input, field by field: the context that collects issues with their JSON
 * paths, the primitive readers (strings, numbers in a range, dates, periods, arrays, sets), the
 * keys each fixed-shape object may hold, the defaults, and the id registries that references
 * are checked against. Only own properties are read and records are built prototype-free, so
 * hostile keys, deep junk and huge strings are harmless.
 *
 * @internal
 * @since 0.1.0
 */
import { termNames } from '../Plan.js'
import { compareIds } from '../../kernel/Order.js'
import * as O from 'fp-ts/lib/Option.js'
import { parse as parseDate } from '../../kernel/IsoDate.js'
import type { IsoDate, Period } from '../../kernel/IsoDate.js'
import { field, issue } from '../../kernel/Issue.js'
import type { Issue } from '../../kernel/Issue.js'
import type {
  Policy,
  Weights,
} from '../Problem.js'


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
export { compareIds }

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

/** The seven weights, in the format's order (the plan's order of the terms). @internal */
export const WEIGHT_NAMES: ReadonlyArray<keyof Weights> = termNames

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
