/**
 * The data of replanning — the changes a plan must absorb, their JSON form, and what
 * replanning returns (the diff, the pins dropped, the disruption) — for the `Replan` namespace,
 * which re-exports them.
 *
 * @since 0.1.0
 */
import type { IsoDate, Period } from '../../kernel/IsoDate.js'
import type { Assignment, ReasonCode, Score } from '../../staffing/Plan.js'
import {
  type Member,
  type MemberId,
  type Request,
  type RequestId,
  type SlotId,
  type ValidProblem,
} from '../Problem.js'
import { deepFreeze } from '../../kernel/internal/freeze.js'

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
export const changeTags: ReadonlyArray<Change['_tag']> = deepFreeze([
  'memberLeaves',
  'memberJoins',
  'requestArrives',
  'requestCancelled',
  'requestChanges',
  'pinAdded',
  'pinRemoved',
])

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
