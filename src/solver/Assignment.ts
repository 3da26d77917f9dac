/**
 * Assignment problems on the solver model: the generalized assignment problem (GAP) and the
 * linear assignment problem (LAP), read from the published OR-Library and Yagiura et al. text
 * files, mapped onto a {@link Model.Model} and checked against the raw data.
 *
 * A GAP problem has `m` agents with capacities `b(i)` and `n` jobs; giving job j to agent i
 * earns (or costs) `c(i,j)` and uses `a(i,j)` of the agent's capacity; every job goes to exactly
 * one agent. {@link gapToModel} maps it so: agents → members (capacity `b(i)`, no category, no
 * overload penalty); jobs → slots of priority 1 in one group whose limit lets one member take
 * every job, so "every job assigned" is the model's first objective (`filled = n`); every pair
 * with `a(i,j) ≤ b(i)` → an edge with `hours = a(i,j)` and one term `value` = `c(i,j)` when
 * maximising, `−c(i,j)` when minimising. Pairs with `a(i,j) > b(i)` can never be chosen and
 * are left out.
 *
 * A LAP problem has `n` rows and `n` columns and a cost `c(i,j)` on each allowed arc; every
 * column goes to exactly one row and every row takes exactly one column, at least total cost.
 * {@link lapToModel} maps rows to members that each take at most one slot and columns to slots,
 * with the value `−c(i,j)` on each arc.
 *
 * The problems are branded: {@link parseGap}, {@link parseLap}, {@link gapProblem} and
 * {@link lapProblem} check them, so the mappings return a valid model without another check.
 * Bad input is an {@link Issue.Issue} list with positions in the text (`token 17 (line 3)`)
 * or JSON paths (`use[1][2]`), never an exception.
 *
 * @example
 * import { Assignment } from 'wendbaar/solver'
 * const problems = Assignment.parseGap(text) // Either<Issues, ReadonlyArray<GapProblem>>
 * // for each problem:
 * const result = Assignment.solveGap(problem, 'max')
 * // result.objective, result.violations (empty when every job is assigned within capacity)
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { type Issue, type Issues, field, issue } from '../kernel/Issue.js'
import type { Model, ModelEdge, ModelMember, ModelSlot } from '../model/Model.js'
import { type Solution, type SolveOptions, solveModel } from './Solver.js'
import type { ValidModel } from '../model/Model.js'
import { unsafeValidModel } from '../model/internal/validModel.js'

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

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const failed = (issues: ReadonlyArray<Issue>): E.Either<Issues, never> => E.left(issues as Issues)

const isCount = (x: number): boolean => Number.isInteger(x) && x >= 1

/**
 * The range checks of a GAP problem, shared by {@link gapProblem} and {@link parseGap}: every
 * c finite, every a and b finite and ≥ 0. `where` names the position of a number.
 */
const gapRangeIssues = (
  m: number,
  n: number,
  cost: (i: number, j: number) => number,
  use: (i: number, j: number) => number,
  capacity: (i: number) => number,
  where: (what: 'cost' | 'use' | 'capacity', i: number, j: number) => string,
  label: string,
): Array<Issue> => {
  const out: Array<Issue> = []
  // in the order of the text: the costs, the uses, the capacities
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      const c = cost(i, j)
      if (!Number.isFinite(c)) out.push(issue(where('cost', i, j), 'range', `${label}c(${i},${j}) must be a finite number, got ${c}`))
    }
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      const a = use(i, j)
      if (!(Number.isFinite(a) && a >= 0))
        out.push(issue(where('use', i, j), 'range', `${label}a(${i},${j}) must be a finite number ≥ 0, got ${a}`))
    }
  for (let i = 0; i < m; i++) {
    const b = capacity(i)
    if (!(Number.isFinite(b) && b >= 0))
      out.push(issue(where('capacity', i, -1), 'range', `${label}b(${i}) must be a finite number ≥ 0, got ${b}`))
  }
  return out
}

const brandGap = (cost: GapInput['cost'], use: GapInput['use'], capacity: GapInput['capacity']): GapProblem =>
  ({ _tag: 'GapProblem', agents: capacity.length, jobs: (cost[0] ?? []).length, cost, use, capacity }) as unknown as GapProblem

/**
 * Checks hand-made GAP data and brands it as a {@link GapProblem}: at least one agent and one
 * job, `cost` and `use` with one row per capacity and the same number of jobs in every row,
 * every number finite, uses and capacities ≥ 0. Issues name JSON paths (`use[1][2]`).
 *
 * @example
 * import { Assignment } from 'wendbaar/solver'
 * Assignment.gapProblem({ cost: [[6, 4], [3, 7]], use: [[3, 2], [2, 3]], capacity: [4, 4] })
 * // => right: 2 agents × 2 jobs
 *
 * @category constructors
 * @since 0.1.0
 */
export const gapProblem = (input: GapInput): E.Either<Issues, GapProblem> => {
  const out: Array<Issue> = []
  const m = input.capacity.length
  if (m === 0) out.push(issue('capacity', 'range', 'needs at least one agent'))
  const n = (input.cost[0] ?? []).length
  if (m > 0 && n === 0) out.push(issue(field('cost', 0), 'range', 'needs at least one job'))
  for (const name of ['cost', 'use'] as const) {
    const rows = input[name]
    if (rows.length !== m) out.push(issue(name, 'range', `must have one row per agent (${m}), got ${rows.length}`))
    rows.forEach((row, i) => {
      if (row.length !== n) out.push(issue(field(name, i), 'range', `must have one entry per job (${n}), got ${row.length}`))
    })
  }
  if (out.length > 0) return failed(out)
  const at = (rows: ReadonlyArray<ReadonlyArray<number>>) => (i: number, j: number): number => (rows[i] as ReadonlyArray<number>)[j] as number
  const ranges = gapRangeIssues(
    m,
    n,
    at(input.cost),
    at(input.use),
    (i) => input.capacity[i] as number,
    (what, i, j) => (what === 'capacity' ? field(what, i) : field(field(what, i), j)),
    '',
  )
  if (ranges.length > 0) return failed(ranges)
  // copies: the caller's arrays may change later, the checked problem must not
  const copy = (rows: ReadonlyArray<ReadonlyArray<number>>) => rows.map((row) => [...row])
  return E.right(brandGap(copy(input.cost), copy(input.use), [...input.capacity]))
}

/**
 * Checks LAP arcs; `where(k, key)` names arc k's field (k in input order); `base` is the first
 * index as the input writes it (0, or 1 in the text files), for the messages.
 */
const lapArcIssues = (
  size: number,
  arcs: ReadonlyArray<LapArc>,
  where: (k: number, key: 'row' | 'col' | 'cost' | null) => string,
  base: 0 | 1,
): { readonly issues: Array<Issue>; readonly order: Array<number> } => {
  const out: Array<Issue> = []
  arcs.forEach((a, k) => {
    for (const key of ['row', 'col'] as const) {
      const x = a[key]
      if (!(Number.isInteger(x) && x >= 0 && x < size))
        out.push(
          issue(where(k, key), 'range', `${key === 'row' ? 'row' : 'column'} must be an integer in ${base}..${size - 1 + base}, got ${x + base}`),
        )
    }
    if (!Number.isFinite(a.cost)) out.push(issue(where(k, 'cost'), 'range', `cost must be a finite number, got ${a.cost}`))
  })
  if (out.length > 0) return { issues: out, order: [] }
  const order = arcs.map((_, k) => k)
  order.sort((x, y) => {
    const a = arcs[x] as LapArc
    const b = arcs[y] as LapArc
    return a.col - b.col || a.row - b.row || x - y
  })
  for (let q = 1; q < order.length; q++) {
    const a = arcs[order[q - 1] as number] as LapArc
    const b = arcs[order[q] as number] as LapArc
    if (a.row === b.row && a.col === b.col)
      out.push(
        issue(
          where(order[q] as number, null),
          'duplicate',
          `arc (row ${b.row + base}, column ${b.col + base}) appears twice (also at ${where(order[q - 1] as number, null)})`,
        ),
      )
  }
  return { issues: out, order }
}

/**
 * A size above the number of arcs leaves a row without any: no assignment exists, and the size
 * alone (not bounded by the input's length) would make the model as large as it says.
 */
const tooFewArcs = (size: number, arcs: number): string =>
  `the size ${size} exceeds the number of arcs (${arcs}): some row has no arc, so no assignment exists`

const brandLap = (size: number, arcs: ReadonlyArray<LapArc>): LapProblem =>
  ({ _tag: 'LapProblem', size, arcs }) as unknown as LapProblem

/**
 * Checks hand-made LAP data and brands it as a {@link LapProblem}: `size` an integer ≥ 1 and
 * at most the number of arcs (each row needs one), every arc with integer row and column in `0..size−1` and a finite cost, no (row, column)
 * twice. The arcs come out sorted by (column, row). Issues name JSON paths (`arcs[3].col`).
 *
 * @example
 * import { Assignment } from 'wendbaar/solver'
 * Assignment.lapProblem({ size: 2, arcs: [{ row: 0, col: 0, cost: 4 }, { row: 1, col: 1, cost: 2 }] })
 * // => right
 *
 * @category constructors
 * @since 0.1.0
 */
export const lapProblem = (input: LapInput): E.Either<Issues, LapProblem> => {
  if (!isCount(input.size)) return failed([issue('size', 'range', `must be an integer ≥ 1, got ${input.size}`)])
  if (input.size > input.arcs.length) return failed([issue('size', 'range', tooFewArcs(input.size, input.arcs.length))])
  const { issues, order } = lapArcIssues(input.size, input.arcs, (k, key) =>
    key === null ? field('arcs', k) : field(field('arcs', k), key), 0,
  )
  if (issues.length > 0) return failed(issues)
  return E.right(
    brandLap(
      input.size,
      order.map((k) => {
        const a = input.arcs[k] as LapArc
        return { row: a.row, col: a.col, cost: a.cost }
      }),
    ),
  )
}

// ---- text files -----------------------------------------------------------------------

/** The numbers of a text, with where each one stands (token number and line, both 1-based). */
interface Tokens {
  readonly count: number
  readonly value: (k: number) => number
  /** `token 17 (line 3)` for the 0-based token k; `end of text (line 9)` for k = count. */
  readonly at: (k: number) => string
  /** One `type` issue per token that is not a plain decimal number. */
  readonly issues: ReadonlyArray<Issue>
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13)

/** Splits a text at white space; every token must be a plain decimal number. */
const tokenize = (text: string): Tokens => {
  const starts: Array<number> = []
  const values: Array<number> = []
  const bad: Array<number> = []
  const lineStarts: Array<number> = [0]
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (isSpace(c)) {
      if (c === 10) lineStarts.push(i + 1)
      i++
      continue
    }
    let j = i + 1
    while (j < text.length && !isSpace(text.charCodeAt(j))) j++
    const tok = text.slice(i, j)
    if (!NUMBER.test(tok)) bad.push(values.length)
    starts.push(i)
    values.push(Number(tok))
    i = j
  }
  const lineOf = (offset: number): number => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((lineStarts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
  const at = (k: number): string =>
    k < starts.length
      ? `token ${k + 1} (line ${lineOf(starts[k] as number)})`
      : `end of text (line ${lineOf(starts[starts.length - 1] ?? 0)})`
  const issues = bad.map((k) => {
    const s = starts[k] as number
    let e = s
    while (e < text.length && !isSpace(text.charCodeAt(e))) e++
    const tok = text.slice(s, Math.min(e, s + 40))
    return issue(at(k), 'type', `${JSON.stringify(e - s > 40 ? `${tok}…` : tok)} is not a number`)
  })
  return { count: values.length, value: (k) => values[k] as number, at, issues }
}

const emptyFile = (what: string): Issue => issue('', 'type', `the text is empty: expected ${what}`)

const shape = (path: string, message: string): Issue => issue(path, 'type', message)

const rangeAt = (path: string, message: string): Issue => issue(path, 'range', message)

/** Numbers a GAP problem of m agents and n jobs takes, its size line included. */
const gapLength = (m: number, n: number): number => 2 + 2 * m * n + m

/**
 * Reads one GAP problem starting at token `at`; `label` names it in messages. Structural
 * failures end the read (`next` null); range failures are collected and reading goes on.
 */
const readGap = (
  t: Tokens,
  at: number,
  label: string,
): { readonly problem: GapProblem | null; readonly next: number | null; readonly issues: Array<Issue> } => {
  if (at + 2 > t.count)
    return { problem: null, next: null, issues: [shape(t.at(t.count), `${label}: the text ends before its size line "agents jobs"`)] }
  const m = t.value(at)
  const n = t.value(at + 1)
  const sizeIssues: Array<Issue> = []
  if (!isCount(m)) sizeIssues.push(rangeAt(t.at(at), `${label}: the number of agents must be an integer ≥ 1, got ${m}`))
  if (!isCount(n)) sizeIssues.push(rangeAt(t.at(at + 1), `${label}: the number of jobs must be an integer ≥ 1, got ${n}`))
  if (sizeIssues.length > 0) return { problem: null, next: null, issues: sizeIssues }
  const need = gapLength(m, n)
  if (at + need > t.count)
    return {
      problem: null,
      next: null,
      issues: [
        shape(
          t.at(t.count),
          `${label} (${m} agents × ${n} jobs) needs ${need} numbers from ${t.at(at)}, but the text has only ${t.count - at} left`,
        ),
      ],
    }
  const costAt = (i: number, j: number): number => at + 2 + i * n + j
  const useAt = (i: number, j: number): number => at + 2 + m * n + i * n + j
  const capAt = (i: number): number => at + 2 + 2 * m * n + i
  const issues = gapRangeIssues(
    m,
    n,
    (i, j) => t.value(costAt(i, j)),
    (i, j) => t.value(useAt(i, j)),
    (i) => t.value(capAt(i)),
    (what, i, j) => t.at(what === 'cost' ? costAt(i, j) : what === 'use' ? useAt(i, j) : capAt(i)),
    `${label}: `,
  )
  if (issues.length > 0) return { problem: null, next: at + need, issues }
  const matrix = (pos: (i: number, j: number) => number): ReadonlyArray<ReadonlyArray<number>> =>
    Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => t.value(pos(i, j))))
  const capacity = Array.from({ length: m }, (_, i) => t.value(capAt(i)))
  return { problem: brandGap(matrix(costAt), matrix(useAt), capacity), next: at + need, issues: [] }
}

/**
 * Parses a GAP text: an OR-Library file (`gap1.txt` … `gapd.txt`: the number of problems `P`,
 * then per problem `m n`, the `m × n` costs c, the `m × n` uses a and the `m` capacities b) or
 * a Yagiura et al. file (one problem in the same layout, without `P`). The layout is detected:
 * a text that is exactly one problem reads as a Yagiura file, otherwise the first number must
 * be the count. Line breaks do not matter. Issues name the position in the text
 * (`token 17 (line 3)`) and the problem's number (0-based).
 *
 * @example
 * import { Assignment } from 'wendbaar/solver'
 * Assignment.parseGap('1\n2 2\n6 4\n3 7\n3 2\n2 3\n4 4')
 * // => right: one problem of 2 agents × 2 jobs
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseGap = (text: string): E.Either<Issues, ReadonlyArray<GapProblem>> => {
  const t = tokenize(text)
  if (t.count === 0) return failed([emptyFile('a GAP problem count or an "agents jobs" line')])
  if (t.issues.length > 0) return failed(t.issues)
  const m0 = t.value(0)
  const n0 = t.count > 1 ? t.value(1) : NaN
  if (isCount(m0) && isCount(n0) && gapLength(m0, n0) === t.count) {
    const r = readGap(t, 0, 'problem 0')
    return r.problem === null ? failed(r.issues) : E.right([r.problem])
  }
  const p = m0
  if (!isCount(p))
    return failed([
      rangeAt(t.at(0), `the first number must be the problem count (an integer ≥ 1), or the text must be one problem without it; got ${p}`),
    ])
  const problems: Array<GapProblem> = []
  const issues: Array<Issue> = []
  let at = 1
  for (let q = 0; q < p; q++) {
    const r = readGap(t, at, `problem ${q}`)
    issues.push(...r.issues)
    if (r.problem !== null) problems.push(r.problem)
    if (r.next === null) return failed(issues)
    at = r.next
  }
  if (at !== t.count)
    issues.push(shape(t.at(at), `the text declares ${p} problem(s) but has ${t.count - at} number(s) left over after them`))
  return issues.length > 0 ? failed(issues) : E.right(problems)
}

/**
 * The layout of a LAP text: `dense` (`n`, then the `n × n` costs row by row, as OR-Library's
 * `assign100.txt` … `assign800.txt`), `sparse` (`n`, then triples `i j c` with 1-based `i`,
 * `j`, one per allowed arc, as `assignp800.txt`), or `auto`: dense when exactly `n²` numbers
 * follow `n`, sparse otherwise.
 *
 * @category model
 * @since 0.1.0
 */
export type LapLayout = 'auto' | 'dense' | 'sparse'

/**
 * Parses an OR-Library linear assignment text (see {@link LapLayout}; minimisation). Issues name
 * the position in the text (`token 17 (line 3)`): a row or column outside `1..n`, an arc given
 * twice, a count that fits neither layout.
 *
 * @example
 * import { Assignment } from 'wendbaar/solver'
 * Assignment.parseLap('2\n4 1\n2 8')        // dense: c(0,1) = 1
 * Assignment.parseLap('2\n1 2 1\n2 1 2')    // sparse: two arcs
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseLap = (text: string, layout: LapLayout = 'auto'): E.Either<Issues, LapProblem> => {
  const t = tokenize(text)
  if (t.count === 0) return failed([emptyFile('the size n')])
  if (t.issues.length > 0) return failed(t.issues)
  const n = t.value(0)
  if (!isCount(n)) return failed([rangeAt(t.at(0), `the size n must be an integer ≥ 1, got ${n}`)])
  const rest = t.count - 1
  const dense = layout === 'dense' || (layout === 'auto' && rest === n * n)
  if (dense) {
    if (rest !== n * n)
      return failed([shape(t.at(Math.min(t.count, 1 + n * n)), `a dense file of size ${n} needs ${n * n} costs after n, got ${rest}`)])
    const arcs: Array<LapArc> = []
    const bad: Array<Issue> = []
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const cost = t.value(1 + i * n + j)
        if (!Number.isFinite(cost)) bad.push(rangeAt(t.at(1 + i * n + j), `c(${i},${j}) must be a finite number, got ${cost}`))
        arcs.push({ row: i, col: j, cost })
      }
    return bad.length > 0 ? failed(bad) : E.right(brandLap(n, arcs))
  }
  if (rest % 3 !== 0)
    return failed([
      shape(
        t.at(t.count),
        layout === 'sparse'
          ? `a sparse file needs triples "i j c" after n; ${rest} number(s) is not a multiple of 3`
          : `after n = ${n}, expected ${n * n} costs (a dense file) or triples "i j c" (a sparse file); got ${rest} number(s)`,
      ),
    ])
  if (n > rest / 3) return failed([rangeAt(t.at(0), tooFewArcs(n, rest / 3))])
  const arcs: Array<LapArc> = []
  for (let k = 0; k < rest / 3; k++) {
    const base = 1 + 3 * k
    arcs.push({ row: t.value(base) - 1, col: t.value(base + 1) - 1, cost: t.value(base + 2) })
  }
  const { issues, order } = lapArcIssues(n, arcs, (k, key) => t.at(1 + 3 * k + (key === 'col' ? 1 : key === 'cost' ? 2 : 0)), 1)
  if (issues.length > 0) return failed(issues)
  return E.right(brandLap(n, order.map((k) => arcs[k] as LapArc)))
}

// -------------------------------------------------------------------------------------
// queries
// -------------------------------------------------------------------------------------

/** The arcs of each column of a LAP problem: `start[j]..start[j+1]` in `problem.arcs`. */
const columnStarts = (p: LapProblem): Int32Array => {
  const start = new Int32Array(p.size + 1)
  for (const a of p.arcs) start[a.col + 1]!++
  for (let j = 0; j < p.size; j++) start[j + 1]! += start[j]!
  return start
}

/** The cost of arc (row, col), or undefined when there is none. */
const arcCost = (p: LapProblem, start: Int32Array, row: number, col: number): number | undefined => {
  let lo = start[col]!
  let hi = start[col + 1]! - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const a = p.arcs[mid] as LapArc
    if (a.row === row) return a.cost
    if (a.row < row) lo = mid + 1
    else hi = mid - 1
  }
  return undefined
}

const sizesOf = (p: GapProblem | LapProblem): { readonly agents: number; readonly jobs: number } =>
  p._tag === 'GapProblem' ? { agents: p.agents, jobs: p.jobs } : { agents: p.size, jobs: p.size }

const validAgent = (p: GapProblem | LapProblem, i: number | undefined): i is number =>
  i !== undefined && Number.isInteger(i) && i >= 0 && i < sizesOf(p).agents

/**
 * Reads the assignment (agent per job, −1 for none) off chosen edge indices of the model that
 * {@link gapToModel} or {@link lapToModel} made; indices that are not edges are ignored.
 *
 * @category queries
 * @since 0.1.0
 */
export const assignmentOf = (model: Model, edges: ReadonlyArray<number>): Assignment => {
  const agentOf = new Array<number>(model.slots.length).fill(-1)
  for (const e of edges) {
    const edge = model.edges[e]
    if (edge !== undefined) agentOf[edge.slot] = edge.member
  }
  return agentOf
}

/**
 * Σ c(i,j) over the assigned jobs, in the problem's own units whatever the sense. Entries that
 * name no agent, or (LAP) no arc, add nothing: {@link infeasibility} reports them.
 *
 * @example
 * // problem: the 2 × 2 example of gapProblem
 * Assignment.objectiveOf(problem, [0, 1]) // => 6 + 7
 *
 * @category queries
 * @since 0.1.0
 */
export const objectiveOf = (problem: GapProblem | LapProblem, assignment: Assignment): number => {
  let sum = 0
  if (problem._tag === 'GapProblem') {
    for (let j = 0; j < Math.min(problem.jobs, assignment.length); j++) {
      const i = assignment[j]
      if (validAgent(problem, i)) sum += (problem.cost[i] as ReadonlyArray<number>)[j] as number
    }
    return sum
  }
  const start = columnStarts(problem)
  for (let j = 0; j < Math.min(problem.size, assignment.length); j++) {
    const i = assignment[j]
    if (validAgent(problem, i)) sum += arcCost(problem, start, i, j) ?? 0
  }
  return sum
}

const infeasible = (kind: InfeasibilityKind, job: number | null, agent: number | null, message: string): Infeasibility => ({
  _tag: 'Infeasibility',
  kind,
  job,
  agent,
  message,
})

/**
 * Checks an assignment against the raw problem, independently of any solver model, and
 * returns everything it breaks (empty when feasible): one entry per job, every job assigned to
 * an existing agent; GAP: every agent's Σ a(i,j) within b(i); LAP: every column on an arc of
 * its row, every row taking at most one column (so, with every column assigned, exactly one).
 *
 * @example
 * // problem: the 2 × 2 example of gapProblem (a = [[3, 2], [2, 3]], b = [4, 4])
 * Assignment.infeasibility(problem, [0, 1])  // => []
 * Assignment.infeasibility(problem, [0, 0])  // => [{ kind: 'capacity', agent: 0, … "agent 0 uses 5 of capacity 4" }]
 *
 * @category queries
 * @since 0.1.0
 */
export const infeasibility = (problem: GapProblem | LapProblem, assignment: Assignment): ReadonlyArray<Infeasibility> => {
  const { agents, jobs } = sizesOf(problem)
  const out: Array<Infeasibility> = []
  if (assignment.length !== jobs)
    out.push(infeasible('length', null, null, `expected one entry per ${problem._tag === 'GapProblem' ? 'job' : 'column'} (${jobs}), got ${assignment.length}`))
  const job = problem._tag === 'GapProblem' ? 'job' : 'column'
  const agent = problem._tag === 'GapProblem' ? 'agent' : 'row'
  const load = new Array<number>(agents).fill(0)
  const start = problem._tag === 'LapProblem' ? columnStarts(problem) : null
  for (let j = 0; j < Math.min(jobs, assignment.length); j++) {
    const i = assignment[j]
    if (i === -1) {
      out.push(infeasible('unassigned', j, null, `${job} ${j} is not assigned`))
      continue
    }
    if (!validAgent(problem, i)) {
      out.push(infeasible('agent', j, null, `${job} ${j} is given to ${agent} ${i}, which does not exist (0..${agents - 1})`))
      continue
    }
    if (problem._tag === 'GapProblem') load[i] = (load[i] as number) + ((problem.use[i] as ReadonlyArray<number>)[j] as number)
    else {
      load[i] = (load[i] as number) + 1
      if (arcCost(problem, start as Int32Array, i, j) === undefined) out.push(infeasible('arc', j, i, `row ${i} has no arc to column ${j}`))
    }
  }
  for (let i = 0; i < agents; i++) {
    const l = load[i] as number
    if (problem._tag === 'GapProblem') {
      const b = problem.capacity[i] as number
      if (l > b) out.push(infeasible('capacity', null, i, `agent ${i} uses ${l} of capacity ${b}`))
    } else if (l > 1) out.push(infeasible('capacity', null, i, `row ${i} takes ${l} columns`))
  }
  return out
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

const pad = (i: number, width: number): string => String(i).padStart(width, '0')
const widthOf = (count: number): number => String(Math.max(0, count - 1)).length

/** The parts every mapped model shares: one time point, one group, no team-level terms. */
const assignmentModel = (
  members: ReadonlyArray<ModelMember>,
  slots: ReadonlyArray<ModelSlot>,
  groupLimit: number,
  edges: ReadonlyArray<ModelEdge>,
): Model => ({
  timePoints: 1,
  slots,
  members,
  groups: [{ id: 'jobs', limit: groupLimit }],
  edges,
  termNames: { edge: ['value'], category: 'category', pair: 'pair', overload: 'overload' },
  forced: [],
  forbidden: [],
  conflicts: [],
  pairPenalties: [],
  categoryBonus: 0,
})

/** `sign · c`, without a negative zero. */
const signed = (sign: number, c: number): number => (c === 0 ? 0 : sign * c)

/**
 * Maps a GAP problem onto a solver model (see the module overview): members `agent-0…`,
 * slots `job-0…` (ids zero-padded so that id order is index order), edges sorted by (slot,
 * member). Valid by construction, so it comes out as a {@link Model.ValidModel}.
 *
 * @category combinators
 * @since 0.1.0
 */
export const gapToModel = (problem: GapProblem, sense: Sense): ValidModel => {
  const { agents: m, jobs: n } = problem
  const aw = widthOf(m)
  const jw = widthOf(n)
  const sign = sense === 'max' ? 1 : -1
  const members: Array<ModelMember> = []
  for (let i = 0; i < m; i++) {
    const b = problem.capacity[i] as number
    members.push({ id: `agent-${pad(i, aw)}`, capacity: b, category: -1, base: 0, threshold: b, overloadWeight: 0 })
  }
  const slots: Array<ModelSlot> = []
  const edges: Array<ModelEdge> = []
  for (let j = 0; j < n; j++) {
    slots.push({ id: `job-${pad(j, jw)}`, priority: 1, group: 0, from: 0, to: 0 })
    for (let i = 0; i < m; i++) {
      const a = (problem.use[i] as ReadonlyArray<number>)[j] as number
      if (a > (problem.capacity[i] as number)) continue
      edges.push({ member: i, slot: j, hours: a, terms: [signed(sign, (problem.cost[i] as ReadonlyArray<number>)[j] as number)] })
    }
  }
  // checked by construction: ids unique and sorted, edges sorted and unique, every number
  // finite, capacities and hours ≥ 0, limit n ≥ 1, no forced edges
  return unsafeValidModel(assignmentModel(members, slots, n, edges))
}

/**
 * Maps a LAP problem onto a solver model: rows → members `row-0…` that each take at most one
 * slot (capacity 1, every arc 1 hour), columns → slots `col-0…` of priority 1, every arc → an
 * edge with the value `−c(i,j)`. A plan filling every slot is a perfect assignment; among those
 * the solver maximises Σ −c, that is, minimises the cost. Valid by construction.
 *
 * @category combinators
 * @since 0.1.0
 */
export const lapToModel = (problem: LapProblem): ValidModel => {
  const n = problem.size
  const w = widthOf(n)
  const members: Array<ModelMember> = []
  const slots: Array<ModelSlot> = []
  for (let i = 0; i < n; i++) {
    members.push({ id: `row-${pad(i, w)}`, capacity: 1, category: -1, base: 0, threshold: 1, overloadWeight: 0 })
    slots.push({ id: `col-${pad(i, w)}`, priority: 1, group: 0, from: 0, to: 0 })
  }
  // the arcs are sorted by (column, row): the model's edge order
  const edges = problem.arcs.map((a): ModelEdge => ({ member: a.row, slot: a.col, hours: 1, terms: [signed(-1, a.cost)] }))
  return unsafeValidModel(assignmentModel(members, slots, n, edges))
}

const result = (problem: GapProblem | LapProblem, sense: Sense, model: ValidModel, solution: Solution): AssignmentResult => {
  const assignment = assignmentOf(model, solution.edges)
  const violations = infeasibility(problem, assignment)
  const b = solution.bound
  const sign = sense === 'max' ? 1 : -1
  return {
    assignment,
    assigned: assignment.filter((i) => i >= 0).length,
    objective: objectiveOf(problem, assignment),
    violations,
    optimal: solution.optimal,
    bound: b !== null && b.filled <= solution.score.filled && violations.length === 0 ? sign * b.soft + 0 : null,
    solution,
  }
}

/**
 * Maps a GAP problem ({@link gapToModel}), solves it with `Solver.solveModel(options)` and
 * reads the result back in the problem's own terms. Deterministic for the same problem and
 * options.
 *
 * @example
 * import { Assignment } from 'wendbaar/solver'
 * // problem: a GapProblem from parseGap or gapProblem
 * const r = Assignment.solveGap(problem, 'min', { effort: 1e7 })
 * // r.objective, r.violations.length === 0, r.bound (a lower bound when minimising)
 *
 * @category combinators
 * @since 0.1.0
 */
export const solveGap = (problem: GapProblem, sense: Sense, options: SolveOptions = {}): AssignmentResult => {
  const model = gapToModel(problem, sense)
  return result(problem, sense, model, solveModel(options)(model))
}

/**
 * Maps a LAP problem ({@link lapToModel}), solves it with `Solver.solveModel(options)` and
 * reads the result back: `objective` is the total cost, `bound` a lower bound on it.
 *
 * @category combinators
 * @since 0.1.0
 */
export const solveLap = (problem: LapProblem, options: SolveOptions = {}): AssignmentResult => {
  const model = lapToModel(problem)
  return result(problem, 'min', model, solveModel(options)(model))
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The usual sense of a published GAP file, by its name: OR-Library `gap1` … `gap12` maximise,
 * everything else (`gapa` … `gapd`, the Yagiura files) minimises. Folders in the name are
 * ignored.
 *
 * @example
 * import { Assignment } from 'wendbaar/solver'
 * Assignment.senseOf('data/orlib-gap/gap12.txt') // => 'max'
 * Assignment.senseOf('gapa.txt')                 // => 'min'
 *
 * @category utilities
 * @since 0.1.0
 */
export const senseOf = (fileName: string): Sense => {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  return /^gap\d+(\.txt)?$/i.test(base) ? 'max' : 'min'
}
