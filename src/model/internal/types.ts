/**
 * The data types of the model layer — the generic model, its score and the hard constraints a
 * set of edges can break — in one module that imports nothing, so the evaluator's internals can
 * use them without an import cycle. Users meet them through the `Model` and `Evaluate`
 * namespaces, which re-export them.
 *
 * @since 0.1.0
 */

// -------------------------------------------------------------------------------------
// the model
// -------------------------------------------------------------------------------------

/**
 * A slot: at most one member fills it; filling it is worth `priority`.
 *
 * @category model
 * @since 0.1.0
 */
export interface ModelSlot {
  /** Unique id (used for tie-breaking and reporting). */
  readonly id: string
  /** Worth of filling the slot (> 0); the primary objective is Σ priority over filled slots. */
  readonly priority: number
  /** Index of the slot's group in {@link Model.groups}. */
  readonly group: number
  /** First time point (index into the model's time points) the slot is active, inclusive. */
  readonly from: number
  /** Last time point the slot is active, inclusive (`from ≤ to < timePoints`). */
  readonly to: number
}

/**
 * A member: a capacity per time point, a category, and an overload penalty
 * `overloadWeight · (max(0, base + peak − threshold) − max(0, base − threshold))`,
 * where `peak` is the member's largest load over time points.
 *
 * @category model
 * @since 0.1.0
 */
export interface ModelMember {
  /** Unique id. */
  readonly id: string
  /** Hours available at every time point (≥ 0). */
  readonly capacity: number
  /** Category index (for the distinct-category bonus), or −1 for none. */
  readonly category: number
  /** Load the member already carries outside the model (for the overload term). */
  readonly base: number
  /** Load beyond which overload is penalised. */
  readonly threshold: number
  /** Penalty per hour of overload added (≥ 0). */
  readonly overloadWeight: number
}

/**
 * A group of slots (a request): a member takes at most `limit` of its slots.
 *
 * @category model
 * @since 0.1.0
 */
export interface ModelGroup {
  /** Unique id. */
  readonly id: string
  /** Most slots of this group one member may take (integer ≥ 1). */
  readonly limit: number
}

/**
 * A candidate edge: member `member` may fill slot `slot`, using `hours` of capacity at each of
 * the slot's time points, and contributing `terms` (one number per {@link TermNames.edge}).
 *
 * @category model
 * @since 0.1.0
 */
export interface ModelEdge {
  /** Member index. */
  readonly member: number
  /** Slot index. */
  readonly slot: number
  /** Capacity used at each of the slot's time points (≥ 0). */
  readonly hours: number
  /** Value terms, aligned with {@link TermNames.edge}; the edge's value is their sum. */
  readonly terms: ReadonlyArray<number>
}

/**
 * The candidate edges as columns of typed arrays, for models too large for one object per
 * edge (a national pool has millions of edges): edge `e` is `member[e]`, `slot[e]`,
 * `hours[e]`, and its terms are `terms[e·k … e·k + k)` with `k` the number of edge term names.
 * The same rules hold as for an array of {@link ModelEdge}: sorted by (slot, member), at most
 * one per pair. The arrays are read, never written: the solver may share them.
 *
 * @category model
 * @since 0.1.0
 */
export interface EdgeTable {
  /** Member index per edge. */
  readonly member: Int32Array
  /** Slot index per edge. */
  readonly slot: Int32Array
  /** Capacity used per edge at each of its slot's time points (≥ 0). */
  readonly hours: Float64Array
  /** The edges' value terms, edge after edge (`edges × TermNames.edge.length` numbers). */
  readonly terms: Float64Array
}

/**
 * A penalty paid once per group in which both members serve.
 *
 * @category model
 * @since 0.1.0
 */
export interface PairPenalty {
  /** First member index (`a < b`). */
  readonly a: number
  /** Second member index. */
  readonly b: number
  /** Penalty (≥ 0) subtracted per group the two share. */
  readonly weight: number
}

/**
 * The names under which the model's terms are reported.
 *
 * @category model
 * @since 0.1.0
 */
export interface TermNames {
  /** Names of the edge terms, one per entry of {@link ModelEdge.terms}. */
  readonly edge: ReadonlyArray<string>
  /** Name of the distinct-category bonus. */
  readonly category: string
  /** Name of the pair penalty. */
  readonly pair: string
  /** Name of the overload penalty. */
  readonly overload: string
}

/**
 * A solver model.
 *
 * @category model
 * @since 0.1.0
 */
export interface Model {
  /** Number of time points; capacity holds at each. */
  readonly timePoints: number
  /** Slots, in id order. */
  readonly slots: ReadonlyArray<ModelSlot>
  /** Members, in id order. */
  readonly members: ReadonlyArray<ModelMember>
  /** Groups, in id order. */
  readonly groups: ReadonlyArray<ModelGroup>
  /**
   * Candidate edges, sorted by (slot, member); at most one per pair: an array of
   * {@link ModelEdge}, or the same edges as an {@link EdgeTable} of typed arrays.
   */
  readonly edges: ReadonlyArray<ModelEdge> | EdgeTable
  /** Names of the terms. */
  readonly termNames: TermNames
  /** Edge indices that every solution must contain. */
  readonly forced: ReadonlyArray<number>
  /** Edge indices no solution may contain. */
  readonly forbidden: ReadonlyArray<number>
  /** Member pairs `[a, b]` (`a < b`) that never serve in the same group. */
  readonly conflicts: ReadonlyArray<readonly [number, number]>
  /** Penalties for member pairs serving in the same group. */
  readonly pairPenalties: ReadonlyArray<PairPenalty>
  /** Bonus per distinct member category among the members serving a group (≥ 0). */
  readonly categoryBonus: number
}

declare const ValidModelBrand: unique symbol

/**
 * A model that {@link decodeModel} accepted: well formed, and its forced edges alone break no
 * hard constraint — so a valid plan always exists.
 *
 * @category model
 * @since 0.1.0
 */
export type ValidModel = Model & { readonly [ValidModelBrand]: 'ValidModel' }

// -------------------------------------------------------------------------------------
// scores and violations
// -------------------------------------------------------------------------------------

/**
 * The score of a set of edges: `filled` first, then `soft` (compared lexicographically), with
 * `soft` broken down into its named, signed terms.
 *
 * @category model
 * @since 0.1.0
 */
export interface ModelScore {
  /** Σ priority over filled slots. */
  readonly filled: number
  /** Σ of the terms. */
  readonly soft: number
  /** Signed terms by name: the edge terms, then the category, pair (≤ 0) and overload (≤ 0) terms. */
  readonly terms: Readonly<Record<string, number>>
}

/**
 * The two levels of a score, compared lexicographically: `filled` first, then `soft`.
 *
 * @category model
 * @since 0.1.0
 */
export interface Levels {
  /** Σ priority over filled slots. */
  readonly filled: number
  /** The soft score. */
  readonly soft: number
}

/**
 * The kinds of hard constraint a set of edges can break.
 *
 * - `edge`: an index that is not an edge of the model, or the same edge twice;
 * - `slot`: two edges on one slot;
 * - `capacity`: a member's load at a time point above its capacity;
 * - `group`: a member holding more slots of a group than its limit;
 * - `forced`: a forced edge missing;
 * - `forbidden`: a forbidden edge chosen;
 * - `conflict`: two conflicting members serving the same group.
 *
 * @category model
 * @since 0.1.0
 */
export type ViolationKind = 'slot' | 'edge' | 'capacity' | 'group' | 'forced' | 'forbidden' | 'conflict'

/**
 * One broken hard constraint: what breaks it as indices into the model (so an app can put it
 * in its own words) and a `message` naming slots, members and groups by id.
 *
 * - `edge`: entry `entry` of the list is not an edge of the model, or repeats one;
 * - `slot`: slot `slot` is filled by two edges (`members`);
 * - `forced` / `forbidden`: edge `edge` is missing / chosen;
 * - `capacity`: member `member` carries `load` at time point `point`, above `capacity`;
 * - `group`: member `member` holds `count` slots of group `group`, above `limit`;
 * - `conflict`: the conflicting `members` both serve group `group`.
 *
 * @category model
 * @since 0.1.0
 */
export type Violation =
  | EdgeViolation
  | SlotViolation
  | EdgeFlagViolation
  | CapacityViolation
  | GroupViolation
  | ConflictViolation

/**
 * What every violation carries.
 *
 * @category model
 * @since 0.1.0
 */
export interface ViolationBase<K extends ViolationKind> {
  /** Discriminant. */
  readonly _tag: 'Violation'
  /** Which constraint is broken. */
  readonly kind: K
  /** What breaks it, naming slots, members and groups by id. */
  readonly message: string
}

/**
 * An entry of the list that is not an edge of the model, or repeats one.
 *
 * @category model
 * @since 0.1.0
 */
export interface EdgeViolation extends ViolationBase<'edge'> {
  /** Position of the entry in the list. */
  readonly entry: number
}

/**
 * A slot filled twice.
 *
 * @category model
 * @since 0.1.0
 */
export interface SlotViolation extends ViolationBase<'slot'> {
  /** The slot index. */
  readonly slot: number
  /** The two members filling it. */
  readonly members: readonly [number, number]
}

/**
 * A forced edge missing, or a forbidden edge chosen.
 *
 * @category model
 * @since 0.1.0
 */
export interface EdgeFlagViolation extends ViolationBase<'forced' | 'forbidden'> {
  /** The edge index. */
  readonly edge: number
}

/**
 * A member's load above its capacity at a time point.
 *
 * @category model
 * @since 0.1.0
 */
export interface CapacityViolation extends ViolationBase<'capacity'> {
  /** The member index. */
  readonly member: number
  /** The time point. */
  readonly point: number
  /** The member's load there. */
  readonly load: number
  /** The member's capacity. */
  readonly capacity: number
}

/**
 * A member holding more slots of a group than its limit.
 *
 * @category model
 * @since 0.1.0
 */
export interface GroupViolation extends ViolationBase<'group'> {
  /** The member index. */
  readonly member: number
  /** The group index. */
  readonly group: number
  /** Slots of the group the member holds. */
  readonly count: number
  /** The group's limit. */
  readonly limit: number
}

/**
 * Two conflicting members serving one group.
 *
 * @category model
 * @since 0.1.0
 */
export interface ConflictViolation extends ViolationBase<'conflict'> {
  /** The two members (`a < b`). */
  readonly members: readonly [number, number]
  /** The group index. */
  readonly group: number
}

