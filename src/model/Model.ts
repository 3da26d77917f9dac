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
import { edgeAt as edgeAtOf, edgeCount as edgeCountOf, edgeList as edgeListOf, edgeTableOf, isEdgeTable } from './internal/edges.js'
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
  (edges) => {
    if (!isEdgeTable(edges)) return edges
    const n = edges.member.length
    return edgeListOf({ edges, termNames: { edge: new Array<string>(n === 0 ? 0 : edges.terms.length / n), category: '', pair: '', overload: '' } })
  },
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
 * The edge checks of {@link decodeModel}: indices in range, hours ≥ 0, one finite term per
 * edge term name, sorted by (slot, member) and unique — for either form of the edges.
 */
const checkEdges = (
  m: Model,
  nT: number,
  bad: (path: string, code: Issue['code'], message: string) => void,
  finite: (path: string, x: number) => boolean,
  index: (path: string, x: number, n: number, what: string) => void,
): void => {
  const edges = m.edges
  const nM = m.members.length
  const nS = m.slots.length
  if (isEdgeTable(edges)) {
    const n = edges.member.length
    if (edges.slot.length !== n || edges.hours.length !== n)
      return bad('edges', 'range', `member, slot and hours must have one entry per edge (${n}, ${edges.slot.length}, ${edges.hours.length})`)
    if (edges.terms.length !== n * nT)
      return bad(field('edges', 'terms'), 'range', `must have ${n * nT} entries (${n} edges × ${nT} termNames.edge)`)
  }
  const table = edgeTableOf(m)
  const n = table.member.length
  for (let i = 0; i < n; i++) {
    const p = field('edges', i)
    const member = table.member[i]!
    const slot = table.slot[i]!
    const hours = table.hours[i]!
    index(field(p, 'member'), member, nM, 'member')
    index(field(p, 'slot'), slot, nS, 'slot')
    if (finite(field(p, 'hours'), hours) && hours < 0) bad(field(p, 'hours'), 'range', 'must be ≥ 0')
    if (!isEdgeTable(edges)) {
      const terms = (edges[i] as ModelEdge).terms
      if (terms.length !== nT) bad(field(p, 'terms'), 'range', `must have ${nT} entries (one per termNames.edge)`)
      terms.forEach((x, k) => finite(field(field(p, 'terms'), k), x))
    } else for (let k = 0; k < nT; k++) finite(field(field(p, 'terms'), k), table.terms[i * nT + k]!)
    if (i > 0) {
      const ps = table.slot[i - 1]!
      const pm = table.member[i - 1]!
      if (ps === slot && pm === member) bad(p, 'duplicate', `duplicate edge (member ${member}, slot ${slot})`)
      else if (ps > slot || (ps === slot && pm > member)) bad(p, 'range', 'edges must be sorted by (slot, member)')
    }
  }
}

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

  const nM = m.members.length
  const nG = m.groups.length
  const nE = edgeCountOf(m)
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
  checkEdges(m, nT, bad, finite, index)
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
