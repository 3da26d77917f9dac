/**
 * Reading a model's edges in either form (an array of edge objects or an edge table of typed
 * arrays), and building an edge table without one object per edge.
 *
 * @internal
 * @since 0.1.0
 */
import type { EdgeTable, Model, ModelEdge } from './types.js'

/** Whether the edges are an edge table (typed arrays) rather than an array of edge objects. */
export const isEdgeTable = (edges: Model['edges']): edges is EdgeTable => !Array.isArray(edges)

/** The number of edges of a model. */
export const edgeCount = (model: Pick<Model, 'edges'>): number =>
  isEdgeTable(model.edges) ? model.edges.member.length : model.edges.length

/** The member and slot of edge `e` (`undefined` out of range), without building an edge object. */
export const edgeEnds = (model: Pick<Model, 'edges'>, e: number): { readonly member: number; readonly slot: number } | undefined => {
  const edges = model.edges
  if (!isEdgeTable(edges)) return edges[e]
  return Number.isInteger(e) && e >= 0 && e < edges.member.length ? { member: edges.member[e]!, slot: edges.slot[e]! } : undefined
}

/** Edge `e` of a model as an object (`undefined` out of range). */
export const edgeAt = (model: Pick<Model, 'edges' | 'termNames'>, e: number): ModelEdge | undefined => {
  const edges = model.edges
  if (!isEdgeTable(edges)) return edges[e]
  if (!Number.isInteger(e) || e < 0 || e >= edges.member.length) return undefined
  const k = model.termNames.edge.length
  return {
    member: edges.member[e]!,
    slot: edges.slot[e]!,
    hours: edges.hours[e]!,
    terms: Array.from(edges.terms.subarray(e * k, e * k + k)),
  }
}

/** The rows of an edge table as edge objects, `k` terms each. */
export const edgeObjects = (table: EdgeTable, k: number): ReadonlyArray<ModelEdge> => {
  const n = table.member.length
  const out: Array<ModelEdge> = new Array(n)
  for (let e = 0; e < n; e++)
    out[e] = {
      member: table.member[e]!,
      slot: table.slot[e]!,
      hours: table.hours[e]!,
      terms: Array.from(table.terms.subarray(e * k, e * k + k)),
    }
  return out
}

/** The edges of a model as an array of edge objects (the array itself when they are one). */
export const edgeList = (model: Pick<Model, 'edges' | 'termNames'>): ReadonlyArray<ModelEdge> =>
  isEdgeTable(model.edges) ? edgeObjects(model.edges, model.termNames.edge.length) : model.edges

/**
 * The edges of a model as an edge table: the table itself when they are one, else typed arrays
 * filled from the edge objects (a missing term reads as 0).
 */
export const edgeTableOf = (model: Pick<Model, 'edges' | 'termNames'>): EdgeTable => {
  const edges = model.edges
  if (isEdgeTable(edges)) return edges
  const k = model.termNames.edge.length
  const n = edges.length
  const member = new Int32Array(n)
  const slot = new Int32Array(n)
  const hours = new Float64Array(n)
  const terms = new Float64Array(n * k)
  for (let e = 0; e < n; e++) {
    const x = edges[e]!
    member[e] = x.member
    slot[e] = x.slot
    hours[e] = x.hours
    for (let t = 0; t < k; t++) terms[e * k + t] = x.terms[t] ?? 0
  }
  return { member, slot, hours, terms }
}

/**
 * A growing edge table: `push` appends an edge (its terms as `k` numbers), `table` returns the
 * edges so far. Capacity doubles, so building n edges costs O(n). Push nothing after `table`:
 * the table may share the builder's buffers.
 */
export interface EdgeTableBuilder {
  /** The number of edges pushed so far. */
  readonly length: () => number
  /** Appends an edge. */
  readonly push: (member: number, slot: number, hours: number, terms: ArrayLike<number>) => void
  /** The table of the edges pushed so far. */
  readonly table: () => EdgeTable
}

/** A new, empty {@link EdgeTableBuilder} for edges with `k` terms each. */
export const edgeTableBuilder = (k: number, initial = 1024): EdgeTableBuilder => {
  let cap = Math.max(1, initial)
  let n = 0
  let member = new Int32Array(cap)
  let slot = new Int32Array(cap)
  let hours = new Float64Array(cap)
  let terms = new Float64Array(cap * k)
  const grow = (): void => {
    cap *= 2
    const m2 = new Int32Array(cap)
    m2.set(member)
    member = m2
    const s2 = new Int32Array(cap)
    s2.set(slot)
    slot = s2
    const h2 = new Float64Array(cap)
    h2.set(hours)
    hours = h2
    const t2 = new Float64Array(cap * k)
    t2.set(terms)
    terms = t2
  }
  return {
    length: () => n,
    push: (m, s, h, ts) => {
      if (n === cap) grow()
      member[n] = m
      slot[n] = s
      hours[n] = h
      for (let t = 0; t < k; t++) terms[n * k + t] = ts[t] ?? 0
      n++
    },
    // mostly full: views of the buffers (no copy, no second table in memory at once); else
    // trimmed copies, so a table never holds more than a quarter of spare room
    table: () =>
      4 * n >= 3 * cap
        ? { member: member.subarray(0, n), slot: slot.subarray(0, n), hours: hours.subarray(0, n), terms: terms.subarray(0, n * k) }
        : { member: member.slice(0, n), slot: slot.slice(0, n), hours: hours.slice(0, n), terms: terms.slice(0, n * k) },
  }
}
