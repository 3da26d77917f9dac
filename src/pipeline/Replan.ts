/**
 * Replanning: what changed between two plans, how to carry a problem forward when the world
 * changes, and how much a new plan disrupts the old one.
 *
 * - {@link diff} compares two plans: the assignments added, removed and changed, the people
 *   affected and the change of every score term.
 * - {@link replan} applies {@link Change}s (a member leaves or joins, a request arrives, is
 *   cancelled or changes, a pin is added or removed) to a problem and returns the next problem,
 *   with the current plan as its `previous` plan so that solving it keeps what it can.
 * - {@link disruption} counts the assignments a new plan changes, split into those the changes
 *   themselves force and the rest.
 * - {@link toLines} says it in words, in Dutch or English.
 *
 * Everything here is plain data and the figures come from the plans' own scores, so they agree
 * with the evaluator. See the replanning guide (`docs/replanning.md`) for a walk-through.
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as t from 'io-ts'
import type { Language } from '../classify/Assessment.js'
import * as Eligibility from '../staffing/Eligibility.js'
import {
  array,
  check,
  codec,
  fail,
  isObject,
  isoDate,
  keyed,
  nonEmptyString,
  number,
  object,
  optional,
  period,
  required,
  struct,
  type Decoder,
  type Result,
} from '../classify/internal/classifyCodec.js'
import * as D from '../staffing/internal/decodeProblem.js'
import type { IsoDate, Period } from '../kernel/IsoDate.js'
import { previousDay } from '../kernel/IsoDate.js'
import { field, issue, type Issue } from '../kernel/Issue.js'
import type { Assignment, Plan, ReasonCode, Score, Terms } from '../staffing/Plan.js'
import {
  compareIds,
  decodeProblem,
  encodeProblem,
  MemberCodec,
  RequestCodec,
  type Member,
  type MemberId,
  type Request,
  type RequestId,
  type SlotId,
  type SlotMember,
  type ValidProblem,
} from './Problem.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A slot whose member changed between two plans.
 *
 * @category model
 * @since 0.1.0
 */
export interface Reassignment {
  /** The slot. */
  readonly slot: SlotId
  /** Its member before. */
  readonly from: MemberId
  /** Its member after. */
  readonly to: MemberId
}

/**
 * The difference between two plans, from `before` to `after`.
 *
 * @category model
 * @since 0.1.0
 */
export interface PlanDiff {
  /** Discriminant. */
  readonly _tag: 'PlanDiff'
  /** Slots filled after but not before, with their new member; sorted by slot id. */
  readonly added: ReadonlyArray<Assignment>
  /** Slots filled before but not after, with their old member; sorted by slot id. */
  readonly removed: ReadonlyArray<Assignment>
  /** Slots filled in both plans by different members; sorted by slot id. */
  readonly changed: ReadonlyArray<Reassignment>
  /** Every member named above (added, removed, or on either side of a change), sorted, unique. */
  readonly people: ReadonlyArray<MemberId>
  /** The score change, `after − before`: filled, soft and each of the seven terms. */
  readonly delta: Score
}

/**
 * A member leaves the pool from a date on: the member's availability ends the day before
 * `from` (windows that start on or after `from` go, a window that runs past it is cut short).
 * The member stays in the problem — history and requests that end earlier may still name
 * them — but can no longer serve a request that runs into `from`.
 *
 * @category model
 * @since 0.1.0
 */
export interface MemberLeaves {
  /** Discriminant. */
  readonly _tag: 'memberLeaves'
  /** The member who leaves. */
  readonly member: MemberId
  /** The first day the member is gone. */
  readonly from: IsoDate
}

/**
 * A new member joins the pool.
 *
 * @category model
 * @since 0.1.0
 */
export interface MemberJoins {
  /** Discriminant. */
  readonly _tag: 'memberJoins'
  /** The member, in the form of a staffing problem's `members` entries. */
  readonly member: Member
}

/**
 * A new request arrives, with its slots.
 *
 * @category model
 * @since 0.1.0
 */
export interface RequestArrives {
  /** Discriminant. */
  readonly _tag: 'requestArrives'
  /** The request, in the form of a staffing problem's `requests` entries. */
  readonly request: Request
}

/**
 * A request is cancelled: it leaves the problem with its slots, and pins on them go.
 *
 * @category model
 * @since 0.1.0
 */
export interface RequestCancelled {
  /** Discriminant. */
  readonly _tag: 'requestCancelled'
  /** The request. */
  readonly request: RequestId
}

/**
 * New hours for one slot.
 *
 * @category model
 * @since 0.1.0
 */
export interface SlotHours {
  /** The slot. */
  readonly slot: SlotId
  /** Its new hours per week, > 0. */
  readonly hours: number
}

/**
 * A request changes: new hours for some of its slots, a new period, or both.
 *
 * @category model
 * @since 0.1.0
 */
export interface RequestChanges {
  /** Discriminant. */
  readonly _tag: 'requestChanges'
  /** The request. */
  readonly request: RequestId
  /** New hours per slot, sorted by slot id (empty: the hours stay). */
  readonly hours: ReadonlyArray<SlotHours>
  /** The new period, or `null` when it stays. */
  readonly period: Period | null
}

/**
 * A pin is added: the member must hold the slot. A pin another member held on the slot is
 * replaced.
 *
 * @category model
 * @since 0.1.0
 */
export interface PinAdded {
  /** Discriminant. */
  readonly _tag: 'pinAdded'
  /** The member. */
  readonly member: MemberId
  /** The slot. */
  readonly slot: SlotId
}

/**
 * A pin is removed.
 *
 * @category model
 * @since 0.1.0
 */
export interface PinRemoved {
  /** Discriminant. */
  readonly _tag: 'pinRemoved'
  /** The member. */
  readonly member: MemberId
  /** The slot. */
  readonly slot: SlotId
}

/**
 * A change to a staffing problem, as tagged data.
 *
 * @category model
 * @since 0.1.0
 */
export type Change =
  | MemberLeaves
  | MemberJoins
  | RequestArrives
  | RequestCancelled
  | RequestChanges
  | PinAdded
  | PinRemoved

/**
 * The tags of {@link Change}, in their fixed order.
 *
 * @category model
 * @since 0.1.0
 */
export const changeTags: ReadonlyArray<Change['_tag']> = [
  'memberLeaves',
  'memberJoins',
  'requestArrives',
  'requestCancelled',
  'requestChanges',
  'pinAdded',
  'pinRemoved',
]

/**
 * Why {@link replan} dropped a pin of the problem it was given:
 * - `cancelled`: its request was cancelled;
 * - `replaced`: a `pinAdded` change pinned another member to its slot;
 * - `broken`: after the changes the pin breaks a hard constraint (the member left before the
 *   request ends, a slot's hours outgrew the member's time, …).
 *
 * @category model
 * @since 0.1.0
 */
export type DropReason = 'cancelled' | 'replaced' | 'broken'

/**
 * A pin of the old problem that the next problem no longer has, and why.
 *
 * @category model
 * @since 0.1.0
 */
export interface DroppedPin {
  /** The member of the pin. */
  readonly member: MemberId
  /** The slot of the pin. */
  readonly slot: SlotId
  /** Why it was dropped. */
  readonly reason: DropReason
  /** In words (English), e.g. the hard constraint the pin would break. */
  readonly detail: string
}

/**
 * The result of {@link replan}: the next problem and the pins the changes made it drop.
 *
 * @category model
 * @since 0.1.0
 */
export interface Replanned {
  /** Discriminant. */
  readonly _tag: 'Replanned'
  /** The next problem, decoded and valid (its pins included). */
  readonly problem: ValidProblem
  /** Pins of the old problem that are gone, sorted by slot id. */
  readonly droppedPins: ReadonlyArray<DroppedPin>
}

/**
 * Why an assignment of the old plan cannot stay in the new problem:
 * - `slot-gone` / `member-gone`: the slot or member no longer exists;
 * - `pinned`: the slot is now pinned to someone else;
 * - an eligibility rule (`unit`, `quality`, `discipline`, `excluded`, `availability`,
 *   `capacity`): the member fails it for the slot on their own.
 *
 * @category model
 * @since 0.1.0
 */
export type ForcedCause = 'slot-gone' | 'member-gone' | 'pinned' | Exclude<ReasonCode, 'taken' | 'free'>

/**
 * An assignment of the old plan that the new plan does not keep.
 *
 * @category model
 * @since 0.1.0
 */
export interface Disrupted {
  /** The slot. */
  readonly slot: SlotId
  /** Its member in the old plan. */
  readonly member: MemberId
  /** Its member in the new plan, or `null` when the slot is open (or gone). */
  readonly now: MemberId | null
  /** When the changes force it: why; `null` when the new plan chose to change it. */
  readonly cause: ForcedCause | null
  /** The cause in words (English; `''` when `cause` is `null`). */
  readonly detail: string
}

/**
 * How much a new plan disrupts the old one: `changed = forced + beyond`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Disruption {
  /** Discriminant. */
  readonly _tag: 'Disruption'
  /** Assignments of the old plan that the new plan does not keep. */
  readonly changed: number
  /** Of those, the ones the new problem itself rules out (see {@link ForcedCause}). */
  readonly forced: number
  /** The rest: assignments that could have stayed but the new plan changed. */
  readonly beyond: number
  /** Every changed assignment, sorted by slot id. */
  readonly assignments: ReadonlyArray<Disrupted>
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * The JSON form of a {@link Change}: the same fields, with the member or request of
 * `memberJoins` / `requestArrives` in the staffing-problem format, and `hours` of
 * `requestChanges` as an object from slot id to hours (both `hours` and `period` optional).
 *
 * @category codecs
 * @since 0.1.0
 */
export type ChangeJson =
  | {
      /** `memberLeaves`. */
      readonly _tag: 'memberLeaves'
      /** The member id. */
      readonly member: string
      /** The first day the member is gone, `YYYY-MM-DD`. */
      readonly from: string
    }
  | {
      /** `memberJoins`. */
      readonly _tag: 'memberJoins'
      /** The member, as in a staffing problem's `members`. */
      readonly member: unknown
    }
  | {
      /** `requestArrives`. */
      readonly _tag: 'requestArrives'
      /** The request, as in a staffing problem's `requests`. */
      readonly request: unknown
    }
  | {
      /** `requestCancelled`. */
      readonly _tag: 'requestCancelled'
      /** The request id. */
      readonly request: string
    }
  | {
      /** `requestChanges`. */
      readonly _tag: 'requestChanges'
      /** The request id. */
      readonly request: string
      /** New hours by slot id (optional). */
      readonly hours?: Readonly<Record<string, number>>
      /** The new period (optional). */
      readonly period?: {
        /** First day, `YYYY-MM-DD`. */
        readonly from: string
        /** Last day, `YYYY-MM-DD`. */
        readonly to: string
      }
    }
  | {
      /** `pinAdded` or `pinRemoved`. */
      readonly _tag: 'pinAdded' | 'pinRemoved'
      /** The member id. */
      readonly member: string
      /** The slot id. */
      readonly slot: string
    }

/** A decoder of the staffing-problem machinery, as a path-aware decoder. */
const fromProblemDecoder =
  <A>(what: string, decode: (c: D.Ctx, base: string, u: unknown) => A | undefined): Decoder<A> =>
  (u, path) => {
    try {
      const c = D.newCtx(false)
      const a = decode(c, path, u)
      const [first, ...rest] = c.issues
      if (first !== undefined) return E.left([first, ...rest])
      return a === undefined ? fail(path, 'type', `must be ${what}`) : E.right(a)
    } catch {
      return fail(path, 'type', 'the input could not be read (a getter or proxy threw)')
    }
  }

const decodeMember = fromProblemDecoder('a member object', D.decodeMemberAt)
const decodeRequest = fromProblemDecoder('a request object', D.decodeRequestAt)

const positive = number('a number > 0', (n) => n > 0)

/** `{ slot id: hours }`, each > 0; sorted by slot id. */
const decodeHours: Decoder<ReadonlyArray<SlotHours>> = (u, path) => {
  if (!isObject(u)) return fail(path, 'type', 'must be an object from slot id to hours')
  const keys = Object.keys(u).sort(compareIds)
  const issues: Array<Issue> = []
  const out: Array<SlotHours> = []
  for (const k of keys) {
    if (k === '') {
      issues.push(issue(field(path, k), 'range', 'a slot id must be a non-empty string'))
      continue
    }
    const h = positive(u[k], field(path, k))
    if (E.isLeft(h)) issues.push(...h.left)
    else out.push({ slot: k as SlotId, hours: h.right === 0 ? 0 : h.right })
  }
  return check(issues, out)
}

const id = <A extends string>(o: Readonly<Record<string, unknown>>, key: string, path: string): Result<A> =>
  E.map((s: string) => s as A)(required(nonEmptyString)(o, key, path))

const pair =
  <T extends 'pinAdded' | 'pinRemoved'>(tag: T) =>
  (o: Readonly<Record<string, unknown>>, path: string): Result<{ _tag: T; member: MemberId; slot: SlotId }> =>
    E.map((r: { member: MemberId; slot: SlotId }) => ({ _tag: tag, member: r.member, slot: r.slot }))(
      struct({ member: id<MemberId>(o, 'member', path), slot: id<SlotId>(o, 'slot', path) }),
    )

const bodies: Readonly<
  Record<
    Change['_tag'],
    {
      readonly keys: ReadonlyArray<string>
      readonly decode: (o: Readonly<Record<string, unknown>>, path: string) => Result<Change>
    }
  >
> = {
  memberLeaves: {
    keys: ['_tag', 'member', 'from'],
    decode: (o, path) =>
      E.map(
        (r: { member: MemberId; from: IsoDate }): Change => ({
          _tag: 'memberLeaves',
          member: r.member,
          from: r.from,
        }),
      )(struct({ member: id<MemberId>(o, 'member', path), from: required(isoDate)(o, 'from', path) })),
  },
  memberJoins: {
    keys: ['_tag', 'member'],
    decode: (o, path) =>
      E.map((member: Member): Change => ({ _tag: 'memberJoins', member }))(
        required(decodeMember)(o, 'member', path),
      ),
  },
  requestArrives: {
    keys: ['_tag', 'request'],
    decode: (o, path) =>
      E.map((request: Request): Change => ({ _tag: 'requestArrives', request }))(
        required(decodeRequest)(o, 'request', path),
      ),
  },
  requestCancelled: {
    keys: ['_tag', 'request'],
    decode: (o, path) =>
      E.map((request: RequestId): Change => ({ _tag: 'requestCancelled', request }))(
        id<RequestId>(o, 'request', path),
      ),
  },
  requestChanges: {
    keys: ['_tag', 'request', 'hours', 'period'],
    decode: (o, path) =>
      E.map(
        (r: {
          request: RequestId
          hours: O.Option<ReadonlyArray<SlotHours>>
          period: O.Option<Period>
        }): Change => ({
          _tag: 'requestChanges',
          request: r.request,
          hours: O.getOrElse((): ReadonlyArray<SlotHours> => [])(r.hours),
          period: O.toNullable(r.period),
        }),
      )(
        struct({
          request: id<RequestId>(o, 'request', path),
          hours: optional(decodeHours)(o, 'hours', path),
          period: optional(period)(o, 'period', path),
        }),
      ),
  },
  pinAdded: { keys: ['_tag', 'member', 'slot'], decode: pair('pinAdded') },
  pinRemoved: { keys: ['_tag', 'member', 'slot'], decode: pair('pinRemoved') },
}

/**
 * Decodes one change at a JSON path, collecting every issue with its path: an unknown `_tag`
 * (code `unknown`), an unknown key, a missing or malformed field, and — for `memberJoins` and
 * `requestArrives` — every issue the staffing-problem decoder finds in the member or request
 * on its own (references to roles and members are checked by {@link replan}).
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeChangeAt = (u: unknown, path: string): E.Either<NonEmptyArray<Issue>, Change> => {
  if (!isObject(u)) return fail(path, 'type', 'must be an object (a change)')
  const tag = Object.prototype.hasOwnProperty.call(u, '_tag') ? u['_tag'] : undefined
  if (typeof tag !== 'string')
    return fail(field(path, '_tag'), 'type', `required field "_tag" must be one of ${changeTags.join(', ')}`)
  if (!(changeTags as ReadonlyArray<string>).includes(tag))
    return fail(field(path, '_tag'), 'unknown', `"${tag}" is not one of ${changeTags.join(', ')}`)
  const body = bodies[tag as Change['_tag']]
  return keyed((o: Readonly<Record<string, unknown>>) => body.decode(o, path))(
    object(`${tag} change`, body.keys)(u, path),
  )
}

/**
 * Decodes one untrusted change, returning every issue with its path.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeChange = (u: unknown): E.Either<NonEmptyArray<Issue>, Change> => decodeChangeAt(u, '')

/**
 * Decodes an untrusted list of changes; issue paths start at `changes` (`changes[2].member`),
 * the same paths {@link replan} reports.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeChanges = (u: unknown): E.Either<NonEmptyArray<Issue>, ReadonlyArray<Change>> =>
  array(decodeChangeAt)(u, 'changes')

/**
 * Encodes a change as JSON (see {@link ChangeJson}); {@link decodeChange} reads it back.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeChange = (c: Change): ChangeJson => {
  switch (c._tag) {
    case 'memberLeaves':
      return { _tag: c._tag, member: c.member, from: c.from }
    case 'memberJoins':
      return { _tag: c._tag, member: MemberCodec.encode(c.member) }
    case 'requestArrives':
      return { _tag: c._tag, request: RequestCodec.encode(c.request) }
    case 'requestCancelled':
      return { _tag: c._tag, request: c.request }
    case 'requestChanges': {
      const hours: Record<string, number> = Object.create(null) as Record<string, number>
      for (const h of c.hours) hours[h.slot] = h.hours
      return {
        _tag: c._tag,
        request: c.request,
        ...(c.hours.length > 0 ? { hours } : {}),
        ...(c.period === null ? {} : { period: { from: c.period.from, to: c.period.to } }),
      }
    }
    case 'pinAdded':
    case 'pinRemoved':
      return { _tag: c._tag, member: c.member, slot: c.slot }
  }
}

/**
 * The io-ts codec of a {@link Change}: `decode` is {@link decodeChange} (every issue an io-ts
 * error `path: message (code)`), `encode` is {@link encodeChange}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ChangeCodec: t.Type<Change, ChangeJson, unknown> = codec('Change', decodeChangeAt, encodeChange)

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A member leaves from a date on (see {@link MemberLeaves}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const memberLeaves = (member: string, from: IsoDate): Change => ({
  _tag: 'memberLeaves',
  member: member as MemberId,
  from,
})

/**
 * A member joins the pool (see {@link MemberJoins}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const memberJoins = (member: Member): Change => ({ _tag: 'memberJoins', member })

/**
 * A request arrives (see {@link RequestArrives}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const requestArrives = (request: Request): Change => ({ _tag: 'requestArrives', request })

/**
 * A request is cancelled (see {@link RequestCancelled}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const requestCancelled = (request: string): Change => ({
  _tag: 'requestCancelled',
  request: request as RequestId,
})

/**
 * A request changes hours, period or both (see {@link RequestChanges}); `hours` maps slot ids
 * to their new hours.
 *
 * @category constructors
 * @since 0.1.0
 */
export const requestChanges = (
  request: string,
  change: { readonly hours?: Readonly<Record<string, number>>; readonly period?: Period },
): Change => ({
  _tag: 'requestChanges',
  request: request as RequestId,
  hours: Object.keys(change.hours ?? {})
    .sort(compareIds)
    .map((slot) => ({ slot: slot as SlotId, hours: (change.hours ?? {})[slot] as number })),
  period: change.period ?? null,
})

/**
 * A pin is added (see {@link PinAdded}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const pinAdded = (member: string, slot: string): Change => ({
  _tag: 'pinAdded',
  member: member as MemberId,
  slot: slot as SlotId,
})

/**
 * A pin is removed (see {@link PinRemoved}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const pinRemoved = (member: string, slot: string): Change => ({
  _tag: 'pinRemoved',
  member: member as MemberId,
  slot: slot as SlotId,
})

// -------------------------------------------------------------------------------------
// queries
// -------------------------------------------------------------------------------------

/** Slot → member of a plan (a slot listed twice: the last one counts). */
const holders = (plan: Plan): ReadonlyMap<SlotId, MemberId> => {
  const out = new Map<SlotId, MemberId>()
  for (const a of plan.assignments) out.set(a.slot, a.member)
  return out
}

const termNames: ReadonlyArray<keyof Terms> = [
  'fit',
  'preference',
  'learning',
  'continuity',
  'diversity',
  'rotation',
  'balance',
]

/** `y − x`, with `-0` read as `0` (so a zero change prints and compares as 0). */
const minus = (y: number, x: number): number => y - x + 0

/**
 * The difference from `before` to `after`: assignments added, removed and changed (each list
 * sorted by slot id), the people affected (sorted ids) and the score change `after − before`
 * for filled, soft and each term. The plans' own scores are used, so the change agrees with
 * the evaluator. `diff(p, p)` is empty ({@link isEmpty}), and `diff(b, a)` mirrors
 * `diff(a, b)`: added and removed swap, each change runs the other way, the delta is negated.
 *
 * @category queries
 * @since 0.1.0
 */
export const diff = (before: Plan, after: Plan): PlanDiff => {
  const b = holders(before)
  const a = holders(after)
  const slots = [...new Set([...b.keys(), ...a.keys()])].sort(compareIds)
  const added: Array<Assignment> = []
  const removed: Array<Assignment> = []
  const changed: Array<Reassignment> = []
  const people = new Set<MemberId>()
  for (const slot of slots) {
    const x = b.get(slot)
    const y = a.get(slot)
    if (x === y) continue
    if (x !== undefined) people.add(x)
    if (y !== undefined) people.add(y)
    if (x === undefined && y !== undefined) added.push({ slot, member: y })
    else if (x !== undefined && y === undefined) removed.push({ slot, member: x })
    else if (x !== undefined && y !== undefined) changed.push({ slot, from: x, to: y })
  }
  const terms = {} as Record<keyof Terms, number>
  for (const k of termNames) terms[k] = minus(after.score.terms[k], before.score.terms[k])
  return {
    _tag: 'PlanDiff',
    added,
    removed,
    changed,
    people: [...people].sort(compareIds),
    delta: {
      filled: minus(after.score.filled, before.score.filled),
      soft: minus(after.score.soft, before.score.soft),
      terms,
    },
  }
}

/**
 * Whether a diff shows no change at all: no assignment added, removed or changed and every
 * score figure unchanged.
 *
 * @category queries
 * @since 0.1.0
 */
export const isEmpty = (d: PlanDiff): boolean =>
  d.added.length === 0 &&
  d.removed.length === 0 &&
  d.changed.length === 0 &&
  d.delta.filled === 0 &&
  d.delta.soft === 0 &&
  termNames.every((k) => d.delta.terms[k] === 0)

/**
 * Why an old assignment cannot stay in `problem`, on its own (`none` when it could).
 * The order: the slot gone, the member gone, the slot pinned to another member, then the first
 * eligibility rule the member fails for the slot alone (`Eligibility.check`, capacity included).
 */
const forcedCause = (
  problem: ValidProblem,
  pins: ReadonlyMap<SlotId, MemberId>,
  a: Assignment,
): O.Option<{ readonly cause: ForcedCause; readonly detail: string }> => {
  const ix = Eligibility.index(problem)
  const entry = ix.slotById.get(a.slot)
  if (entry === undefined) return O.some({ cause: 'slot-gone', detail: `slot ${a.slot} no longer exists` })
  const member = ix.memberById.get(a.member)
  if (member === undefined)
    return O.some({ cause: 'member-gone', detail: `member ${a.member} is no longer in the pool` })
  const pinned = pins.get(a.slot)
  if (pinned !== undefined && pinned !== a.member)
    return O.some({ cause: 'pinned', detail: `slot ${a.slot} is pinned to ${pinned}` })
  return O.map((f: Eligibility.Failure) => ({ cause: f.constraint as ForcedCause, detail: f.detail }))(
    Eligibility.check(problem, member, entry.request, entry.slot),
  )
}

/**
 * How much `after` disrupts `before`, judged in `problem` (the problem `after` was made for,
 * say the result of {@link replan}). `changed` counts the assignments of `before` that `after`
 * does not keep (the slot now open, held by someone else, or gone); `forced` those among them
 * the problem itself rules out — the slot or member gone, the slot pinned to another member,
 * or the member failing an eligibility rule for the slot on their own (capacity included:
 * fewer free hours than the slot asks); and `beyond = changed − forced`, the changes the new
 * plan chose. Assignments blocked only in combination with others (a new pin of the same
 * member elsewhere, say) count as `beyond`.
 *
 * @category queries
 * @since 0.1.0
 */
export const disruption = (problem: ValidProblem, before: Plan, after: Plan): Disruption => {
  const a = holders(after)
  const pins = new Map<SlotId, MemberId>(problem.pinned.map((p) => [p.slot, p.member]))
  const out: Array<Disrupted> = []
  for (const [slot, member] of [...holders(before)].sort((x, y) => compareIds(x[0], y[0]))) {
    const now = a.get(slot) ?? null
    if (now === member) continue
    const why = forcedCause(problem, pins, { slot, member })
    out.push({
      slot,
      member,
      now,
      cause: O.isSome(why) ? why.value.cause : null,
      detail: O.isSome(why) ? why.value.detail : '',
    })
  }
  const forced = out.filter((d) => d.cause !== null).length
  return { _tag: 'Disruption', changed: out.length, forced, beyond: out.length - forced, assignments: out }
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/** Where an element of the next problem came from: the old problem, or change `i`. */
type Origin = number | null

interface Pin {
  readonly pin: SlotMember
  readonly origin: Origin
}

/** The problem being edited, change by change. */
interface Draft {
  readonly members: Map<string, { member: Member; readonly origin: Origin }>
  readonly requests: Map<string, { request: Request; readonly origin: Origin }>
  /** Slot id → the request that owns it. */
  readonly slotOwner: Map<string, string>
  pins: Array<Pin>
  readonly dropped: Array<DroppedPin>
  readonly issues: Array<Issue>
}

/** Availability of a member who is gone from `from` on: every window ends the day before. */
const leave = (available: ReadonlyArray<Period> | null, from: IsoDate): ReadonlyArray<Period> => {
  const last = previousDay(from)
  if (O.isNone(last)) return []
  const windows = available ?? [{ from: '0001-01-01' as IsoDate, to: last.value }]
  return windows
    .filter((w) => w.from <= last.value)
    .map((w) => (w.to <= last.value ? w : { from: w.from, to: last.value }))
}

const unknownId = (d: Draft, path: string, what: string, value: string): void => {
  d.issues.push(issue(path, 'reference', `unknown ${what} ${JSON.stringify(value)}`))
}

const dropPins = (d: Draft, drop: (p: Pin) => O.Option<{ reason: DropReason; detail: string }>): void => {
  const keep: Array<Pin> = []
  for (const p of d.pins) {
    const why = drop(p)
    if (O.isNone(why)) keep.push(p)
    else if (p.origin === null) d.dropped.push({ ...p.pin, ...why.value })
  }
  d.pins = keep
}

/** Applies change `i` to the draft, recording issues at `changes[i]…`. */
const apply = (d: Draft, c: Change, i: number): void => {
  const path = field('changes', i)
  switch (c._tag) {
    case 'memberLeaves': {
      const entry = d.members.get(c.member)
      if (entry === undefined) return unknownId(d, field(path, 'member'), 'member', c.member)
      entry.member = { ...entry.member, available: leave(entry.member.available, c.from) }
      return
    }
    case 'memberJoins': {
      if (d.members.has(c.member.id)) {
        d.issues.push(
          issue(
            field(field(path, 'member'), 'id'),
            'duplicate',
            `member ${JSON.stringify(c.member.id)} is already in the pool`,
          ),
        )
        return
      }
      d.members.set(c.member.id, { member: c.member, origin: i })
      return
    }
    case 'requestArrives': {
      if (d.requests.has(c.request.id)) {
        d.issues.push(
          issue(
            field(field(path, 'request'), 'id'),
            'duplicate',
            `request ${JSON.stringify(c.request.id)} already exists`,
          ),
        )
        return
      }
      d.requests.set(c.request.id, { request: c.request, origin: i })
      // a slot id that is taken already is reported by the problem decoder, at this change
      for (const s of c.request.slots) if (!d.slotOwner.has(s.id)) d.slotOwner.set(s.id, c.request.id)
      return
    }
    case 'requestCancelled': {
      const entry = d.requests.get(c.request)
      if (entry === undefined) return unknownId(d, field(path, 'request'), 'request', c.request)
      d.requests.delete(c.request)
      const gone = new Set<string>()
      for (const s of entry.request.slots) {
        if (d.slotOwner.get(s.id) === c.request) {
          d.slotOwner.delete(s.id)
          gone.add(s.id)
        }
      }
      dropPins(d, (p) =>
        gone.has(p.pin.slot)
          ? O.some({ reason: 'cancelled', detail: `request ${c.request} was cancelled` })
          : O.none,
      )
      return
    }
    case 'requestChanges': {
      const entry = d.requests.get(c.request)
      if (entry === undefined) return unknownId(d, field(path, 'request'), 'request', c.request)
      const mine = new Set(entry.request.slots.map((s) => s.id as string))
      let ok = true
      for (const h of c.hours) {
        if (!mine.has(h.slot)) {
          ok = false
          d.issues.push(
            issue(
              field(field(path, 'hours'), h.slot),
              'reference',
              `${JSON.stringify(h.slot)} is not a slot of request ${JSON.stringify(c.request)}`,
            ),
          )
        }
      }
      if (!ok) return
      const hours = new Map(c.hours.map((h) => [h.slot as string, h.hours]))
      entry.request = {
        ...entry.request,
        period: c.period ?? entry.request.period,
        slots: entry.request.slots.map((s) =>
          hours.has(s.id) ? { ...s, hours: hours.get(s.id) as number } : s,
        ),
      }
      return
    }
    case 'pinAdded':
    case 'pinRemoved': {
      const hasMember = d.members.has(c.member)
      const hasSlot = d.slotOwner.has(c.slot)
      if (!hasMember) unknownId(d, field(path, 'member'), 'member', c.member)
      if (!hasSlot) unknownId(d, field(path, 'slot'), 'slot', c.slot)
      if (!hasMember || !hasSlot) return
      const held = d.pins.find((p) => p.pin.slot === c.slot)
      if (c._tag === 'pinAdded') {
        if (held?.pin.member === c.member) return
        dropPins(d, (p) =>
          p.pin.slot === c.slot
            ? O.some({ reason: 'replaced', detail: `slot ${c.slot} is now pinned to ${c.member}` })
            : O.none,
        )
        d.pins.push({ pin: { member: c.member, slot: c.slot }, origin: i })
        return
      }
      if (held === undefined || held.pin.member !== c.member) {
        d.issues.push(
          issue(
            path,
            'reference',
            `there is no pin of ${JSON.stringify(c.member)} on slot ${JSON.stringify(c.slot)}`,
          ),
        )
        return
      }
      d.pins = d.pins.filter((p) => p !== held)
      return
    }
  }
}

/** The JSON path of element `index` of a section, with what follows it, or `undefined`. */
const splitPath = (
  path: string,
  section: string,
): { readonly index: number; readonly rest: string } | undefined => {
  const m = new RegExp(`^${section}\\[(\\d+)\\](.*)$`).exec(path)
  return m === null ? undefined : { index: Number(m[1]), rest: m[2] ?? '' }
}

/**
 * Replans: applies `changes`, in order, to `problem` and returns the next problem, with
 * `plan`'s assignments as its `previous` plan (pairs whose slot or member is gone are left
 * out), so that solving it keeps what it can through the continuity term.
 *
 * The next problem is built as JSON (`encodeProblem`, the edits, then `decodeProblem`), so
 * the one decoder validates it, pins included. What happens to the rest:
 * - History is left as it is: a cancelled request never finished, and finished teams are
 *   recorded by `Learn.recordOutcome`. `apart` pairs, exclusions and the policy stay too.
 * - Pins the changes make impossible are dropped and listed in `droppedPins`: pins on a
 *   cancelled request (`cancelled`), a pin replaced by a `pinAdded` on the same slot
 *   (`replaced`), and pins that break a hard constraint after the changes (`broken`: a member
 *   who leaves before the request ends, a slot's hours beyond the member's time, a new pin
 *   that needs the same hours — the newest decision wins). Pins added by the changes are
 *   never dropped: one that breaks a hard constraint is an issue at its change.
 *
 * Fails with every issue found, each at its path: a change naming an unknown member, request
 * or slot (`changes[2].member`, code `reference`), a joining member or arriving request whose
 * id exists (`changes[0].member.id`, `duplicate`), a slot of `requestChanges.hours` that is
 * not the request's, a `pinRemoved` without such a pin, anything the problem decoder finds in
 * a joining member or arriving request (`changes[1].request.slots[0].role`), and a plan
 * assignment naming a slot or member unknown to `problem` (`plan.assignments[3].slot`).
 * Deterministic: the same arguments give a deep-equal result.
 *
 * @category combinators
 * @since 0.1.0
 */
export const replan = (
  problem: ValidProblem,
  plan: Plan,
  changes: ReadonlyArray<Change>,
): E.Either<NonEmptyArray<Issue>, Replanned> => {
  const ix = Eligibility.index(problem)
  const d: Draft = {
    members: new Map(problem.members.map((m) => [m.id as string, { member: m, origin: null }])),
    requests: new Map(problem.requests.map((r) => [r.id as string, { request: r, origin: null }])),
    slotOwner: new Map(
      problem.requests.flatMap((r) => r.slots.map((s) => [s.id as string, r.id as string] as const)),
    ),
    pins: problem.pinned.map((pin) => ({ pin, origin: null })),
    dropped: [],
    issues: [],
  }
  plan.assignments.forEach((a, k) => {
    const at = field(field('plan', 'assignments'), k)
    if (!ix.slotById.has(a.slot)) unknownId(d, field(at, 'slot'), 'slot', a.slot)
    if (!ix.memberById.has(a.member)) unknownId(d, field(at, 'member'), 'member', a.member)
  })
  changes.forEach((c, i) => apply(d, c, i))
  if (d.issues.length > 0) return E.left(d.issues as NonEmptyArray<Issue>)

  const members = [...d.members.values()]
  const requests = [...d.requests.values()]
  // the plan's pairs whose slot and member are still there (a slot listed twice: the last counts)
  const previous = [...holders(plan)]
    .filter(([slot, member]) => d.slotOwner.has(slot) && d.members.has(member))
    .map(([slot, member]) => D.encodeSlotMember({ member, slot }))
  const base = encodeProblem(problem) as Readonly<Record<string, unknown>>
  const json = (pins: ReadonlyArray<Pin>): unknown => ({
    ...base,
    members: members.map((e) => MemberCodec.encode(e.member)),
    requests: requests.map((e) => RequestCodec.encode(e.request)),
    pinned: pins.map((p) => D.encodeSlotMember(p.pin)),
    previous,
  })
  // issues in a joining member, an arriving request or an added pin belong to their change
  const remap =
    (pins: ReadonlyArray<Pin>) =>
    (x: Issue): Issue => {
      const at = (section: string, origins: ReadonlyArray<Origin>, key: string | null): Issue | undefined => {
        const p = splitPath(x.path, section)
        const origin = p === undefined ? null : origins[p.index] ?? null
        if (p === undefined || origin === null) return undefined
        const change = field('changes', origin)
        return { ...x, path: `${key === null ? change : field(change, key)}${p.rest}` }
      }
      return (
        at(
          'members',
          members.map((e) => e.origin),
          'member',
        ) ??
        at(
          'requests',
          requests.map((e) => e.origin),
          'request',
        ) ??
        at(
          'pinned',
          pins.map((p) => p.origin),
          null,
        ) ??
        x
      )
    }
  // Decode; pins of the old problem that now break a hard constraint are dropped and the
  // rest decoded again (each round drops at least one pin, so this ends).
  let pins: ReadonlyArray<Pin> = d.pins
  for (;;) {
    const decoded = decodeProblem(json(pins))
    if (E.isRight(decoded)) {
      const droppedPins = [...d.dropped].sort(
        (x, y) => compareIds(x.slot, y.slot) || compareIds(x.member, y.member),
      )
      return E.right({ _tag: 'Replanned', problem: decoded.right, droppedPins })
    }
    const broken = new Map<number, Array<string>>()
    const rest: Array<Issue> = []
    for (const x of decoded.left) {
      const p = splitPath(x.path, 'pinned')
      if (x.code === 'pin' && p !== undefined && pins[p.index]?.origin === null)
        broken.set(p.index, [...(broken.get(p.index) ?? []), x.message])
      else rest.push(remap(pins)(x))
    }
    const [first, ...more] = rest
    if (first !== undefined) return E.left([first, ...more])
    if (broken.size === 0) return E.left(decoded.left)
    for (const [k, messages] of broken) {
      const p = pins[k] as Pin
      d.dropped.push({ ...p.pin, reason: 'broken', detail: messages.join('; ') })
    }
    pins = pins.filter((_, k) => !broken.has(k))
  }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/** A number for people: at most two decimals, a decimal comma in Dutch. */
const show = (x: number, lang: Language): string => {
  const r = Math.round(x * 100) / 100 + 0
  const s = String(Math.abs(r))
  return `${r < 0 ? '-' : ''}${lang === 'nl' ? s.replace('.', ',') : s}`
}

const signed = (x: number, lang: Language): string => {
  const s = show(x, lang)
  return s === '0' || s.startsWith('-') ? s : `+${s}`
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

const termWords: Readonly<Record<Language, Readonly<Record<keyof Terms, string>>>> = {
  en: {
    fit: 'fit',
    preference: 'preference',
    learning: 'learning',
    continuity: 'continuity',
    diversity: 'diversity',
    rotation: 'rotation',
    balance: 'balance',
  },
  nl: {
    fit: 'passendheid',
    preference: 'voorkeur',
    learning: 'ontwikkeling',
    continuity: 'continuïteit',
    diversity: 'diversiteit',
    rotation: 'rotatie',
    balance: 'belasting',
  },
}

const causeWords: Readonly<Record<Language, Readonly<Record<ForcedCause, string>>>> = {
  en: {
    'slot-gone': 'the slot is gone',
    'member-gone': 'no longer in the pool',
    pinned: 'pinned to someone else',
    unit: 'unit',
    quality: 'quality',
    discipline: 'discipline',
    excluded: 'excluded',
    availability: 'availability',
    capacity: 'capacity',
  },
  nl: {
    'slot-gone': 'de plek bestaat niet meer',
    'member-gone': 'niet meer in de pool',
    pinned: 'vastgezet op iemand anders',
    unit: 'eenheid',
    quality: 'kwaliteit',
    discipline: 'discipline',
    excluded: 'uitgesloten',
    availability: 'beschikbaarheid',
    capacity: 'capaciteit',
  },
}

const reasonWords: Readonly<Record<Language, Readonly<Record<DropReason, string>>>> = {
  en: { cancelled: 'request cancelled', replaced: 'replaced by a new pin', broken: 'no longer possible' },
  nl: {
    cancelled: 'vraagstuk vervallen',
    replaced: 'vervangen door een nieuwe vastzetting',
    broken: 'niet meer mogelijk',
  },
}

const diffLines = (d: PlanDiff, lang: Language): ReadonlyArray<string> => {
  const nl = lang === 'nl'
  const head =
    d.added.length + d.removed.length + d.changed.length === 0
      ? nl
        ? 'geen wijzigingen in de bezetting'
        : 'no change in the assignments'
      : nl
      ? `${d.added.length} toegevoegd, ${d.removed.length} vervallen, ${d.changed.length} gewijzigd; ${plural(
          d.people.length,
          'persoon',
          'mensen',
        )} geraakt`
      : `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed; ${plural(
          d.people.length,
          'person',
          'people',
        )} affected`
  const moved = (x: MemberId, y: MemberId) => `${x} → ${y}`
  const terms = termNames
    .filter((k) => show(d.delta.terms[k], lang) !== '0')
    .map((k) => `${termWords[lang][k]} ${signed(d.delta.terms[k], lang)}`)
  const score = `${nl ? 'gevuld' : 'filled'} ${signed(d.delta.filled, lang)}, ${
    nl ? 'zachte score' : 'soft'
  } ${signed(d.delta.soft, lang)}${terms.length === 0 ? '' : ` (${terms.join(', ')})`}`
  return [
    head,
    ...d.added.map((a) => `+ ${a.slot}: ${a.member}`),
    ...d.removed.map((a) => `- ${a.slot}: ${a.member}`),
    ...d.changed.map((c) => `~ ${c.slot}: ${moved(c.from, c.to)}`),
    score,
  ]
}

const disruptionLines = (x: Disruption, lang: Language): ReadonlyArray<string> => {
  const nl = lang === 'nl'
  const head = nl
    ? `${plural(x.changed, 'toewijzing', 'toewijzingen')} gewijzigd: ${
        x.forced
      } afgedwongen door de wijzigingen, ${x.beyond} daarbovenop`
    : `${plural(x.changed, 'assignment', 'assignments')} changed: ${x.forced} forced by the changes, ${
        x.beyond
      } beyond them`
  const now = (m: MemberId | null) => m ?? 'open'
  return [
    head,
    ...x.assignments.map((a) => {
      const move = `${a.slot}: ${a.member} → ${now(a.now)}`
      if (a.cause === null) return `${nl ? 'gekozen' : 'chosen'} ${move}`
      const why = causeWords[lang][a.cause]
      return `${nl ? 'afgedwongen' : 'forced'} ${move} (${why}: ${a.detail})`
    }),
  ]
}

const replannedLines = (x: Replanned, lang: Language): ReadonlyArray<string> => {
  const nl = lang === 'nl'
  const p = x.problem
  const head = nl
    ? `nieuw probleem: ${plural(p.members.length, 'lid', 'leden')}, ${plural(
        p.requests.length,
        'vraagstuk',
        'vraagstukken',
      )}, ${plural(p.previous.length, 'eerdere toewijzing', 'eerdere toewijzingen')}, ${plural(
        p.pinned.length,
        'vastzetting',
        'vastzettingen',
      )}`
    : `next problem: ${plural(p.members.length, 'member', 'members')}, ${plural(
        p.requests.length,
        'request',
        'requests',
      )}, ${plural(p.previous.length, 'previous assignment', 'previous assignments')}, ${plural(
        p.pinned.length,
        'pin',
        'pins',
      )}`
  return [
    head,
    ...x.droppedPins.map((d) =>
      nl
        ? `vastzetting vervallen: ${d.member} op ${d.slot} (${reasonWords.nl[d.reason]}: ${d.detail})`
        : `pin dropped: ${d.member} on ${d.slot} (${reasonWords.en[d.reason]}: ${d.detail})`,
    ),
  ]
}

/**
 * Readable lines, in Dutch (`nl`) or English (`en`), for a {@link PlanDiff} (a summary, one
 * line per added `+`, removed `-` and changed `~` assignment, and the score change), a
 * {@link Disruption} (the counts, then each changed assignment: forced, with its cause, or
 * chosen) or a {@link Replanned} result (the next problem's size and every dropped pin). Ids
 * are shown as they are; numbers with at most two decimals.
 *
 * @category utilities
 * @since 0.1.0
 */
export const toLines = (x: PlanDiff | Disruption | Replanned, lang: Language): ReadonlyArray<string> => {
  switch (x._tag) {
    case 'PlanDiff':
      return diffLines(x, lang)
    case 'Disruption':
      return disruptionLines(x, lang)
    case 'Replanned':
      return replannedLines(x, lang)
  }
}
