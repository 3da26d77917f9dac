/**
 * The generalized assignment problem (GAP) on wendbaar's solver model: parsers for the
 * published instance files (OR-Library `gapX.txt`, the Yagiura et al. files, `optima.csv`,
 * `best-known.csv`), the mapping of a GAP problem onto a {@link Model.Model}, and an
 * independent check of the resulting assignment against the raw data.
 *
 * Formats: `../shared/data/README.md`. Used by `examples/gap.ts` and `bench/run.ts`.
 *
 * A GAP problem has `m` agents with capacities `b(i)` and `n` jobs; assigning job j to agent i
 * earns (or costs) `c(i,j)` and uses `a(i,j)` of the agent's capacity. Every job must go to
 * exactly one agent. The mapping: agents → model members (capacity `b(i)`, no category, no
 * overload penalty); jobs → slots of priority 1 in one group whose limit lets one member take
 * every job (so "every job assigned" is the model's primary objective, `filled = n`); every
 * pair with `a(i,j) ≤ b(i)` → an edge with `hours = a(i,j)` and one term `value` = `c(i,j)`
 * (maximisation) or `−c(i,j)` (minimisation); one time point; no conflicts, pairs or bonus.
 * Pairs with `a(i,j) > b(i)` can never be chosen and are left out.
 */
import * as E from 'fp-ts/lib/Either.js'
import { Model as ModelNs, Solver } from 'wendbaar/solver'
import type { Model } from 'wendbaar/solver'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** One GAP problem: `cost[i][j]` = c(i,j), `use[i][j]` = a(i,j), `capacity[i]` = b(i). */
export interface GapProblem {
  readonly agents: number
  readonly jobs: number
  readonly cost: ReadonlyArray<ReadonlyArray<number>>
  readonly use: ReadonlyArray<ReadonlyArray<number>>
  readonly capacity: ReadonlyArray<number>
}

/** A parsed GAP file: its problems, and whether it started with the problem count `P`. */
export interface GapFile {
  readonly problems: ReadonlyArray<GapProblem>
  readonly counted: boolean
}

/** Objective sense: maximise Σ c (gap1..12) or minimise Σ c (gapa..d, Yagiura). */
export type Sense = 'max' | 'min'

/** One row of `orlib-gap/optima.csv`; missing numbers are `null`. */
export interface OptimaRow {
  readonly file: string
  readonly index: number
  readonly name: string
  readonly agents: number
  readonly jobs: number
  readonly maxOptimum: number | null
  readonly minOptimum: number | null
  readonly minBestKnown: number | null
  readonly minBestBound: number | null
}

/** One row of `gap-yagiura/best-known.csv` (`name` = the last part of `Path`); missing numbers are `null`. */
export interface BestKnownRow {
  readonly path: string
  readonly name: string
  readonly dataset: string
  readonly jobs: number
  readonly agents: number
  readonly bound: number | null
  readonly optimum: number | null
  readonly bestKnown: number | null
}

/** An assignment: `agentOf[j]` is the agent of job j, or −1 when the job is unassigned. */
export type Assignment = ReadonlyArray<number>

// -------------------------------------------------------------------------------------
// parsers
// -------------------------------------------------------------------------------------

const tokenize = (text: string): ReadonlyArray<string> => {
  const t = text.trim()
  return t === '' ? [] : t.split(/\s+/)
}

const problemLength = (m: number, n: number): number => 2 + 2 * m * n + m

const readProblem = (
  nums: ReadonlyArray<number>,
  at: number,
  label: string,
): E.Either<string, { readonly problem: GapProblem; readonly next: number }> => {
  if (at + 2 > nums.length) return E.left(`${label}: the file ends before its size line "agents jobs"`)
  const m = nums[at] as number
  const n = nums[at + 1] as number
  if (!Number.isInteger(m) || m < 1 || !Number.isInteger(n) || n < 1) {
    return E.left(`${label}: agents and jobs must be positive integers, got "${m} ${n}"`)
  }
  const need = problemLength(m, n)
  if (at + need > nums.length) {
    return E.left(
      `${label} (${m} agents × ${n} jobs) needs ${need} numbers but the file has only ${nums.length - at} left`,
    )
  }
  let k = at + 2
  const matrix = (): ReadonlyArray<ReadonlyArray<number>> => {
    const rows: Array<ReadonlyArray<number>> = []
    for (let i = 0; i < m; i++) {
      rows.push(nums.slice(k, k + n))
      k += n
    }
    return rows
  }
  const cost = matrix()
  const use = matrix()
  const capacity = nums.slice(k, k + m)
  k += m
  for (let i = 0; i < m; i++) {
    if ((capacity[i] as number) < 0) return E.left(`${label}: capacity of agent ${i} is negative (${capacity[i]})`)
    const row = use[i] as ReadonlyArray<number>
    for (let j = 0; j < n; j++) {
      if ((row[j] as number) < 0) return E.left(`${label}: resource use a(${i},${j}) is negative (${row[j]})`)
    }
  }
  return E.right({ problem: { agents: m, jobs: n, cost, use, capacity }, next: k })
}

/**
 * Parses an OR-Library GAP file (leading problem count `P`) or a Yagiura file (one problem,
 * no count). The layout is detected: a text that is exactly one problem is read as a Yagiura
 * file, otherwise the first number must be the count.
 */
export const parseGapFile = (text: string): E.Either<string, GapFile> => {
  const tokens = tokenize(text)
  if (tokens.length === 0) return E.left('the file is empty')
  const nums: Array<number> = []
  for (let i = 0; i < tokens.length; i++) {
    const v = Number(tokens[i])
    if (!Number.isFinite(v)) return E.left(`token ${i + 1} ("${tokens[i]}") is not a number`)
    nums.push(v)
  }
  // A single problem without the count?
  const m0 = nums[0] as number
  const n0 = nums[1]
  if (
    n0 !== undefined &&
    Number.isInteger(m0) &&
    Number.isInteger(n0) &&
    m0 >= 1 &&
    n0 >= 1 &&
    problemLength(m0, n0) === nums.length
  ) {
    return E.map((r: { readonly problem: GapProblem }) => ({ problems: [r.problem], counted: false }))(
      readProblem(nums, 0, 'problem 0'),
    )
  }
  const p = nums[0] as number
  if (!Number.isInteger(p) || p < 1) return E.left(`the first number must be the problem count, got ${p}`)
  const problems: Array<GapProblem> = []
  let at = 1
  for (let q = 0; q < p; q++) {
    const r = readProblem(nums, at, `problem ${q}`)
    if (E.isLeft(r)) return r
    problems.push(r.right.problem)
    at = r.right.next
  }
  if (at !== nums.length) {
    return E.left(`the file declares ${p} problem(s) but has ${nums.length - at} number(s) left over after them`)
  }
  return E.right({ problems, counted: true })
}

/** Splits a simple CSV (no quoted commas) into header-keyed records. */
const parseCsv = (text: string): E.Either<string, ReadonlyArray<Readonly<Record<string, string>>>> => {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  const header = lines[0]
  if (header === undefined) return E.left('the CSV file is empty')
  const keys = header.split(',').map((k) => k.trim())
  const rows: Array<Record<string, string>> = []
  for (let li = 1; li < lines.length; li++) {
    const cells = (lines[li] as string).split(',')
    if (cells.length !== keys.length) {
      return E.left(`line ${li + 1}: expected ${keys.length} cells, got ${cells.length}`)
    }
    const row: Record<string, string> = {}
    keys.forEach((k, i) => {
      row[k] = (cells[i] as string).trim()
    })
    rows.push(row)
  }
  return E.right(rows)
}

const num = (s: string | undefined): number | null => {
  if (s === undefined || s === '') return null
  const v = Number(s)
  return Number.isFinite(v) ? v : null
}

const requireKeys = (
  rows: ReadonlyArray<Readonly<Record<string, string>>>,
  keys: ReadonlyArray<string>,
): E.Either<string, void> => {
  const first = rows[0]
  if (first === undefined) return E.right(undefined)
  const missing = keys.filter((k) => !(k in first))
  return missing.length === 0 ? E.right(undefined) : E.left(`missing column(s): ${missing.join(', ')}`)
}

/** Parses `orlib-gap/optima.csv`. */
export const parseOptima = (text: string): E.Either<string, ReadonlyArray<OptimaRow>> => {
  const rows = parseCsv(text)
  if (E.isLeft(rows)) return rows
  const keys = ['file', 'index', 'name', 'agents', 'jobs', 'max_optimum', 'min_optimum', 'min_best_known', 'min_best_bound']
  const ok = requireKeys(rows.right, keys)
  if (E.isLeft(ok)) return ok
  return E.right(
    rows.right.map((r) => ({
      file: r['file'] ?? '',
      index: num(r['index']) ?? -1,
      name: r['name'] ?? '',
      agents: num(r['agents']) ?? 0,
      jobs: num(r['jobs']) ?? 0,
      maxOptimum: num(r['max_optimum']),
      minOptimum: num(r['min_optimum']),
      minBestKnown: num(r['min_best_known']),
      minBestBound: num(r['min_best_bound']),
    })),
  )
}

/** Parses `gap-yagiura/best-known.csv`. */
export const parseBestKnown = (text: string): E.Either<string, ReadonlyArray<BestKnownRow>> => {
  const rows = parseCsv(text)
  if (E.isLeft(rows)) return rows
  const keys = ['Path', 'Dataset', 'Item number', 'Agent number', 'Best known bound', 'Optimum', 'Best known solution value']
  const ok = requireKeys(rows.right, keys)
  if (E.isLeft(ok)) return ok
  return E.right(
    rows.right.map((r) => {
      const path = r['Path'] ?? ''
      return {
        path,
        name: path.split('/').pop() ?? path,
        dataset: r['Dataset'] ?? '',
        jobs: num(r['Item number']) ?? 0,
        agents: num(r['Agent number']) ?? 0,
        bound: num(r['Best known bound']),
        optimum: num(r['Optimum']),
        bestKnown: num(r['Best known solution value']),
      }
    }),
  )
}

/** The default sense of a GAP file by name: `gap1..gap12` maximise, everything else (gapa..d, Yagiura) minimises. */
export const senseOf = (fileName: string): Sense => {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  return /^gap\d+(\.txt)?$/i.test(base) ? 'max' : 'min'
}

// -------------------------------------------------------------------------------------
// mapping
// -------------------------------------------------------------------------------------

const pad = (i: number, width: number): string => String(i).padStart(width, '0')

/**
 * Maps a GAP problem onto a solver model (see the module comment). Ids are zero-padded so
 * that id order equals index order; edges are sorted by (slot, member) as the model requires.
 */
export const gapToModel = (problem: GapProblem, sense: Sense): Model.Model => {
  const { agents: m, jobs: n } = problem
  const aw = String(Math.max(0, m - 1)).length
  const jw = String(Math.max(0, n - 1)).length
  const sign = sense === 'max' ? 1 : -1
  const members: Array<Model.ModelMember> = []
  for (let i = 0; i < m; i++) {
    const b = problem.capacity[i] as number
    members.push({ id: `agent-${pad(i, aw)}`, capacity: b, category: -1, base: 0, threshold: b, overloadWeight: 0 })
  }
  const slots: Array<Model.ModelSlot> = []
  const edges: Array<Model.ModelEdge> = []
  for (let j = 0; j < n; j++) {
    slots.push({ id: `job-${pad(j, jw)}`, priority: 1, group: 0, from: 0, to: 0 })
    for (let i = 0; i < m; i++) {
      const a = (problem.use[i] as ReadonlyArray<number>)[j] as number
      if (a > (problem.capacity[i] as number)) continue
      const c = (problem.cost[i] as ReadonlyArray<number>)[j] as number
      // `sign * c` would give −0 for a zero cost; keep plain zeros.
      edges.push({ member: i, slot: j, hours: a, terms: [c === 0 ? 0 : sign * c] })
    }
  }
  return {
    timePoints: 1,
    slots,
    members,
    groups: [{ id: 'jobs', limit: n }],
    edges,
    termNames: { edge: ['value'], category: 'category', pair: 'pair', overload: 'overload' },
    forced: [],
    forbidden: [],
    conflicts: [],
    pairPenalties: [],
    categoryBonus: 0,
  }
}

/** Reads the assignment (agent per job, −1 = none) off chosen edge indices of {@link gapToModel}'s model. */
export const assignmentOf = (model: Model.Model, edges: ReadonlyArray<number>): Assignment => {
  const agentOf = new Array<number>(model.slots.length).fill(-1)
  for (const e of edges) {
    const edge = model.edges[e]
    if (edge !== undefined) agentOf[edge.slot] = edge.member
  }
  return agentOf
}

/** Σ c(i,j) over the assigned jobs (in the file's own units, whatever the sense). */
export const objectiveOf = (problem: GapProblem, agentOf: Assignment): number => {
  let sum = 0
  agentOf.forEach((i, j) => {
    if (i >= 0) sum += (problem.cost[i] as ReadonlyArray<number>)[j] as number
  })
  return sum
}

/**
 * Checks an assignment against the raw data, independently of the solver model: every job
 * assigned to an existing agent, and every agent's Σ a(i,j) within b(i). Returns the first
 * problem found, or `null` when the assignment is feasible.
 */
export const infeasibility = (problem: GapProblem, agentOf: Assignment): string | null => {
  if (agentOf.length !== problem.jobs) return `expected ${problem.jobs} jobs, got ${agentOf.length}`
  const load = new Array<number>(problem.agents).fill(0)
  for (let j = 0; j < problem.jobs; j++) {
    const i = agentOf[j] as number
    if (!Number.isInteger(i) || i < 0 || i >= problem.agents) return `job ${j} is not assigned`
    load[i] = (load[i] as number) + ((problem.use[i] as ReadonlyArray<number>)[j] as number)
  }
  for (let i = 0; i < problem.agents; i++) {
    if ((load[i] as number) > (problem.capacity[i] as number)) {
      return `agent ${i} uses ${load[i]} of capacity ${problem.capacity[i]}`
    }
  }
  return null
}

/** Gap in percent of `value` to `reference` in the given sense (≥ 0 when worse, < 0 when better). */
export const gapPercent = (value: number, reference: number, sense: Sense): number => {
  const diff = sense === 'max' ? reference - value : value - reference
  return reference === 0 ? (diff === 0 ? 0 : Infinity) : (100 * diff) / Math.abs(reference)
}

// -------------------------------------------------------------------------------------
// solving
// -------------------------------------------------------------------------------------

/** What solving one GAP problem gave. */
export interface GapResult {
  readonly agents: number
  readonly jobs: number
  /** Jobs assigned. */
  readonly assigned: number
  /** Σ c of the chosen assignment, in the file's sense. */
  readonly objective: number
  /** Every job assigned and every capacity held (checked against the raw data). */
  readonly feasible: boolean
  /** Why the assignment is infeasible, when it is. */
  readonly problem: string | null
  /** Milliseconds to map, validate and solve. */
  readonly ms: number
  /** The solver proved its plan optimal for the model. */
  readonly optimal: boolean
  /** The solver's bound on Σ c in the file's sense (for `max` an upper, for `min` a lower bound), if any and if every job can be assigned. */
  readonly bound: number | null
  readonly stats: Solver.SolverStats
}

/**
 * The default effort (steps) for one GAP problem when none is given: the solver's own
 * default for problems its exact search takes, and 150M steps for the larger ones (gapa–d,
 * Yagiura), whose heuristic keeps improving far past the library default of 5M (gapa–d mean
 * gap 0.72 % at 5M, 0.44 % at 150M, each ≤ 5 s on 2 cores).
 */
export const gapEffort = (problem: GapProblem): number | undefined =>
  problem.jobs <= Solver.exactLimits.slots && problem.agents * problem.jobs <= Solver.exactLimits.edges
    ? undefined
    : 150_000_000

/** Maps, validates and solves one GAP problem; `Left` carries a readable message. */
export const solveGap = (
  problem: GapProblem,
  sense: Sense,
  options: Solver.SolveOptions,
  now: () => number,
): E.Either<string, GapResult> => {
  const t0 = now()
  const model = gapToModel(problem, sense)
  const valid = ModelNs.decodeModel(model)
  if (E.isLeft(valid)) {
    return E.left(`the mapped model is invalid: ${valid.left.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
  }
  const effort = options.effort ?? gapEffort(problem)
  const solution = Solver.solveModel(effort === undefined ? options : { ...options, effort })(valid.right)
  const ms = now() - t0
  const agentOf = assignmentOf(model, solution.edges)
  const why = infeasibility(problem, agentOf)
  const sign = sense === 'max' ? 1 : -1
  const b = solution.bound
  return E.right({
    agents: problem.agents,
    jobs: problem.jobs,
    assigned: agentOf.filter((i) => i >= 0).length,
    objective: objectiveOf(problem, agentOf),
    feasible: why === null,
    problem: why,
    ms,
    optimal: solution.optimal,
    bound: b !== null && b.filled <= solution.score.filled && why === null ? sign * b.soft + 0 : null,
    stats: solution.stats,
  })
}
