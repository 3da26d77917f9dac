/**
 * Staffing: from a valid problem to a plan (both formats are in the
 * [scoring reference](../../docs/scoring.md)).
 *
 * {@link solve} compiles the problem into the solver model, solves it, and maps the
 * solution back: assignments, every unfilled slot with the reasons that partition the pool, the
 * score with its seven terms, the solver's bound, its status (proven optimal or not), the gap
 * and the counters. {@link evaluatePlan} scores
 * any set of assignments — hand-edited ones included — with the same evaluator, and
 * {@link planOf} builds the whole plan for them.
 *
 * Reasons for an unfilled slot count every pool member once, under the first rule it fails:
 * `unit`, `quality`, `discipline`, `excluded`, `availability`, `capacity` (these six from
 * `Eligibility.check`), then `taken` — eligible and with room on its own, but this plan's
 * other assignments block it: its load over time (`busy with other assignments`), the
 * per-request limit (`per-request limit reached`), or an `apart` partner on the request's team
 * (`apart from a team member`), as the solver's own rulebook says — and finally `free`
 * (`eligible and free`: nothing blocks the member; never the case in a plan from
 * {@link solve}, possible in a hand-edited one).
 *
 * @since 0.1.0
 * @module
 */
import { compareIds } from '../kernel/Order.js'
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import { compile, type Compiled } from './Compile.js'
import * as Eligibility from '../staffing/Eligibility.js'
import { evaluate, violations, type ModelScore, type Violation } from '../model/Evaluate.js'
import { issue, field, type Issue } from '../kernel/Issue.js'
import type { ModelEdge } from '../model/Model.js'
import { edgeEnds } from '../model/internal/edges.js'
import {
  reasonOrder,
  statusOf,
  type Assignment,
  type Bound,
  type Plan,
  type Reason,
  type Score,
  type Stats,
  noStats,
  type Unfilled,
} from '../staffing/Plan.js'
import type { Member, MemberId, Request, SlotId, ValidProblem } from '../staffing/Problem.js'
import { type CommonOptions, decodeOptions, solveModel, type TimeOptions } from '../solver/Solver.js'
import { blocker, complete, DETAIL_FREE, planState } from './internal/planState.js'
import type { State } from '../model/internal/state.js'
import { formatHours } from '../kernel/internal/tolerance.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A (slot, member) pair as an app may send it: plain strings, not yet checked against a problem.
 *
 * @category model
 * @since 0.1.0
 */
export interface AssignmentInput {
  /** The slot id. */
  readonly slot: string
  /** The member id. */
  readonly member: string
}

/**
 * Options of {@link solve}: those of the solver core (effort, seed, exact, clock and time
 * limit; see `Solver.SolveOptions` for the values and defaults), with the warm start given as
 * assignments. An assignment of the warm start naming an unknown slot or member, or one the
 * member may not take, is skipped ({@link solveEither} reports it instead).
 *
 * @category model
 * @since 0.1.0
 */
export type PlanOptions = Omit<CommonOptions, 'initial'> &
  TimeOptions & {
    /** A warm start: a plan's assignments (kept where they are valid together). */
    readonly initial?: ReadonlyArray<AssignmentInput>
  }

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Staffs a problem: the best plan the solver finds within the options' effort (and time limit,
 * with an injected clock), or the proven optimum in exact mode. Total and deterministic: the
 * same problem and options give the same plan, whatever the order of the input arrays; pins
 * always hold and no hard constraint is broken. Should the solver leave open a slot that some
 * member could still fill, a final greedy pass fills it (counted in `stats.completed`), so no
 * member of a solved plan is ever `free`.
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#solve}
 *
 * @category constructors
 * @since 0.1.0
 */
export const solve = (problem: ValidProblem, options: PlanOptions = {}): Plan => {
  const compiled = compile(problem)
  const initial = typeof options === 'object' && options !== null ? options.initial : undefined
  const edges = Array.isArray(initial) ? warmStart(compiled, initial).edges : []
  const solution = solveModel({ ...options, initial: edges } as never)(compiled.model)
  const bound: Bound | null =
    solution.bound === null ? null : { filled: solution.bound.filled + 0, soft: solution.bound.soft + 0 }
  const st = planState(compiled.model, solution.edges)
  const completed = complete(st)
  const chosen = completed === 0 ? solution.edges : Array.from(st.edges())
  // the solution's score is the evaluator's; evaluate again only when edges were added
  const score = completed === 0 ? solution.score : evaluate(compiled.model)(chosen)
  return build(problem, compiled, st, chosen, score, bound, { ...solution.stats, completed })
}

/**
 * {@link solve}, with the options checked first: every bad option (out of range, a time limit
 * without a clock, an unknown key) and every warm-start assignment naming an unknown slot or
 * member is an issue with its path, and no plan is made.
 *
 * @category constructors
 * @since 0.1.0
 */
export const solveEither = (
  problem: ValidProblem,
  options: unknown = {},
): E.Either<NonEmptyArray<Issue>, Plan> => {
  const o = typeof options === 'object' && options !== null && !Array.isArray(options) ? (options as Record<string, unknown>) : null
  const { initial, ...core } = o ?? {}
  const issues: Array<Issue> = []
  const checked = decodeOptions(o === null ? options : core)
  if (E.isLeft(checked)) issues.push(...checked.left)
  if (initial !== undefined) {
    if (!Array.isArray(initial)) issues.push(issue('initial', 'type', 'expected an array of assignments { slot, member }'))
    else issues.push(...warmStart(compile(problem), initial as ReadonlyArray<AssignmentInput>).issues)
  }
  const [first, ...rest] = issues
  return first !== undefined ? E.left([first, ...rest]) : E.right(solve(problem, options as PlanOptions))
}

/**
 * Builds the plan of a given set of assignments — a hand-edited plan, say — with its score,
 * its unfilled slots and their reasons (where `free` can appear), no bound and no counters.
 * Fails with every issue when an assignment names an unknown slot or member, repeats a slot,
 * or breaks a hard constraint (see {@link evaluatePlan}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const planOf = (
  problem: ValidProblem,
  assignments: ReadonlyArray<AssignmentInput>,
): E.Either<NonEmptyArray<Issue>, Plan> => {
  const compiled = compile(problem)
  return E.map((edges: ReadonlyArray<number>) =>
    build(problem, compiled, planState(compiled.model, edges), edges, evaluate(compiled.model)(edges), null, noStats),
  )(toEdges(problem, compiled, violations(compiled.model), assignments))
}

// -------------------------------------------------------------------------------------
// queries
// -------------------------------------------------------------------------------------

/**
 * Scores any set of assignments with the one evaluator the solver uses. Fails with every
 * issue found: unknown slots or members (`reference`), a slot assigned twice (`duplicate`), a
 * member who may not fill a slot (`conflict`, with the rule and its detail), capacity over
 * time, a per-request limit or an `apart` pair broken (`conflict`), a pin missing (`pin`).
 *
 * The problem is compiled once, when `evaluatePlan(problem)` is called.
 *
 * @category queries
 * @since 0.1.0
 */
export const evaluatePlan = (
  problem: ValidProblem,
): ((assignments: ReadonlyArray<AssignmentInput>) => E.Either<NonEmptyArray<Issue>, Score>) => {
  const compiled = compile(problem)
  const score = evaluate(compiled.model)
  const check = violations(compiled.model)
  return (assignments) =>
    E.map((edges: ReadonlyArray<number>) => toScore(score(edges)))(toEdges(problem, compiled, check, assignments))
}

// -------------------------------------------------------------------------------------
// internal
// -------------------------------------------------------------------------------------

const compareStrings = compareIds

const term = (ms: ModelScore, name: string): number => (ms.terms[name] ?? 0) + 0

/** Maps the evaluator's model score onto the seven soft terms. */
const toScore = (ms: ModelScore): Score => ({
  filled: ms.filled + 0,
  soft: ms.soft + 0,
  terms: {
    fit: term(ms, 'fit'),
    preference: term(ms, 'preference'),
    learning: term(ms, 'learning'),
    continuity: term(ms, 'continuity'),
    diversity: term(ms, 'diversity'),
    rotation: term(ms, 'rotation'),
    balance: term(ms, 'balance'),
  },
})

/** The edges of a warm start's assignments, and an issue for each one naming an unknown slot or member or an impossible pair. */
const warmStart = (
  compiled: Compiled,
  initial: ReadonlyArray<AssignmentInput>,
): { readonly edges: ReadonlyArray<number>; readonly issues: ReadonlyArray<Issue> } => {
  const edges: Array<number> = []
  const issues: Array<Issue> = []
  initial.forEach((a, i) => {
    const path = field('initial', i)
    const s = typeof a === 'object' && a !== null ? compiled.slotIndex.get(a.slot as SlotId) : undefined
    const m = typeof a === 'object' && a !== null ? compiled.memberIndex.get(a.member as MemberId) : undefined
    const e = s === undefined || m === undefined ? -1 : compiled.edgeOf(m, s)
    if (e >= 0) edges.push(e)
    else if (s === undefined) issues.push(issue(field(path, 'slot'), 'reference', `unknown slot ${JSON.stringify(a?.slot)}`))
    else if (m === undefined) issues.push(issue(field(path, 'member'), 'reference', `unknown member ${JSON.stringify(a?.member)}`))
    else issues.push(issue(path, 'conflict', `member ${a.member} may not fill slot ${a.slot}`))
  })
  return { edges, issues }
}

/** Checks assignments against the compiled problem and returns their (ascending) edge indices. */
const toEdges = (
  problem: ValidProblem,
  compiled: Compiled,
  check: (edges: ReadonlyArray<number>) => ReadonlyArray<Violation>,
  assignments: ReadonlyArray<AssignmentInput>,
): E.Either<NonEmptyArray<Issue>, ReadonlyArray<number>> => {
  const issues: Array<Issue> = []
  const edges: Array<number> = []
  const seen = new Set<number>()
  const index = Eligibility.index(problem)
  assignments.forEach((a, i) => {
    const path = field('assignments', i)
    const s = compiled.slotIndex.get(a.slot as SlotId)
    const m = compiled.memberIndex.get(a.member as MemberId)
    if (s === undefined) issues.push(issue(field(path, 'slot'), 'reference', `unknown slot ${JSON.stringify(a.slot)}`))
    if (m === undefined)
      issues.push(issue(field(path, 'member'), 'reference', `unknown member ${JSON.stringify(a.member)}`))
    if (s === undefined || m === undefined) return
    if (seen.has(s)) {
      issues.push(issue(field(path, 'slot'), 'duplicate', `slot ${a.slot} is assigned more than once`))
      return
    }
    seen.add(s)
    const e = compiled.edgeOf(m, s)
    if (e < 0) {
      const member = problem.members[m] as Member
      const entry = index.slotById.get(a.slot as SlotId)
      const failure =
        entry === undefined ? O.none : Eligibility.check(problem, member, entry.request, entry.slot)
      const why = O.isSome(failure) ? `${failure.value.constraint}: ${failure.value.detail}` : 'not a candidate'
      issues.push(issue(path, 'conflict', `member ${a.member} cannot fill slot ${a.slot} (${why})`))
      return
    }
    edges.push(e)
  })
  if (issues.length === 0) {
    edges.sort((x, y) => x - y)
    // the evaluator decides; each violation is put in the domain's words (dates, requests)
    const seen = new Set<string>()
    for (const v of check(edges)) {
      const words = describe(problem, compiled, v)
      if (seen.has(words)) continue
      seen.add(words)
      issues.push(issue('assignments', v.kind === 'forced' ? 'pin' : 'conflict', words))
    }
  }
  const [first, ...rest] = issues
  return first === undefined ? E.right(edges) : E.left([first, ...rest])
}

/**
 * A violation of valid edges (each a candidate, slots unique) in the domain's words: capacity
 * over time (with the date), the per-request limit, `apart` pairs on one request, missing pins.
 */
const describe = (problem: ValidProblem, compiled: Compiled, v: Violation): string => {
  const memberId = (m: number): string => compiled.memberIds[m] ?? String(m)
  const requestId = (g: number): string => problem.requests[g]?.id ?? String(g)
  switch (v.kind) {
    case 'capacity': {
      const member = problem.members[v.member] as Member
      return (
        `member ${member.id} would work ${formatHours(v.load)} h a week on ${compiled.timePoints[v.point]} on top of ` +
        `${formatHours(member.committed)} h committed, above the capacity of ${formatHours(member.capacity)} h`
      )
    }
    case 'group':
      return `member ${memberId(v.member)} holds ${v.count} slots of request ${requestId(v.group)}, above the limit of ${v.limit}`
    case 'conflict':
      return `members ${memberId(v.members[0])} and ${memberId(v.members[1])} are kept apart but both serve request ${requestId(v.group)}`
    case 'forced': {
      const edge = edgeEnds(compiled.model, v.edge) as ModelEdge
      return `the pin of member ${memberId(edge.member)} on slot ${compiled.slotIds[edge.slot]} is missing`
    }
    default:
      return v.message
  }
}

/** Builds the plan of valid, ascending edge indices held in `st`. */
const build = (
  problem: ValidProblem,
  compiled: Compiled,
  st: State,
  chosen: ReadonlyArray<number>,
  score: ModelScore,
  bound: Bound | null,
  stats: Stats,
): Plan => {
  const edges = [...chosen].sort((a, b) => a - b)
  const model = compiled.model
  const assignments: Array<Assignment> = edges.map((e) => {
    const edge = edgeEnds(model, e) as ModelEdge
    return { slot: compiled.slotIds[edge.slot] as SlotId, member: compiled.memberIds[edge.member] as MemberId }
  })
  const s = toScore(score)
  return { assignments, unfilled: unfilledOf(problem, compiled, st), score: s, bound, ...statusOf(s, bound), stats }
}

/** The reasons for every slot the plan leaves unfilled, in slot-id order. */
const unfilledOf = (problem: ValidProblem, compiled: Compiled, st: State): Array<Unfilled> => {
  // The six rules of Eligibility.check depend only on the request and the slot's role,
  // discipline and hours: count them once per such key.
  const cache = new Map<string, Map<string, Reason>>()
  const n = problem.members.length
  const out: Array<Unfilled> = []
  for (let s = 0; s < compiled.slots.length; s++) {
    if (st.slotEdge[s]! >= 0) continue
    const slot = compiled.slots[s]
    const ri = compiled.slotRequest[s]
    if (slot === undefined || ri === undefined) continue
    const request = problem.requests[ri] as Request
    const key = JSON.stringify([ri, slot.role, slot.discipline, slot.hours])
    let fixed = cache.get(key)
    if (fixed === undefined) {
      fixed = new Map()
      const count = (mi: number): void => {
        const f = Eligibility.check(problem, problem.members[mi] as Member, request, slot)
        if (O.isSome(f)) bump(fixed as Map<string, Reason>, f.value.constraint, f.value.detail)
      }
      if (request.unit === null) for (let mi = 0; mi < n; mi++) count(mi)
      else {
        // Members outside the unit all fail `unit` first, with the same detail: count them at
        // once (the detail from one of them) and check only the members serving the unit.
        const serving = compiled.unitMembers(request.unit)
        for (const mi of serving) count(mi)
        if (serving.length < n) {
          let outside = 0
          while (outside < serving.length && serving[outside] === outside) outside++
          const f = Eligibility.check(problem, problem.members[outside] as Member, request, slot)
          if (O.isSome(f)) bump(fixed, f.value.constraint, f.value.detail, n - serving.length)
        }
      }
      cache.set(key, fixed)
    }
    const reasons = new Map(fixed)
    for (let e = compiled.edgeStart[s] ?? 0; e < (compiled.edgeStart[s + 1] ?? 0); e++) {
      const why = blocker(st, e)
      if (why === null) bump(reasons, 'free', DETAIL_FREE)
      else bump(reasons, 'taken', why)
    }
    out.push({ slot: slot.id, reasons: sortReasons([...reasons.values()]) })
  }
  return out
}

const bump = (reasons: Map<string, Reason>, constraint: Reason['constraint'], detail: string, n = 1): void => {
  const k = `${constraint}\u0000${detail}`
  const r = reasons.get(k)
  reasons.set(k, { constraint, count: (r?.count ?? 0) + n, detail })
}

const sortReasons = (reasons: ReadonlyArray<Reason>): Array<Reason> =>
  [...reasons].sort(
    (a, b) =>
      reasonOrder.indexOf(a.constraint) - reasonOrder.indexOf(b.constraint) || compareStrings(a.detail, b.detail),
  )
