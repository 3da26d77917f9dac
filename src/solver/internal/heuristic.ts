/**
 * The solver's scalable primal heuristic on the {@link Compact} model.
 *
 * Phases, all on one incrementally evaluated state:
 * 1. forced edges, then the caller's proposals where they fit;
 * 2. capacity prices μ (only when the capacity-relaxed assignment overloads someone): a short
 *    subgradient ascent in which each open slot takes its best candidate by value − μ·hours;
 * 3. regret construction: slots by priority, then by regret (best minus second-best
 *    price-adjusted delta; ∞ with one feasible candidate), lazily re-keyed in a heap;
 * 4. local search from a work queue of slots: fill an empty slot directly or by an ejection
 *    chain (depth ≤ 3, or displacing a lower-priority slot), reassign, swap, and shift chain
 *    (b takes the slot after handing one of its blocking slots to its best other candidate);
 *    every move is applied, scored exactly, and undone from a journal unless it improves;
 * 5. simulated annealing on soft (reassign and swap moves, filled never falls), restoring the
 *    best plan seen, then the queue again;
 * 6. seeded ruin-and-recreate kicks (free a slot and a few of its candidates' slots, refill
 *    with the old edges tabu, run the queue), kept when not worse, until the budget is spent
 *    or `max(200, min(20·slots, 20000))` kicks in a row bring nothing.
 *
 * Hard constraints hold after every committed move: one member per slot, forced edges kept,
 * forbidden edges never used, capacity at every time point, the group limit per (member,
 * group), and no two conflicting members in one group — each asked of the rulebook's
 * incremental state, never re-derived here. The score is lexicographic — filled priority first, then soft.
 *
 * State is linear in the edges: a member's load is kept only at the time points where one of
 * its candidate slots starts (`Compact.memberPoints`), which is where loads peak; (member,
 * group) and (group, category) counters live in the compact model's per-row lists; each
 * member's chosen edges form an intrusive linked list over edge indices.
 *
 * Effort is counted in steps (one per candidate evaluation and per applied change); the
 * construction always completes; the search is deterministic for a given model, options and
 * seed, and uses no clock.
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

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Builds a plan for a compact model and improves it within the effort budget.
 *
 * `initial[s]`, when given, proposes an edge (or −1) for slot `s`; proposals that are out of
 * range, for another slot, forbidden or infeasible next to the forced edges and the earlier
 * proposals are skipped. The forced edges are assumed jointly feasible (as `decodeModel`
 * guarantees).
 *
 * @category constructors
 * @internal
 * @since 0.1.0
 */
export const improve = (c: Compact, options: ImproveOptions, initial?: Int32Array): ImproveResult => {
  const search = new Search(c, options)
  search.run(initial)
  return search.result()
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/** Absolute tolerance of score comparisons. */
const EPS = 1e-9



/**
 * The search and its moves (one instance per call; not exported). The state it searches — and
 * every hard constraint and soft delta it asks about — is the rulebook's {@link State}; the
 * search adds a step count, a journal of changes to undo, a work queue and kicks.
 */
class Search extends State {
  private readonly effort: number
  private readonly shouldStop: (() => boolean) | undefined
  private readonly rng: Prng
  private readonly S: number

  // scratch stack for snapshots of members' chosen edges
  private scratch: Int32Array
  private sp = 0
  private readonly pairTotal: Float64Array
  private readonly maxValue: Float64Array

  // journal of applied changes: e + 1 for an addition, −(e + 1) for a removal
  private journal: Int32Array = new Int32Array(1024)
  private jLen = 0
  private journalOn = true

  // work queue of slots
  private readonly queue: Int32Array
  private readonly inQueue: Uint8Array
  private qHead = 0
  private qLen = 0

  // kicks
  private readonly tabu: Int32Array
  private tabuId = 0
  private tabuOn = false
  private inKick = false

  steps = 0
  improvements = 0
  private isPlain = false
  private stopped = false
  private ejF0 = 0
  private ejS0 = 0
  private nextCheck = 0

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

  // ---- score -------------------------------------------------------------------------

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
  private out(): boolean {
    if (this.stopped) return true
    if (this.steps >= this.effort) {
      this.stopped = true
      return true
    }
    if (this.shouldStop !== undefined && this.steps >= this.nextCheck) {
      this.nextCheck = this.steps + 4096
      if (this.shouldStop()) {
        this.stopped = true
        return true
      }
    }
    return false
  }

  // ---- primitive queries -----------------------------------------------------------

  /** Whether the edge may be used at all (not forbidden, not tabu during a recreate). */
  private usable(e: number): boolean {
    return this.c.edgeForbidden[e] === 0 && !(this.tabuOn && this.tabu[e] === this.tabuId)
  }

  /** {@link State.evalAdd}, counted as one step. */
  override evalAdd(e: number): number {
    this.steps++
    return super.evalAdd(e)
  }

  // ---- primitive changes -------------------------------------------------------------

  private record(x: number): void {
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
  private rollback(mark: number): void {
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
  private snapshot(m: number): number {
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

  // ---- queue -----------------------------------------------------------------------

  private push(s: number): void {
    if (this.inQueue[s] || this.c.slotForced[s]! >= 0) return
    this.inQueue[s] = 1
    let i = this.qHead + this.qLen
    if (i >= this.S) i -= this.S
    this.queue[i] = s
    this.qLen++
  }

  private pop(): number {
    const s = this.queue[this.qHead]!
    this.qHead++
    if (this.qHead === this.S) this.qHead = 0
    this.qLen--
    this.inQueue[s] = 0
    return s
  }

  private clearQueue(): void {
    while (this.qLen > 0) this.pop()
  }

  /** Queues every candidate slot of the members changed since `mark`. */
  private touchSince(mark: number): void {
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

  // ---- phases ----------------------------------------------------------------------

  run(initial?: Int32Array): void {
    const c = this.c
    for (let i = 0; i < c.forcedEdges.length; i++) {
      const e = c.forcedEdges[i]!
      if (this.slotEdge[c.edgeSlot[e]!]! < 0) this.add(e)
    }
    if (initial !== undefined) {
      for (let s = 0; s < this.S && s < initial.length; s++) {
        const e = initial[s]!
        if (this.slotEdge[s]! >= 0 || !Number.isInteger(e) || e < 0 || e >= c.nEdges) continue
        if (c.edgeSlot[e] !== s || !this.usable(e)) continue
        if (this.evalAdd(e) !== NEG) this.add(e)
      }
    }
    this.jLen = 0
    this.isPlain = this.plain()
    this.descend(this.prices())
    this.clearQueue()
    this.jLen = 0
  }

  /** Whether the model has no team terms (category, pair, overload): a plain assignment problem. */
  private plain(): boolean {
    const c = this.c
    if (c.categoryBonus !== 0 || c.pairWeight.length > 0) return false
    for (let m = 0; m < c.nMembers; m++) if (c.memberOverloadWeight[m] !== 0) return false
    return true
  }

  /** Construction with prices `mu`, local search, annealing and kicks. */
  private descend(mu: Float64Array | null): void {
    this.jLen = 0
    this.construct(mu)
    this.jLen = 0
    for (let s = 0; s < this.S; s++) this.push(s)
    this.runQueue()
    if (!this.out()) {
      const remaining = this.effort - this.steps
      // plain models (GAP-like, no team terms): random reassign/swap moves are nearly always
      // capacity-blocked, so annealing there spends the budget without gain; kicks get it
      const moves = this.isPlain ? 0 : Math.floor(Math.min(remaining * 0.1, 4000 * Math.max(1, this.S)))
      if (moves > 0 && this.anneal(moves)) {
        for (let s = 0; s < this.S; s++) this.push(s)
        this.runQueue()
      }
    }
    this.kicks()
    this.clearQueue()
    this.jLen = 0
  }

  /** Replaces the plan by `best` (a valid plan with the same forced edges). */
  private restore(best: Int32Array): void {
    for (let s = 0; s < this.S; s++) {
      const e = this.slotEdge[s]!
      if (e !== best[s] && e >= 0) this.remove(s)
    }
    for (let s = 0; s < this.S; s++) {
      const e = best[s]!
      if (e >= 0 && this.slotEdge[s] !== e) this.add(e)
    }
    this.jLen = 0
  }

  /**
   * Regret construction: slots by priority, then by regret (the gap between the best and the
   * second-best feasible candidate; ∞ for a slot with one feasible candidate), each taking its
   * best candidate. Keys are refreshed lazily when a slot reaches the top of the heap.
   */
  private construct(mu: Float64Array | null): void {
    const c = this.c
    const S = this.S
    const prio = c.slotPriority
    const key = new Float64Array(S)
    const heap = new Int32Array(S)
    let n = 0
    // a before b?
    const before = (a: number, b: number): boolean => {
      const pa = prio[a]!
      const pb = prio[b]!
      if (pa !== pb) return pa > pb
      const ka = key[a]!
      const kb = key[b]!
      if (ka !== kb) return ka > kb
      return a < b
    }
    const up = (i: number): void => {
      const x = heap[i]!
      while (i > 0) {
        const p = (i - 1) >> 1
        const y = heap[p]!
        if (!before(x, y)) break
        heap[i] = y
        i = p
      }
      heap[i] = x
    }
    const down = (i: number): void => {
      const x = heap[i]!
      for (;;) {
        let l = 2 * i + 1
        if (l >= n) break
        if (l + 1 < n && before(heap[l + 1]!, heap[l]!)) l++
        const y = heap[l]!
        if (!before(y, x)) break
        heap[i] = y
        i = l
      }
      heap[i] = x
    }
    let bestE = -1
    // best and second-best desirability of slot s's feasible candidates → returns regret
    const assess = (s: number): number => {
      let b1 = NEG
      let b2 = NEG
      bestE = -1
      for (let k = c.slotEdgeStart[s]!, hi = c.slotEdgeStart[s + 1]!; k < hi; k++) {
        const e = c.slotEdges[k]!
        if (!this.usable(e)) continue
        let d = this.evalAdd(e)
        if (d === NEG) continue
        if (mu !== null) d -= mu[c.edgeMember[e]!]! * c.edgeHours[e]!
        if (d > b1) {
          b2 = b1
          b1 = d
          bestE = e
        } else if (d > b2) b2 = d
      }
      return bestE < 0 ? NEG : b2 === NEG ? Infinity : b1 - b2
    }
    for (let s = 0; s < S; s++) {
      if (this.slotEdge[s]! >= 0) continue
      const r = assess(s)
      if (r === NEG) continue
      key[s] = r
      heap[n] = s
      up(n++)
    }
    while (n > 0) {
      const s = heap[0]!
      heap[0] = heap[--n]!
      if (n > 0) down(0)
      const r = assess(s)
      if (r === NEG) continue
      key[s] = r
      if (n > 0 && before(heap[0]!, s)) {
        heap[n] = s
        up(n++)
        continue
      }
      this.add(bestE)
    }
  }

  /**
   * Capacity prices for the construction: a short subgradient ascent on the relaxation that
   * drops capacity, in which each open slot takes its best candidate by value − μ·hours.
   * A member's price rises with its relaxed peak load beyond capacity and falls back (to 0)
   * when it has room. Null when there is nothing to price or no budget.
   */
  private prices(): Float64Array | null {
    const c = this.c
    const M = c.nMembers
    // up to 100 passes, at most a fifth of the budget
    const iters = Math.min(100, Math.floor((0.2 * (this.effort - this.steps)) / Math.max(1, c.nEdges)))
    if (M === 0 || this.S === 0 || iters < 5) return null
    // value scale per hour
    let vs = 0
    let hs = 0
    for (let e = 0; e < c.nEdges; e++) {
      vs += Math.abs(c.edgeValue[e]!)
      hs += c.edgeHours[e]!
    }
    if (vs <= 0 || hs <= 0) return null
    const scale = vs / hs
    const mu = new Float64Array(M)
    const tmp = new Float64Array(c.memberPoints.length)
    let any = false
    for (let it = 0; it < iters; it++) {
      if (this.out()) return null
      tmp.set(this.load)
      this.steps += c.nEdges
      for (let s = 0; s < this.S; s++) {
        if (this.slotEdge[s]! >= 0) continue
        let best = NEG
        let bestE = -1
        for (let k = c.slotEdgeStart[s]!, hi = c.slotEdgeStart[s + 1]!; k < hi; k++) {
          const e = c.slotEdges[k]!
          if (c.edgeForbidden[e]) continue
          const a = c.edgeValue[e]! - mu[c.edgeMember[e]!]! * c.edgeHours[e]!
          if (a > best) {
            best = a
            bestE = e
          }
        }
        if (bestE < 0) continue
        const h = c.edgeHours[bestE]!
        for (let p = c.edgePointLo[bestE]!, hi = c.edgePointHi[bestE]!; p < hi; p++) tmp[p] = tmp[p]! + h
      }
      const step = (0.2 * scale) / (1 + it / 20)
      let over = false
      for (let m = 0; m < M; m++) {
        let pk = 0
        for (let p = c.memberPointStart[m]!, hi = c.memberPointStart[m + 1]!; p < hi; p++) if (tmp[p]! > pk) pk = tmp[p]!
        const cap = c.memberCapacity[m]!
        const g = (pk - cap) / Math.max(1, cap)
        if (g > 0) over = true
        const next = mu[m]! + step * g
        mu[m] = next > 0 ? next : 0
        if (mu[m]! > 0) any = true
      }
      if (!over && it === 0) return null
    }
    return any ? mu : null
  }

  /** Processes the work queue until it is empty or the budget is spent. */
  private runQueue(): void {
    const c = this.c
    while (this.qLen > 0) {
      if (this.out()) return
      const s = this.pop()
      if (c.slotForced[s]! >= 0) continue
      const mark = this.jLen
      const moved = this.slotEdge[s]! < 0 ? this.tryFill(s) : this.tryReassign(s) || this.trySwap(s) || this.tryShiftChain(s)
      if (moved) {
        this.touchSince(mark)
        if (!this.inKick) {
          this.improvements++
          this.jLen = 0
        }
      }
    }
  }

  // ---- moves -----------------------------------------------------------------------

  /** Fills empty slot `s` with its best feasible candidate; true if it did. */
  private fillDirect(s: number): boolean {
    const c = this.c
    let best = NEG
    let bestE = -1
    for (let k = c.slotEdgeStart[s]!, hi = c.slotEdgeStart[s + 1]!; k < hi; k++) {
      const e = c.slotEdges[k]!
      if (!this.usable(e)) continue
      const d = this.evalAdd(e)
      if (d > best) {
        best = d
        bestE = e
      }
    }
    if (bestE < 0) return false
    this.add(bestE)
    return true
  }

  /** Fills empty slot `s` directly or by an ejection chain; true if filled rises. */
  private tryFill(s: number): boolean {
    return this.fillDirect(s) || this.eject(s, 3)
  }

  /** Whether assignment `e2` can block edge `e` of the same member (shared group or time). */
  private blocks(e2: number, e: number): boolean {
    const c = this.c
    if (c.slotGroup[c.edgeSlot[e2]!] === c.slotGroup[c.edgeSlot[e]!]) return true
    return c.edgePointLo[e2]! < c.edgePointHi[e]! && c.edgePointLo[e]! < c.edgePointHi[e2]!
  }

  /**
   * Ejection chain for empty slot `s`: a blocked candidate b takes `s` after giving up one of
   * its blocking slots s2, which another member takes directly or (depth 3) by the same move;
   * or s2 stays empty when its priority is below `s`'s.
   * Commits and returns true only when filled rises.
   */
  private eject(s: number, depth: number): boolean {
    this.ejF0 = this.filled
    this.ejS0 = this.soft
    return this.chain(s, depth, this.c.slotPriority[s]!, -1)
  }

  /**
   * After a displacement left a slot empty: gives member b (the one that gave it up) its other
   * empty candidate slots where they fit, in slot order, and reports whether the plan now
   * beats the one {@link Search.eject} started from.
   */
  private refillBeats(b: number): boolean {
    const c = this.c
    for (let j = c.memberEdgeStart[b]!, jh = c.memberEdgeStart[b + 1]!; j < jh; j++) {
      const e = c.memberEdges[j]!
      if (this.slotEdge[c.edgeSlot[e]!]! >= 0 || !this.usable(e)) continue
      if (this.evalAdd(e) !== NEG) this.add(e)
    }
    const f = this.filled
    return f > this.ejF0 + EPS || (f > this.ejF0 - EPS && this.soft > this.ejS0 + EPS)
  }

  /**
   * The chain behind {@link Search.eject}: each candidate b of `s` is unblocked by emptying
   * one of its own blocking slots, or a slot in `s`'s group of a member it conflicts with.
   * `gain` = priority of the slot to fill; `exclude` = the member already moved.
   */
  private chain(s: number, depth: number, gain: number, exclude: number): boolean {
    const c = this.c
    const g = c.slotGroup[s]!
    for (let k = c.slotEdgeStart[s]!, hi = c.slotEdgeStart[s + 1]!; k < hi; k++) {
      const e = c.slotEdges[k]!
      const b = c.edgeMember[e]!
      if (b === exclude || !this.usable(e)) continue
      if (this.assigned[b]! > 0) {
        const top = this.snapshot(b)
        for (let j = top, jh = this.sp; j < jh; j++) {
          const e2 = this.scratch[j]!
          if (c.edgeSlot[e2] === s || !this.blocks(e2, e)) continue
          const r = this.ejectVia(e, e2, b, depth, gain)
          if (r !== 0) {
            this.sp = top
            return r > 0
          }
        }
        this.sp = top
      }
      for (let q = c.conflictStart[b]!, qh = c.conflictStart[b + 1]!; q < qh; q++) {
        const x = c.conflictAdj[q]!
        if (x === exclude || !this.serves(x, g)) continue
        const top = this.snapshot(x)
        for (let j = top, jh = this.sp; j < jh; j++) {
          const e2 = this.scratch[j]!
          if (c.slotGroup[c.edgeSlot[e2]!] !== g) continue
          const r = this.ejectVia(e, e2, b, depth, gain)
          if (r !== 0) {
            this.sp = top
            return r > 0
          }
        }
        this.sp = top
      }
    }
    return false
  }

  /**
   * One link of an ejection chain: empty `e2`'s slot, add `e` (member b), then refill that
   * slot (directly, by a deeper chain, or by leaving it empty when its priority is lower), or
   * let the member that gave the slot up use its freed room elsewhere. 1 = committed, 0 = undone, −1 = out of budget (undone).
   */
  private ejectVia(e: number, e2: number, b: number, depth: number, gain: number): number {
    if (this.out()) return -1
    const c = this.c
    const s2 = c.edgeSlot[e2]!
    const mark = this.jLen
    this.remove(s2)
    if (this.evalAdd(e) === NEG) {
      this.rollback(mark)
      return 0
    }
    this.add(e)
    if (
      this.fillDirect(s2) ||
      (depth > 2 && this.chain(s2, depth - 1, gain, b)) ||
      gain > c.slotPriority[s2]! + EPS ||
      this.refillBeats(c.edgeMember[e2]!)
    )
      return 1
    this.rollback(mark)
    return 0
  }

  /** Gives filled slot `s` to a better candidate; true if soft rose. */
  private tryReassign(s: number): boolean {
    const c = this.c
    const e0 = this.slotEdge[s]!
    if (c.edgeForced[e0]) return false
    const mark = this.jLen
    this.remove(s)
    const back = this.evalAdd(e0)
    if (back === NEG) {
      this.rollback(mark)
      return false
    }
    const bestE = this.bestAdd(s, e0, back + EPS)
    if (bestE < 0) {
      this.rollback(mark)
      return false
    }
    this.add(bestE)
    return true
  }

  /**
   * The usable edge of slot `s` other than `skip` whose addition gains most, strictly more
   * than `floor` (first such edge on ties), or −1.
   */
  private bestAdd(s: number, skip: number, floor: number): number {
    const c = this.c
    let best = floor
    let bestE = -1
    for (let k = c.slotEdgeStart[s]!, hi = c.slotEdgeStart[s + 1]!; k < hi; k++) {
      const e = c.slotEdges[k]!
      if (e === skip || !this.usable(e)) continue
      const d = this.evalAdd(e)
      if (d > best) {
        best = d
        bestE = e
      }
    }
    return bestE
  }

  /** Swaps the members of filled slot `s` and another slot; true if soft rose. */
  private trySwap(s: number): boolean {
    return this.tryTwoSlots(s, false)
  }

  /**
   * Gives filled slot `s` to a candidate b that is blocked by one of its slots s2, and s2 to
   * its best other candidate (possibly `s`'s old member); true if soft rose.
   */
  private tryShiftChain(s: number): boolean {
    return this.tryTwoSlots(s, true)
  }

  /**
   * The two-slot moves: filled slot `s` (member a) goes to a candidate b, who gives up one of
   * its slots s2. Swap (`chain` false): s2 goes to a. Chain (`chain` true): s2 must block b's
   * move and goes to its best other candidate. True if soft rose.
   */
  private tryTwoSlots(s: number, chain: boolean): boolean {
    const c = this.c
    const e0 = this.slotEdge[s]!
    if (c.edgeForced[e0]) return false
    const a = c.edgeMember[e0]!
    const soft0 = this.soft
    const v0 = c.edgeValue[e0]!
    // optimistic allowance for the team terms: two new categories (three for a chain), every
    // pair penalty and the current overload of both members gone
    const slackA = (chain ? 3 : 2) * c.categoryBonus + this.pairTotal[a]! + this.overloadAt(a, this.peak[a]!)
    for (let k = c.slotEdgeStart[s]!, hi = c.slotEdgeStart[s + 1]!; k < hi; k++) {
      const e1 = c.slotEdges[k]!
      const b = c.edgeMember[e1]!
      if (b === a || this.assigned[b] === 0 || !this.usable(e1)) continue
      const slack = slackA + this.pairTotal[b]! + this.overloadAt(b, this.peak[b]!) + EPS
      const v1 = c.edgeValue[e1]! - v0
      const top = this.snapshot(b)
      for (let j = top, jh = this.sp; j < jh; j++) {
        const e2 = this.scratch[j]!
        const s2 = c.edgeSlot[e2]!
        let e3 = -1
        if (chain) {
          this.steps++
          if (s2 === s || !this.blocks(e2, e1)) continue
          if (v1 + this.maxValue[s2]! - c.edgeValue[e2]! <= slack) continue
        } else {
          if (s2 === s) continue
          e3 = this.edgeOf(a, s2)
          if (e3 < 0 || !this.usable(e3)) continue
          this.steps++
          if (v1 + c.edgeValue[e3]! - c.edgeValue[e2]! <= slack) continue
        }
        if (this.out()) {
          this.sp = top
          return false
        }
        const mark = this.jLen
        this.remove(s)
        this.remove(s2)
        if (this.evalAdd(e1) === NEG) {
          this.rollback(mark)
          continue
        }
        this.add(e1)
        if (chain) e3 = this.bestAdd(s2, e2, NEG)
        else if (this.evalAdd(e3) === NEG) e3 = -1
        if (e3 >= 0) {
          this.add(e3)
          if (this.soft > soft0 + EPS) {
            this.sp = top
            return true
          }
        }
        this.rollback(mark)
      }
      this.sp = top
    }
    return false
  }

  /** The edge of member `m` for slot `s`, or −1. */
  private edgeOf(m: number, s: number): number {
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

  // ---- annealing -------------------------------------------------------------------

  /**
   * Simulated annealing on soft over random reassign and swap moves (filled never falls;
   * empty slots are filled whenever a direct fill exists). Keeps the best plan seen and
   * restores it at the end. Returns true when the plan changed.
   */
  private anneal(moves: number): boolean {
    const c = this.c
    const S = this.S
    const rng = this.rng
    if (S === 0) return false
    // temperature scale: mean |value difference| between a slot's chosen and a random candidate
    let sum = 0
    let cnt = 0
    for (let i = 0; i < 256; i++) {
      const s = rng.below(S)
      const e0 = this.slotEdge[s]!
      if (e0 < 0 || c.edgeForced[e0]) continue
      const lo = c.slotEdgeStart[s]!
      const e1 = c.slotEdges[lo + rng.below(c.slotEdgeStart[s + 1]! - lo)]!
      if (e1 === e0) continue
      sum += Math.abs(c.edgeValue[e1]! - c.edgeValue[e0]!)
      cnt++
    }
    if (cnt === 0 || sum <= 0) return false
    const t0 = (0.3 * sum) / cnt
    const t1 = t0 * 1e-3
    // the best plan is copied lazily: only when a worsening move leaves a best-scoring state
    const best = new Int32Array(S)
    let atBest = true
    let bestF = this.filled
    let bestS = this.soft
    let changed = false
    let temp = t0
    const cool = Math.pow(t1 / t0, 1 / moves)
    for (let i = 0; i < moves; i++) {
      if ((i & 255) === 0 && this.out()) break
      temp *= cool
      const s = rng.below(S)
      const e0 = this.slotEdge[s]!
      if (e0 < 0) {
        if (c.slotForced[s]! < 0 && this.fillDirect(s)) {
          this.jLen = 0
          changed = true
        }
      } else if (!c.edgeForced[e0]) {
        const lo = c.slotEdgeStart[s]!
        const e1 = c.slotEdges[lo + rng.below(c.slotEdgeStart[s + 1]! - lo)]!
        if (e1 === e0 || !this.usable(e1)) continue
        const soft0 = this.soft
        this.remove(s)
        const back = this.evalAdd(e0)
        const d = this.evalAdd(e1)
        if (d !== NEG) {
          const delta = d - back
          if (delta >= 0 || rng.next() < Math.exp(delta / temp)) {
            if (delta < 0 && atBest) {
              best.set(this.slotEdge)
              best[s] = e0
              atBest = false
            }
            this.add(e1)
            changed = true
          } else this.add(e0)
        } else {
          // b is blocked: try swapping with one of b's slots
          this.add(e0)
          const a = c.edgeMember[e0]!
          const b = c.edgeMember[e1]!
          const top = this.snapshot(b)
          const n = this.sp - top
          const e2 = n > 0 ? this.scratch[top + rng.below(n)]! : -1
          this.sp = top
          const s2 = e2 >= 0 ? c.edgeSlot[e2]! : -1
          const e3 = s2 >= 0 && s2 !== s ? this.edgeOf(a, s2) : -1
          if (e3 >= 0 && this.usable(e3)) {
            this.jLen = 0
            this.remove(s)
            this.remove(s2)
            let ok = this.evalAdd(e1) !== NEG
            if (ok) {
              this.add(e1)
              ok = this.evalAdd(e3) !== NEG
              if (ok) this.add(e3)
            }
            const delta = this.soft - soft0
            if (ok && (delta >= 0 || rng.next() < Math.exp(delta / temp))) {
              changed = true
              if (delta < 0 && atBest) {
                best.set(this.slotEdge)
                best[s] = e0
                best[s2] = e2
                atBest = false
              }
            } else this.rollback(0)
          }
        }
        this.jLen = 0
      }
      const sf = this.soft
      if (this.filled > bestF + EPS || (this.filled > bestF - EPS && sf >= bestS)) {
        bestF = this.filled
        bestS = sf
        atBest = true
      }
    }
    this.jLen = 0
    if (!changed) return false
    if (!atBest) this.restore(best)
    return true
  }

  // ---- kicks -----------------------------------------------------------------------

  /** Ruin-and-recreate kicks until the budget is spent or the search stagnates. */
  private kicks(): void {
    const S = this.S
    if (S === 0) return
    const maxIdle = Math.max(200, Math.min(20 * S, 20000))
    let idle = 0
    const ruined = new Int32Array(8)
    while (idle < maxIdle && !this.out()) {
      const r = this.kick(ruined)
      if (r > 0) {
        idle = 0
        this.improvements++
      } else idle++
    }
  }

  /** One kick; returns 1 when it improved, 0 when it was accepted as equal or undone, −1 when impossible. */
  private kick(ruined: Int32Array): number {
    const c = this.c
    const S = this.S
    const rng = this.rng
    // a filled, non-forced seed slot
    let s0 = rng.below(S)
    let tries = 0
    while ((this.slotEdge[s0]! < 0 || c.slotForced[s0]! >= 0) && tries < S) {
      s0 = s0 + 1 === S ? 0 : s0 + 1
      tries++
    }
    if (tries === S) {
      // nothing to ruin: count the attempt as spent effort
      this.steps += S
      return -1
    }
    const f0 = this.filled
    const soft0 = this.soft
    this.inKick = true
    this.tabuId++
    this.jLen = 0
    let nr = 0
    const ruin = (s: number): void => {
      this.tabu[this.slotEdge[s]!] = this.tabuId
      this.remove(s)
      ruined[nr++] = s
    }
    ruin(s0)
    const k = 1 + rng.below(4)
    const deg = c.slotEdgeStart[s0 + 1]! - c.slotEdgeStart[s0]!
    for (let i = 0; i < k && deg > 0; i++) {
      const b = c.edgeMember[c.slotEdges[c.slotEdgeStart[s0]! + rng.below(deg)]!]!
      if (this.assigned[b] === 0) continue
      const top = this.snapshot(b)
      const cnt = this.sp - top
      if (cnt > 0) ruin(c.edgeSlot[this.scratch[top + rng.below(cnt)]!]!)
      this.sp = top
    }
    // recreate in random order with the ruined edges tabu
    this.tabuOn = true
    for (let i = nr - 1; i > 0; i--) {
      const j = rng.below(i + 1)
      const t = ruined[i]!
      ruined[i] = ruined[j]!
      ruined[j] = t
    }
    for (let i = 0; i < nr; i++) {
      const s = ruined[i]!
      if (this.slotEdge[s]! < 0) this.tryFill(s)
    }
    this.tabuOn = false
    this.touchSince(0)
    this.runQueue()
    this.inKick = false
    const f1 = this.filled
    const soft1 = this.soft
    let r: number
    if (f1 > f0 + EPS || (f1 > f0 - EPS && soft1 > soft0 + EPS)) r = 1
    else if (f1 > f0 - EPS && soft1 >= soft0) r = 0
    else {
      this.clearQueue()
      this.rollback(0)
      r = 0
    }
    this.clearQueue()
    this.jLen = 0
    return r
  }
}
