/**
 * The state of a plan on the compiled model — which slots are filled, each member's chosen
 * edges, each group's team — and what blocks one more edge: the member's load over time, the
 * per-request limit or an `apart` partner (the `taken` reasons of §8), or nothing (`free`).
 * Also the completion pass that makes a plan maximal.
 *
 * @internal
 * @since 0.1.0
 */
import type { Compiled } from '../Compile.js'
import type { ModelEdge, ModelSlot } from '../Model.js'
import { withinCapacity } from './compact.js'

/** @internal */
export const DETAIL_BUSY = 'busy with other assignments'
/** @internal */
export const DETAIL_LIMIT = 'per-request limit reached'
/** @internal */
export const DETAIL_APART = 'apart from a team member'
/** @internal */
export const DETAIL_FREE = 'eligible and free'

/**
 * Completes a valid set of edges to a maximal one: every slot left open that some member could
 * still fill without breaking a hard constraint gets the best such member (largest edge value,
 * then lowest member index), in slot order. Filling a slot raises `filled`, so the result
 * scores better than the input; when nothing can be added it is the input unchanged.
 *
 * @internal
 */
export const complete = (compiled: Compiled, chosen: ReadonlyArray<number>): { edges: Array<number>; added: number } => {
  const model = compiled.model
  const state = new PlanState(compiled, chosen)
  const edges = [...chosen]
  let added = 0
  for (let s = 0; s < model.slots.length; s++) {
    if (state.filled[s] === 1) continue
    let best = -1
    let bestValue = -Infinity
    for (let e = compiled.edgeStart[s] ?? 0; e < (compiled.edgeStart[s + 1] ?? 0); e++) {
      if (state.blocker(e) !== null) continue
      const value = (model.edges[e] as ModelEdge).terms.reduce((acc, t) => acc + t, 0)
      if (value > bestValue) {
        best = e
        bestValue = value
      }
    }
    if (best >= 0) {
      state.add(best)
      edges.push(best)
      added++
    }
  }
  edges.sort((a, b) => a - b)
  return { edges, added }
}

/**
 * The loads, teams and filled slots of a set of edges, and what blocks one more edge.
 *
 * @internal
 */
export class PlanState {
  readonly filled: Uint8Array
  private readonly memberEdges = new Map<number, Array<number>>()
  private readonly groupMembers = new Map<number, Map<number, number>>()
  private readonly partners = new Map<number, Array<number>>()

  constructor(
    private readonly compiled: Compiled,
    edges: ReadonlyArray<number>,
  ) {
    const model = compiled.model
    this.filled = new Uint8Array(model.slots.length)
    for (const [a, b] of model.conflicts) {
      this.partners.set(a, [...(this.partners.get(a) ?? []), b])
      this.partners.set(b, [...(this.partners.get(b) ?? []), a])
    }
    for (const e of edges) this.add(e)
  }

  add(e: number): void {
    const model = this.compiled.model
    const edge = model.edges[e] as ModelEdge
    this.filled[edge.slot] = 1
    const mine = this.memberEdges.get(edge.member)
    if (mine === undefined) this.memberEdges.set(edge.member, [e])
    else mine.push(e)
    const g = (model.slots[edge.slot] as ModelSlot).group
    let team = this.groupMembers.get(g)
    if (team === undefined) {
      team = new Map()
      this.groupMembers.set(g, team)
    }
    team.set(edge.member, (team.get(edge.member) ?? 0) + 1)
  }

  /** What keeps edge `e` (on an open slot) out of the plan, or null when nothing does. */
  blocker(e: number): string | null {
    const model = this.compiled.model
    const edge = model.edges[e] as ModelEdge
    const slot = model.slots[edge.slot] as ModelSlot
    const m = edge.member
    if (this.busy(m, slot.from, slot.to, edge.hours)) return DETAIL_BUSY
    const team = this.groupMembers.get(slot.group)
    if ((team?.get(m) ?? 0) >= (model.groups[slot.group]?.limit ?? 1)) return DETAIL_LIMIT
    if (team !== undefined && (this.partners.get(m) ?? []).some((p) => team.has(p))) return DETAIL_APART
    return null
  }

  /** Whether the member's load leaves no room for `hours` more on time points `[from, to]`. */
  private busy(member: number, from: number, to: number, hours: number): boolean {
    const model = this.compiled.model
    const capacity = model.members[member]?.capacity ?? 0
    const mine = this.memberEdges.get(member)
    if (mine === undefined) return !withinCapacity(hours, capacity)
    // The load on [from, to] peaks at `from` or where one of the member's slots starts.
    const points = [from]
    for (const e of mine) {
      const s = model.slots[(model.edges[e] as ModelEdge).slot] as ModelSlot
      if (from < s.from && s.from <= to) points.push(s.from)
    }
    for (const t of points) {
      let load = 0
      for (const e of mine) {
        const edge = model.edges[e] as ModelEdge
        const s = model.slots[edge.slot] as ModelSlot
        if (s.from <= t && t <= s.to) load += edge.hours
      }
      if (!withinCapacity(load + hours, capacity)) return true
    }
    return false
  }
}

