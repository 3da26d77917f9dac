/**
 * The two augmentation phases of the assignment core (matching.ts), on one matching record:
 * Jonker–Volgenant's augmenting row reduction, then one shortest augmenting path (Dijkstra on
 * reduced costs) per slot still free. Costs and potentials are lexicographic pairs (A: the
 * priority part, B: the value part), compared with the tolerance {@link TOL}.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from '../../model/internal/compact.js'
import { ARR_PASSES } from './tuning.js'

// -------------------------------------------------------------------------------------
// tolerances
// -------------------------------------------------------------------------------------

/**
 * Tolerance of the lexicographic comparisons of summed priorities and values.
 *
 * @internal
 * @since 0.1.0
 */
export const TOL = 1e-9

/**
 * (a, b) < (x, y) lexicographically, beyond the tolerance.
 *
 * @internal
 * @since 0.1.0
 */
export const lexLess = (a: number, b: number, x: number, y: number): boolean => {
  const d = a - x
  return d < -TOL || (d <= TOL && b < y - TOL)
}

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The matching of one assignment core: slots are rows; the columns are the members, then one
 * private "unfilled" column per slot (`M + s`). Rows hold their usable edges as CSR; the
 * potentials and the matching itself change as the phases run.
 *
 * @internal
 * @since 0.1.0
 */
export interface Matching {
  readonly c: Compact
  /** Rows (slots). */
  readonly S: number
  /** Member columns; the unfilled columns follow them. */
  readonly M: number
  /** Row `s`'s entries are `start[s] ..< start[s + 1]`. */
  readonly start: Int32Array
  /** Per entry: its model edge. */
  readonly edgeOf: ReadonlyArray<number>
  /** Per entry: its column (the edge's member). */
  readonly col: Int32Array
  /** Per entry: the value part of its cost (−value); the priority part is −priority of the row. */
  readonly costB: Float64Array
  /** Row potentials, priority and value parts. */
  readonly uA: Float64Array
  readonly uB: Float64Array
  /** Column potentials, priority and value parts. */
  readonly vA: Float64Array
  readonly vB: Float64Array
  /** Row → its column, −1 while free. */
  readonly rowCol: Int32Array
  /** Column → its row, −1 while free. */
  readonly colRow: Int32Array
  /** Row → the entry it holds, −1 for none (free or unfilled). */
  readonly rowEdge: Int32Array
}

// -------------------------------------------------------------------------------------
// augmenting row reduction
// -------------------------------------------------------------------------------------

/** A row's cheapest (1) and second-cheapest (2) columns: reduced cost (a, b), column j, entry k (−1: unfilled). */
interface TwoCheapest {
  a1: number
  b1: number
  j1: number
  k1: number
  a2: number
  b2: number
  j2: number
  k2: number
}

/**
 * Jonker–Volgenant's augmenting row reduction, on lexicographic pairs: each free row takes its
 * cheapest column (reduced by the column potentials v), lowering that column's potential to the
 * row's second-cheapest so the row keeps it at a reduced cost no other column beats; the row it
 * displaces is served next. Every row it assigns holds a cheapest column, so the row potentials
 * set here (each row's reduced cost on its column; for a free row, its minimum) keep every
 * reduced cost ≥ 0. Returns the rows still free, in order.
 *
 * @internal
 * @since 0.1.0
 */
export const augmentingRowReduction = (mt: Matching, initial: ReadonlyArray<number>, counter: { steps: number }): Array<number> => {
  let free = initial.slice()
  let steps = 0
  const two: TwoCheapest = { a1: 0, b1: 0, j1: 0, k1: 0, a2: 0, b2: 0, j2: 0, k2: 0 }
  for (let pass = 0; pass < ARR_PASSES && free.length > 0; pass++) {
    const r = reductionPass(mt, free, two)
    free = r.next
    steps += r.steps
  }
  counter.steps += steps
  setRowPotentials(mt, free)
  return free
}

/** One pass over the free rows (displaced rows served at once or queued); returns the rows left free, in order, and the steps. */
const reductionPass = (mt: Matching, free: Array<number>, two: TwoCheapest): { next: Array<number>; steps: number } => {
  const { start, vA, vB, colRow } = mt
  const next: Array<number> = []
  let current = 0
  let iterations = 0
  let steps = 0
  const limit = free.length * Math.max(1, mt.S)
  while (current < free.length) {
    const i = free[current++]!
    iterations++
    cheapestTwo(mt, i, two)
    steps += start[i + 1]! - start[i]! + 1
    let j1 = two.j1
    let k1 = two.k1
    let i0 = colRow[j1]!
    const lowers = two.j2 >= 0 && lexLess(two.a1, two.b1, two.a2, two.b2)
    if (iterations < limit) {
      if (lowers) {
        vA[j1] = vA[j1]! - (two.a2 - two.a1)
        vB[j1] = vB[j1]! - (two.b2 - two.b1)
      } else if (i0 >= 0 && two.j2 >= 0) {
        j1 = two.j2
        k1 = two.k2
        i0 = colRow[two.j2]!
      }
      if (i0 >= 0) {
        if (lowers) free[--current] = i0
        else next.push(i0)
      }
    } else if (i0 >= 0) next.push(i0)
    assignRow(mt, i, j1, k1, i0)
  }
  return { next, steps }
}

/** Fills `two` with row i's cheapest and second-cheapest columns, its own unfilled column included. */
const cheapestTwo = (mt: Matching, i: number, two: TwoCheapest): void => {
  const { c, M, start, col, costB, vA, vB } = mt
  const p = -c.slotPriority[i]!
  two.a1 = -vA[M + i]!
  two.b1 = -vB[M + i]!
  two.j1 = M + i
  two.k1 = -1
  two.a2 = Infinity
  two.b2 = Infinity
  two.j2 = -1
  two.k2 = -1
  for (let k = start[i]!, end = start[i + 1]!; k < end; k++) {
    const j = col[k]!
    const a = p - vA[j]!
    const b = costB[k]! - vB[j]!
    if (lexLess(a, b, two.a1, two.b1)) {
      two.a2 = two.a1
      two.b2 = two.b1
      two.j2 = two.j1
      two.k2 = two.k1
      two.a1 = a
      two.b1 = b
      two.j1 = j
      two.k1 = k
    } else if (lexLess(a, b, two.a2, two.b2)) {
      two.a2 = a
      two.b2 = b
      two.j2 = j
      two.k2 = k
    }
  }
}

/** Row i takes column j by entry k; i0, the column's previous row (−1: none), becomes free. */
const assignRow = (mt: Matching, i: number, j: number, k: number, i0: number): void => {
  if (i0 >= 0) {
    mt.rowCol[i0] = -1
    mt.rowEdge[i0] = -1
  }
  mt.rowCol[i] = j
  mt.colRow[j] = i
  mt.rowEdge[i] = k
}

/** Row potentials after the reduction: each assigned row's reduced cost on its column, each free row's minimum. */
const setRowPotentials = (mt: Matching, free: ReadonlyArray<number>): void => {
  const { c, S, M, start, col, costB, uA, uB, vA, vB, rowCol, rowEdge } = mt
  for (let i = 0; i < S; i++) {
    const j = rowCol[i]!
    if (j < 0) continue
    const k = rowEdge[i]!
    uA[i] = (k >= 0 ? -c.slotPriority[i]! : 0) - vA[j]!
    uB[i] = (k >= 0 ? costB[k]! : 0) - vB[j]!
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
}

// -------------------------------------------------------------------------------------
// shortest augmenting paths
// -------------------------------------------------------------------------------------

/** The work space of the shortest-path searches, shared by every row's search (stamped per search). */
interface PathSearch {
  readonly mt: Matching
  /** Per column: its tentative distance, priority and value parts. */
  readonly dA: Float64Array
  readonly dB: Float64Array
  /** Per column: the row that reached it, and by which entry (−1: the row's unfilled column). */
  readonly pred: Int32Array
  readonly predK: Int32Array
  /** Per column: the stamp of the search that reached it, and of the one that finalised it. */
  readonly seen: Int32Array
  readonly done: Int32Array
  /** The binary heap of reached columns (`n` of them), and each column's position in it. */
  readonly heap: Int32Array
  readonly pos: Int32Array
  n: number
  /** The columns finalised in this search (`nDone` of them). */
  readonly fin: Int32Array
  nDone: number
  /** The rows reached in this search (`nRows` of them), their distances and stamps. */
  readonly rowDA: Float64Array
  readonly rowDB: Float64Array
  readonly rowSeen: Int32Array
  readonly rows: Int32Array
  nRows: number
  /** The current search's stamp (its index among the pending rows). */
  stamp: number
  /** Steps of every search so far. */
  steps: number
}

/**
 * Serves the rows of `pending` in order, each by a shortest augmenting path, while the steps
 * stay within `budget`; returns whether every row was served (the matching is then optimal).
 *
 * @internal
 * @since 0.1.0
 */
export const shortestAugmentingPaths = (mt: Matching, pending: ReadonlyArray<number>, budget: number, counter: { steps: number }): boolean => {
  const ps = pathSearchOf(mt)
  let complete = true
  for (let q = 0; q < pending.length; q++) {
    if (counter.steps + ps.steps > budget) {
      complete = false
      break
    }
    const s = pending[q]!
    ps.stamp = q
    const end = nearestFreeColumn(ps, s)
    if (end < 0) {
      // cannot happen (the row's own unfilled column is always free); keep the row unfilled
      mt.rowCol[s] = mt.M + s
      mt.colRow[mt.M + s] = s
      continue
    }
    updatePotentials(ps, end)
    augmentPath(ps, s, end)
  }
  counter.steps += ps.steps
  return complete
}

/** Allocates the searches' work space. */
const pathSearchOf = (mt: Matching): PathSearch => {
  const S = mt.S
  const C = mt.M + S
  return {
    mt,
    dA: new Float64Array(C),
    dB: new Float64Array(C),
    pred: new Int32Array(C),
    predK: new Int32Array(C),
    seen: new Int32Array(C).fill(-1),
    done: new Int32Array(C).fill(-1),
    heap: new Int32Array(C),
    pos: new Int32Array(C),
    n: 0,
    fin: new Int32Array(C),
    nDone: 0,
    rowDA: new Float64Array(S),
    rowDB: new Float64Array(S),
    rowSeen: new Int32Array(S).fill(-1),
    rows: new Int32Array(S),
    nRows: 0,
    stamp: 0,
    steps: 0,
  }
}

/**
 * Dijkstra from row s over reduced costs: returns the first free column it takes from the
 * heap (a member nobody holds, or an unfilled column whose row holds a member), −1 for none.
 */
const nearestFreeColumn = (ps: PathSearch, s: number): number => {
  const { heap, done, fin, dA, dB } = ps
  const colRow = ps.mt.colRow
  ps.n = 0
  ps.nRows = 0
  ps.nDone = 0
  relaxRow(ps, s, 0, 0)
  while (ps.n > 0) {
    const j = heap[0]!
    heap[0] = heap[--ps.n]!
    if (ps.n > 0) siftDown(ps, 0)
    ps.steps++
    if (colRow[j]! < 0) return j
    done[j] = ps.stamp
    fin[ps.nDone++] = j
    relaxRow(ps, colRow[j]!, dA[j]!, dB[j]!)
  }
  return -1
}

/** Relaxes the columns of row r, reached at distance (ra, rb): its edges, then its own unfilled column at cost (0, 0). */
const relaxRow = (ps: PathSearch, r: number, ra: number, rb: number): void => {
  const { c, M, start, col, costB, uA, uB, vA, vB } = ps.mt
  const { dA, dB, pred, predK, seen, done, heap, pos } = ps
  const stamp = ps.stamp
  ps.rowSeen[r] = stamp
  ps.rowDA[r] = ra
  ps.rowDB[r] = rb
  ps.rows[ps.nRows++] = r
  const pa = -c.slotPriority[r]! - uA[r]!
  for (let k = start[r]!, end = start[r + 1]!; k <= end; k++) {
    // k === end: the row's own "unfilled" column, cost (0, 0)
    const j = k < end ? col[k]! : M + r
    if (done[j] === stamp) continue
    const a = ra + (k < end ? pa : -uA[r]!) - vA[j]!
    const b = rb + (k < end ? costB[k]! : 0) - uB[r]! - vB[j]!
    ps.steps++
    if (seen[j] !== stamp) {
      seen[j] = stamp
      dA[j] = a
      dB[j] = b
      pred[j] = r
      predK[j] = k < end ? k : -1
      heap[ps.n] = j
      siftUp(ps, ps.n++)
    } else {
      const x = a - dA[j]!
      if (x < -TOL || (x <= TOL && b < dB[j]! - TOL)) {
        dA[j] = a
        dB[j] = b
        pred[j] = r
        predK[j] = k < end ? k : -1
        siftUp(ps, pos[j]!)
      }
    }
  }
}

/** Whether column a comes before column b in the heap: nearer, then free, then the lower index. */
const before = (ps: PathSearch, a: number, b: number): boolean => {
  const { dA, dB } = ps
  const x = dA[a]! - dA[b]!
  if (x < -TOL) return true
  if (x > TOL) return false
  const y = dB[a]! - dB[b]!
  if (y < -TOL) return true
  if (y > TOL) return false
  // ties: a free column first (it ends the search), then the lower index
  const colRow = ps.mt.colRow
  const fa = colRow[a]! < 0
  return fa !== (colRow[b]! < 0) ? fa : a < b
}

/** Moves the heap entry at i up to its place. */
const siftUp = (ps: PathSearch, i: number): void => {
  const { heap, pos } = ps
  const x = heap[i]!
  while (i > 0) {
    const p = (i - 1) >> 1
    const y = heap[p]!
    if (!before(ps, x, y)) break
    heap[i] = y
    pos[y] = i
    i = p
  }
  heap[i] = x
  pos[x] = i
}

/** Moves the heap entry at i down to its place. */
const siftDown = (ps: PathSearch, i: number): void => {
  const { heap, pos } = ps
  const x = heap[i]!
  for (;;) {
    let l = 2 * i + 1
    if (l >= ps.n) break
    if (l + 1 < ps.n && before(ps, heap[l + 1]!, heap[l]!)) l++
    const y = heap[l]!
    if (!before(ps, y, x)) break
    heap[i] = y
    pos[y] = i
    i = l
  }
  heap[i] = x
  pos[x] = i
}

/** Potentials after a search ending at column `end`: finalised columns and reached rows move by their distance short of the end. */
const updatePotentials = (ps: PathSearch, end: number): void => {
  const { uA, uB, vA, vB } = ps.mt
  const ea = ps.dA[end]!
  const eb = ps.dB[end]!
  for (let i = 0; i < ps.nDone; i++) {
    const j = ps.fin[i]!
    vA[j] = vA[j]! - (ea - ps.dA[j]!)
    vB[j] = vB[j]! - (eb - ps.dB[j]!)
  }
  for (let i = 0; i < ps.nRows; i++) {
    const r = ps.rows[i]!
    uA[r] = uA[r]! + (ea - ps.rowDA[r]!)
    uB[r] = uB[r]! + (eb - ps.rowDB[r]!)
  }
}

/** Augments along the predecessors from column `end` back to row s: every row on the path shifts to its new column. */
const augmentPath = (ps: PathSearch, s: number, end: number): void => {
  const { rowCol, colRow, rowEdge } = ps.mt
  let j = end
  for (;;) {
    const r = ps.pred[j]!
    const prev = rowCol[r]!
    rowCol[r] = j
    colRow[j] = r
    rowEdge[r] = ps.predK[j]!
    if (prev >= 0) colRow[prev] = -1
    if (r === s) break
    j = prev
  }
}
