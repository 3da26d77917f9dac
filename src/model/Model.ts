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
 * Edges are either an array of {@link ModelEdge} objects or, for large models, an
 * {@link EdgeTable} of typed-array columns (what the compiler and the assignment mappings
 * write); both follow the same rules and give the same plans (see
 * [the solver guide](../../docs/solver.md#the-solver-core-on-its-own)).
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as t from 'io-ts'
import { type Issue, field, issue } from '../kernel/Issue.js'
import { compact } from './internal/compact.js'
import { violationsCompact } from './internal/score.js'
import { edgeAt as edgeAtOf, edgeCount as edgeCountOf, edgeList as edgeListOf, edgeObjects, edgeTableOf, isEdgeTable } from './internal/edges.js'
import type { EdgeTable, Model, ModelEdge, ValidModel } from './internal/types.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

export type {
  ModelSlot,
  ModelMember,
  ModelGroup,
  ModelEdge,
  EdgeTable,
  PairPenalty,
  TermNames,
  Model,
  ValidModel,
} from './internal/types.js'

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/** An io-ts codec of one typed-array class (the value itself, never a copy). */
const typedArray = <A extends Int32Array | Float64Array>(name: string, ctor: abstract new (n: number) => unknown): t.Type<A, A, unknown> =>
  new t.Type<A, A, unknown>(
    name,
    (u): u is A => u instanceof ctor,
    (u, c) => (u instanceof ctor ? t.success(u as A) : t.failure(u, c)),
    t.identity,
  )

const edgeArrayCodec = t.readonlyArray(
  t.type({ member: t.number, slot: t.number, hours: t.number, terms: t.readonlyArray(t.number) }),
)
const edgeTableCodec: t.Type<EdgeTable, EdgeTable, unknown> = t.type({
  member: typedArray<Int32Array>('Int32Array', Int32Array),
  slot: typedArray<Int32Array>('Int32Array', Int32Array),
  hours: typedArray<Float64Array>('Float64Array', Float64Array),
  terms: typedArray<Float64Array>('Float64Array', Float64Array),
})
/**
 * The edges: an array of edge objects, or an edge table (told apart by `Array.isArray`, so issue
 * paths stay plain). Encoding writes edge objects, so an encoded model is plain JSON.
 */
const edgesCodec = new t.Type<Model['edges'], ReadonlyArray<ModelEdge>, unknown>(
  'Edges',
  (u): u is Model['edges'] => (Array.isArray(u) ? edgeArrayCodec.is(u) : edgeTableCodec.is(u)),
  (u, c) => (Array.isArray(u) ? edgeArrayCodec.validate(u, c) : edgeTableCodec.validate(u, c)),
  // a table's term count is its terms per row (the codec does not see the term names)
  (edges) => (isEdgeTable(edges) ? edgeObjects(edges, edges.member.length === 0 ? 0 : edges.terms.length / edges.member.length) : edges),
)

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
  edges: edgesCodec,
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
  if (E.isLeft(shaped)) return E.left(shapeIssues(shaped.left))
  const m = shaped.right
  const out: Array<Issue> = []
  const k = checker(out)
  if (!isInt(m.timePoints) || m.timePoints < 0) k.bad('timePoints', 'range', 'must be an integer ≥ 0')
  checkIds(k, 'slots', m.slots)
  checkIds(k, 'members', m.members)
  checkIds(k, 'groups', m.groups)
  checkSlots(k, m)
  checkMembers(k, m)
  m.groups.forEach((g, i) => {
    if (!isInt(g.limit) || g.limit < 1) k.bad(field(field('groups', i), 'limit'), 'range', 'must be an integer ≥ 1')
  })
  checkTermNames(k, m)
  checkEdges(k, m)
  checkForced(k, m)
  checkPairs(k, m)
  if (k.finite('categoryBonus', m.categoryBonus) && m.categoryBonus < 0) k.bad('categoryBonus', 'range', 'must be ≥ 0')
  if (out.length === 0) checkPins(k, m)
  return out.length > 0 ? E.left(out as unknown as NonEmptyArray<Issue>) : E.right(m as ValidModel)
}

// -------------------------------------------------------------------------------------
// internal: the checks of decodeModel
// -------------------------------------------------------------------------------------

/** One `type` issue per path the codec rejects, with the type it expected. */
const shapeIssues = (errors: t.Errors): NonEmptyArray<Issue> => {
  const seen = new Set<string>()
  const out: Array<Issue> = []
  for (const err of errors) {
    const path = pathOf(err.context)
    if (seen.has(path)) continue
    seen.add(path)
    const expected = err.context[err.context.length - 1]?.type.name ?? 'value'
    out.push(issue(path, 'type', `expected ${expected}`))
  }
  return out as unknown as NonEmptyArray<Issue>
}

const isInt = (x: number): boolean => Number.isInteger(x)

/** The issue collector of one decoding, with the checks every section shares. */
interface Checker {
  /** Records an issue. */
  readonly bad: (path: string, code: Issue['code'], message: string) => void
  /** Whether `x` is finite (an issue when not). */
  readonly finite: (path: string, x: number) => boolean
  /** Checks that `x` is an index in `0..n − 1`. */
  readonly index: (path: string, x: number, n: number, what: string) => void
}

/** The checks, recording into `out`. */
const checker = (out: Array<Issue>): Checker => {
  const bad = (path: string, code: Issue['code'], message: string): void => {
    out.push(issue(path, code, message))
  }
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
  return { bad, finite, index }
}

/** Ids non-empty, unique and sorted. */
const checkIds = (k: Checker, name: string, xs: ReadonlyArray<{ readonly id: string }>): void => {
  const first = new Map<string, number>()
  xs.forEach((x, i) => {
    const p = field(field(name, i), 'id')
    if (x.id === '') k.bad(p, 'range', 'must be non-empty')
    const j = first.get(x.id)
    if (j !== undefined) k.bad(p, 'duplicate', `duplicate id ${JSON.stringify(x.id)} (also ${name}[${j}])`)
    else first.set(x.id, i)
    const prev = xs[i - 1]
    if (prev !== undefined && j === undefined && !(prev.id < x.id))
      k.bad(p, 'range', `ids must be sorted: ${JSON.stringify(x.id)} comes after ${JSON.stringify(prev.id)}`)
  })
}

/** Slots: priority > 0, a group index, `0 ≤ from ≤ to < timePoints`. */
const checkSlots = (k: Checker, m: Model): void => {
  m.slots.forEach((s, i) => {
    const p = field('slots', i)
    if (k.finite(field(p, 'priority'), s.priority) && !(s.priority > 0)) k.bad(field(p, 'priority'), 'range', 'must be > 0')
    k.index(field(p, 'group'), s.group, m.groups.length, 'group')
    if (!isInt(s.from) || s.from < 0) k.bad(field(p, 'from'), 'range', 'must be an integer ≥ 0')
    if (!isInt(s.to) || s.to >= m.timePoints) k.bad(field(p, 'to'), 'range', `must be an integer < timePoints (${m.timePoints})`)
    else if (isInt(s.from) && s.from > s.to) k.bad(field(p, 'from'), 'period', `from (${s.from}) is after to (${s.to})`)
  })
}

/** Members: capacity ≥ 0, category an integer ≥ −1, finite base and threshold, overload weight ≥ 0. */
const checkMembers = (k: Checker, m: Model): void => {
  m.members.forEach((x, i) => {
    const p = field('members', i)
    if (k.finite(field(p, 'capacity'), x.capacity) && x.capacity < 0) k.bad(field(p, 'capacity'), 'range', 'must be ≥ 0')
    if (!isInt(x.category) || x.category < -1) k.bad(field(p, 'category'), 'range', 'must be an integer ≥ −1')
    k.finite(field(p, 'base'), x.base)
    k.finite(field(p, 'threshold'), x.threshold)
    if (k.finite(field(p, 'overloadWeight'), x.overloadWeight) && x.overloadWeight < 0)
      k.bad(field(p, 'overloadWeight'), 'range', 'must be ≥ 0')
  })
}

/** Term names distinct, edge terms and the three team terms together. */
const checkTermNames = (k: Checker, m: Model): void => {
  const names = [...m.termNames.edge, m.termNames.category, m.termNames.pair, m.termNames.overload]
  const paths = [
    ...m.termNames.edge.map((_, i) => field(field('termNames', 'edge'), i)),
    field('termNames', 'category'),
    field('termNames', 'pair'),
    field('termNames', 'overload'),
  ]
  const seen = new Set<string>()
  names.forEach((n, i) => {
    if (seen.has(n)) k.bad(paths[i] ?? 'termNames', 'duplicate', `term name ${JSON.stringify(n)} is used twice`)
    seen.add(n)
  })
}

/**
 * Edges, in either form: member and slot indices, hours ≥ 0, one finite term per edge term
 * name, sorted by (slot, member) and unique; an edge table's columns of matching lengths.
 */
const checkEdges = (k: Checker, m: Model): void => {
  const nT = m.termNames.edge.length
  const edges = m.edges
  if (isEdgeTable(edges)) {
    const n = edges.member.length
    if (edges.slot.length !== n || edges.hours.length !== n)
      return k.bad('edges', 'range', `member, slot and hours must have one entry per edge (${n}, ${edges.slot.length}, ${edges.hours.length})`)
    if (edges.terms.length !== n * nT)
      return k.bad(field('edges', 'terms'), 'range', `must have ${n * nT} entries (${n} edges × ${nT} termNames.edge)`)
  }
  const table = edgeTableOf(m)
  for (let i = 0; i < table.member.length; i++) checkEdge(k, m, table, i)
}

/** Edge `i` of {@link checkEdges}, read from the table (and its terms from the object, when there is one). */
const checkEdge = (k: Checker, m: Model, table: EdgeTable, i: number): void => {
  const nT = m.termNames.edge.length
  const p = field('edges', i)
  const member = table.member[i]!
  const slot = table.slot[i]!
  const hours = table.hours[i]!
  k.index(field(p, 'member'), member, m.members.length, 'member')
  k.index(field(p, 'slot'), slot, m.slots.length, 'slot')
  if (k.finite(field(p, 'hours'), hours) && hours < 0) k.bad(field(p, 'hours'), 'range', 'must be ≥ 0')
  if (!isEdgeTable(m.edges)) {
    const terms = (m.edges[i] as ModelEdge).terms
    if (terms.length !== nT) k.bad(field(p, 'terms'), 'range', `must have ${nT} entries (one per termNames.edge)`)
    terms.forEach((x, j) => k.finite(field(field(p, 'terms'), j), x))
  } else for (let j = 0; j < nT; j++) k.finite(field(field(p, 'terms'), j), table.terms[i * nT + j]!)
  if (i > 0) {
    const ps = table.slot[i - 1]!
    const pm = table.member[i - 1]!
    if (ps === slot && pm === member) k.bad(p, 'duplicate', `duplicate edge (member ${member}, slot ${slot})`)
    else if (ps > slot || (ps === slot && pm > member)) k.bad(p, 'range', 'edges must be sorted by (slot, member)')
  }
}

/** Forced and forbidden entries are edge indices, and no edge is both. */
const checkForced = (k: Checker, m: Model): void => {
  const nE = edgeCountOf(m)
  const forced = new Set<number>()
  m.forced.forEach((e, i) => {
    k.index(field('forced', i), e, nE, 'edge')
    forced.add(e)
  })
  m.forbidden.forEach((e, i) => {
    k.index(field('forbidden', i), e, nE, 'edge')
    if (forced.has(e)) k.bad(field('forbidden', i), 'conflict', `edge ${e} is both forced and forbidden`)
  })
}

/** Conflict and penalised pairs: member indices with `a < b`, penalty weights ≥ 0. */
const checkPairs = (k: Checker, m: Model): void => {
  const nM = m.members.length
  m.conflicts.forEach(([a, b], i) => {
    const p = field('conflicts', i)
    k.index(field(p, 0), a, nM, 'member')
    k.index(field(p, 1), b, nM, 'member')
    if (!(a < b)) k.bad(p, 'conflict', 'a conflict pair needs two members with a < b')
  })
  m.pairPenalties.forEach((x, i) => {
    const p = field('pairPenalties', i)
    k.index(field(p, 'a'), x.a, nM, 'member')
    k.index(field(p, 'b'), x.b, nM, 'member')
    if (!(x.a < x.b)) k.bad(p, 'conflict', 'a penalised pair needs two members with a < b')
    if (k.finite(field(p, 'weight'), x.weight) && x.weight < 0) k.bad(field(p, 'weight'), 'range', 'must be ≥ 0')
  })
}

/** The forced edges alone must keep every hard constraint (for a model otherwise sound). */
const checkPins = (k: Checker, m: Model): void => {
  const c = compact(m)
  const chosen = Int32Array.from(new Set(m.forced)).sort()
  for (const v of violationsCompact(c, m, chosen))
    if (v.kind !== 'forced') k.bad('forced', 'pin', `the forced edges break a hard constraint: ${v.message}`)
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The number of candidate edges of a model, whichever form its edges take.
 *
 * @category utilities
 * @since 0.1.0
 */
export const edgeCount = (model: Model): number => edgeCountOf(model)

/**
 * Edge `e` of a model as an edge object (built from the table when the edges are an
 * {@link EdgeTable}), or `undefined` when there is no edge `e`.
 *
 * @category utilities
 * @since 0.1.0
 */
export const edgeAt = (model: Model, e: number): ModelEdge | undefined => edgeAtOf(model, e)

/**
 * The edges of a model as an array of edge objects: the array itself when they are one, else
 * one object per row of the table (for small models and tests; large models are best read
 * through {@link toEdgeTable}).
 *
 * @category utilities
 * @since 0.1.0
 */
export const edgeList = (model: Model): ReadonlyArray<ModelEdge> => edgeListOf(model)

/**
 * The edges of a model as an {@link EdgeTable}: the table itself when they are one, else typed
 * arrays filled from the edge objects. A model whose `edges` is this table is the same model.
 *
 * @category utilities
 * @since 0.1.0
 */
export const toEdgeTable = (model: Model): EdgeTable => edgeTableOf(model)
