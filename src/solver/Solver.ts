/**
 * The solver core: {@link solveModel} finds a plan for a valid {@link Model.ValidModel}
 * (see `Model.decodeModel`) — every hard constraint kept, forced
 * edges included, the score computed by the one evaluator — with an upper bound, proven optimal
 * on small models.
 *
 * The search is deterministic: effort is counted in steps (never time); an optional injected
 * clock with a time limit may stop it early, but the effort budget bounds it regardless.
 * {@link decodeOptions} checks options; {@link solveModel} never fails on them: a bad field falls
 * back to its documented default (see {@link SolveOptions}). The
 * [performance guide](../../docs/performance.md) says how to measure it.
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import { type Issue, field, issue } from '../kernel/Issue.js'
import { type ValidModel, decodeModel as decodeValidModel, ModelCodec as ModelShapeCodec } from '../model/Model.js'
import { type ModelScore, compareScore } from '../model/Evaluate.js'
import { type Compact, compactOf } from '../model/internal/compact.js'
import { evaluateCompact } from '../model/internal/score.js'
import { improve } from './internal/heuristic.js'
import { forcedState, stateOf } from '../model/internal/state.js'
import { edgeEnds } from '../model/internal/edges.js'
import { trivialBound } from './internal/lagrange.js'
import { branchAndBound } from './internal/exact.js'
import { rootBounds } from './internal/decompose.js'
import { assignmentCore, isAssignmentCore, uncoupled } from './internal/matching.js'
import {
  EFFORT_EDGE_PRODUCT,
  EXACT_SHARE,
  HEURISTIC_SHARE,
  SMALL_MODEL_EFFORT,
  WARMUP_BASE,
  WARMUP_PER_EDGE,
  WARMUP_SHARE,
} from './internal/tuning.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * An injected clock: the current time in milliseconds (any origin). A clock that throws or
 * returns something other than a finite number counts as "time is up".
 *
 * @category model
 * @since 0.1.0
 */
export type Clock = () => number

/**
 * Options of {@link solveModel}. Every field is optional; a field that is out of range falls
 * back to its default (and {@link decodeOptions} reports it):
 *
 * | field | valid values | default |
 * | --- | --- | --- |
 * | `effort` | an integer ≥ 0 (steps) | {@link defaultExactEffort} when the exact search runs; else {@link defaultEffortOf} the edges of a plain model (no team terms), {@link defaultEffort} otherwise |
 * | `seed` | an integer ≥ 0 | 1 |
 * | `exact` | a boolean | exact on small models ({@link exactLimits}) |
 * | `clock` | a function returning milliseconds | none |
 * | `timeLimit` | a number ≥ 0 (ms), only with `clock` | none (the effort alone bounds the run) |
 * | `initial` | edge indices, a warm start | none |
 *
 * @category model
 * @since 0.1.0
 */
export type SolveOptions = CommonOptions & TimeOptions

/**
 * The options every solve takes.
 *
 * @category model
 * @since 0.1.0
 */
export interface CommonOptions {
  /**
   * Work budget in deterministic steps (≈ edges examined); default {@link defaultExactEffort}
   * when the exact search runs, else {@link defaultEffortOf} the edges of a plain model (no
   * team terms) and {@link defaultEffort} otherwise.
   */
  readonly effort?: number
  /** Seed of the pseudo-random choices (default 1). */
  readonly seed?: number
  /**
   * Prove optimality by branch and bound (`true`), never try (`false`), or — when absent — try on
   * small models (at most {@link exactLimits} slots and edges).
   */
  readonly exact?: boolean
  /**
   * A warm start: edge indices the search starts from (kept where they are edges of the
   * model and fit together, in slot order). The result depends on it as on any other option.
   */
  readonly initial?: ReadonlyArray<number>
}

/**
 * A time limit, which needs an injected clock: `timeLimit` without `clock` is a type error.
 *
 * @category model
 * @since 0.1.0
 */
export type TimeOptions = Untimed | Timed

/**
 * No clock, and so no time limit: the effort alone bounds the run.
 *
 * @category model
 * @since 0.1.0
 */
export interface Untimed {
  /** No clock. */
  readonly clock?: undefined
  /** No time limit (it needs a clock). */
  readonly timeLimit?: undefined
}

/**
 * An injected clock, and optionally a time limit on it.
 *
 * @category model
 * @since 0.1.0
 */
export interface Timed {
  /** An injected clock in milliseconds. */
  readonly clock: Clock
  /** Stop early after this many milliseconds of `clock` (the effort budget still applies). */
  readonly timeLimit?: number
}

/**
 * A clock with a limit in milliseconds.
 *
 * @category model
 * @since 0.1.0
 */
export interface TimeLimit {
  /** The injected clock. */
  readonly clock: Clock
  /** Milliseconds of `clock` after which the run stops. */
  readonly limit: number
}

/**
 * Solve options after {@link decodeOptions}: every field present and in range.
 *
 * @category model
 * @since 0.1.0
 */
export interface ValidOptions {
  /** Work budget in steps, or `null` for the default of the search that runs. */
  readonly effort: number | null
  /** Seed of the pseudo-random choices. */
  readonly seed: number
  /** Exact search: forced on, off, or `null` for automatic. */
  readonly exact: boolean | null
  /** The clock and its limit, or `null` for none. */
  readonly time: TimeLimit | null
  /** Warm-start edge indices. */
  readonly initial: ReadonlyArray<number>
}

/**
 * An upper bound: `filled` bounds every valid plan's filled; `soft` bounds the soft value of
 * every valid plan whose filled is at least the solution's.
 *
 * @category model
 * @since 0.1.0
 */
export interface ModelBound {
  /** Upper bound on filled. */
  readonly filled: number
  /** Upper bound on soft among plans at least as filled as the solution. */
  readonly soft: number
}

/**
 * What {@link solveModel} returns.
 *
 * @category model
 * @since 0.1.0
 */
export interface Solution {
  /** The chosen edge indices, ascending. */
  readonly edges: ReadonlyArray<number>
  /** Their score, from the evaluator. */
  readonly score: ModelScore
  /** An upper bound on the optimum, or `null` when none is known. */
  readonly bound: ModelBound | null
  /** Whether the solution is proven optimal (then `bound` equals the score). */
  readonly optimal: boolean
  /** Counters of the search. */
  readonly stats: SolverStats
}

/**
 * The solver's counters: deterministic work, never wall-clock time.
 *
 * @category model
 * @since 0.1.0
 */
export interface SolverStats {
  /** Edges banned by probing at the root of the exact search. */
  readonly banned: number
  /** Whether the exact search ran. */
  readonly exact: boolean
  /** Improving moves and kicks committed. */
  readonly improvements: number
  /** Slots every filled-optimal plan must fill, found at the root. */
  readonly mandatory: number
  /** Branch-and-bound nodes. */
  readonly nodes: number
  /** Work done, in steps. */
  readonly steps: number
}

/**
 * The default effort budget, in steps, of large models (see {@link defaultEffortOf}).
 *
 * @category model
 * @since 0.1.0
 */
export const defaultEffort = 5_000_000

/**
 * The default effort budget, in steps, of a plain model (no team terms: no category bonus,
 * pair penalties, conflicts or overload — a generalized assignment problem, say) with `edges`
 * candidate edges, when the exact search does not take it; other models get
 * {@link defaultEffort}. The budget is {@link defaultEffort}, raised for small models up to 150M
 * steps while edges × steps stays at most 6·10¹¹ (so a model of 4,000 edges gets 150M, one of
 * 40,000 gets 15M, one of 120,000 or more gets 5M). Small models beyond the exact search are the tight
 * ones — few valid moves per plan, like the published generalized assignment problems — where
 * the heuristic keeps improving long after 5M steps; the product bound keeps their solve within
 * seconds.
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#default-effort}
 *
 * @category model
 * @since 0.1.0
 */
export const defaultEffortOf = (edges: number): number =>
  Math.max(defaultEffort, Math.min(SMALL_MODEL_EFFORT, Math.floor(EFFORT_EDGE_PRODUCT / Math.max(1, edges))))

/**
 * The default effort budget, in steps, when the exact search runs.
 *
 * @category model
 * @since 0.1.0
 */
export const defaultExactEffort = 20_000_000

/**
 * Models with at most this many slots and edges are solved exactly unless
 * {@link SolveOptions.exact} is `false`.
 *
 * @category model
 * @since 0.1.0
 */
export const exactLimits: {
  /** Most slots for the automatic exact search. */
  readonly slots: number
  /** Most edges for the automatic exact search. */
  readonly edges: number
} = Object.freeze({ slots: 60, edges: 2500 })

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const hasOwn = Object.prototype.hasOwnProperty
const optionKeys = ['effort', 'seed', 'exact', 'clock', 'timeLimit', 'initial']
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0

/**
 * Checks solve options: `effort` and `seed` integers ≥ 0, `exact` a boolean, `clock` a
 * function, `timeLimit` a finite number ≥ 0 and only with a clock, `initial` an array of
 * integers ≥ 0, no other keys. Returns every issue with its path, or the options with each
 * field in place.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeOptions = (u: unknown): E.Either<NonEmptyArray<Issue>, ValidOptions> => {
  const out: Array<Issue> = []
  if (u === undefined) return E.right(normalise({}).options)
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return E.left([issue('', 'type', 'expected an object of options')])
  const o = u as Record<string, unknown>
  for (const k of Object.keys(o)) if (!optionKeys.includes(k)) out.push(issue(field('', k), 'unknown', `unknown option ${JSON.stringify(k)}`))
  const { problems } = normalise(o)
  out.push(...problems)
  const [first, ...rest] = out
  return first === undefined ? E.right(normalise(o).options) : E.left([first, ...rest])
}

/** Each option in range or its default, and the issues of those that were not. */
const normalise = (o: Readonly<Record<string, unknown>>): { options: ValidOptions; problems: Array<Issue> } => {
  const problems: Array<Issue> = []
  const get = (k: string): unknown => (hasOwn.call(o, k) ? o[k] : undefined)
  const bad = (k: string, message: string): void => {
    problems.push(issue(field('', k), 'range', message))
  }
  const effort = get('effort')
  if (effort !== undefined && !isCount(effort)) bad('effort', 'must be an integer ≥ 0 (steps); the default is used')
  const seed = get('seed')
  if (seed !== undefined && !isCount(seed)) bad('seed', 'must be an integer ≥ 0; the default 1 is used')
  const exact = get('exact')
  if (exact !== undefined && typeof exact !== 'boolean') bad('exact', 'must be a boolean; the automatic choice is used')
  const clock = get('clock')
  if (clock !== undefined && typeof clock !== 'function') bad('clock', 'must be a function returning milliseconds; ignored')
  const limit = get('timeLimit')
  const limitOk = typeof limit === 'number' && Number.isFinite(limit) && limit >= 0
  if (limit !== undefined && !limitOk) bad('timeLimit', 'must be a finite number ≥ 0 (milliseconds); ignored')
  else if (limit !== undefined && typeof clock !== 'function') bad('timeLimit', 'needs a clock; ignored')
  const initial = get('initial')
  const initialOk = initial === undefined || (Array.isArray(initial) && initial.every(isCount))
  if (!initialOk) bad('initial', 'must be an array of edge indices (integers ≥ 0); ignored')
  return {
    options: {
      effort: isCount(effort) ? effort : null,
      seed: isCount(seed) ? seed : 1,
      exact: typeof exact === 'boolean' ? exact : null,
      time: typeof clock === 'function' && limitOk ? { clock: clock as Clock, limit: limit as number } : null,
      initial: initialOk && initial !== undefined ? (initial as ReadonlyArray<number>) : [],
    },
    problems,
  }
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Solves a valid model: returns a valid plan (forced edges included, no hard constraint
 * broken) with its evaluator score, an upper bound, and whether it is proven optimal. Total
 * and deterministic: the same model and options give the identical solution.
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#solve-model}
 *
 * @category combinators
 * @since 0.1.0
 */
export const solveModel =
  (options: SolveOptions = {}) =>
  (model: ValidModel): Solution => {
    const o = normalise(typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {}).options
    // the model's one compaction, shared (read only: the exact search bans edges in a copy of
    // the forbidden flags of its own)
    const c = compactOf(model)
    const wantExact = o.exact ?? (c.nSlots <= exactLimits.slots && c.nEdges <= exactLimits.edges)
    // the size-adapted default is for plain models (no team terms): their moves are cheap and
    // few, and the heuristic keeps improving them; a staffing model keeps the flat default
    const budget = o.effort ?? (wantExact ? defaultExactEffort : uncoupled(c) ? defaultEffortOf(c.nEdges) : defaultEffort)
    const counter = { steps: 0 }
    const timeUp = timer(o.time)
    const stop = (): boolean => counter.steps > budget || timeUp()
    const seed = o.seed
    let improvements = 0
    let nodes = 0
    let banned = 0
    let mandatory = 0
    // a plan from a proposal (slot → edge), every edge re-checked by the rulebook's state
    const planOf = (proposal: Int32Array): { slotEdge: Int32Array; filled: number; soft: number } => {
      const st = stateOf(c, proposal)
      return { slotEdge: st.slotEdge, filled: st.filled, soft: st.soft }
    }

    // the primal heuristic: most of the budget, or a small share of it before an exact search
    const heurEffort = wantExact
      ? Math.min(Math.floor(budget * WARMUP_SHARE), WARMUP_BASE + WARMUP_PER_EDGE * c.nEdges)
      : Math.floor(budget * HEURISTIC_SHARE)
    // an assignment core (every member with room for one slot, no team terms) is a matching:
    // solved exactly, or, cut short by the budget, the heuristic's warm start
    const core = uncoupled(c) && isAssignmentCore(c, forcedState(c)) ? assignmentCore(c, forcedState(c), budget, counter) : null
    if (core !== null && core.complete) return solution(c, model, core.slotEdge, null, true, { banned, exact: wantExact, improvements, mandatory, nodes, steps: counter.steps })
    const heur = improve(c, { effort: heurEffort, seed, shouldStop: stop }, core?.slotEdge ?? proposalOf(c.nSlots, model, o.initial))
    counter.steps += heur.steps
    const incumbent = planOf(heur.slotEdge)
    improvements += heur.improvements

    let slotEdge: Int32Array = incumbent.slotEdge
    let bound: ModelBound | null
    let optimal = false
    if (wantExact) {
      // the search gets most of what is left; if it cannot prove optimality, the heuristic
      // spends the rest improving the search's best plan
      const searchBudget = counter.steps + Math.floor((budget - counter.steps) * EXACT_SHARE)
      const searchStop = (): boolean => counter.steps > searchBudget || stop()
      let r = branchAndBound(c, forcedState(c), incumbent, searchBudget, counter, searchStop, true)
      if (r.restart) {
        const f = planOf(r.slotEdge)
        const first = r.nodes
        r = branchAndBound(c, forcedState(c), f, searchBudget, counter, searchStop)
        r = { ...r, nodes: r.nodes + first, improvements: r.improvements + 1 }
      }
      slotEdge = r.slotEdge
      optimal = r.proven
      bound = { filled: r.rootFilled, soft: r.rootSoft }
      nodes = r.nodes
      banned = r.banned
      mandatory = r.mandatory
      improvements += r.improvements
      if (!optimal && counter.steps < budget && !stop()) {
        const h2 = improve(c, { effort: budget - counter.steps, seed, shouldStop: stop }, r.slotEdge)
        counter.steps += h2.steps
        const a = planOf(r.slotEdge)
        const b = planOf(h2.slotEdge)
        if (compareScore(b, a) > 0) {
          slotEdge = b.slotEdge
          improvements++
        }
      }
    } else {
      const t = trivialBound(c)
      const r = rootBounds(c, forcedState(c), incumbent.filled, incumbent.soft, Math.max(0, budget - counter.steps), counter)
      bound = { filled: Math.min(t.filled, r.filled), soft: Math.min(t.soft, r.soft) }
    }
    return solution(c, model, slotEdge, bound, optimal, { banned, exact: wantExact, improvements, mandatory, nodes, steps: counter.steps })
  }

/** The solution of a plan (slot → edge or −1), scored by the evaluator; a proven plan's bound is its score. */
const solution = (
  c: Compact,
  model: ValidModel,
  slotEdge: Int32Array,
  bound: ModelBound | null,
  optimal: boolean,
  stats: SolverStats,
): Solution => {
  const edges: Array<number> = []
  for (let s = 0; s < c.nSlots; s++) if (slotEdge[s]! >= 0) edges.push(slotEdge[s]!)
  edges.sort((a, b) => a - b)
  const score = evaluateCompact(c, model.termNames, Int32Array.from(edges))
  const b: ModelBound | null = optimal
    ? { filled: score.filled, soft: score.soft }
    : bound === null
      ? null
      : { filled: Math.max(bound.filled, score.filled), soft: Math.max(bound.soft, score.soft) }
  return { edges, score, bound: b, optimal, stats }
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/** "Time is up" for a clock and limit: a clock that throws or returns a non-finite number ends the run. */
const timer = (time: ValidOptions['time']): (() => boolean) => {
  if (time === null) return () => false
  const read = (): number => {
    try {
      const t = time.clock()
      return typeof t === 'number' && Number.isFinite(t) ? t : NaN
    } catch {
      return NaN
    }
  }
  const started = read()
  return () => !(read() - started <= time.limit)
}

/** The warm start as a proposal (slot → edge or −1); edges out of range are skipped. */
const proposalOf = (nSlots: number, model: ValidModel, initial: ReadonlyArray<number>): Int32Array | undefined => {
  if (initial.length === 0) return undefined
  const out = new Int32Array(nSlots).fill(-1)
  for (const e of initial) {
    const edge = edgeEnds(model, e)
    if (edge !== undefined && out[edge.slot] === -1) out[edge.slot] = e
  }
  return out
}

// -------------------------------------------------------------------------------------
// deprecated
// -------------------------------------------------------------------------------------

/**
 * Use `Model.ValidModel`: the checked model now lives with the model it checks.
 *
 * @category model
 * @since 0.1.0
 * @deprecated Use `Model.ValidModel`.
 */
export type { ValidModel }

/**
 * Use `Model.decodeModel`: the checked model now lives with the model it checks.
 *
 * @category constructors
 * @since 0.1.0
 * @deprecated Use `Model.decodeModel`.
 */
export const decodeModel = decodeValidModel

/**
 * Use `Model.ModelCodec`.
 *
 * @category codecs
 * @since 0.1.0
 * @deprecated Use `Model.ModelCodec`.
 */
export const ModelCodec = ModelShapeCodec
