/**
 * The staffing problem: roles, pool members, requests with role slots, history, pins, the
 * previous plan, `apart` pairs and the policy — and {@link decodeProblem}, the only way
 * in for untrusted JSON. The format is in the
 * [scoring reference](../docs/scoring.md#the-staffing-problem-json).
 *
 * A decoded {@link ValidProblem} is normalised: every default is filled in, every array
 * is sorted by id (so input order never matters), sets are de-duplicated, and open-keyed records
 * (qualities, preferences) are prototype-free objects. Every other object is closed: a key the
 * format does not define (a typo such as `policy.weights.fitt`) is reported with code `unknown`
 * at its path, never ignored.
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as t from 'io-ts'
import * as D from './internal/decodeProblem.js'
import { pinIssues } from './internal/pins.js'
import type { IsoDate, Period } from './IsoDate.js'
import { issue } from './Issue.js'
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
 * The seven weights of the soft score (see the [scoring reference](../docs/scoring.md#the-score)), each ≥ 0.
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
 * A staffing problem in normalised form (the JSON format is in the
 * [scoring reference](../docs/scoring.md#the-staffing-problem-json)).
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
 * A {@link Problem} that passed every rule of the problem format, pins included. Only `decodeProblem`
 * (and the library's own constructors) produce one.
 *
 * @category model
 * @since 0.1.0
 */
export type ValidProblem = Problem & { readonly [ValidBrand]: 'ValidProblem' }

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * Decodes untrusted input (parsed JSON) into a {@link ValidProblem}, applying every rule of
 * problem format ([scoring reference](../docs/scoring.md#the-staffing-problem-json)): shape, ranges, unique ids (slot ids across the whole problem), references,
 * real dates and `from ≤ to`, at most one pin and one previous entry per slot, `apart` pairs of
 * two different members — and finally the pins alone against every hard constraint
 * (eligibility, capacity over time, `maxSlotsPerMemberPerRequest`, `apart`).
 *
 * Every issue found is returned, each with its JSON path (`members[3].qualities.leadership`)
 * and code, in document order with the pin issues last. A pin that breaks a hard constraint
 * gets an issue with code `pin` at its path (`pinned[2]`) whose message names the constraint;
 * pins that involve a member, request, slot or role with an issue of its own are not checked
 * (nor any pin when the policy has an issue). Never throws; runs in time linear in the input
 * (plus sorting). Conventions:
 * - `-0` is read as `0`; `NaN` and `±Infinity` are out of range.
 * - Optional fields may be absent; the nullable ones (`unit`, `units`, `available`,
 *   `discipline`, `rotationSince`) may also be `null`. `history`, `pinned`, `previous`,
 *   `apart` and `policy` may be absent; `roles`, `members` and `requests` are required.
 * - Names (ids, disciplines, units, goals, quality names) are non-empty strings.
 *   `preferences` keys are role ids and must exist.
 * - Every fixed-shape object (the root, a role and its qualities, a member and its
 *   `available` windows, a request, its `period` and its slots, a history, `pinned` or
 *   `previous` entry, `policy` and `policy.weights`) may hold only the keys the format defines: any
 *   other own key is an issue with code `unknown` at the key's path
 *   (`policy.weights.fitt: unknown key "fitt"; expected one of fit, preference, …`), so a
 *   typo never falls back to a default silently. A member's `qualities` and `preferences` are
 *   open-keyed records and take any name.
 * - Identical repeats in set-like lists (units, goals, excluded, windows, history, pinned,
 *   previous, apart, a role's qualities) are dropped; a second, different pin or previous
 *   entry for one slot, or a role quality listed twice with different values, is a `conflict`.
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
    return D.decodeProblemUnsafe(u, pinIssues)
  } catch {
    // Only a hostile JavaScript value (a throwing getter or proxy) can get here; JSON cannot.
    return E.left([issue('', 'type', 'the input could not be read (a getter or proxy threw)')])
  }
}

/**
 * Encodes a problem as its JSON form (plain data, keys in the format's order, `null` fields omitted) such
 * that `decodeProblem(encodeProblem(p))` deep-equals a decoded `p`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeProblem = (p: Problem): unknown => ({
  roles: p.roles.map(D.encodeRole),
  members: p.members.map(D.encodeMember),
  requests: p.requests.map(D.encodeRequest),
  history: p.history.map(D.encodeHistory),
  pinned: p.pinned.map(D.encodeSlotMember),
  previous: p.previous.map(D.encodeSlotMember),
  apart: p.apart.map(([a, b]) => [a, b]),
  policy: D.encodePolicy(p.policy),
})

/**
 * io-ts codec of the whole problem: `decode` is {@link decodeProblem} (issues rendered as
 * io-ts errors), `encode` is {@link encodeProblem}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ProblemCodec: t.Type<ValidProblem, unknown, unknown> = new t.Type<
  ValidProblem,
  unknown,
  unknown
>(
  'Problem',
  (u): u is ValidProblem => E.isRight(decodeProblem(u)),
  (u, ctx) => {
    const r = decodeProblem(u)
    return E.isRight(r) ? t.success(r.right) : t.failures(D.toErrors(u, ctx, r.left))
  },
  encodeProblem,
)

/**
 * io-ts codec of one role (shape and ranges; defaults filled, qualities sorted).
 *
 * @category codecs
 * @since 0.1.0
 */
export const RoleCodec: t.Type<Role, unknown, unknown> = D.elementCodec(
  'Role',
  D.decodeRoleAt,
  D.encodeRole,
)

/**
 * io-ts codec of one member (shape and ranges; references are checked only by
 * {@link decodeProblem}).
 *
 * @category codecs
 * @since 0.1.0
 */
export const MemberCodec: t.Type<Member, unknown, unknown> = D.elementCodec(
  'Member',
  D.decodeMemberAt,
  D.encodeMember,
)

/**
 * io-ts codec of one slot (shape and ranges).
 *
 * @category codecs
 * @since 0.1.0
 */
export const SlotCodec: t.Type<Slot, unknown, unknown> = D.elementCodec(
  'Slot',
  D.decodeSlotAt,
  D.encodeSlot,
)

/**
 * io-ts codec of one request with its slots (shape and ranges).
 *
 * @category codecs
 * @since 0.1.0
 */
export const RequestCodec: t.Type<Request, unknown, unknown> = D.elementCodec(
  'Request',
  D.decodeRequestAt,
  D.encodeRequest,
)

/**
 * io-ts codec of one history entry.
 *
 * @category codecs
 * @since 0.1.0
 */
export const HistoryEntryCodec: t.Type<HistoryEntry, unknown, unknown> = D.elementCodec(
  'HistoryEntry',
  D.decodeHistoryAt,
  D.encodeHistory,
)

/**
 * io-ts codec of a (member, slot) pair, as used by `pinned` and `previous`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const SlotMemberCodec: t.Type<SlotMember, unknown, unknown> = D.elementCodec(
  'SlotMember',
  D.decodeSlotMemberAt,
  D.encodeSlotMember,
)

/**
 * io-ts codec of the policy; absent fields and weights take their defaults.
 *
 * @category codecs
 * @since 0.1.0
 */
export const PolicyCodec: t.Type<Policy, unknown, unknown> = D.elementCodec(
  'Policy',
  (c, base, u) =>
    u === undefined
      ? D.wrongType(c, base, undefined, 'a policy object', u)
      : D.decodePolicyAt(c, base, u),
  D.encodePolicy,
)

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The default weights: fit 10, preference 2, learning 3, continuity 5, diversity 2,
 * rotation 3, balance 5.
 *
 * @category constructors
 * @since 0.1.0
 */
export const defaultWeights: Weights = D.defaultWeights

/**
 * The default policy: {@link defaultWeights}, comfort 0.85, at most one slot per member
 * per request, no rotation term.
 *
 * @category constructors
 * @since 0.1.0
 */
export const defaultPolicy: Policy = D.defaultPolicy

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
export const compareIds: (a: string, b: string) => number = D.compareIds
