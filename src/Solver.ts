/**
 * The solver core: {@link decodeModel} checks an untrusted {@link Model}, {@link solveModel}
 * finds a plan for a valid one — every hard constraint kept, forced edges included, the score
 * computed by the one evaluator (`Evaluate.evaluate`) — with an upper bound, proven optimal on
 * small models.
 *
 * How it works: a primal heuristic (regret construction, ejection chains, local search with
 * incremental evaluation, seeded kicks) finds a plan; small models (or `exact: true`) then go
 * through a branch and bound whose bounds come from a Lagrangian decomposition per member
 * (relaxing "one member per slot" keeps each member's capacity over time, group limits and
 * overload exact), with root probing that bans edges and finds slots every filled-optimal plan
 * must fill. Larger models get the same decomposition's root bound.
 *
 * The search is deterministic: effort is counted in steps (never time); an optional injected
 * clock with a time limit may stop it early, but the effort budget bounds it regardless.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as t from 'io-ts'
import { type Issue, field, issue } from './Issue.js'
import type { Model } from './Model.js'
import type { ModelScore } from './Evaluate.js'
import { compact } from './internal/compact.js'
import { evaluateCompact, violationsCompact } from './internal/score.js'
import { forcedState } from './internal/greedy.js'
import { improve } from './internal/heuristic.js'
import { add, canAdd } from './internal/state.js'
import { trivialBound } from './internal/lagrange.js'
import { branchAndBound } from './internal/exact.js'
import { rootBounds } from './internal/decompose.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

declare const ValidModelBrand: unique symbol

/**
 * A model that {@link decodeModel} accepted: well formed, and its forced edges alone break no
 * hard constraint — so a valid plan always exists.
 *
 * @category model
 * @since 0.1.0
 */
export type ValidModel = Model & { readonly [ValidModelBrand]: 'ValidModel' }

/**
 * Options of {@link solveModel}.
 *
 * @category model
 * @since 0.1.0
 */
export interface SolveOptions {
  /**
   * Work budget in deterministic steps (≈ edges examined); default {@link defaultEffort}, or
   * {@link defaultExactEffort} when the exact search runs.
   */
  readonly effort?: number
  /** Seed of the pseudo-random choices (default 1). */
  readonly seed?: number
  /** An injected clock in milliseconds, for {@link SolveOptions.timeLimit}. */
  readonly clock?: () => number
  /** Stop early after this many milliseconds of `clock` (the effort budget still applies). */
  readonly timeLimit?: number
  /**
   * Prove optimality by branch and bound (`true`), never try (`false`), or — when absent — try on
   * small models (at most {@link exactLimits} slots and edges).
   */
  readonly exact?: boolean
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
  /** Integer counters of the search (steps, nodes, …). */
  readonly stats: Readonly<Record<string, number>>
}

/**
 * The default effort budget, in steps.
 *
 * @category model
 * @since 0.1.0
 */
export const defaultEffort = 5_000_000

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
} = { slots: 60, edges: 2500 }

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * The io-ts codec of a {@link Model}'s shape (types only; {@link decodeModel} adds the
 * semantic checks).
 *
 * @category codecs
 * @since 0.1.0
 */
export const ModelCodec: t.Type<Model, Model, unknown> = t.type({
  timePoints: t.number,
  slots: t.readonlyArray(
    t.type({ id: t.string, priority: t.number, group: t.number, from: t.number, to: t.number }),
  ),
  members: t.readonlyArray(
    t.type({
      id: t.string,
      capacity: t.number,
      category: t.number,
      base: t.number,
      threshold: t.number,
      overloadWeight: t.number,
    }),
  ),
  groups: t.readonlyArray(t.type({ id: t.string, limit: t.number })),
  edges: t.readonlyArray(
    t.type({ member: t.number, slot: t.number, hours: t.number, terms: t.readonlyArray(t.number) }),
  ),
  termNames: t.type({
    edge: t.readonlyArray(t.string),
    category: t.string,
    pair: t.string,
    overload: t.string,
  }),
  forced: t.readonlyArray(t.number),
  forbidden: t.readonlyArray(t.number),
  conflicts: t.readonlyArray(t.readonly(t.tuple([t.number, t.number]))),
  pairPenalties: t.readonlyArray(t.type({ a: t.number, b: t.number, weight: t.number })),
  categoryBonus: t.number,
})

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const pathOf = (context: t.Context): string =>
  context
    .slice(1)
    .reduce((p, c) => (/^\d+$/.test(c.key) ? field(p, Number(c.key)) : field(p, c.key)), '')

/**
 * Decodes an untrusted value into a {@link ValidModel}, returning every issue found with its
 * JSON path: shape; finite numbers; index ranges; ids non-empty, unique and sorted; edges
 * sorted by (slot, member) and unique; `terms` aligned with `termNames.edge`; term names
 * distinct; `from ≤ to < timePoints`; limits integers ≥ 1; weights, capacities and hours ≥ 0;
 * priorities > 0; conflict and pair entries `a < b`; no edge both forced and forbidden; and
 * the forced edges alone keeping every hard constraint (code `pin`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const decodeModel = (u: unknown): E.Either<NonEmptyArray<Issue>, ValidModel> => {
  const shaped = ModelCodec.decode(u)
  if (E.isLeft(shaped)) {
    const seen = new Set<string>()
    const out: Array<Issue> = []
    for (const err of shaped.left) {
      const path = pathOf(err.context)
      if (seen.has(path)) continue
      seen.add(path)
      const expected = err.context[err.context.length - 1]?.type.name ?? 'value'
      out.push(issue(path, 'type', `expected ${expected}`))
    }
    return E.left(out as unknown as NonEmptyArray<Issue>)
  }
  const m = shaped.right
  const out: Array<Issue> = []
  const bad = (path: string, code: Issue['code'], message: string): void => {
    out.push(issue(path, code, message))
  }
  const isInt = (x: number): boolean => Number.isInteger(x)
  const finite = (path: string, x: number): boolean => {
    if (!Number.isFinite(x)) {
      bad(path, 'range', 'must be a finite number')
      return false
    }
    return true
  }
  const index = (path: string, x: number, n: number, what: string): void => {
    if (!isInt(x) || x < 0 || x >= n) bad(path, 'reference', `must be a ${what} index in 0..${n - 1}`)
  }
  const ids = (name: string, xs: ReadonlyArray<{ readonly id: string }>): void => {
    const first = new Map<string, number>()
    xs.forEach((x, i) => {
      const p = field(field(name, i), 'id')
      if (x.id === '') bad(p, 'range', 'must be non-empty')
      const j = first.get(x.id)
      if (j !== undefined) bad(p, 'duplicate', `duplicate id ${JSON.stringify(x.id)} (also ${name}[${j}])`)
      else first.set(x.id, i)
      const prev = xs[i - 1]
      if (prev !== undefined && j === undefined && !(prev.id < x.id))
        bad(p, 'range', `ids must be sorted: ${JSON.stringify(x.id)} comes after ${JSON.stringify(prev.id)}`)
    })
  }

  const nS = m.slots.length
  const nM = m.members.length
  const nG = m.groups.length
  const nE = m.edges.length
  if (!isInt(m.timePoints) || m.timePoints < 0) bad('timePoints', 'range', 'must be an integer ≥ 0')
  ids('slots', m.slots)
  ids('members', m.members)
  ids('groups', m.groups)
  m.slots.forEach((s, i) => {
    const p = field('slots', i)
    if (finite(field(p, 'priority'), s.priority) && !(s.priority > 0)) bad(field(p, 'priority'), 'range', 'must be > 0')
    index(field(p, 'group'), s.group, nG, 'group')
    if (!isInt(s.from) || s.from < 0) bad(field(p, 'from'), 'range', 'must be an integer ≥ 0')
    if (!isInt(s.to) || s.to >= m.timePoints) bad(field(p, 'to'), 'range', `must be an integer < timePoints (${m.timePoints})`)
    else if (isInt(s.from) && s.from > s.to) bad(field(p, 'from'), 'period', `from (${s.from}) is after to (${s.to})`)
  })
  m.members.forEach((x, i) => {
    const p = field('members', i)
    if (finite(field(p, 'capacity'), x.capacity) && x.capacity < 0) bad(field(p, 'capacity'), 'range', 'must be ≥ 0')
    if (!isInt(x.category) || x.category < -1) bad(field(p, 'category'), 'range', 'must be an integer ≥ −1')
    finite(field(p, 'base'), x.base)
    finite(field(p, 'threshold'), x.threshold)
    if (finite(field(p, 'overloadWeight'), x.overloadWeight) && x.overloadWeight < 0)
      bad(field(p, 'overloadWeight'), 'range', 'must be ≥ 0')
  })
  m.groups.forEach((g, i) => {
    if (!isInt(g.limit) || g.limit < 1) bad(field(field('groups', i), 'limit'), 'range', 'must be an integer ≥ 1')
  })
  const nT = m.termNames.edge.length
  {
    const names = [...m.termNames.edge, m.termNames.category, m.termNames.pair, m.termNames.overload]
    const paths = [
      ...m.termNames.edge.map((_, i) => field(field('termNames', 'edge'), i)),
      field('termNames', 'category'),
      field('termNames', 'pair'),
      field('termNames', 'overload'),
    ]
    const seen = new Set<string>()
    names.forEach((n, i) => {
      if (seen.has(n)) bad(paths[i] ?? 'termNames', 'duplicate', `term name ${JSON.stringify(n)} is used twice`)
      seen.add(n)
    })
  }
  m.edges.forEach((e, i) => {
    const p = field('edges', i)
    index(field(p, 'member'), e.member, nM, 'member')
    index(field(p, 'slot'), e.slot, nS, 'slot')
    if (finite(field(p, 'hours'), e.hours) && e.hours < 0) bad(field(p, 'hours'), 'range', 'must be ≥ 0')
    if (e.terms.length !== nT) bad(field(p, 'terms'), 'range', `must have ${nT} entries (one per termNames.edge)`)
    e.terms.forEach((x, k) => finite(field(field(p, 'terms'), k), x))
    const prev = m.edges[i - 1]
    if (prev !== undefined) {
      if (prev.slot === e.slot && prev.member === e.member)
        bad(p, 'duplicate', `duplicate edge (member ${e.member}, slot ${e.slot})`)
      else if (prev.slot > e.slot || (prev.slot === e.slot && prev.member > e.member))
        bad(p, 'range', 'edges must be sorted by (slot, member)')
    }
  })
  const forced = new Set<number>()
  m.forced.forEach((e, i) => {
    index(field('forced', i), e, nE, 'edge')
    forced.add(e)
  })
  m.forbidden.forEach((e, i) => {
    index(field('forbidden', i), e, nE, 'edge')
    if (forced.has(e)) bad(field('forbidden', i), 'conflict', `edge ${e} is both forced and forbidden`)
  })
  m.conflicts.forEach(([a, b], i) => {
    const p = field('conflicts', i)
    index(field(p, 0), a, nM, 'member')
    index(field(p, 1), b, nM, 'member')
    if (!(a < b)) bad(p, 'conflict', 'a conflict pair needs two members with a < b')
  })
  m.pairPenalties.forEach((x, i) => {
    const p = field('pairPenalties', i)
    index(field(p, 'a'), x.a, nM, 'member')
    index(field(p, 'b'), x.b, nM, 'member')
    if (!(x.a < x.b)) bad(p, 'conflict', 'a penalised pair needs two members with a < b')
    if (finite(field(p, 'weight'), x.weight) && x.weight < 0) bad(field(p, 'weight'), 'range', 'must be ≥ 0')
  })
  if (finite('categoryBonus', m.categoryBonus) && m.categoryBonus < 0) bad('categoryBonus', 'range', 'must be ≥ 0')

  if (out.length === 0) {
    // the forced edges alone must keep every hard constraint
    const c = compact(m)
    const chosen = Int32Array.from(new Set(m.forced)).sort()
    for (const v of violationsCompact(c, m, chosen))
      if (v.kind !== 'forced') bad('forced', 'pin', `the forced edges break a hard constraint: ${v.message}`)
  }
  return out.length > 0 ? E.left(out as unknown as NonEmptyArray<Issue>) : E.right(m as ValidModel)
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Solves a valid model: returns a valid plan (forced edges included, no hard constraint
 * broken) with its evaluator score, an upper bound, and whether it is proven optimal. Total
 * and deterministic: the same model and options give the identical solution.
 *
 * @example
 * import { Solver } from 'wendbaar/solver'
 * const solution = Solver.solveModel({ effort: 1e6 })(model)
 * // solution.edges, solution.score.filled, solution.optimal, …
 *
 * @category combinators
 * @since 0.1.0
 */
export const solveModel =
  (options: SolveOptions = {}) =>
  (model: ValidModel): Solution => {
    const c = compact(model)
    const wantExact =
      options.exact ?? (c.nSlots <= exactLimits.slots && c.nEdges <= exactLimits.edges)
    const budget = Math.max(0, Math.floor(options.effort ?? (wantExact ? defaultExactEffort : defaultEffort)))
    const counter = { steps: 0 }
    const clock = options.clock
    const limit = options.timeLimit
    const started = clock !== undefined && limit !== undefined ? clock() : 0
    const stats: Record<string, number> = {}
    const stop = (): boolean =>
      counter.steps > budget || (clock !== undefined && limit !== undefined && clock() - started > limit)

    const seed = options.seed ?? 1
    // a plan from the heuristic's proposal (slot → edge), every edge re-checked
    const planOf = (proposal: Int32Array): { slotEdge: Int32Array; filled: number; soft: number } => {
      const st = forcedState(c)
      for (let s = 0; s < c.nSlots; s++) {
        const e = proposal[s]!
        if (e >= 0 && e < c.nEdges && c.edgeSlot[e] === s && canAdd(st, e)) add(st, e)
      }
      return { slotEdge: st.slotEdge, filled: st.filled, soft: st.soft }
    }

    // the primal heuristic: most of the budget, or a small share of it before an exact search
    const heurEffort = wantExact ? Math.min(Math.floor(budget / 8), 50_000 + 500 * c.nEdges) : Math.floor((budget * 4) / 5)
    const heur = improve(c, { effort: heurEffort, seed, shouldStop: stop }, undefined)
    counter.steps += heur.steps
    const incumbent = planOf(heur.slotEdge)
    stats['improvements'] = heur.improvements

    let slotEdge: Int32Array = incumbent.slotEdge
    let bound: ModelBound | null
    let optimal = false
    if (wantExact) {
      // the search gets most of what is left; if it cannot prove optimality, the heuristic
      // spends the rest improving the search's best plan
      const searchBudget = counter.steps + Math.floor((budget - counter.steps) * 0.7)
      const searchStop = (): boolean => counter.steps > searchBudget || stop()
      let r = branchAndBound(c, forcedState(c), incumbent, searchBudget, counter, searchStop, true)
      if (r.restart) {
        const f = planOf(r.slotEdge)
        const nodes = r.nodes
        r = branchAndBound(c, forcedState(c), f, searchBudget, counter, searchStop)
        r = { ...r, nodes: r.nodes + nodes, improvements: r.improvements + 1 }
      }
      slotEdge = r.slotEdge
      optimal = r.proven
      bound = { filled: r.rootFilled, soft: r.rootSoft }
      stats['nodes'] = r.nodes
      stats['banned'] = r.banned
      stats['mandatory'] = r.mandatory
      stats['improvements'] = (stats['improvements'] ?? 0) + r.improvements
      if (!optimal && counter.steps < budget && !stop()) {
        const h2 = improve(c, { effort: budget - counter.steps, seed, shouldStop: stop }, r.slotEdge)
        counter.steps += h2.steps
        const a = planOf(r.slotEdge)
        const b = planOf(h2.slotEdge)
        const eps = 1e-9 * Math.max(1, Math.abs(a.soft))
        if (b.filled > a.filled || (b.filled === a.filled && b.soft > a.soft + eps)) {
          slotEdge = b.slotEdge
          stats['improvements'] = (stats['improvements'] ?? 0) + 1
        }
      }
    } else {
      const t = trivialBound(c)
      const r = rootBounds(c, forcedState(c), incumbent.filled, incumbent.soft, Math.max(0, budget - counter.steps), counter)
      bound = { filled: Math.min(t.filled, r.filled), soft: Math.min(t.soft, r.soft) }
    }
    const edges: Array<number> = []
    for (let s = 0; s < c.nSlots; s++) if (slotEdge[s]! >= 0) edges.push(slotEdge[s]!)
    edges.sort((a, b) => a - b)
    const score = evaluateCompact(c, model.termNames, Int32Array.from(edges))
    if (optimal) bound = { filled: score.filled, soft: score.soft }
    else if (bound !== null)
      bound = { filled: Math.max(bound.filled, score.filled), soft: Math.max(bound.soft, score.soft) }
    stats['steps'] = counter.steps
    stats['exact'] = wantExact ? 1 : 0
    return { edges, score, bound, optimal, stats }
  }
