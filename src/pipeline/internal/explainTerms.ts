/**
 * What each assignment of a plan contributes to the score, read from the rulebook's state: its
 * own edge terms (fit, preference, learning, continuity); an equal share of its request's
 * diversity term (the change in the state's category term when the request's team is emptied);
 * for each recent pair on the request, half the pair's penalty to each member, a member's half
 * split equally over its slots there (the state's `pairsIn`); and the member's balance penalty
 * (the state's `overloadAt` at its peak) split over its assignments in proportion to hours.
 * The shares add up to the plan's terms, term by term.
 *
 * @internal
 * @since 0.1.0
 */
import type { Load } from './explainModel.js'
import type { IsoDate } from '../../kernel/IsoDate.js'
import type { Member } from '../Problem.js'
import { termNames, type Terms } from '../../staffing/Plan.js'
import { chosenOf, type Ctx } from './explainState.js'

/** The seven terms in the plan's order. @internal */
export const termOrder: ReadonlyArray<keyof Terms> = termNames

const asTerms = (r: Readonly<Record<string, number>>): Terms => ({
  fit: (r['fit'] ?? 0) + 0,
  preference: (r['preference'] ?? 0) + 0,
  learning: (r['learning'] ?? 0) + 0,
  continuity: (r['continuity'] ?? 0) + 0,
  diversity: (r['diversity'] ?? 0) + 0,
  rotation: (r['rotation'] ?? 0) + 0,
  balance: (r['balance'] ?? 0) + 0,
})

/**
 * The contribution of every filled slot, by slot index (the state is left as it was).
 *
 * @internal
 */
export const contributions = (ctx: Ctx): ReadonlyMap<number, Terms> => {
  const { c, st, trial } = ctx
  const names = ctx.compiled.model.termNames
  const acc = new Map<number, Record<string, number>>()
  const put = (s: number, name: string, v: number): void => {
    const r = acc.get(s) ?? (Object.create(null) as Record<string, number>)
    r[name] = (r[name] ?? 0) + v
    acc.set(s, r)
  }
  // edge terms, by slot
  for (let s = 0; s < c.nSlots; s++) {
    const e = st.slotEdge[s]!
    if (e < 0) continue
    for (let k = 0; k < c.nTerms; k++) put(s, names.edge[k] ?? `term${k}`, c.edgeTerms[e * c.nTerms + k]!)
  }
  // per request: the category term its team earns, split equally; each member's half of its pairs
  for (let g = 0; g < c.nGroups; g++) {
    const filled: Array<number> = []
    for (let k = c.groupSlotStart[g]!; k < c.groupSlotStart[g + 1]!; k++) {
      const s = c.groupSlots[k]!
      if (st.slotEdge[s]! >= 0) filled.push(s)
    }
    if (filled.length === 0) continue
    trial.begin()
    const before = st.category
    for (const s of filled) trial.remove(s)
    const category = before - st.category
    trial.undo()
    const perMember = new Map<number, number>()
    for (const s of filled) {
      put(s, names.category, category / filled.length)
      const m = c.edgeMember[st.slotEdge[s]!]!
      perMember.set(m, (perMember.get(m) ?? 0) + 1)
    }
    for (const s of filled) {
      const m = c.edgeMember[st.slotEdge[s]!]!
      put(s, names.pair, (-0.5 * st.pairsIn(m, g)) / (perMember.get(m) as number))
    }
  }
  // per member: its overload penalty, in proportion to hours
  for (let m = 0; m < c.nMembers; m++) {
    const own = chosenOf(ctx, m)
    if (own.length === 0) continue
    const penalty = -st.overloadAt(m, st.peak[m]!)
    let hours = 0
    for (const e of own) hours += c.edgeHours[e]!
    for (const e of own) put(c.edgeSlot[e]!, names.overload, (penalty * c.edgeHours[e]!) / hours)
  }
  const out = new Map<number, Terms>()
  for (const [s, r] of acc) out.set(s, asTerms(r))
  return out
}

/** The (filled, soft) change of emptying slot `s` (filled). @internal */
export const marginalOf = (ctx: Ctx, s: number): { readonly filled: number; readonly soft: number } => {
  const { st, trial } = ctx
  trial.begin()
  trial.remove(s)
  const out = { filled: st.filled - ctx.filled, soft: st.soft - ctx.soft }
  trial.undo()
  return out
}

/** Why slot `s`'s assignment could not be otherwise: pinned, the only candidate, or neither. @internal */
export const forcedOf = (ctx: Ctx, s: number): 'pin' | 'only-candidate' | null => {
  const { c, st } = ctx
  const e = st.slotEdge[s]!
  if (e >= 0 && c.edgeForced[e]) return 'pin'
  return c.slotEdgeStart[s + 1]! - c.slotEdgeStart[s]! === 1 ? 'only-candidate' : null
}

/** Member `m`'s load over time in the plan. @internal */
export const loadOf = (ctx: Ctx, m: number): Load => {
  const { c, st } = ctx
  const member = ctx.problem.members[m] as Member
  const points: Array<{ readonly date: IsoDate; readonly hours: number }> = []
  let peak = 0
  for (let p = c.memberPointStart[m]!; p < c.memberPointStart[m + 1]!; p++) {
    const h = st.load[p]!
    if (h > peak) peak = h
    if (h > 0) points.push({ date: ctx.compiled.timePoints[c.memberPoints[p]!] as IsoDate, hours: h })
  }
  return {
    member: member.id,
    committed: member.committed,
    capacity: member.capacity,
    comfort: ctx.problem.policy.comfort * member.capacity,
    peak,
    points,
  }
}
