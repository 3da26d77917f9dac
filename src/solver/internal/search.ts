/**
 * The heuristic search's foundation: the rulebook's {@link State} plus what a search needs on
 * top — a step count against the effort budget, a journal of applied changes to undo, snapshots
 * of a member's edges, and a work queue of slots. Every change goes through the state's own
 * `add` and `remove` (counted and journaled here); every feasibility test and soft delta is the
 * state's `evalAdd`. The moves (moves.ts) and the phases (heuristic.ts) build on it.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from '../../model/internal/compact.js'
import { NEG, State } from '../../model/internal/state.js'
import { type Prng, mulberry32 } from './prng.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * Options of {@link improve}.
 *
 * @category model
 * @internal
 * @since 0.1.0
 */
export interface ImproveOptions {
  /** Budget in steps (candidate evaluations and applied changes); the construction always completes. */
  readonly effort: number
  /** Seed of the kicks' PRNG. */
  readonly seed: number
  /** Polled every few thousand steps; returning true ends the search (anytime use). */
  readonly shouldStop?: () => boolean
}

/**
 * The score as tracked incrementally by the search (soft = value + category + pair + overload).
 *
 * @category model
 * @internal
 * @since 0.1.0
 */
export interface TrackedScore {
  /** Σ priority of the filled slots. */
  readonly filled: number
  /** The soft score. */
  readonly soft: number
  /** Σ value of the chosen edges. */
  readonly value: number
  /** The distinct-category bonus (≥ 0). */
  readonly category: number
  /** The pair penalties (≤ 0). */
  readonly pair: number
  /** The overload penalties (≤ 0). */
  readonly overload: number
}

/**
 * Result of {@link improve}.
 *
 * @category model
 * @internal
 * @since 0.1.0
 */
export interface ImproveResult {
  /** The chosen edge of each slot, or −1 for an unfilled slot. */
  readonly slotEdge: Int32Array
  /** Steps spent. */
  readonly steps: number
  /** Number of improving moves and kicks committed after the construction. */
  readonly improvements: number
  /** The incrementally tracked score of `slotEdge`. */
  readonly score: TrackedScore
}

/** Absolute tolerance of score comparisons. */
export const EPS = 1e-9

/** How often (in steps) an injected stop test is polled. */
const POLL_STEPS = 4096

/**
 * The search state and its bookkeeping (one instance per call).
 *
 * @internal
 */
export class SearchBase extends State {
  protected readonly effort: number
  protected readonly shouldStop: (() => boolean) | undefined
  protected readonly rng: Prng
  protected readonly S: number

  // scratch stack for snapshots of members' chosen edges
  protected scratch: Int32Array
  protected sp = 0
  protected readonly pairTotal: Float64Array
  protected readonly maxValue: Float64Array

  // journal of applied changes: e + 1 for an addition, −(e + 1) for a removal
  protected journal: Int32Array = new Int32Array(1024)
  protected jLen = 0
  protected journalOn = true

  // work queue of slots
  protected readonly queue: Int32Array
  protected readonly inQueue: Uint8Array
  protected qHead = 0
  protected qLen = 0

  // kicks
  protected readonly tabu: Int32Array
  protected tabuId = 0
  protected tabuOn = false
  protected inKick = false

  steps = 0
  improvements = 0
  protected isPlain = false
  protected stopped = false
  protected ejF0 = 0
  protected ejS0 = 0
  protected nextCheck = 0

  constructor(c: Compact, options: ImproveOptions) {
    super(c)
    this.effort = Number.isFinite(options.effort) ? Math.max(0, options.effort) : options.effort > 0 ? Infinity : 0
    this.shouldStop = options.shouldStop
    this.rng = mulberry32(options.seed)
    this.S = c.nSlots
    this.scratch = new Int32Array(Math.max(16, 2 * c.nSlots))
    this.pairTotal = new Float64Array(c.nMembers)
    this.maxValue = new Float64Array(c.nSlots).fill(NEG)
    for (let e = 0; e < c.nEdges; e++) {
      const s = c.edgeSlot[e]!
      if (!c.edgeForbidden[e] && c.edgeValue[e]! > this.maxValue[s]!) this.maxValue[s] = c.edgeValue[e]!
    }
    for (let m = 0; m < c.nMembers; m++) {
      let t = 0
      for (let k = c.pairStart[m]!, hi = c.pairStart[m + 1]!; k < hi; k++) t += c.pairWeight[k]!
      this.pairTotal[m] = t
    }
    this.queue = new Int32Array(Math.max(1, c.nSlots))
    this.inQueue = new Uint8Array(c.nSlots)
    this.tabu = new Int32Array(c.nEdges)
  }

  result(): ImproveResult {
    return {
      slotEdge: this.slotEdge,
      steps: this.steps,
      improvements: this.improvements,
      score: {
        filled: this.filled,
        soft: this.soft,
        value: this.value,
        category: this.category,
        pair: this.pair,
        overload: this.overload,
      },
    }
  }

  /** Whether the budget is spent (sticky). */
  protected out(): boolean {
    if (this.stopped) return true
    if (this.steps >= this.effort) {
      this.stopped = true
      return true
    }
    if (this.shouldStop !== undefined && this.steps >= this.nextCheck) {
      this.nextCheck = this.steps + POLL_STEPS
      if (this.shouldStop()) {
        this.stopped = true
        return true
      }
    }
    return false
  }

  /** Whether the edge may be used at all (not forbidden, not tabu during a recreate). */
  protected usable(e: number): boolean {
    return this.c.edgeForbidden[e] === 0 && !(this.tabuOn && this.tabu[e] === this.tabuId)
  }

  /** {@link State.evalAdd}, counted as one step. */
  override evalAdd(e: number): number {
    this.steps++
    return super.evalAdd(e)
  }

  protected record(x: number): void {
    if (!this.journalOn) return
    if (this.jLen === this.journal.length) {
      const next = new Int32Array(this.journal.length * 2)
      next.set(this.journal)
      this.journal = next
    }
    this.journal[this.jLen++] = x
  }

  /** {@link State.add}, counted as one step and journaled. */
  override add(e: number): void {
    this.steps++
    super.add(e)
    this.record(e + 1)
  }

  /** {@link State.remove}, counted as one step and journaled. */
  override remove(s: number): void {
    this.steps++
    const e = this.slotEdge[s]!
    super.remove(s)
    this.record(-(e + 1))
  }

  /** Undoes the journal back to `mark`. */
  protected rollback(mark: number): void {
    const on = this.journalOn
    this.journalOn = false
    while (this.jLen > mark) {
      const x = this.journal[--this.jLen]!
      if (x > 0) this.remove(this.c.edgeSlot[x - 1]!)
      else this.add(-x - 1)
    }
    this.journalOn = on
  }

  /** Pushes member m's non-forced chosen edges on the scratch stack; returns the old stack top. */
  protected snapshot(m: number): number {
    const c = this.c
    const top = this.sp
    if (this.sp + this.assigned[m]! > this.scratch.length) {
      const next = new Int32Array(2 * (this.sp + this.assigned[m]!))
      next.set(this.scratch)
      this.scratch = next
    }
    for (let e = this.aHead[m]!; e >= 0; e = this.aNext[e]!) if (!c.edgeForced[e]) this.scratch[this.sp++] = e
    return top
  }

  protected push(s: number): void {
    if (this.inQueue[s] || this.c.slotForced[s]! >= 0) return
    this.inQueue[s] = 1
    let i = this.qHead + this.qLen
    if (i >= this.S) i -= this.S
    this.queue[i] = s
    this.qLen++
  }

  protected pop(): number {
    const s = this.queue[this.qHead]!
    this.qHead++
    if (this.qHead === this.S) this.qHead = 0
    this.qLen--
    this.inQueue[s] = 0
    return s
  }

  protected clearQueue(): void {
    while (this.qLen > 0) this.pop()
  }

  /** Queues every candidate slot of the members changed since `mark`. */
  protected touchSince(mark: number): void {
    const c = this.c
    for (let i = mark; i < this.jLen; i++) {
      const x = this.journal[i]!
      const e = x > 0 ? x - 1 : -x - 1
      const m = c.edgeMember[e]!
      this.push(c.edgeSlot[e]!)
      for (let k = c.memberEdgeStart[m]!, hi = c.memberEdgeStart[m + 1]!; k < hi; k++)
        this.push(c.edgeSlot[c.memberEdges[k]!]!)
    }
  }

  /** The edge of member `m` for slot `s`, or −1. */
  protected edgeOf(m: number, s: number): number {
    const c = this.c
    const lo = c.slotEdgeStart[s]!
    const hi = c.slotEdgeStart[s + 1]!
    // slotEdges of a slot are sorted by member
    let l = lo
    let h = hi
    while (l < h) {
      const mid = (l + h) >>> 1
      if (c.edgeMember[c.slotEdges[mid]!]! < m) l = mid + 1
      else h = mid
    }
    return l < hi && c.edgeMember[c.slotEdges[l]!] === m ? c.slotEdges[l]! : -1
  }
}
