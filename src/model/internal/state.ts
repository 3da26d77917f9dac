/**
 * The incremental half of the one rulebook: a mutable partial assignment over a
 * {@link Compact} model — which edge fills each slot, the member loads at their time points,
 * the (member, group) and (group, category) counters, each member's chosen edges and peak —
 * with the model's hard constraints as O(degree) tests and exact soft deltas for adding or
 * removing one edge.
 *
 * Each hard constraint is one method here — capacity over time ({@link State.reach}), the group
 * limit ({@link State.groupRoom}), conflicting members ({@link State.conflictIn}) — and each
 * team term one method too (category and pairs in {@link State.joinGain}, overload through
 * `overloadOf`). Every search of the solver (the heuristic, the exact search, the relaxation's
 * member subproblems), the plan's `taken` reasons and the completion pass ask these methods;
 * none re-derives a rule. The full evaluator (score.ts) computes the same score from scratch,
 * and a property test holds the two together after every step of random move sequences.
 *
 * @internal
 * @since 0.1.0
 */
import type { TermNames } from './types.js'
import type { ModelScore } from './types.js'
import { type Compact, lowerBound, overloadOf } from './compact.js'
import { hoursLimit } from '../../kernel/internal/tolerance.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** The delta of an addition that breaks a hard constraint. @internal */
export const NEG = -Infinity

/**
 * Why an edge cannot be added: nothing, its slot is filled, it is forbidden, the member's load
 * over time, the member's group limit, a conflicting member in the group.
 *
 * @internal
 */
export type Block = 'none' | 'slot' | 'forbidden' | 'capacity' | 'group' | 'conflict'

// The per-edge and per-member fields the hot loops read together, packed for cache locality:
// a row of EI ints and EF floats per edge, MF floats per member; the named offsets below.
/** Ints per edge. */
const EI = 8
/** Edge ints: the member. */
const I_MEMBER = 0
/** Edge ints: the (member, group) counter index. */
const I_MG = 1
/** Edge ints: the first of the member's time points the edge covers. */
const I_LO = 2
/** Edge ints: one past the last of the member's time points the edge covers. */
const I_HI = 3
/** Edge ints: the group's limit. */
const I_LIMIT = 4
/** Edge ints: the group. */
const I_GROUP = 5
/** Edge ints: the (group, category) counter index, or −1. */
const I_GC = 6
/** Edge ints: the slot. */
const I_SLOT = 7
/** Floats per edge. */
const EF = 2
/** Edge floats: hours. */
const F_HOURS = 0
/** Edge floats: value (Σ of the edge terms). */
const F_VALUE = 1
/** Floats per member. */
const MF = 2
/** Member floats: the largest load within capacity (the one hours tolerance included). */
const M_LIMIT = 0
/** Member floats: the overload weight. */
const M_OVERLOAD = 1

/** The packed rows. */
interface Pack {
  readonly edgeI: Int32Array
  readonly edgeF: Float64Array
  readonly memberF: Float64Array
}

const packs = new WeakMap<Compact, Pack>()

/** The packed fields of a compact model, built once per model. */
const packOf = (c: Compact): Pack => {
  const cached = packs.get(c)
  if (cached !== undefined) return cached
  const edgeI = new Int32Array(EI * c.nEdges)
  const edgeF = new Float64Array(EF * c.nEdges)
  for (let e = 0; e < c.nEdges; e++) {
    const s = c.edgeSlot[e]!
    const g = c.slotGroup[s]!
    const o = EI * e
    edgeI[o + I_MEMBER] = c.edgeMember[e]!
    edgeI[o + I_MG] = c.edgeMemberGroup[e]!
    edgeI[o + I_LO] = c.edgePointLo[e]!
    edgeI[o + I_HI] = c.edgePointHi[e]!
    edgeI[o + I_LIMIT] = c.groupLimit[g]!
    edgeI[o + I_GROUP] = g
    edgeI[o + I_GC] = c.edgeGroupCat[e]!
    edgeI[o + I_SLOT] = s
    edgeF[EF * e + F_HOURS] = c.edgeHours[e]!
    edgeF[EF * e + F_VALUE] = c.edgeValue[e]!
  }
  const memberF = new Float64Array(MF * c.nMembers)
  for (let m = 0; m < c.nMembers; m++) {
    memberF[MF * m + M_LIMIT] = hoursLimit(c.memberCapacity[m]!)
    memberF[MF * m + M_OVERLOAD] = c.memberOverloadWeight[m]!
  }
  const built = { edgeI, edgeF, memberF }
  packs.set(c, built)
  return built
}

// -------------------------------------------------------------------------------------
// the state
// -------------------------------------------------------------------------------------

/**
 * A mutable partial assignment that keeps every hard constraint of the model (forced edges
 * aside: {@link forcedState} starts from them). `peak[m]` is maintained for members with an
 * overload weight (the only ones whose peak counts).
 *
 * @internal
 */
export class State {
  readonly c: Compact
  /** Edge filling each slot, or −1. */
  readonly slotEdge: Int32Array
  /** Load per (member, point), aligned with `c.memberPoints`. */
  readonly load: Float64Array
  /** Peak load per member (members with an overload weight). */
  readonly peak: Float64Array
  /**
   * Per member, an upper bound on its load at any of its points: raised by every addition,
   * never lowered (loads only fall on removal). When it leaves room for an edge's hours, the
   * capacity check needs no scan of the edge's points. Code that writes `load` itself must keep
   * it under this bound (the member subproblems' tentative loads are read with {@link reach},
   * which always scans; an explanation's undo restores earlier, lower loads).
   */
  readonly loadBound: Float64Array
  /** Slots held per (member, group), aligned with `c.memberGroups`. */
  readonly mg: Int32Array
  /** Members serving per (group, category), aligned with `c.groupCats`. */
  readonly gc: Int32Array
  /** Number of chosen edges per member. */
  readonly assigned: Int32Array
  /** Each member's chosen edges as an intrusive doubly-linked list: head per member, next/prev per edge. */
  readonly aHead: Int32Array
  readonly aNext: Int32Array
  readonly aPrev: Int32Array
  /** Σ of each edge term over the chosen edges. */
  readonly termSum: Float64Array
  /** Packed per-edge and per-member fields (see {@link Pack}). */
  protected readonly edgeI: Int32Array
  protected readonly edgeF: Float64Array
  protected readonly memberF: Float64Array
  /** Σ priority of the filled slots. */
  filled = 0
  /** Σ value of the chosen edges. */
  value = 0
  /** The distinct-category bonus (≥ 0). */
  category = 0
  /** The pair penalties (≤ 0). */
  pair = 0
  /** The overload penalties (≤ 0). */
  overload = 0
  /** Number of filled slots. */
  size = 0

  constructor(c: Compact) {
    this.c = c
    this.slotEdge = new Int32Array(c.nSlots).fill(-1)
    this.load = new Float64Array(c.memberPoints.length)
    this.peak = new Float64Array(c.nMembers)
    this.loadBound = new Float64Array(c.nMembers)
    this.mg = new Int32Array(c.memberGroups.length)
    this.gc = new Int32Array(c.groupCats.length)
    this.assigned = new Int32Array(c.nMembers)
    this.aHead = new Int32Array(c.nMembers).fill(-1)
    this.aNext = new Int32Array(c.nEdges)
    this.aPrev = new Int32Array(c.nEdges)
    this.termSum = new Float64Array(c.nTerms)
    const pack = packOf(c)
    this.edgeI = pack.edgeI
    this.edgeF = pack.edgeF
    this.memberF = pack.memberF
  }

  /** The soft score: value + category + pair + overload. */
  get soft(): number {
    return this.value + this.category + this.pair + this.overload
  }

  // ---- the hard constraints ------------------------------------------------------------

  /** Whether member `m` serves group `g` (holds one of its slots). */
  serves(m: number, g: number): boolean {
    const c = this.c
    const hi = c.memberGroupStart[m + 1]!
    const i = lowerBound(c.memberGroups, c.memberGroupStart[m]!, hi, g)
    return i < hi && c.memberGroups[i] === g && this.mg[i]! > 0
  }

  /** The group limit: whether edge `e`'s member may take one more slot of its group. */
  groupRoom(e: number): boolean {
    const o = EI * e
    return this.mg[this.edgeI[o + I_MG]!]! < this.edgeI[o + I_LIMIT]!
  }

  /**
   * Capacity over time: the member's largest load over edge `e`'s time points once `e` is
   * added, or −1 when some point would exceed the member's capacity (hours compared with the
   * library's one hours tolerance).
   */
  reach(e: number): number {
    const ei = this.edgeI
    const o = EI * e
    const h = this.edgeF[EF * e + F_HOURS]!
    const lim = this.memberF[MF * ei[o + I_MEMBER]! + M_LIMIT]!
    const load = this.load
    let mx = 0
    for (let p = ei[o + I_LO]!, hi = ei[o + I_HI]!; p < hi; p++) {
      const v = load[p]! + h
      if (v > lim) return -1
      if (v > mx) mx = v
    }
    return mx
  }

  /** Conflicts: whether a member in conflict with `m` serves group `g`. */
  conflictIn(m: number, g: number): boolean {
    const c = this.c
    for (let k = c.conflictStart[m]!, hi = c.conflictStart[m + 1]!; k < hi; k++) if (this.serves(c.conflictAdj[k]!, g)) return true
    return false
  }

  /** What keeps edge `e` out of the state, in the order slot, forbidden, capacity, group, conflict. */
  block(e: number): Block {
    if (this.slotEdge[this.edgeI[EI * e + I_SLOT]!]! >= 0) return 'slot'
    if (this.c.edgeForbidden[e]) return 'forbidden'
    return this.limits(e)
  }

  /** Which of capacity, group limit and conflicts keeps edge `e` out (slot and forbidden flag not checked). */
  limits(e: number): Block {
    if (!this.roomFor(e)) return 'capacity'
    if (!this.groupRoom(e)) return 'group'
    const o = EI * e
    if (this.mg[this.edgeI[o + I_MG]!] === 0 && this.conflictIn(this.edgeI[o + I_MEMBER]!, this.edgeI[o + I_GROUP]!)) return 'conflict'
    return 'none'
  }

  /** Capacity: whether edge `e`'s hours fit at every point it covers ({@link reach} ≥ 0), the member's load bound first. */
  roomFor(e: number): boolean {
    const o = EI * e
    const m = this.edgeI[o + I_MEMBER]!
    // every point's load is at most the bound, and float addition keeps that order
    if (this.loadBound[m]! + this.edgeF[EF * e + F_HOURS]! <= this.memberF[MF * m + M_LIMIT]!) return true
    return this.reach(e) >= 0
  }

  /** Whether edge `e` keeps capacity, its group limit and conflicts (slot and forbidden flag not checked). */
  fits(e: number): boolean {
    return this.limits(e) === 'none'
  }

  /** Whether edge `e` can be added (its slot open, not forbidden, every hard constraint kept). */
  canAdd(e: number): boolean {
    return this.block(e) === 'none'
  }

  // ---- the soft terms ------------------------------------------------------------------

  /** The overload penalty (≥ 0, to be subtracted) of member `m` at peak load `peak`. */
  overloadAt(m: number, peak: number): number {
    return overloadOf(this.c, m, peak)
  }

  /** Category: whether edge `e`'s member brings a category new to the group. */
  newCategory(e: number): boolean {
    const gcI = this.edgeI[EI * e + I_GC]!
    return gcI >= 0 && this.gc[gcI] === 0
  }

  /** Pairs: Σ penalty of member `m`'s penalised partners serving group `g`. */
  pairsIn(m: number, g: number): number {
    const c = this.c
    let d = 0
    for (let k = c.pairStart[m]!, hi = c.pairStart[m + 1]!; k < hi; k++) if (this.serves(c.pairAdj[k]!, g)) d += c.pairWeight[k]!
    return d
  }

  /**
   * The soft change when member `m` joins group `g` through edge `e`: the category bonus when
   * its category is new to the group, minus the penalties of its partners already serving it.
   */
  joinGain(m: number, g: number, e: number): number {
    return (this.newCategory(e) ? this.c.categoryBonus : 0) - this.pairsIn(m, g)
  }

  /**
   * The exact soft delta of adding edge `e` to its (open) slot, or {@link NEG} when that breaks
   * the group limit, capacity or a conflict. Forbidden-ness and the slot's occupancy are the
   * caller's checks.
   */
  evalAdd(e: number): number {
    if (!this.groupRoom(e)) return NEG
    const r = this.reach(e)
    if (r < 0) return NEG
    const ei = this.edgeI
    const o = EI * e
    const m = ei[o + I_MEMBER]!
    const joins = this.mg[ei[o + I_MG]!] === 0
    let d = this.edgeF[EF * e + F_VALUE]!
    if (joins) {
      const g = ei[o + I_GROUP]!
      if (this.conflictIn(m, g)) return NEG
      d += this.joinGain(m, g, e)
    }
    if (this.memberF[MF * m + M_OVERLOAD]! > 0) {
      const pk = this.peak[m]!
      if (r > pk) d -= this.overloadAt(m, r) - this.overloadAt(m, pk)
    }
    return d
  }

  // ---- changes -------------------------------------------------------------------------

  /** Adds edge `e` (its slot open and the addition feasible: see {@link evalAdd}). */
  add(e: number): void {
    const c = this.c
    const ei = this.edgeI
    const o = EI * e
    const m = ei[o + I_MEMBER]!
    const s = ei[o + I_SLOT]!
    const h = this.edgeF[EF * e + F_HOURS]!
    this.slotEdge[s] = e
    const load = this.load
    let mx = 0
    for (let p = ei[o + I_LO]!, hi = ei[o + I_HI]!; p < hi; p++) {
      const v = load[p]! + h
      load[p] = v
      if (v > mx) mx = v
    }
    if (mx > this.loadBound[m]!) this.loadBound[m] = mx
    if (this.memberF[MF * m + M_OVERLOAD]! > 0) {
      const pk = this.peak[m]!
      if (mx > pk) {
        this.overload -= this.overloadAt(m, mx) - this.overloadAt(m, pk)
        this.peak[m] = mx
      }
    }
    const mgI = ei[o + I_MG]!
    if (this.mg[mgI] === 0) this.join(m, ei[o + I_GROUP]!, e, 1)
    this.mg[mgI]!++
    this.value += this.edgeF[EF * e + F_VALUE]!
    for (let k = 0, nT = c.nTerms; k < nT; k++) this.termSum[k] = this.termSum[k]! + c.edgeTerms[e * nT + k]!
    this.filled += c.slotPriority[s]!
    this.size++
    this.assigned[m]!++
    const h0 = this.aHead[m]!
    this.aNext[e] = h0
    this.aPrev[e] = -1
    if (h0 >= 0) this.aPrev[h0] = e
    this.aHead[m] = e
  }

  /** Empties slot `s` (which must be filled). */
  remove(s: number): void {
    const c = this.c
    const e = this.slotEdge[s]!
    const ei = this.edgeI
    const o = EI * e
    const m = ei[o + I_MEMBER]!
    const h = this.edgeF[EF * e + F_HOURS]!
    this.slotEdge[s] = -1
    const load = this.load
    for (let p = ei[o + I_LO]!, hi = ei[o + I_HI]!; p < hi; p++) load[p] = load[p]! - h
    if (this.memberF[MF * m + M_OVERLOAD]! > 0) {
      const pk = this.peak[m]!
      let mx = 0
      for (let p = c.memberPointStart[m]!, hi = c.memberPointStart[m + 1]!; p < hi; p++) if (load[p]! > mx) mx = load[p]!
      if (mx !== pk) {
        this.overload -= this.overloadAt(m, mx) - this.overloadAt(m, pk)
        this.peak[m] = mx
      }
    }
    const mgI = ei[o + I_MG]!
    this.mg[mgI]!--
    if (this.mg[mgI] === 0) this.join(m, ei[o + I_GROUP]!, e, -1)
    this.value -= this.edgeF[EF * e + F_VALUE]!
    for (let k = 0, nT = c.nTerms; k < nT; k++) this.termSum[k] = this.termSum[k]! - c.edgeTerms[e * nT + k]!
    this.filled -= c.slotPriority[s]!
    this.size--
    this.assigned[m]!--
    const nx = this.aNext[e]!
    const pv = this.aPrev[e]!
    if (pv >= 0) this.aNext[pv] = nx
    else this.aHead[m] = nx
    if (nx >= 0) this.aPrev[nx] = pv
  }

  /**
   * Member `m` joins (`sign` 1, before its counter rises) or leaves (−1, after it fell)
   * group `g` through edge `e`: the category and pair terms change as {@link joinGain} says.
   */
  private join(m: number, g: number, e: number, sign: 1 | -1): void {
    const gcI = this.edgeI[EI * e + I_GC]!
    if (sign > 0) {
      if (this.newCategory(e)) this.category += this.c.categoryBonus
      this.pair -= this.pairsIn(m, g)
      if (gcI >= 0) this.gc[gcI]!++
    } else {
      if (gcI >= 0) this.gc[gcI]!--
      if (this.newCategory(e)) this.category -= this.c.categoryBonus
      this.pair += this.pairsIn(m, g)
    }
  }

  // ---- queries -------------------------------------------------------------------------

  /** The chosen edges, ascending. */
  edges(): Int32Array {
    const out = new Int32Array(this.size)
    let k = 0
    for (let s = 0; s < this.c.nSlots; s++) if (this.slotEdge[s]! >= 0) out[k++] = this.slotEdge[s]!
    return out.sort()
  }

  /** The incrementally kept score, by term (the evaluator computes the same from scratch). */
  score(names: TermNames): ModelScore {
    const terms: Record<string, number> = Object.create(null) as Record<string, number>
    const put = (name: string, v: number): void => {
      terms[name] = (terms[name] ?? 0) + v
    }
    for (let k = 0; k < this.c.nTerms; k++) put(names.edge[k] ?? `term${k}`, this.termSum[k]!)
    put(names.category, this.category)
    put(names.pair, this.pair)
    put(names.overload, this.overload)
    return { filled: this.filled, soft: this.soft, terms: { ...terms } }
  }
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The state holding exactly the forced edges (a valid model guarantees they fit together),
 * added in slot order.
 *
 * @internal
 */
export const forcedState = (c: Compact): State => {
  const st = new State(c)
  for (const e of c.forcedEdges) if (st.slotEdge[c.edgeSlot[e]!]! < 0) st.add(e)
  return st
}

/**
 * The state of a proposal (slot → edge or −1): the forced edges, then, in slot order, every
 * proposed edge that is an edge of its slot and can be added.
 *
 * @internal
 */
export const stateOf = (c: Compact, proposal: Int32Array): State => {
  const st = forcedState(c)
  for (let s = 0; s < c.nSlots && s < proposal.length; s++) {
    const e = proposal[s]!
    if (e >= 0 && e < c.nEdges && c.edgeSlot[e] === s && st.canAdd(e)) st.add(e)
  }
  return st
}
