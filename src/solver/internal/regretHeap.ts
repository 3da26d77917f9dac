/**
 * The heap of the heuristic's regret construction (heuristic.ts): open slots by priority, then
 * by regret (best minus second-best candidate), then by index, keys refreshed lazily by the
 * construction.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from '../../model/internal/compact.js'

/**
 * The regret construction's heap of open slots (by priority, then regret), and the best edge
 * of the last slot assessed.
 *
 * @internal
 * @since 0.1.0
 */
export interface RegretHeap {
  /** Per slot: its priority (the model's). */
  readonly prio: Float64Array
  /** Per slot: its regret when last assessed. */
  readonly key: Float64Array
  /** The heap (`n` slots). */
  readonly heap: Int32Array
  n: number
  /** The best candidate of the slot assessed last, −1 for none. */
  bestEdge: number
}

/**
 * An empty heap over the model's slots.
 *
 * @internal
 * @since 0.1.0
 */
export const regretHeapOf = (c: Compact, S: number): RegretHeap => ({
  prio: c.slotPriority,
  key: new Float64Array(S),
  heap: new Int32Array(S),
  n: 0,
  bestEdge: -1,
})

/**
 * Whether slot a comes before slot b: higher priority, then higher regret, then the lower index.
 *
 * @internal
 * @since 0.1.0
 */
export const before = (h: RegretHeap, a: number, b: number): boolean => {
  const pa = h.prio[a]!
  const pb = h.prio[b]!
  if (pa !== pb) return pa > pb
  const ka = h.key[a]!
  const kb = h.key[b]!
  if (ka !== kb) return ka > kb
  return a < b
}

/**
 * Adds slot s to the heap.
 *
 * @internal
 * @since 0.1.0
 */
export const pushSlot = (h: RegretHeap, s: number): void => {
  const heap = h.heap
  h.heap[h.n] = s
  let i = h.n++
  while (i > 0) {
    const p = (i - 1) >> 1
    const y = heap[p]!
    if (!before(h, s, y)) break
    heap[i] = y
    i = p
  }
  heap[i] = s
}

/**
 * Takes the first slot off the heap.
 *
 * @internal
 * @since 0.1.0
 */
export const popSlot = (h: RegretHeap): number => {
  const heap = h.heap
  const s = heap[0]!
  heap[0] = heap[--h.n]!
  if (h.n === 0) return s
  // sift the moved slot down
  const x = heap[0]!
  let i = 0
  for (;;) {
    let l = 2 * i + 1
    if (l >= h.n) break
    if (l + 1 < h.n && before(h, heap[l + 1]!, heap[l]!)) l++
    const y = heap[l]!
    if (!before(h, y, x)) break
    heap[i] = y
    i = l
  }
  heap[i] = x
  return s
}
