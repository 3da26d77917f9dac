/**
 * A simple construction: forced edges first, then edges in order of slot priority, then value
 * (best first, ties by edge index), each added when it breaks no hard constraint; then one
 * improving pass that re-seats each slot on its best feasible edge.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from './compact.js'
import { type State, add, addDelta, canAdd, emptyState, fits, remove } from './state.js'

/**
 * The state holding exactly the forced edges (a valid model guarantees they fit together).
 *
 * @internal
 * @since 0.1.0
 */
export const forcedState = (c: Compact): State => {
  const st = emptyState(c)
  for (const e of c.forcedEdges) if (st.slotEdge[c.edgeSlot[e]!]! < 0) add(st, e)
  return st
}

/**
 * Greedy construction plus a re-seating pass; `steps` counts edges examined.
 *
 * @internal
 * @since 0.1.0
 */
export const greedy = (c: Compact, counter: { steps: number }): State => {
  const st = forcedState(c)
  const order = Array.from({ length: c.nEdges }, (_, i) => i)
  order.sort(
    (a, b) =>
      c.slotPriority[c.edgeSlot[b]!]! - c.slotPriority[c.edgeSlot[a]!]! ||
      c.edgeValue[b]! - c.edgeValue[a]! ||
      a - b,
  )
  for (const e of order) {
    counter.steps++
    if (canAdd(st, e)) add(st, e)
  }
  // re-seat: move each non-forced slot to its best feasible edge when that gains soft value
  for (let s = 0; s < c.nSlots; s++) {
    const cur = st.slotEdge[s]!
    if (cur < 0 || c.slotForced[s]! >= 0) continue
    const dRemove = remove(st, cur)
    let best = cur
    let bestD = -dRemove
    for (let j = c.slotEdgeStart[s]!; j < c.slotEdgeStart[s + 1]!; j++) {
      counter.steps++
      const e = c.slotEdges[j]!
      if (e === cur || c.edgeForbidden[e] || !fits(st, e)) continue
      const d = addDelta(st, e)
      if (d > bestD + 1e-12) {
        bestD = d
        best = e
      }
    }
    add(st, best)
  }
  return st
}
