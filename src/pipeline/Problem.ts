/**
 * The staffing problem: roles, pool members, requests with role slots, history, pins, the
 * previous plan, `apart` pairs and the policy — and {@link decode} (also named
 * {@link decodeProblem}), the only way in for untrusted JSON. The format is in the
 * [scoring reference](../../docs/scoring.md#the-staffing-problem-json).
 *
 * A decoded {@link ValidProblem} is normalised: every default is filled in, every array
 * is sorted by id (so input order never matters), sets are de-duplicated, and open-keyed records
 * (qualities, preferences) are prototype-free objects. Every other object is closed: a key the
 * format does not define (a typo such as `policy.weights.fitt`) is reported with code `unknown`
 * at its path, never ignored. The pins alone must keep every hard constraint: decoding compiles
 * them and asks the solver's own evaluator.
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as t from 'io-ts'
import { type Issue, issue, withIds } from '../kernel/Issue.js'
import type { HistoryEntry, Member, Policy, Problem, Request, Role, Slot, SlotMember, ValidProblem, Weights } from '../staffing/Problem.js'
import * as D from '../staffing/internal/decodeProblem.js'
import { pinIssues } from './internal/pins.js'
import type { HistoryJson, MemberJson, PolicyJson, ProblemJson, RequestJson, RoleJson, SlotJson, SlotMemberJson } from '../staffing/Problem.js'

export type {
  RoleId,
  MemberId,
  RequestId,
  SlotId,
  QualityLevel,
  RoleQuality,
  Role,
  Member,
  Slot,
  Request,
  HistoryEntry,
  SlotMember,
  Weights,
  Policy,
  Problem,
  ValidProblem,
  PeriodJson,
  RoleQualityJson,
  RoleJson,
  MemberJson,
  SlotJson,
  RequestJson,
  HistoryJson,
  SlotMemberJson,
  PolicyJson,
  ProblemJson,
} from '../staffing/Problem.js'

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * Encodes a problem as its JSON form (plain data, keys in the format's order, `null` fields omitted) such
 * that `decodeProblem(encodeProblem(p))` deep-equals a decoded `p`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeProblem = (p: Problem): ProblemJson => ({
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
 * io-ts codec of one role (shape and ranges; defaults filled, qualities sorted).
 *
 * @category codecs
 * @since 0.1.0
 */
export const RoleCodec: t.Type<Role, RoleJson, unknown> = D.elementCodec(
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
export const MemberCodec: t.Type<Member, MemberJson, unknown> = D.elementCodec(
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
export const SlotCodec: t.Type<Slot, SlotJson, unknown> = D.elementCodec(
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
export const RequestCodec: t.Type<Request, RequestJson, unknown> = D.elementCodec(
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
export const HistoryEntryCodec: t.Type<HistoryEntry, HistoryJson, unknown> = D.elementCodec(
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
export const SlotMemberCodec: t.Type<SlotMember, SlotMemberJson, unknown> = D.elementCodec(
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
export const PolicyCodec: t.Type<Policy, PolicyJson, unknown> = D.elementCodec(
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

/**
 * Decodes untrusted input (parsed JSON) into a {@link ValidProblem}, applying every rule of
 * problem format ([scoring reference](../../docs/scoring.md#the-staffing-problem-json)): shape, ranges, unique ids (slot ids across the whole problem), references,
 * real dates and `from ≤ to`, at most one pin and one previous entry per slot, `apart` pairs of
 * two different members — and finally the pins alone against every hard constraint
 * (eligibility, capacity over time, `maxSlotsPerMemberPerRequest`, `apart`).
 *
 * Every issue found is returned, each with its JSON path (`members[3].qualities.leadership`),
 * a readable label naming the ids on that path (`members[3] (m04).qualities.leadership`) and its
 * code, in document order with the pin issues last. A pin that breaks a hard constraint
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
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#decode-problem}
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeProblem = (u: unknown): E.Either<NonEmptyArray<Issue>, ValidProblem> => {
  try {
    const r = D.decodeProblemUnsafe(u, pinIssues)
    return E.isLeft(r) ? E.left(withIds(u)(r.left) as unknown as NonEmptyArray<Issue>) : r
  } catch {
    // Only a hostile JavaScript value (a throwing getter or proxy) can get here; JSON cannot.
    return E.left([issue('', 'type', 'the input could not be read (a getter or proxy threw)')])
  }
}

/**
 * io-ts codec of the whole problem: `decode` is {@link decodeProblem} (issues rendered as
 * io-ts errors), `encode` is {@link encodeProblem}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ProblemCodec: t.Type<ValidProblem, ProblemJson, unknown> = new t.Type<
  ValidProblem,
  ProblemJson,
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
 * {@link decodeProblem}, under the name every module's decoder has.
 *
 * @alias
 * @category codecs
 * @since 0.1.0
 */
export const decode: (u: unknown) => E.Either<NonEmptyArray<Issue>, ValidProblem> = decodeProblem

/**
 * {@link encodeProblem}, under the name every module's encoder has.
 *
 * @alias
 * @category codecs
 * @since 0.1.0
 */
export const encode = encodeProblem

/**
 * {@link ProblemCodec}, under the name every module's codec has.
 *
 * @alias
 * @category codecs
 * @since 0.1.0
 */
export const Codec: t.Type<ValidProblem, ProblemJson, unknown> = ProblemCodec
