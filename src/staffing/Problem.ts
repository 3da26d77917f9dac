/**
 * The staffing problem's types, its element codecs and its encoder: roles, pool members,
 * requests with role slots, history, pins, the previous plan, `apart` pairs and the policy.
 * Users meet them through the public `Problem` namespace, which adds decoding with the pin
 * check (a pipeline step: the pins are checked by the solver's own evaluator).
 *
 * @since 0.1.0
 */
import * as t from 'io-ts'
import * as D from './internal/decodeProblem.js'
import type { HistoryEntry, Member, Policy, Problem, Request, Role, Slot, SlotMember, Weights } from './internal/types.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

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
} from './internal/types.js'

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
