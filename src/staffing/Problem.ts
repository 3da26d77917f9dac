/**
 * The staffing problem's data types: roles, pool members, requests with role slots, history,
 * pins, the previous plan, `apart` pairs and the policy. Users meet them through the public
 * `Problem` namespace, which adds the codecs (decoding with the pin check is a pipeline step:
 * the pins are checked by the solver's own evaluator).
 *
 * @since 0.1.0
 */
import type { IsoDate, Period } from '../kernel/IsoDate.js'

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
 * The seven weights of the soft score (see the [scoring reference](../../docs/scoring.md#the-score)), each ≥ 0.
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
 * [scoring reference](../../docs/scoring.md#the-staffing-problem-json)).
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
// the JSON form
// -------------------------------------------------------------------------------------

/**
 * An inclusive period in JSON: ISO dates `YYYY-MM-DD`.
 *
 * @category model
 * @since 0.1.0
 */
export interface PeriodJson {
  /** First day. */
  readonly from: string
  /** Last day. */
  readonly to: string
}

/**
 * A role's quality requirement in JSON.
 *
 * @category model
 * @since 0.1.0
 */
export interface RoleQualityJson {
  /** The quality. */
  readonly quality: string
  /** Minimum level 0..5 (default 0). */
  readonly min?: number
  /** Weight > 0 (default 1). */
  readonly weight?: number
}

/**
 * A role in JSON.
 *
 * @category model
 * @since 0.1.0
 */
export interface RoleJson {
  /** Role id. */
  readonly id: string
  /** Name (default: the id). */
  readonly name?: string
  /** Quality requirements (default none). */
  readonly qualities?: ReadonlyArray<RoleQualityJson>
}

/**
 * A pool member in JSON.
 *
 * @category model
 * @since 0.1.0
 */
export interface MemberJson {
  /** Member id. */
  readonly id: string
  /** Name (default: the id). */
  readonly name?: string
  /** Disciplines, the primary first (non-empty). */
  readonly disciplines: ReadonlyArray<string>
  /** Quality levels 0..5 by name (missing = 0). */
  readonly qualities?: Readonly<Record<string, number>>
  /** Hours per week, > 0. */
  readonly capacity: number
  /** Hours per week already taken (default 0). */
  readonly committed?: number
  /** Units served (default: all). */
  readonly units?: ReadonlyArray<string> | null
  /** Availability windows (default: always; `[]`: never). */
  readonly available?: ReadonlyArray<PeriodJson> | null
  /** Preferences −2..2 by role id (default none). */
  readonly preferences?: Readonly<Record<string, number>>
  /** Qualities to develop (default none). */
  readonly goals?: ReadonlyArray<string>
}

/**
 * A role slot in JSON.
 *
 * @category model
 * @since 0.1.0
 */
export interface SlotJson {
  /** Slot id, unique across the problem. */
  readonly id: string
  /** Role id. */
  readonly role: string
  /** Hours per week, > 0. */
  readonly hours: number
  /** Required discipline (default none). */
  readonly discipline?: string | null
}

/**
 * A request in JSON.
 *
 * @category model
 * @since 0.1.0
 */
export interface RequestJson {
  /** Request id. */
  readonly id: string
  /** Title (default: the id). */
  readonly title?: string
  /** Priority 1..5 (default 1). */
  readonly priority?: number
  /** Unit (default none: any member). */
  readonly unit?: string | null
  /** Period. */
  readonly period: PeriodJson
  /** Excluded member ids (default none). */
  readonly excluded?: ReadonlyArray<string>
  /** Role slots. */
  readonly slots: ReadonlyArray<SlotJson>
}

/**
 * A past team in JSON.
 *
 * @category model
 * @since 0.1.0
 */
export interface HistoryJson {
  /** Request id (of a finished request). */
  readonly request: string
  /** Member ids. */
  readonly members: ReadonlyArray<string>
  /** End date. */
  readonly ended: string
}

/**
 * A (member, slot) pair in JSON: a pin or a previous assignment.
 *
 * @category model
 * @since 0.1.0
 */
export interface SlotMemberJson {
  /** Member id. */
  readonly member: string
  /** Slot id. */
  readonly slot: string
}

/**
 * The policy in JSON: every field and weight defaults on its own.
 *
 * @category model
 * @since 0.1.0
 */
export interface PolicyJson {
  /** Weights of the soft terms (each ≥ 0). */
  readonly weights?: Partial<Weights>
  /** Share of capacity beyond which load counts as overload, in (0, 1]. */
  readonly comfort?: number
  /** Most slots per member per request, integer ≥ 1. */
  readonly maxSlotsPerMemberPerRequest?: number
  /** Teams that ended on or after this date count for rotation (default: no rotation term). */
  readonly rotationSince?: string | null
}

/**
 * A staffing problem in JSON, as apps send it (see the
 * [scoring reference](../../docs/scoring.md#the-staffing-problem-json)) and as `encodeProblem`
 * writes it.
 *
 * @category model
 * @since 0.1.0
 */
export interface ProblemJson {
  /** Roles. */
  readonly roles: ReadonlyArray<RoleJson>
  /** The pool. */
  readonly members: ReadonlyArray<MemberJson>
  /** Requests with their slots. */
  readonly requests: ReadonlyArray<RequestJson>
  /** Past teams (default none). */
  readonly history?: ReadonlyArray<HistoryJson>
  /** Fixed decisions (default none). */
  readonly pinned?: ReadonlyArray<SlotMemberJson>
  /** The last plan (default none). */
  readonly previous?: ReadonlyArray<SlotMemberJson>
  /** Member pairs never on the same request's team (default none). */
  readonly apart?: ReadonlyArray<readonly [string, string]>
  /** The policy (default: the default policy). */
  readonly policy?: PolicyJson
}
