/**
 * The branching of the exact search (exact.ts): which open slot a node branches on, and the
 * order in which it tries the slot's edges. Both read the last relaxation of the node's bound
 * (`w` of the search's context).
 *
 * @internal
 * @since 0.1.0
 */
import { NEG } from '../../model/internal/state.js'
import type { Search } from './exactSearch.js'

/**
 * The edges a node may try on a slot, best first, per depth (so a node's order survives its
 * children's).
 *
 * @internal
 * @since 0.1.0
 */
export interface Kids {
  /** Per depth: the edges. */
  readonly edges: Array<Int32Array>
  /** Per depth: their sort keys. */
  readonly keys: Array<Float64Array>
  /** The most edges of a slot (the arrays' length). */
  readonly maxKids: number
  /** Per edge: `stamp` when the last relaxation chose it. */
  readonly chosenMark: Int32Array
  stamp: number
}

/**
 * Empty per-depth arrays for the search's model.
 *
 * @internal
 * @since 0.1.0
 */
export const kidsOf = (ctx: Search): Kids => {
  const c = ctx.c
  let maxKids = 0
  for (let s = 0; s < c.nSlots; s++) maxKids = Math.max(maxKids, c.slotEdgeStart[s + 1]! - c.slotEdgeStart[s]!)
  return { edges: [], keys: [], maxKids, chosenMark: new Int32Array(c.nEdges), stamp: 0 }
}

/**
 * The slot to branch on, or −1 when no open slot has a feasible edge: the open slot the last
 * relaxation violated most (chosen by most members, or by none — the largest |1 − chosenBy|),
 * then the one with the fewest feasible edges, then the lowest index.
 *
 * @internal
 * @since 0.1.0
 */
export const branchSlot = (ctx: Search): number => {
  const { c, st, closed, w } = ctx
  let slot = -1
  let fewest = 0x7fffffff
  let most = -1
  for (let s = 0; s < c.nSlots; s++) {
    const n = w.feasible[s]!
    if (n <= 0 || st.slotEdge[s]! >= 0 || closed[s]) continue
    const k = Math.abs(1 - w.chosenBy[s]!)
    if (k > most || (k === most && n < fewest)) {
      most = k
      fewest = n
      slot = s
    }
  }
  return slot
}

/**
 * Fills `kids.edges[depth]` with the allowed edges of `slot` that fit the state, best first:
 * the ones the last relaxation chose first (their key gets `2 · softScale`, more than any soft
 * delta), then by soft delta, then by edge index. Returns how many.
 *
 * @internal
 * @since 0.1.0
 */
export const orderEdges = (ctx: Search, kids: Kids, depth: number, slot: number): number => {
  const { c, st, counter } = ctx
  if (kids.edges.length <= depth) {
    kids.edges.push(new Int32Array(kids.maxKids))
    kids.keys.push(new Float64Array(kids.maxKids))
  }
  const ke = kids.edges[depth]!
  const kk = kids.keys[depth]!
  const lo = c.slotEdgeStart[slot]!
  const hi = c.slotEdgeStart[slot + 1]!
  counter.steps += hi - lo
  const mark = markChosen(ctx, kids)
  const bonus = 2 * ctx.softScale
  let n = 0
  for (let j = lo; j < hi; j++) {
    const e = c.slotEdges[j]!
    if (c.edgeForbidden[e]) continue
    const d = st.evalAdd(e)
    if (d === NEG) continue
    const key = d + (kids.chosenMark[e] === mark ? bonus : 0)
    // insertion: after every larger key and every equal key of a smaller edge
    let i = n++
    while (i > 0 && (kk[i - 1]! < key || (kk[i - 1] === key && ke[i - 1]! > e))) {
      kk[i] = kk[i - 1]!
      ke[i] = ke[i - 1]!
      i--
    }
    kk[i] = key
    ke[i] = e
  }
  return n
}

/** Marks the edges the last relaxation chose with a new stamp, which it returns. */
const markChosen = (ctx: Search, kids: Kids): number => {
  const w = ctx.w
  let nChosen = 0
  for (let m = 0; m < ctx.c.nMembers; m++) nChosen += w.chosenLen[m]!
  const mark = ++kids.stamp
  for (let i = 0; i < nChosen; i++) kids.chosenMark[w.chosen[i]!] = mark
  ctx.counter.steps += nChosen
  return mark
}
