/**
 * A plan on the compiled model, held in the rulebook's incremental state: what blocks one
 * more edge on an open slot — the member's load over time, the per-request limit or an
 * `apart` partner (the `taken` reasons of an unfilled slot), or nothing (`free`) — and the
 * completion pass that makes a plan maximal. Both ask the state; neither re-derives a rule.
 *
 * @internal
 * @since 0.1.0
 */
import type { Model } from '../../model/Model.js'
import { compactOf } from '../../model/internal/compact.js'
import { type Block, State } from '../../model/internal/state.js'

/** @internal */
export const DETAIL_BUSY = 'busy with other assignments'
/** @internal */
export const DETAIL_LIMIT = 'per-request limit reached'
/** @internal */
export const DETAIL_APART = 'apart from a team member'
/** @internal */
export const DETAIL_FREE = 'eligible and free'

/** The `taken` detail of each block an edge on an open slot can meet (`null`: nothing blocks it). */
const detailOf: Readonly<Record<Block, string | null>> = {
  none: null,
  capacity: DETAIL_BUSY,
  group: DETAIL_LIMIT,
  conflict: DETAIL_APART,
  // a domain model has no forbidden edges, and blockers are asked about open slots only
  slot: DETAIL_BUSY,
  forbidden: DETAIL_BUSY,
}

/**
 * The state of a valid set of edges (ascending) on a model.
 *
 * @internal
 */
export const planState = (model: Model, edges: ReadonlyArray<number>): State => {
  const st = new State(compactOf(model))
  for (const e of [...edges].sort((a, b) => a - b)) st.add(e)
  return st
}

/**
 * What keeps edge `e` (on an open slot) out of the plan, in words, or `null` when nothing does.
 *
 * @internal
 */
export const blocker = (st: State, e: number): string | null => detailOf[st.limits(e)]

/**
 * Completes a valid set of edges to a maximal one: every slot left open that some member could
 * still fill without breaking a hard constraint gets the best such member (largest edge value,
 * then lowest member index), in slot order. Filling a slot raises `filled`, so the result
 * scores better than the input; when nothing can be added it is the input unchanged.
 *
 * @internal
 */
export const complete = (st: State): number => {
  const c = st.c
  let added = 0
  for (let s = 0; s < c.nSlots; s++) {
    if (st.slotEdge[s]! >= 0) continue
    let best = -1
    let bestValue = -Infinity
    for (let j = c.slotEdgeStart[s]!; j < c.slotEdgeStart[s + 1]!; j++) {
      const e = c.slotEdges[j]!
      if (!st.canAdd(e)) continue
      if (c.edgeValue[e]! > bestValue) {
        best = e
        bestValue = c.edgeValue[e]!
      }
    }
    if (best >= 0) {
      st.add(best)
      added++
    }
  }
  return added
}
