/**
 * The assignment core: models in which every member has room for one slot at most and no
 * team term couples the choices are weighted bipartite matchings, solved here exactly by
 * shortest augmenting paths (the Hungarian method with Jonker–Volgenant's row reduction).
 *
 * A member has room for one slot when, in the state of the forced edges, adding any one of
 * its usable edges leaves no room for any other: all of them in one group of limit 1, or all
 * covering a common time point with the two smallest hours together over the member's
 * capacity. Both are asked of the rulebook's {@link State} (its `block` on the tightest pair),
 * never re-derived. With only such members, no category bonus, pair penalty, overload or
 * conflict, a plan is a matching of slots to members over the edges the forced state can
 * take, worth Σ (priority, value) lexicographically — which the matching maximises.
 *
 * Each slot is one row; each member, and a private "unfilled" column per slot, is a column.
 * Costs are lexicographic pairs (−priority, −value), the unfilled column (0, 0); potentials
 * keep every reduced cost ≥ 0 and 0 on the matched pairs, so each slot's Dijkstra search
 * finds the best augmenting path. Slots whose best member is free at the start take it
 * directly (row reduction); the searches do the rest. Deterministic (slots in index order,
 * ties to the lower column), effort counted in steps (one per reduced cost or heap change).
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from '../../model/internal/compact.js'
import { type State, NEG } from '../../model/internal/state.js'

/** Tolerance of the lexicographic comparisons of summed priorities and values. */
const TOL = 1e-9

/**
 * Whether a model is an assignment core: no team terms (category bonus, pair penalties,
 * overload), no conflicts, and every member with room for one slot at most beside the forced
 * edges of `forced` (the state holding exactly them).
 *
 * @internal
 * @since 0.1.0
 */
export const isAssignmentCore = (c: Compact, forced: State): boolean => {
  if (!uncoupled(c)) return false
  for (let m = 0; m < c.nMembers; m++) if (!roomForOne(c, forced, m)) return false
  return true
}

/**
 * Whether no team term or conflict couples the members' choices (no category bonus, pair
 * penalty, overload weight or conflict): the cheap first test of {@link isAssignmentCore}.
 *
 * @internal
 * @since 0.1.0
 */
export const uncoupled = (c: Compact): boolean => {
  if (c.categoryBonus !== 0 || c.pairWeight.length > 0 || c.conflictAdj.length > 0) return false
  for (let m = 0; m < c.nMembers; m++) if (c.memberOverloadWeight[m] !== 0) return false
  return true
}

/**
 * Whether member `m` has room for one of its usable edges at most: it holds a forced edge
 * already and none of its edges fits besides, or all its usable edges share one group of
 * limit 1, or all cover a common time point and the two with the fewest hours do not fit
 * together — the state says so for that tightest pair.
 */
const roomForOne = (c: Compact, st: State, m: number): boolean => {
  let first = -1
  let second = -1
  let sameGroup = true
  let lo = -1
  let hi = Number.MAX_SAFE_INTEGER
  let usable = 0
  for (let k = c.memberEdgeStart[m]!, end = c.memberEdgeStart[m + 1]!; k < end; k++) {
    const e = c.memberEdges[k]!
    if (st.block(e) !== 'none') continue
    usable++
    if (first >= 0 && c.slotGroup[c.edgeSlot[e]!] !== c.slotGroup[c.edgeSlot[first]!]) sameGroup = false
    if (c.edgePointLo[e]! > lo) lo = c.edgePointLo[e]!
    if (c.edgePointHi[e]! < hi) hi = c.edgePointHi[e]!
    const h = c.edgeHours[e]!
    if (first < 0 || h < c.edgeHours[first]!) {
      second = first
      first = e
    } else if (second < 0 || h < c.edgeHours[second]!) second = e
  }
  if (usable <= 1) return true
  if (st.assigned[m]! > 0) return false
  const common = lo < hi
  if (!sameGroup && !common) return false
  // the tightest pair: once `first` is in, is `second` kept out by the group limit or capacity?
  st.add(first)
  const why = st.limits(second)
  st.remove(c.edgeSlot[first]!)
  return (why === 'group' && sameGroup) || (why === 'capacity' && common)
}

/**
 * What {@link assignmentCore} returns: the chosen edge per slot (−1: unfilled), and whether the
 * matching is complete (optimal) or was cut short by the budget (optimal over the slots it
 * reached, a warm start for the rest).
 *
 * @internal
 * @since 0.1.0
 */
export interface CoreResult {
  readonly slotEdge: Int32Array
  readonly complete: boolean
}

/**
 * Solves an assignment core (see {@link isAssignmentCore}) exactly, starting from `st` (the state
 * of the forced edges, which it fills); steps are added to `counter`, and the search stops
 * (incomplete) once they pass `budget`.
 *
 * @internal
 * @since 0.1.0
 */
export const assignmentCore = (c: Compact, st: State, budget: number, counter: { steps: number }): CoreResult => {
  const S = c.nSlots
  const M = c.nMembers
  const C = M + S // members, then one "unfilled" column per slot
  // the usable edges of each open slot, as CSR: member and value
  const start = new Int32Array(S + 1)
  const edgeOf: Array<number> = []
  for (let s = 0; s < S; s++) {
    if (st.slotEdge[s]! < 0)
      for (let k = c.slotEdgeStart[s]!, end = c.slotEdgeStart[s + 1]!; k < end; k++) {
        const e = c.slotEdges[k]!
        if (st.block(e) === 'none') edgeOf.push(e)
      }
    start[s + 1] = edgeOf.length
  }
  counter.steps += c.nEdges
  const E = edgeOf.length
  const col = new Int32Array(E)
  const costB = new Float64Array(E)
  for (let k = 0; k < E; k++) {
    const e = edgeOf[k]!
    col[k] = c.edgeMember[e]!
    costB[k] = -c.edgeValue[e]!
  }
  // potentials (pairs: A = priority part, B = value part)
  const uA = new Float64Array(S)
  const uB = new Float64Array(S)
  const vA = new Float64Array(C)
  const vB = new Float64Array(C)
  const rowCol = new Int32Array(S).fill(-1)
  const colRow = new Int32Array(C).fill(-1)
  const rowEdge = new Int32Array(S).fill(-1)
  // row reduction: each slot's best edge, taken when its member is free
  const free: Array<number> = []
  for (let s = 0; s < S; s++) {
    if (st.slotEdge[s]! >= 0) continue
    let best = -1
    for (let k = start[s]!; k < start[s + 1]!; k++) if (best < 0 || costB[k]! < costB[best]! - TOL) best = k
    if (best < 0) {
      // no usable edge: the slot stays unfilled
      rowCol[s] = M + s
      colRow[M + s] = s
      continue
    }
    uA[s] = -c.slotPriority[s]!
    uB[s] = costB[best]!
    const m = col[best]!
    if (colRow[m]! < 0) {
      rowCol[s] = m
      colRow[m] = s
      rowEdge[s] = best
    } else free.push(s)
  }
  counter.steps += E
  const pending = counter.steps > budget ? free : augmentingRowReduction(c, start, col, costB, uA, uB, vA, vB, rowCol, colRow, rowEdge, free, counter)
  // Dijkstra work space
  const dA = new Float64Array(C)
  const dB = new Float64Array(C)
  const pred = new Int32Array(C) // row that reached the column
  const predK = new Int32Array(C) // its edge (−1: the unfilled column)
  const seen = new Int32Array(C).fill(-1) // stamp: column reached in this search
  const done = new Int32Array(C).fill(-1) // stamp: column finalised
  const heap = new Int32Array(C)
  const pos = new Int32Array(C)
  const fin = new Int32Array(C) // columns finalised in this search
  const rowD_A = new Float64Array(S)
  const rowD_B = new Float64Array(S)
  const rowSeen = new Int32Array(S).fill(-1)
  const rows = new Int32Array(S)
  let n = 0
  const less = (a: number, b: number): boolean => {
    const x = dA[a]! - dA[b]!
    if (x < -TOL) return true
    if (x > TOL) return false
    const y = dB[a]! - dB[b]!
    if (y < -TOL) return true
    if (y > TOL) return false
    // ties: a free column first (it ends the search), then the lower index
    const fa = colRow[a]! < 0
    return fa !== (colRow[b]! < 0) ? fa : a < b
  }
  const up = (i: number): void => {
    const x = heap[i]!
    while (i > 0) {
      const p = (i - 1) >> 1
      const y = heap[p]!
      if (!less(x, y)) break
      heap[i] = y
      pos[y] = i
      i = p
    }
    heap[i] = x
    pos[x] = i
  }
  const down = (i: number): void => {
    const x = heap[i]!
    for (;;) {
      let l = 2 * i + 1
      if (l >= n) break
      if (l + 1 < n && less(heap[l + 1]!, heap[l]!)) l++
      const y = heap[l]!
      if (!less(y, x)) break
      heap[i] = y
      pos[y] = i
      i = l
    }
    heap[i] = x
    pos[x] = i
  }
  let steps = 0
  let complete = true
  for (let q = 0; q < pending.length; q++) {
    if (counter.steps + steps > budget) {
      complete = false
      break
    }
    const s = pending[q]!
    const stamp = q
    n = 0
    let nRows = 0
    // relax the columns of row r, reached at distance (ra, rb)
    const relax = (r: number, ra: number, rb: number): void => {
      rowSeen[r] = stamp
      rowD_A[r] = ra
      rowD_B[r] = rb
      rows[nRows++] = r
      const pa = -c.slotPriority[r]! - uA[r]!
      for (let k = start[r]!, end = start[r + 1]!; k <= end; k++) {
        // k === end: the row's own "unfilled" column, cost (0, 0)
        const j = k < end ? col[k]! : M + r
        if (done[j] === stamp) continue
        const a = ra + (k < end ? pa : -uA[r]!) - vA[j]!
        const b = rb + (k < end ? costB[k]! : 0) - uB[r]! - vB[j]!
        steps++
        if (seen[j] !== stamp) {
          seen[j] = stamp
          dA[j] = a
          dB[j] = b
          pred[j] = r
          predK[j] = k < end ? k : -1
          heap[n] = j
          up(n++)
        } else {
          const x = a - dA[j]!
          if (x < -TOL || (x <= TOL && b < dB[j]! - TOL)) {
            dA[j] = a
            dB[j] = b
            pred[j] = r
            predK[j] = k < end ? k : -1
            up(pos[j]!)
          }
        }
      }
    }
    relax(s, 0, 0)
    let end = -1
    let nDone = 0
    while (n > 0) {
      const j = heap[0]!
      heap[0] = heap[--n]!
      if (n > 0) down(0)
      steps++
      // free: a member nobody holds, or an unfilled column whose row holds a member
      if (colRow[j]! < 0) {
        end = j
        break
      }
      done[j] = stamp
      fin[nDone++] = j
      relax(colRow[j]!, dA[j]!, dB[j]!)
    }
    if (end < 0) {
      // cannot happen (the row's own unfilled column is always free); keep the row unfilled
      rowCol[s] = M + s
      colRow[M + s] = s
      continue
    }
    const ea = dA[end]!
    const eb = dB[end]!
    // potentials: finalised columns and reached rows move by their distance short of the end
    for (let i = 0; i < nDone; i++) {
      const j = fin[i]!
      vA[j] = vA[j]! - (ea - dA[j]!)
      vB[j] = vB[j]! - (eb - dB[j]!)
    }
    for (let i = 0; i < nRows; i++) {
      const r = rows[i]!
      uA[r] = uA[r]! + (ea - rowD_A[r]!)
      uB[r] = uB[r]! + (eb - rowD_B[r]!)
    }
    // augment along the predecessors
    let j = end
    for (;;) {
      const r = pred[j]!
      const prev = rowCol[r]!
      rowCol[r] = j
      colRow[j] = r
      rowEdge[r] = predK[j]!
      if (prev >= 0) colRow[prev] = -1
      if (r === s) break
      j = prev
    }
  }
  counter.steps += steps
  // the plan, each edge asked of the state
  for (let s = 0; s < S; s++) {
    const k = rowEdge[s]!
    if (rowCol[s]! < 0 || rowCol[s]! >= M || k < 0) continue
    const e = edgeOf[k]!
    if (st.slotEdge[s]! < 0 && st.evalAdd(e) !== NEG) st.add(e)
  }
  return { slotEdge: st.slotEdge, complete }
}

/** Passes of the augmenting row reduction (Jonker and Volgenant use two). */
const ARR_PASSES = 2

/**
 * Jonker–Volgenant's augmenting row reduction, on lexicographic pairs: each free row takes its
 * cheapest column (reduced by the column potentials v), lowering that column's potential to the
 * row's second-cheapest so the row keeps it at a reduced cost no other column beats; the row it
 * displaces is served next. Every row it assigns holds a cheapest column, so the row potentials
 * set here (each row's reduced cost on its column; for a free row, its minimum) keep every
 * reduced cost ≥ 0. Returns the rows still free, in order.
 */
const augmentingRowReduction = (
  c: Compact,
  start: Int32Array,
  col: Int32Array,
  costB: Float64Array,
  uA: Float64Array,
  uB: Float64Array,
  vA: Float64Array,
  vB: Float64Array,
  rowCol: Int32Array,
  colRow: Int32Array,
  rowEdge: Int32Array,
  initial: ReadonlyArray<number>,
  counter: { steps: number },
): Array<number> => {
  const S = c.nSlots
  const M = c.nMembers
  let free = initial.slice()
  let steps = 0
  for (let pass = 0; pass < ARR_PASSES && free.length > 0; pass++) {
    const next: Array<number> = []
    let current = 0
    let iterations = 0
    const limit = free.length * Math.max(1, S)
    while (current < free.length) {
      const i = free[current++]!
      iterations++
      // the cheapest and second-cheapest columns of row i
      const p = -c.slotPriority[i]!
      let a1 = -vA[M + i]!
      let b1 = -vB[M + i]!
      let j1 = M + i
      let k1 = -1
      let a2 = Infinity
      let b2 = Infinity
      let j2 = -1
      let k2 = -1
      for (let k = start[i]!, end = start[i + 1]!; k < end; k++) {
        const j = col[k]!
        const a = p - vA[j]!
        const b = costB[k]! - vB[j]!
        if (lexLess(a, b, a1, b1)) {
          a2 = a1
          b2 = b1
          j2 = j1
          k2 = k1
          a1 = a
          b1 = b
          j1 = j
          k1 = k
        } else if (lexLess(a, b, a2, b2)) {
          a2 = a
          b2 = b
          j2 = j
          k2 = k
        }
      }
      steps += start[i + 1]! - start[i]! + 1
      let i0 = colRow[j1]!
      const lowers = j2 >= 0 && lexLess(a1, b1, a2, b2)
      if (iterations < limit) {
        if (lowers) {
          vA[j1] = vA[j1]! - (a2 - a1)
          vB[j1] = vB[j1]! - (b2 - b1)
        } else if (i0 >= 0 && j2 >= 0) {
          j1 = j2
          k1 = k2
          i0 = colRow[j2]!
        }
        if (i0 >= 0) {
          if (lowers) free[--current] = i0
          else next.push(i0)
        }
      } else if (i0 >= 0) next.push(i0)
      if (i0 >= 0) {
        rowCol[i0] = -1
        rowEdge[i0] = -1
      }
      rowCol[i] = j1
      colRow[j1] = i
      rowEdge[i] = k1
    }
    free = next
  }
  counter.steps += steps
  // row potentials: each assigned row's reduced cost on its column, each free row's minimum
  for (let i = 0; i < S; i++) {
    const j = rowCol[i]!
    if (j < 0 && start[i + 1]! === start[i]!) continue
    if (j >= 0) {
      const k = rowEdge[i]!
      uA[i] = (k >= 0 ? -c.slotPriority[i]! : 0) - vA[j]!
      uB[i] = (k >= 0 ? costB[k]! : 0) - vB[j]!
    }
  }
  for (const i of free) {
    let a1 = -vA[M + i]!
    let b1 = -vB[M + i]!
    for (let k = start[i]!, end = start[i + 1]!; k < end; k++) {
      const a = -c.slotPriority[i]! - vA[col[k]!]!
      const b = costB[k]! - vB[col[k]!]!
      if (lexLess(a, b, a1, b1)) {
        a1 = a
        b1 = b
      }
    }
    uA[i] = a1
    uB[i] = b1
  }
  return free
}

/** (a, b) < (x, y) lexicographically, beyond the tolerance. */
const lexLess = (a: number, b: number, x: number, y: number): boolean => {
  const d = a - x
  return d < -TOL || (d <= TOL && b < y - TOL)
}
