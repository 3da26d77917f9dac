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
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#gap}
 *
 * @since 0.1.0
 * @module
 */
import { type Issue } from '../kernel/Issue.js'
import type { EdgeTable, Model, ModelMember, ModelSlot } from '../model/Model.js'
import { type Solution, type SolveOptions, solveModel } from './Solver.js'
import type { ValidModel } from '../model/Model.js'
import { unsafeValidModel } from '../model/internal/validModel.js'
import { edgeEnds, edgeTableBuilder } from '../model/internal/edges.js'
import { type Assignment, type AssignmentResult, type GapProblem, type Infeasibility, type InfeasibilityKind, type LapArc, type LapProblem, type Sense } from './internal/assignmentModel.js'

export type { Sense, GapInput, GapProblem, LapArc, LapInput, LapProblem, Assignment, InfeasibilityKind, Infeasibility, AssignmentResult } from './internal/assignmentModel.js'
export { gapProblem, lapProblem } from './internal/assignmentBuild.js'
export type { LapLayout } from './internal/assignmentText.js'
export { parseGap, parseLap } from './internal/assignmentText.js'

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
    const edge = edgeEnds(model, e)
    if (edge !== undefined) agentOf[edge.slot] = edge.member
  }
  return agentOf
}

/**
 * Σ c(i,j) over the assigned jobs, in the problem's own units whatever the sense. Entries that
 * name no agent, or (LAP) no arc, add nothing: {@link infeasibility} reports them.
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#gap}
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
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#gap}
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
  edges: Model['edges'],
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
  const edges = edgeTableBuilder(1, m * n)
  const term = [0]
  for (let j = 0; j < n; j++) {
    slots.push({ id: `job-${pad(j, jw)}`, priority: 1, group: 0, from: 0, to: 0 })
    for (let i = 0; i < m; i++) {
      const a = (problem.use[i] as ReadonlyArray<number>)[j] as number
      if (a > (problem.capacity[i] as number)) continue
      term[0] = signed(sign, (problem.cost[i] as ReadonlyArray<number>)[j] as number)
      edges.push(i, j, a, term)
    }
  }
  // checked by construction: ids unique and sorted, edges sorted and unique, every number
  // finite, capacities and hours ≥ 0, limit n ≥ 1, no forced edges
  return unsafeValidModel(assignmentModel(members, slots, n, edges.table()))
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
  // the arcs are sorted by (column, row): the model's edge order; typed columns, not one
  // object per arc
  const k = problem.arcs.length
  const member = new Int32Array(k)
  const slot = new Int32Array(k)
  const hours = new Float64Array(k).fill(1)
  const terms = new Float64Array(k)
  problem.arcs.forEach((a, e) => {
    member[e] = a.row
    slot[e] = a.col
    terms[e] = signed(-1, a.cost)
  })
  const edges: EdgeTable = { member, slot, hours, terms }
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
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#gap}
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
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#gap}
 *
 * @category utilities
 * @since 0.1.0
 */
export const senseOf = (fileName: string): Sense => {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  return /^gap\d+(\.txt)?$/i.test(base) ? 'max' : 'min'
}
