/**
 * The exact search's context (exact.ts): one mutable record per search holding the compact
 * model (a private copy, in which the search bans edges), the state being explored, the
 * decomposition's work space and multipliers, the incumbent, the counters, and the rounding of
 * bounds. Beside it: offering a plan as the incumbent, the Lagrangian heuristic, and the
 * per-depth copies of the multipliers.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compact } from '../../model/internal/compact.js'
import { NEG, type State } from '../../model/internal/state.js'
import { type DecomposeWork, type SlotMultipliers, decomposeWork, initialSlotMultipliers } from './decompose.js'
import { ROUNDING_SLACK, TARGET_MARGIN } from './tuning.js'

// -------------------------------------------------------------------------------------
// tolerances
// -------------------------------------------------------------------------------------

/** Relative tolerance of the search's score comparisons (scaled by the largest possible score). */
const COMPARE_TOLERANCE = 1e-9

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A valid plan with its score: slot → edge or −1.
 *
 * @internal
 * @since 0.1.0
 */
export interface Incumbent {
  readonly slotEdge: Int32Array
  readonly filled: number
  readonly soft: number
}

/**
 * Multipliers of one depth of the search, so that siblings start from their parent's.
 *
 * @internal
 * @since 0.1.0
 */
interface SavedMultipliers {
  readonly uF: Float64Array
  readonly uS: Float64Array
  readonly sigma: Float64Array
  readonly mu: Float64Array
  lambda: number
}

/**
 * The context of one exact search.
 *
 * @internal
 * @since 0.1.0
 */
export interface Search {
  // ---- the problem and the node being explored
  /** A private copy of the model: the search bans edges in its `edgeForbidden`. */
  readonly c: Compact
  /** The node's partial assignment (the filled slots). */
  readonly st: State
  /** Per slot: 1 when the node leaves it empty. */
  readonly closed: Uint8Array
  /** Per slot: 1 when every plan better than the incumbent fills it (found at the root). */
  readonly mandatory: Uint8Array
  /** The decomposition's work space; after a relaxation it holds that relaxation's choices. */
  readonly w: DecomposeWork
  /** The multipliers of the filled bound. */
  readonly xF: SlotMultipliers
  /** The multipliers of the soft bound (among plans with filled ≥ the incumbent's). */
  readonly xS: SlotMultipliers

  // ---- work
  readonly counter: { steps: number }
  /** The search stops once `counter.steps` exceeds it. */
  readonly budget: number
  /** Polled now and then: true stops the search. */
  readonly stop: () => boolean
  /** Nodes visited. */
  nodes: number
  /** Set when the search stops before it finished (budget, stop, depth or restart). */
  aborted: boolean

  // ---- rounding
  /** Every slot priority is an integer, so filled bounds round down. */
  readonly intPriorities: boolean
  /** Soft is an integer (see {@link searchOf}), so soft bounds round down. */
  readonly intSoft: boolean
  /** An upper bound on |soft|: the scale of soft comparisons (and of the chosen-edge bonus in branching). */
  readonly softScale: number
  /** Tolerance of filled comparisons (relative to the total priority). */
  readonly epsF: number
  /** Tolerance of soft comparisons (relative to `softScale`). */
  readonly epsS: number

  // ---- the incumbent
  /** The best plan found (slot → edge or −1). */
  readonly best: Int32Array
  incF: number
  incS: number
  improvements: number
  /**
   * Set once the root has bounded filled (with `allowRestart`): when a later incumbent reaches
   * that bound, the root work that needs a filled-optimal incumbent (mandatory slots, the soft
   * multipliers) is worth redoing, so the search stops and asks for a restart.
   */
  restartAt: number
  restart: boolean

  // ---- the bound of what a stopped search left open
  /** The largest filled bound over the unexplored parts of the nodes on the path where it stopped. */
  openF: number
  /** Likewise for soft (over the parts whose filled bound reaches the incumbent's). */
  openS: number
  /** Set when a node stopped before it was bounded (its whole subtree is open). */
  fresh: boolean

  // ---- scratch
  /** The edges the Lagrangian heuristic added (undone after the offer). */
  readonly repairEdges: Int32Array
  /** Per depth: the multipliers saved before branching. */
  readonly saved: Array<SavedMultipliers>
}

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The context of a search from `st` with incumbent `incumbent`; copies the model's forbidden
 * flags (the search bans edges in its copy) and the incumbent's plan.
 *
 * @internal
 * @since 0.1.0
 */
export const searchOf = (
  c0: Compact,
  st: State,
  incumbent: Incumbent,
  budget: number,
  counter: { steps: number },
  stop: () => boolean,
): Search => {
  const c: Compact = { ...c0, edgeForbidden: Uint8Array.from(c0.edgeForbidden) }
  let intPriorities = true
  let totalPrio = 0
  for (let s = 0; s < c.nSlots; s++) {
    const p = c.slotPriority[s]!
    totalPrio += p
    if (!Number.isInteger(p)) intPriorities = false
  }
  let softScale = 1 + c.categoryBonus * c.nSlots
  for (let e = 0; e < c.nEdges; e++) softScale += Math.abs(c.edgeValue[e]!)
  return {
    c,
    st,
    closed: new Uint8Array(c.nSlots),
    mandatory: new Uint8Array(c.nSlots),
    w: decomposeWork(c),
    xF: initialSlotMultipliers(c, false),
    xS: initialSlotMultipliers(c, true),
    counter,
    budget,
    stop,
    nodes: 0,
    aborted: false,
    intPriorities,
    intSoft: integerSoft(c),
    softScale,
    epsF: COMPARE_TOLERANCE * Math.max(1, totalPrio),
    epsS: COMPARE_TOLERANCE * softScale,
    best: Int32Array.from(incumbent.slotEdge),
    incF: incumbent.filled,
    incS: incumbent.soft,
    improvements: 0,
    restartAt: Infinity,
    restart: false,
    openF: -Infinity,
    openS: -Infinity,
    fresh: false,
    repairEdges: new Int32Array(c.nSlots),
    saved: [],
  }
}

/**
 * Whether soft is always an integer: every edge value, the category bonus and every pair
 * weight is one and no member has an overload penalty (then soft bounds round down too).
 */
const integerSoft = (c: Compact): boolean => {
  let intSoft = Number.isInteger(c.categoryBonus)
  for (let e = 0; e < c.nEdges && intSoft; e++) if (!Number.isInteger(c.edgeValue[e]!)) intSoft = false
  for (let j = 0; j < c.pairWeight.length && intSoft; j++) if (!Number.isInteger(c.pairWeight[j]!)) intSoft = false
  for (let m = 0; m < c.nMembers && intSoft; m++) if (c.memberOverloadWeight[m] !== 0) intSoft = false
  return intSoft
}

// -------------------------------------------------------------------------------------
// rounding
// -------------------------------------------------------------------------------------

/**
 * A filled bound rounded down when filled is an integer.
 *
 * @internal
 * @since 0.1.0
 */
export const floorF = (ctx: Search, v: number): number => (ctx.intPriorities ? Math.floor(v + ROUNDING_SLACK) : v)

/**
 * A soft bound rounded down when soft is an integer.
 *
 * @internal
 * @since 0.1.0
 */
export const floorS = (ctx: Search, v: number): number => (ctx.intSoft ? Math.floor(v + ROUNDING_SLACK) : v)

/**
 * The subgradient target of the filled bound: any bound below it proves the incumbent's filled.
 *
 * @internal
 * @since 0.1.0
 */
export const targetF = (ctx: Search): number => (ctx.intPriorities ? ctx.incF + 1 - TARGET_MARGIN : ctx.incF)

/**
 * The subgradient target of the soft bound: any bound below it proves the incumbent's soft.
 *
 * @internal
 * @since 0.1.0
 */
export const targetS = (ctx: Search): number => (ctx.intSoft ? ctx.incS + 1 - TARGET_MARGIN : ctx.incS)

/**
 * The target of a probe: a filled bound below it is below the incumbent's filled.
 *
 * @internal
 * @since 0.1.0
 */
export const probeTargetF = (ctx: Search): number => ctx.incF - TARGET_MARGIN

// -------------------------------------------------------------------------------------
// the incumbent
// -------------------------------------------------------------------------------------

/**
 * Offers the state's plan as the incumbent: taken when it is lexicographically better. Asks
 * for a restart (and stops the search) when the new incumbent reaches `restartAt`.
 *
 * @internal
 * @since 0.1.0
 */
export const offer = (ctx: Search): void => {
  const st = ctx.st
  if (st.filled > ctx.incF + ctx.epsF || (st.filled >= ctx.incF - ctx.epsF && st.soft > ctx.incS + ctx.epsS)) {
    ctx.incF = st.filled
    ctx.incS = st.soft
    ctx.best.set(st.slotEdge)
    ctx.improvements++
    if (ctx.incF >= ctx.restartAt) {
      ctx.restart = true
      ctx.aborted = true
    }
  }
}

/**
 * A Lagrangian heuristic: the last relaxation's choices where they fit (members in order),
 * then each still-open slot's best fitting edge; offered as an incumbent, then undone.
 *
 * @internal
 * @since 0.1.0
 */
export const repair = (ctx: Search): void => {
  const { c, st, closed, w, counter, repairEdges } = ctx
  let n = 0
  let off = 0
  for (let m = 0; m < c.nMembers; m++) {
    const len = w.chosenLen[m]!
    for (let i = 0; i < len; i++) {
      const e = w.chosen[off + i]!
      const s = c.edgeSlot[e]!
      if (st.slotEdge[s]! < 0 && !closed[s] && !c.edgeForbidden[e] && st.fits(e)) {
        st.add(e)
        repairEdges[n++] = e
      }
    }
    off += len
  }
  counter.steps += off + c.nSlots
  for (let s = 0; s < c.nSlots; s++) {
    if (st.slotEdge[s]! >= 0 || closed[s]) continue
    const be = bestFittingEdge(ctx, s)
    if (be >= 0) {
      st.add(be)
      repairEdges[n++] = be
    }
  }
  offer(ctx)
  while (n > 0) st.remove(c.edgeSlot[repairEdges[--n]!]!)
}

/** The allowed edge of slot `s` that fits the state with the largest soft delta (the first of ties), or −1. */
const bestFittingEdge = (ctx: Search, s: number): number => {
  const { c, st, counter } = ctx
  let be = -1
  let bd = -Infinity
  const lo = c.slotEdgeStart[s]!
  const hi = c.slotEdgeStart[s + 1]!
  counter.steps += hi - lo
  for (let j = lo; j < hi; j++) {
    const e = c.slotEdges[j]!
    if (c.edgeForbidden[e]) continue
    const d = st.evalAdd(e)
    if (d === NEG) continue
    if (d > bd) {
      bd = d
      be = e
    }
  }
  return be
}

// -------------------------------------------------------------------------------------
// the multipliers of each depth
// -------------------------------------------------------------------------------------

/**
 * Saves the multipliers at `depth` (before the node's children change them).
 *
 * @internal
 * @since 0.1.0
 */
export const saveMultipliers = (ctx: Search, depth: number): void => {
  const { c, xF, xS, saved } = ctx
  if (saved.length <= depth)
    saved.push({
      uF: new Float64Array(c.nSlots),
      uS: new Float64Array(c.nSlots),
      sigma: new Float64Array(c.groupCats.length),
      mu: new Float64Array(xS.mu.length),
      lambda: 0,
    })
  const b = saved[depth]!
  b.uF.set(xF.u)
  b.uS.set(xS.u)
  b.sigma.set(xS.sigma)
  b.mu.set(xS.mu)
  b.lambda = xS.lambda
}

/**
 * Restores the multipliers saved at `depth` (a sibling starts from its parent's).
 *
 * @internal
 * @since 0.1.0
 */
export const restoreMultipliers = (ctx: Search, depth: number): void => {
  const { xF, xS } = ctx
  const b = ctx.saved[depth]!
  xF.u.set(b.uF)
  xS.u.set(b.uS)
  xS.sigma.set(b.sigma)
  xS.mu.set(b.mu)
  xS.lambda = b.lambda
}
