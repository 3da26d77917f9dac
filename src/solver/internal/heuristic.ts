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
import { NEG } from '../../model/internal/state.js'
import { Moves } from './moves.js'
import { type RegretHeap, before, popSlot, pushSlot, regretHeapOf } from './regretHeap.js'
import { EPS, type ImproveOptions, type ImproveResult } from './search.js'
import {
  ANNEAL_MOVES_PER_SLOT,
  ANNEAL_SAMPLES,
  ANNEAL_SHARE,
  ANNEAL_T0,
  ANNEAL_T1,
  KICK_IDLE_MAX,
  KICK_IDLE_MIN,
  KICK_IDLE_PER_SLOT,
  KICK_PARTNERS,
  KICK_RUIN,
  PRICE_DECAY,
  PRICE_MIN_PASSES,
  PRICE_PASSES,
  PRICE_SHARE,
  PRICE_STEP,
} from './tuning.js'

export type { ImproveOptions, ImproveResult } from './search.js'

/** Annealing polls the stop every this many moves (a power of two). */
const STOP_POLL_MOVES = 256

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
// annealing
// -------------------------------------------------------------------------------------

/** The state of one annealing run: the best plan (copied lazily), its score, and the temperature. */
interface Annealing {
  /** A copy of the best plan, valid while `atBest` is false. */
  readonly best: Int32Array
  /** Whether the current plan scores as the best seen. */
  atBest: boolean
  bestF: number
  bestS: number
  /** Whether any move was kept. */
  changed: boolean
  temp: number
}

// -------------------------------------------------------------------------------------
// the search
// -------------------------------------------------------------------------------------

/**
 * The phases of the search on top of the moves: construction with capacity prices, the queue,
 * annealing and kicks (one instance per call; not exported).
 */
class Search extends Moves {
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
  protected plain(): boolean {
    const c = this.c
    if (c.categoryBonus !== 0 || c.pairWeight.length > 0) return false
    for (let m = 0; m < c.nMembers; m++) if (c.memberOverloadWeight[m] !== 0) return false
    return true
  }

  /** Construction with prices `mu`, local search, annealing and kicks. */
  protected descend(mu: Float64Array | null): void {
    this.jLen = 0
    this.construct(mu)
    this.jLen = 0
    for (let s = 0; s < this.S; s++) this.push(s)
    this.runQueue()
    if (!this.out()) {
      const remaining = this.effort - this.steps
      // plain models (GAP-like, no team terms): random reassign/swap moves are nearly always
      // capacity-blocked, so annealing there spends the budget without gain; kicks get it
      const moves = this.isPlain ? 0 : Math.floor(Math.min(remaining * ANNEAL_SHARE, ANNEAL_MOVES_PER_SLOT * Math.max(1, this.S)))
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
  protected restore(best: Int32Array): void {
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
  protected construct(mu: Float64Array | null): void {
    const h = regretHeapOf(this.c, this.S)
    for (let s = 0; s < this.S; s++) {
      if (this.slotEdge[s]! >= 0) continue
      const r = this.assess(s, mu, h)
      if (r === NEG) continue
      h.key[s] = r
      pushSlot(h, s)
    }
    while (h.n > 0) {
      const s = popSlot(h)
      const r = this.assess(s, mu, h)
      if (r === NEG) continue
      h.key[s] = r
      // a slot that no longer comes first goes back with its fresh key
      if (h.n > 0 && before(h, h.heap[0]!, s)) {
        pushSlot(h, s)
        continue
      }
      this.add(h.bestEdge)
    }
  }

  /**
   * Slot s's regret: best minus second-best desirability (delta, less μ·hours with prices) of
   * its feasible candidates, ∞ with one, NEG with none; the best goes to `h.bestEdge`.
   */
  protected assess(s: number, mu: Float64Array | null, h: RegretHeap): number {
    const c = this.c
    let b1 = NEG
    let b2 = NEG
    h.bestEdge = -1
    for (let k = c.slotEdgeStart[s]!, hi = c.slotEdgeStart[s + 1]!; k < hi; k++) {
      const e = c.slotEdges[k]!
      if (!this.usable(e)) continue
      let d = this.evalAdd(e)
      if (d === NEG) continue
      if (mu !== null) d -= mu[c.edgeMember[e]!]! * c.edgeHours[e]!
      if (d > b1) {
        b2 = b1
        b1 = d
        h.bestEdge = e
      } else if (d > b2) b2 = d
    }
    return h.bestEdge < 0 ? NEG : b2 === NEG ? Infinity : b1 - b2
  }

  /**
   * Capacity prices for the construction: a short subgradient ascent on the relaxation that
   * drops capacity, in which each open slot takes its best candidate by value − μ·hours.
   * A member's price rises with its relaxed peak load beyond capacity and falls back (to 0)
   * when it has room. Null when there is nothing to price or no budget.
   */
  protected prices(): Float64Array | null {
    const c = this.c
    const M = c.nMembers
    // up to 100 passes, at most a fifth of the budget
    const iters = Math.min(PRICE_PASSES, Math.floor((PRICE_SHARE * (this.effort - this.steps)) / Math.max(1, c.nEdges)))
    if (M === 0 || this.S === 0 || iters < PRICE_MIN_PASSES) return null
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
      const step = (PRICE_STEP * scale) / (1 + it / PRICE_DECAY)
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

  /**
   * Simulated annealing on soft over random reassign and swap moves (filled never falls;
   * empty slots are filled whenever a direct fill exists). Keeps the best plan seen and
   * restores it at the end. Returns true when the plan changed.
   */
  protected anneal(moves: number): boolean {
    const c = this.c
    const S = this.S
    if (S === 0) return false
    const t0 = this.annealScale()
    if (t0 === null) return false
    const t1 = t0 * ANNEAL_T1
    // the best plan is copied lazily: only when a worsening move leaves a best-scoring state
    const a: Annealing = { best: new Int32Array(S), atBest: true, bestF: this.filled, bestS: this.soft, changed: false, temp: t0 }
    const cool = Math.pow(t1 / t0, 1 / moves)
    for (let i = 0; i < moves; i++) {
      if ((i & (STOP_POLL_MOVES - 1)) === 0 && this.out()) break
      a.temp *= cool
      const s = this.rng.below(S)
      const e0 = this.slotEdge[s]!
      if (e0 < 0) {
        if (c.slotForced[s]! < 0 && this.fillDirect(s)) {
          this.jLen = 0
          a.changed = true
        }
      } else if (!c.edgeForced[e0]) {
        if (!this.annealReassign(a, s, e0)) continue
        this.jLen = 0
      }
      if (this.filled > a.bestF + EPS || (this.filled > a.bestF - EPS && this.soft >= a.bestS)) {
        a.bestF = this.filled
        a.bestS = this.soft
        a.atBest = true
      }
    }
    this.jLen = 0
    if (!a.changed) return false
    if (!a.atBest) this.restore(a.best)
    return true
  }

  /**
   * The starting temperature: {@link ANNEAL_T0} times the mean |value difference| between a
   * slot's chosen and a random candidate, over random samples; null when none differs.
   */
  protected annealScale(): number | null {
    const c = this.c
    const rng = this.rng
    let sum = 0
    let cnt = 0
    for (let i = 0; i < ANNEAL_SAMPLES; i++) {
      const s = rng.below(this.S)
      const e0 = this.slotEdge[s]!
      if (e0 < 0 || c.edgeForced[e0]) continue
      const lo = c.slotEdgeStart[s]!
      const e1 = c.slotEdges[lo + rng.below(c.slotEdgeStart[s + 1]! - lo)]!
      if (e1 === e0) continue
      sum += Math.abs(c.edgeValue[e1]! - c.edgeValue[e0]!)
      cnt++
    }
    if (cnt === 0 || sum <= 0) return null
    return (ANNEAL_T0 * sum) / cnt
  }

  /**
   * One annealing move on slot s (holding e0): a random candidate e1 takes it, by Metropolis'
   * rule; when e1's member is blocked, a swap with one of its slots is tried instead. False
   * when there was no move (e1 is e0 or unusable).
   */
  protected annealReassign(a: Annealing, s: number, e0: number): boolean {
    const c = this.c
    const rng = this.rng
    const lo = c.slotEdgeStart[s]!
    const e1 = c.slotEdges[lo + rng.below(c.slotEdgeStart[s + 1]! - lo)]!
    if (e1 === e0 || !this.usable(e1)) return false
    const soft0 = this.soft
    this.remove(s)
    const back = this.evalAdd(e0)
    const d = this.evalAdd(e1)
    if (d !== NEG) {
      const delta = d - back
      if (delta >= 0 || rng.next() < Math.exp(delta / a.temp)) {
        if (delta < 0 && a.atBest) {
          a.best.set(this.slotEdge)
          a.best[s] = e0
          a.atBest = false
        }
        this.add(e1)
        a.changed = true
      } else this.add(e0)
    } else {
      // b is blocked: try swapping with one of b's slots
      this.add(e0)
      this.annealSwap(a, s, e0, e1, soft0)
    }
    return true
  }

  /** The swap of an annealing move: e1's member b takes slot s, s's member takes one of b's slots at random, by Metropolis' rule. */
  protected annealSwap(a: Annealing, s: number, e0: number, e1: number, soft0: number): void {
    const c = this.c
    const rng = this.rng
    const am = c.edgeMember[e0]!
    const b = c.edgeMember[e1]!
    const top = this.snapshot(b)
    const n = this.sp - top
    const e2 = n > 0 ? this.scratch[top + rng.below(n)]! : -1
    this.sp = top
    const s2 = e2 >= 0 ? c.edgeSlot[e2]! : -1
    const e3 = s2 >= 0 && s2 !== s ? this.edgeOf(am, s2) : -1
    if (e3 < 0 || !this.usable(e3)) return
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
    if (ok && (delta >= 0 || rng.next() < Math.exp(delta / a.temp))) {
      a.changed = true
      if (delta < 0 && a.atBest) {
        a.best.set(this.slotEdge)
        a.best[s] = e0
        a.best[s2] = e2
        a.atBest = false
      }
    } else this.rollback(0)
  }

  /** Ruin-and-recreate kicks until the budget is spent or the search stagnates. */
  protected kicks(): void {
    const S = this.S
    if (S === 0) return
    const maxIdle = Math.max(KICK_IDLE_MIN, Math.min(KICK_IDLE_PER_SLOT * S, KICK_IDLE_MAX))
    let idle = 0
    const ruined = new Int32Array(KICK_RUIN)
    while (idle < maxIdle && !this.out()) {
      const r = this.kick(ruined)
      if (r > 0) {
        idle = 0
        this.improvements++
      } else idle++
    }
  }

  /** One kick; returns 1 when it improved, 0 when it was accepted as equal or undone, −1 when impossible. */
  protected kick(ruined: Int32Array): number {
    const s0 = this.kickSeed()
    if (s0 < 0) {
      // nothing to ruin: count the attempt as spent effort
      this.steps += this.S
      return -1
    }
    const f0 = this.filled
    const soft0 = this.soft
    this.inKick = true
    this.tabuId++
    this.jLen = 0
    const nr = this.ruinAround(s0, ruined)
    this.recreate(ruined, nr)
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

  /** A filled, non-forced slot to start a kick from: a random one, or the next such after it; −1 for none. */
  protected kickSeed(): number {
    const c = this.c
    const S = this.S
    let s0 = this.rng.below(S)
    let tries = 0
    while ((this.slotEdge[s0]! < 0 || c.slotForced[s0]! >= 0) && tries < S) {
      s0 = s0 + 1 === S ? 0 : s0 + 1
      tries++
    }
    return tries === S ? -1 : s0
  }

  /**
   * Ruins slot s0 and, for 1 to {@link KICK_PARTNERS} random candidates of s0, one random
   * slot each candidate holds; the freed edges become tabu. Returns how many slots it ruined
   * (listed in `ruined`).
   */
  protected ruinAround(s0: number, ruined: Int32Array): number {
    const c = this.c
    const rng = this.rng
    let nr = this.ruin(s0, ruined, 0)
    const k = 1 + rng.below(KICK_PARTNERS)
    const deg = c.slotEdgeStart[s0 + 1]! - c.slotEdgeStart[s0]!
    for (let i = 0; i < k && deg > 0; i++) {
      const b = c.edgeMember[c.slotEdges[c.slotEdgeStart[s0]! + rng.below(deg)]!]!
      if (this.assigned[b] === 0) continue
      const top = this.snapshot(b)
      const cnt = this.sp - top
      if (cnt > 0) nr = this.ruin(c.edgeSlot[this.scratch[top + rng.below(cnt)]!]!, ruined, nr)
      this.sp = top
    }
    return nr
  }

  /** Frees slot s, its edge tabu for this kick, as the `nr`-th ruined slot; returns nr + 1. */
  protected ruin(s: number, ruined: Int32Array, nr: number): number {
    this.tabu[this.slotEdge[s]!] = this.tabuId
    this.remove(s)
    ruined[nr] = s
    return nr + 1
  }

  /** Refills the ruined slots in random order with the ruined edges tabu, then runs the queue. */
  protected recreate(ruined: Int32Array, nr: number): void {
    const rng = this.rng
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
  }
}
