/**
 * The data of assignment problems — GAP and LAP instances, their senses, arcs and results —
 * for the `Assignment` namespace, which re-exports it.
 *
 * @internal
 * @since 0.1.0
 */
import { type Solution } from '../Solver.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

declare const GapProblemBrand: unique symbol
declare const LapProblemBrand: unique symbol

/**
 * Objective sense of a GAP problem: maximise Σ c (OR-Library `gap1..gap12`) or minimise it
 * (`gapa..gapd`, the Yagiura files).
 *
 * @category model
 * @since 0.1.0
 */
export type Sense = 'max' | 'min'

/**
 * The numbers of a GAP problem, as {@link gapProblem} takes them: `cost[i][j]` = c(i,j),
 * `use[i][j]` = a(i,j), `capacity[i]` = b(i), for agents `i` and jobs `j` (0-based).
 *
 * @category model
 * @since 0.1.0
 */
export interface GapInput {
  /** c(i,j): one row per agent, one entry per job (finite numbers). */
  readonly cost: ReadonlyArray<ReadonlyArray<number>>
  /** a(i,j): one row per agent, one entry per job (finite numbers ≥ 0). */
  readonly use: ReadonlyArray<ReadonlyArray<number>>
  /** b(i): one per agent (finite numbers ≥ 0). */
  readonly capacity: ReadonlyArray<number>
}

/**
 * A checked GAP problem: at least one agent and one job, rectangular matrices, finite
 * numbers, uses and capacities ≥ 0. Made by {@link gapProblem} or {@link parseGap} only.
 *
 * @category model
 * @since 0.1.0
 */
export interface GapProblem extends GapInput {
  /** Discriminant. */
  readonly _tag: 'GapProblem'
  /** Number of agents `m` (≥ 1). */
  readonly agents: number
  /** Number of jobs `n` (≥ 1). */
  readonly jobs: number
  /** The brand: only the checking constructors make a `GapProblem`. */
  readonly [GapProblemBrand]: 'GapProblem'
}

/**
 * One allowed arc of a LAP problem: row `row` may take column `col` at cost `cost` (indices
 * 0-based).
 *
 * @category model
 * @since 0.1.0
 */
export interface LapArc {
  /** Row index in `0..size−1`. */
  readonly row: number
  /** Column index in `0..size−1`. */
  readonly col: number
  /** Cost c(row, col) (finite). */
  readonly cost: number
}

/**
 * The numbers of a LAP problem, as {@link lapProblem} takes them: the size `n` and the allowed
 * arcs, in any order (a dense problem lists all `n²`).
 *
 * @category model
 * @since 0.1.0
 */
export interface LapInput {
  /** Number of rows and of columns (an integer ≥ 1). */
  readonly size: number
  /** The allowed arcs, at most one per (row, column). */
  readonly arcs: ReadonlyArray<LapArc>
}

/**
 * A checked LAP problem (minimise Σ cost): integer indices in range, finite costs, no arc
 * twice, arcs sorted by (column, row). Made by {@link lapProblem} or {@link parseLap} only.
 *
 * @category model
 * @since 0.1.0
 */
export interface LapProblem extends LapInput {
  /** Discriminant. */
  readonly _tag: 'LapProblem'
  /** The brand: only the checking constructors make a `LapProblem`. */
  readonly [LapProblemBrand]: 'LapProblem'
}

/**
 * An assignment: entry `j` is the agent (for the LAP: the row) of job (column) `j`, or −1
 * when the job is unassigned.
 *
 * @category model
 * @since 0.1.0
 */
export type Assignment = ReadonlyArray<number>

/**
 * The kinds of {@link Infeasibility}:
 *
 * - `length`: the assignment has not one entry per job;
 * - `unassigned`: a job without an agent;
 * - `agent`: a job given to an agent (row) that does not exist;
 * - `arc`: a LAP column given to a row without an arc to it;
 * - `capacity`: a GAP agent over its capacity, or a LAP row taking more than one column.
 *
 * @category model
 * @since 0.1.0
 */
export type InfeasibilityKind = 'length' | 'unassigned' | 'agent' | 'arc' | 'capacity'

/**
 * One way an assignment breaks its problem, found by {@link infeasibility} from the raw data.
 *
 * @category model
 * @since 0.1.0
 */
export interface Infeasibility {
  /** Discriminant. */
  readonly _tag: 'Infeasibility'
  /** Which rule is broken. */
  readonly kind: InfeasibilityKind
  /** The job (column) concerned, or null. */
  readonly job: number | null
  /** The agent (row) concerned, or null. */
  readonly agent: number | null
  /** What is wrong, in words. */
  readonly message: string
}

/**
 * What {@link solveGap} and {@link solveLap} return.
 *
 * @category model
 * @since 0.1.0
 */
export interface AssignmentResult {
  /** The agent (row) of every job (column), −1 for none. */
  readonly assignment: Assignment
  /** Jobs assigned. */
  readonly assigned: number
  /** Σ c over the assignment, in the problem's own units (whatever the sense). */
  readonly objective: number
  /** What the assignment breaks (empty: every job assigned, every capacity held). */
  readonly violations: ReadonlyArray<Infeasibility>
  /** The solver proved its plan optimal for the model (so the objective is the optimum when feasible). */
  readonly optimal: boolean
  /**
   * The solver's bound on Σ c — an upper bound when maximising, a lower bound when
   * minimising — when it has one and every job is assigned; otherwise null.
   */
  readonly bound: number | null
  /** The solver's own solution on the mapped model. */
  readonly solution: Solution
}

