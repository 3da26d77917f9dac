/**
 * The local-search moves of the heuristic, each tried on the rulebook's state and undone from
 * the journal unless it improves the lexicographic score (filled, then soft): fill an empty slot
 * directly or by an ejection chain (depth ≤ 3, or displacing a lower-priority slot), reassign,
 * swap, and the shift chain (b takes the slot after handing one of its blocking slots to its
 * best other candidate). {@link Moves.runQueue} drives them from the work queue.
 *
 * @internal
 * @since 0.1.0
 */
import { NEG } from '../../model/internal/state.js'
import { EPS, SearchBase } from './search.js'
import { EJECT_DEPTH } from './tuning.js'

/**
 * The moves (one instance per call, through {@link Search} in heuristic.ts).
 *
 * @internal
 */
export class Moves extends SearchBase {
  /** Processes the work queue until it is empty or the budget is spent. */
  protected runQueue(): void {
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

  /** Fills empty slot `s` with its best feasible candidate; true if it did. */
  protected fillDirect(s: number): boolean {
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
  protected tryFill(s: number): boolean {
    return this.fillDirect(s) || this.eject(s, EJECT_DEPTH)
  }

  /** Whether assignment `e2` can block edge `e` of the same member (shared group or time). */
  protected blocks(e2: number, e: number): boolean {
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
  protected eject(s: number, depth: number): boolean {
    this.ejF0 = this.filled
    this.ejS0 = this.soft
    return this.chain(s, depth, this.c.slotPriority[s]!, -1)
  }

  /**
   * After a displacement left a slot empty: gives member b (the one that gave it up) its other
   * empty candidate slots where they fit, in slot order, and reports whether the plan now
   * beats the one {@link Search.eject} started from.
   */
  protected refillBeats(b: number): boolean {
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
  protected chain(s: number, depth: number, gain: number, exclude: number): boolean {
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
  protected ejectVia(e: number, e2: number, b: number, depth: number, gain: number): number {
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
  protected tryReassign(s: number): boolean {
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
  protected bestAdd(s: number, skip: number, floor: number): number {
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
  protected trySwap(s: number): boolean {
    return this.tryTwoSlots(s, false)
  }

  /**
   * Gives filled slot `s` to a candidate b that is blocked by one of its slots s2, and s2 to
   * its best other candidate (possibly `s`'s old member); true if soft rose.
   */
  protected tryShiftChain(s: number): boolean {
    return this.tryTwoSlots(s, true)
  }

  /**
   * The two-slot moves: filled slot `s` (member a) goes to a candidate b, who gives up one of
   * its slots s2. Swap (`chain` false): s2 goes to a. Chain (`chain` true): s2 must block b's
   * move and goes to its best other candidate. True if soft rose.
   */
  protected tryTwoSlots(s: number, chain: boolean): boolean {
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
}
