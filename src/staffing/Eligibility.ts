/**
 * Eligibility of a member for a slot (the first
 * [hard constraint](../../docs/scoring.md#hard-constraints)) and the first rule that keeps a member
 * out of a slot, in the order the reasons of an unfilled slot use
 * ([the plan](../../docs/scoring.md#the-plan-json)): `unit`, `quality`, `discipline`, `excluded`,
 * `availability`, `capacity`.
 *
 * This is the one implementation of these rules: the compiler, the solver's reasons for
 * unfilled slots and the pin check of `decodeProblem` all use it. Hours are compared with the
 * library's one tolerance of 1e-9 h, so 36 − 20.1 h free hold a 15.9 h slot.
 *
 * @since 0.1.0
 * @module
 */
import * as O from 'fp-ts/lib/Option.js'
import type { Period } from '../kernel/IsoDate.js'
import { fitsHours, formatHours } from '../kernel/internal/tolerance.js'
import type { ReasonCode } from './Plan.js'
import type {
  Member,
  MemberId,
  Problem,
  QualityLevel,
  Request,
  RequestId,
  Role,
  RoleId,
  Slot,
  SlotId,
} from './Problem.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The first rule a member fails for a slot, with the binding requirement in words
 * (e.g. `{ constraint: 'quality', detail: 'leadership < 3' }`).
 *
 * @category model
 * @since 0.1.0
 */
export interface Failure {
  /** The rule, one of `unit`, `quality`, `discipline`, `excluded`, `availability`, `capacity`. */
  readonly constraint: ReasonCode
  /** The binding requirement in words. */
  readonly detail: string
}

/**
 * One quality requirement of a role that a member does not meet.
 *
 * @category model
 * @since 0.1.0
 */
export interface Shortfall {
  /** The quality name. */
  readonly quality: string
  /** The role's minimum level. */
  readonly min: QualityLevel
  /** The member's level (0 when missing). */
  readonly level: QualityLevel
  /** The requirement in words, e.g. `leadership < 3`. */
  readonly detail: string
}

/**
 * A slot together with the request it belongs to.
 *
 * @category model
 * @since 0.1.0
 */
export interface SlotEntry {
  /** The request that owns the slot. */
  readonly request: Request
  /** The slot. */
  readonly slot: Slot
}

/**
 * Lookup maps of a problem, built once per problem object (and cached).
 *
 * @category model
 * @since 0.1.0
 */
export interface ProblemIndex {
  /** Roles by id. */
  readonly roleById: ReadonlyMap<RoleId, Role>
  /** Members by id. */
  readonly memberById: ReadonlyMap<MemberId, Member>
  /** Requests by id. */
  readonly requestById: ReadonlyMap<RequestId, Request>
  /** Slots by id, with their request. */
  readonly slotById: ReadonlyMap<SlotId, SlotEntry>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const cache = new WeakMap<Problem, ProblemIndex>()

/**
 * The {@link ProblemIndex} of a problem: maps from role, member, request and slot ids.
 * Built in linear time on first use and cached per problem object, so calling it in a loop
 * is cheap. With duplicate ids (impossible in a decoded problem) the last one wins.
 *
 * @category constructors
 * @since 0.1.0
 */
export const index = (problem: Problem): ProblemIndex => {
  const cached = cache.get(problem)
  if (cached !== undefined) return cached
  const roleById = new Map<RoleId, Role>()
  for (const role of problem.roles) roleById.set(role.id, role)
  const memberById = new Map<MemberId, Member>()
  for (const member of problem.members) memberById.set(member.id, member)
  const requestById = new Map<RequestId, Request>()
  const slotById = new Map<SlotId, SlotEntry>()
  for (const request of problem.requests) {
    requestById.set(request.id, request)
    for (const slot of request.slots) slotById.set(slot.id, { request, slot })
  }
  const built: ProblemIndex = { roleById, memberById, requestById, slotById }
  cache.set(problem, built)
  return built
}

// -------------------------------------------------------------------------------------
// queries
// -------------------------------------------------------------------------------------

const hasOwn = Object.prototype.hasOwnProperty

/**
 * A member's level of a quality: 0 when the member does not list it. Safe for any quality
 * name, `__proto__` and `constructor` included.
 *
 * @category queries
 * @since 0.1.0
 */
export const level = (member: Member, quality: string): QualityLevel =>
  hasOwn.call(member.qualities, quality) ? member.qualities[quality] ?? 0 : 0

/**
 * A member's preference for a role: an integer −2..2, 0 when not given.
 *
 * @category queries
 * @since 0.1.0
 */
export const preference = (member: Member, role: string): number =>
  hasOwn.call(member.preferences, role) ? member.preferences[role] ?? 0 : 0

/**
 * Every quality requirement of `role` that `member` does not meet, in quality-name order.
 *
 * @category queries
 * @since 0.1.0
 */
export const qualityShortfalls = (role: Role, member: Member): ReadonlyArray<Shortfall> => {
  const out: Array<Shortfall> = []
  for (const q of role.qualities) {
    const l = level(member, q.quality)
    if (l < q.min)
      out.push({ quality: q.quality, min: q.min, level: l, detail: `${q.quality} < ${q.min}` })
  }
  return out
}

const firstShortfall = (role: Role, member: Member): string | undefined => {
  for (const q of role.qualities) {
    if (level(member, q.quality) < q.min) return `${q.quality} < ${q.min}`
  }
  return undefined
}

const covered = (windows: ReadonlyArray<Period>, period: Period): boolean => {
  for (const w of windows) if (w.from <= period.from && period.to <= w.to) return true
  return false
}

/** Binary search in a code-unit-sorted array (as every decoded problem holds). */
const sortedHas = (xs: ReadonlyArray<string>, x: string): boolean => {
  let lo = 0
  let hi = xs.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const v = xs[mid] as string
    if (v === x) return true
    if (v < x) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

const failure = (constraint: ReasonCode, detail: string): O.Option<Failure> =>
  O.some({ constraint, detail })

// The six rules, each written once; `ineligibility`, `check` and `eligibleFor` all ask them.

/** The unit rule: the request has no unit, the member serves every unit, or lists the request's. */
const servesUnit = (member: Member, request: Request): boolean =>
  request.unit === null || member.units === null || sortedHas(member.units, request.unit)

/** The discipline rule: the slot needs none, or the member has it. */
const hasDiscipline = (member: Member, slot: Slot): boolean =>
  slot.discipline === null || member.disciplines.includes(slot.discipline)

/** The excluded rule: the request does not exclude the member. */
const notExcluded = (member: Member, request: Request): boolean => !sortedHas(request.excluded, member.id)

/** The availability rule: the member is always available, or one window covers the request's period. */
const isAvailable = (member: Member, request: Request): boolean =>
  member.available === null || covered(member.available, request.period)

/** The capacity rule: the member's free hours hold the slot on its own (within the hours tolerance). */
const hasRoom = (member: Member, slot: Slot): boolean => fitsHours(slot.hours, member.capacity - member.committed)

/**
 * The first eligibility rule the member fails for the slot, in the order
 * `unit`, `quality`, `discipline`, `excluded`, `availability`; `none` when eligible.
 * Capacity is not part of eligibility; see {@link check}.
 *
 * @category queries
 * @since 0.1.0
 */
export const ineligibility = (
  problem: Problem,
  member: Member,
  request: Request,
  slot: Slot,
): O.Option<Failure> => {
  if (!servesUnit(member, request)) return failure('unit', `unit ${request.unit} not served`)
  const role = index(problem).roleById.get(slot.role)
  if (role !== undefined) {
    const short = firstShortfall(role, member)
    if (short !== undefined) return failure('quality', short)
  }
  if (!hasDiscipline(member, slot)) return failure('discipline', `discipline ${slot.discipline} missing`)
  if (!notExcluded(member, request)) return failure('excluded', 'excluded from the request')
  if (!isAvailable(member, request)) return failure('availability', `not available ${request.period.from}..${request.period.to}`)
  return O.none
}

/**
 * The first rule in the order of an unfilled slot's reasons — `unit`, `quality`, `discipline`, `excluded`, `availability`,
 * `capacity` — that keeps `member` out of `slot` of `request`, with its detail in words
 * (`unit utrecht not served`, `leadership < 3`, `discipline law missing`,
 * `excluded from the request`, `not available 2027-02-01..2027-06-30`, `8 h free < 16 h`);
 * `none` when the member is eligible and has room for the slot on its own
 * (`capacity − committed ≥ slot.hours`, hours compared with the library's one hours
 * tolerance, so 36 − 20.1 h free hold a 15.9 h slot). When several qualities fall short, the first in
 * quality-name order is reported ({@link qualityShortfalls} lists them all).
 *
 * @category queries
 * @since 0.1.0
 */
export const check = (
  problem: Problem,
  member: Member,
  request: Request,
  slot: Slot,
): O.Option<Failure> => {
  const first = ineligibility(problem, member, request, slot)
  if (O.isSome(first)) return first
  if (!hasRoom(member, slot)) {
    const free = member.capacity - member.committed
    return failure('capacity', `${formatHours(free)} h free < ${formatHours(slot.hours)} h`)
  }
  return O.none
}

/**
 * Who may fill `slot` of `request`, as a test of one member: true exactly when
 * {@link check} gives `none` (every rule, capacity included). The slot's role is looked up once
 * and no reason is put into words, so testing a whole pool is cheap.
 *
 * @category queries
 * @since 0.1.0
 */
export const eligibleFor = (problem: Problem, request: Request, slot: Slot): ((member: Member) => boolean) => {
  const role = index(problem).roleById.get(slot.role)
  return (member) =>
    servesUnit(member, request) &&
    hasRoom(member, slot) &&
    (role === undefined || firstShortfall(role, member) === undefined) &&
    hasDiscipline(member, slot) &&
    notExcluded(member, request) &&
    isAvailable(member, request)
}

/**
 * Whether `member` is eligible for `slot` of `request`: eligibility only (unit, quality,
 * discipline, excluded, availability; capacity is not considered).
 *
 * @category queries
 * @since 0.1.0
 */
export const isEligible = (
  problem: Problem,
  member: Member,
  request: Request,
  slot: Slot,
): boolean => O.isNone(ineligibility(problem, member, request, slot))
