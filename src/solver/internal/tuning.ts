/**
 * The solver's tuning numbers, each named once with the reason beside it. None of them changes
 * what a valid plan is; they decide how the effort budget is spent. Changing one changes plans
 * (deterministically): measure with `npm run bench` before and after.
 *
 * @internal
 * @since 0.1.0
 */

// ---- the budget split (Solver.ts) ----------------------------------------------------

/** Without the exact search, the heuristic's share of the effort; the rest goes to the root bound. */
export const HEURISTIC_SHARE = 4 / 5
/**
 * Before an exact search, the warm-up heuristic's share of the effort, capped at a base plus a
 * few hundred steps per edge: enough for a good incumbent on small models, little enough that
 * the proof gets the budget.
 */
export const WARMUP_SHARE = 1 / 8
/** The cap's base, in steps. */
export const WARMUP_BASE = 50_000
/** The cap's steps per edge. */
export const WARMUP_PER_EDGE = 500
/** The exact search's share of what the warm-up leaves; if it cannot prove, the heuristic gets the rest. */
export const EXACT_SHARE = 0.7

// ---- the default effort (Solver.ts) ---------------------------------------------------

/**
 * The default effort of small models beyond the exact search: on the published generalized
 * assignment problems (500–4,000 edges) the heuristic still improves up to here (gapa–d mean
 * gap 0.72 % at 5M steps, 0.44 % at 150M), a few seconds of work.
 */
export const SMALL_MODEL_EFFORT = 150_000_000
/** Larger models get fewer steps: edges × default effort stays at most this (150M steps at 4,000 edges). */
export const EFFORT_EDGE_PRODUCT = 6e11
// ---- the root bound without the exact search (decompose.ts) ----------------------------

/**
 * The first subgradient step of the root's soft bound, relative to Polyak's: the multipliers
 * start at the separable bound, where many members are within a fraction of a point of each
 * slot's best value, so a full step makes them all take it and the bound leaps up; small steps
 * lower it from the first pass (bench M: 6.84 % → see the commit).
 */
export const ROOT_SOFT_THETA = 0.05
/** Subgradient passes of the root's filled bound (within half the effort). */
export const ROOT_FILLED_ITERATIONS = 200
/** Subgradient passes of the root's soft bound with λ (the multiplier of `filled ≥ incumbent`) fixed … */
export const ROOT_SOFT_ITERATIONS = 200
/** … then with λ free (a quarter of the effort each). */
export const ROOT_SOFT_LAMBDA_ITERATIONS = 100

// ---- the subgradient optimisation of every decomposition bound (decompose.ts) -----------

/** After this many passes in a row without a better bound, the step factor θ halves. */
export const SUBGRADIENT_STALE_PASSES = 6
/** The optimisation stops once θ falls below this: the steps no longer move the bound. */
export const SUBGRADIENT_THETA_MIN = 1e-3
/**
 * Polyak's step uses the gap between the relaxation and the target, but at least this share
 * of the target's scale, so a relaxation at its target still moves the multipliers.
 */
export const SUBGRADIENT_MIN_GAP = 1e-6

// ---- the assignment core (matchingAugment.ts) -------------------------------------------

/** Passes of the augmenting row reduction before the shortest-path searches serve the rest (Jonker and Volgenant use two). */
export const ARR_PASSES = 2

// ---- the heuristic (heuristic.ts) -----------------------------------------------------

/** Capacity prices: at most this many subgradient passes … */
export const PRICE_PASSES = 100
/** … and at most this share of the effort (prices only steer the construction). */
export const PRICE_SHARE = 0.2
/** Fewer passes than this are not worth starting. */
export const PRICE_MIN_PASSES = 5
/** The price step, relative to the value scale per hour, decaying as `1 / (1 + pass / PRICE_DECAY)`. */
export const PRICE_STEP = 0.2
/** See {@link PRICE_STEP}. */
export const PRICE_DECAY = 20

/** Annealing: at most this share of the remaining effort … */
export const ANNEAL_SHARE = 0.1
/** … and at most this many moves per slot (beyond it the soft score has settled). */
export const ANNEAL_MOVES_PER_SLOT = 4000
/** Random (slot, candidate) pairs sampled for the temperature scale. */
export const ANNEAL_SAMPLES = 256
/** The starting temperature, relative to the mean value difference sampled. */
export const ANNEAL_T0 = 0.3
/** The final temperature, relative to the starting one (geometric cooling). */
export const ANNEAL_T1 = 1e-3

/** Kicks stop after `max(KICK_IDLE_MIN, min(KICK_IDLE_PER_SLOT · slots, KICK_IDLE_MAX))` kicks in a row bring nothing. */
export const KICK_IDLE_MIN = 200
/** See {@link KICK_IDLE_MIN}. */
export const KICK_IDLE_PER_SLOT = 20
/** See {@link KICK_IDLE_MIN}. */
export const KICK_IDLE_MAX = 20_000
/** Slots one kick ruins at most (the slot and a few of its candidates' slots). */
export const KICK_RUIN = 8
/** A kick also ruins a slot of each of 1 to this many random candidates of its seed slot (at most {@link KICK_RUIN} − 1). */
export const KICK_PARTNERS = 4
/** Depth of the ejection chains that fill an empty slot. */
export const EJECT_DEPTH = 3

// ---- the exact search (exact.ts, exactBound.ts) -----------------------------------------

/**
 * Subgradient iterations of each root bound: about `EXACT_ROOT_WORK / edges` (each iteration
 * is a relaxation, linear in the edges), clamped to [EXACT_ROOT_ITERATIONS_MIN,
 * EXACT_ROOT_ITERATIONS_MAX]. The root's multipliers seed every node, so they get the most.
 */
export const EXACT_ROOT_WORK = 2e6
/** See {@link EXACT_ROOT_WORK}. */
export const EXACT_ROOT_ITERATIONS_MIN = 50
/** See {@link EXACT_ROOT_WORK}. */
export const EXACT_ROOT_ITERATIONS_MAX = 500
/** Iterations at a node: its parent's multipliers are already close, a few steps re-fit them. */
export const EXACT_NODE_ITERATIONS = 20
/** Iterations bounding each unexplored part of a search that stopped early (from its parent's multipliers). */
export const EXACT_OPEN_ITERATIONS = 20
/** Iterations of a mandatory-slot probe the root's multipliers alone could not decide. */
export const EXACT_PROBE_ITERATIONS = 10
/** Rounds of edge banning at the root: each ban lowers other edges' bounds, so a round may enable more. */
export const EXACT_BAN_ROUNDS = 4

// ---- rounding of bounds (exactSearch.ts, decompose.ts) ------------------------------------

/** A bound this close below an integer rounds up to it (the relaxation's float error) before it is floored. */
export const ROUNDING_SLACK = 1e-6
/**
 * With integer scores, a subgradient target just below `incumbent + 1`: a bound below it
 * floors to the incumbent, so the optimisation may stop there.
 */
export const TARGET_MARGIN = 1e-5
