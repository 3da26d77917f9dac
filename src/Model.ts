/**
 * The solver-facing model (also published on its own in `wendbaar/solver`): a generic
 * assignment problem that knows nothing of roles, qualities or requests. Slots have a priority;
 * candidate (member, slot) edges carry their own hours and a vector of value terms; members
 * have a capacity per time point; groups limit how many slots of one group a member may take;
 * forced edges must hold; conflicting member pairs never share a group; and three team-level
 * terms complete the objective: a bonus per distinct member category per group, penalties for
 * member pairs sharing a group, and a penalty for overload beyond a member's threshold.
 *
 * The staffing domain compiles into it; so do the linear and generalized assignment problems.
 *
 * @since 0.1.0
 * @module
 */

// -------------------------------------------------------------------------------------
// model
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
  /** Candidate edges, sorted by (slot, member); at most one per pair. */
  readonly edges: ReadonlyArray<ModelEdge>
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
