/**
 * The starting state of every search: the forced edges and nothing else.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from './compact.js'
import { type State, add, emptyState } from './state.js'

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
