/**
 * The separable upper bound, the floor under every other bound of the solver: each slot with
 * an allowed edge filled by its best edge, every coupling constraint and the non-positive team
 * penalties dropped. The Lagrangian bounds (decompose.ts) start from it and only go down.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from '../../model/internal/compact.js'

/**
 * The separable bound: every slot with an allowed edge filled by its best edge (value plus
 * the category bonus when the member has a category), every other hard constraint and the
 * non-positive team penalties dropped. O(edges).
 *
 * @internal
 * @since 0.1.0
 */
export const trivialBound = (c: Compact): { filled: number; soft: number } => {
  let filled = 0
  let soft = 0
  for (let s = 0; s < c.nSlots; s++) {
    const f = c.slotForced[s]!
    let best = f >= 0 ? -Infinity : 0
    let any = false
    for (let j = c.slotEdgeStart[s]!; j < c.slotEdgeStart[s + 1]!; j++) {
      const e = c.slotEdges[j]!
      if (c.edgeForbidden[e] || (f >= 0 && e !== f)) continue
      any = true
      const v = c.edgeValue[e]! + (c.memberCategory[c.edgeMember[e]!]! >= 0 ? c.categoryBonus : 0)
      if (v > best) best = v
    }
    if (any) {
      filled += c.slotPriority[s]!
      soft += best
    }
  }
  return { filled, soft }
}
