/**
 * An independent reading of the scoring model's hard constraints and score, written directly
 * on the domain (no compiler, no model, no evaluator): the test suite's second opinion on every
 * plan the library produces. Hours compare with the documented tolerance of 1e-9 h.
 */
import type { ReasonCode, Score } from '../../src/staffing/Plan.js'
import type { Member, Request, Slot, ValidProblem } from '../../src/pipeline/Problem.js'

// -------------------------------------------------------------------------------------
// the rules, read directly on the domain
// -------------------------------------------------------------------------------------

export const own = (r: Readonly<Record<string, number>>, k: string): number =>
  Object.prototype.hasOwnProperty.call(r, k) ? (r[k] ?? 0) : 0

export interface Ctx {
  readonly p: ValidProblem
  readonly member: ReadonlyMap<string, Member>
  readonly slot: ReadonlyMap<string, { readonly slot: Slot; readonly request: Request }>
}

export const ctxOf = (p: ValidProblem): Ctx => {
  const slot = new Map<string, { slot: Slot; request: Request }>()
  for (const request of p.requests) for (const s of request.slots) slot.set(s.id, { slot: s, request })
  return { p, member: new Map(p.members.map((m) => [m.id as string, m])), slot }
}

/** The first of the six eligibility/capacity rules the member fails for the slot, or null. */
export const firstRule = (ctx: Ctx, m: Member, request: Request, slot: Slot): ReasonCode | null => {
  if (request.unit !== null && m.units !== null && !m.units.includes(request.unit)) return 'unit'
  const role = ctx.p.roles.find((r) => r.id === slot.role)
  if (role !== undefined && role.qualities.some((q) => own(m.qualities, q.quality) < q.min)) return 'quality'
  if (slot.discipline !== null && !m.disciplines.includes(slot.discipline)) return 'discipline'
  if (request.excluded.includes(m.id)) return 'excluded'
  if (m.available !== null && !m.available.some((w) => w.from <= request.period.from && request.period.to <= w.to))
    return 'availability'
  // hours compare with a tolerance of 1e-9 h: decimal hours are binary floats
  if (slot.hours > m.capacity - m.committed + 1e-9) return 'capacity'
  return null
}

export type Pairs = ReadonlyArray<readonly [string, string]>

/** Every hard constraint of §7 the assignments break, in words (empty when valid). */
export const directViolations = (ctx: Ctx, assignments: Pairs): Array<string> => {
  const out: Array<string> = []
  const seen = new Set<string>()
  const byMember = new Map<string, Array<{ slot: Slot; request: Request }>>()
  const teams = new Map<string, Set<string>>()
  for (const [s, m] of assignments) {
    const entry = ctx.slot.get(s)
    const member = ctx.member.get(m)
    if (entry === undefined || member === undefined) {
      out.push(`unknown ${s} ${m}`)
      continue
    }
    if (seen.has(s)) out.push(`slot ${s} twice`)
    seen.add(s)
    const rule = firstRule(ctx, member, entry.request, entry.slot)
    if (rule !== null && rule !== 'capacity') out.push(`${m} ineligible for ${s}: ${rule}`)
    byMember.set(m, [...(byMember.get(m) ?? []), entry])
    const team = teams.get(entry.request.id) ?? new Set<string>()
    team.add(m)
    teams.set(entry.request.id, team)
  }
  for (const [m, entries] of byMember) {
    const member = ctx.member.get(m)!
    for (const { request: at } of entries) {
      const t = at.period.from
      const load = entries.filter((e) => e.request.period.from <= t && t <= e.request.period.to).reduce((a, e) => a + e.slot.hours, 0)
      if (member.committed + load > member.capacity + 1e-9) out.push(`${m} over capacity on ${t}`)
    }
    const perRequest = new Map<string, number>()
    for (const e of entries) perRequest.set(e.request.id, (perRequest.get(e.request.id) ?? 0) + 1)
    for (const [r, n] of perRequest)
      if (n > ctx.p.policy.maxSlotsPerMemberPerRequest) out.push(`${m} holds ${n} slots of ${r}`)
  }
  const pairs = new Set(assignments.map(([s, m]) => `${s} ${m}`))
  for (const pin of ctx.p.pinned) if (!pairs.has(`${pin.slot} ${pin.member}`)) out.push(`pin ${pin.slot} missing`)
  for (const [a, b] of ctx.p.apart)
    for (const [r, team] of teams) if (team.has(a) && team.has(b)) out.push(`${a} and ${b} together on ${r}`)
  return out
}

/** §7's score of valid assignments, computed directly on the domain. */
export const directScore = (ctx: Ctx, assignments: Pairs): Score => {
  const { p } = ctx
  const w = p.policy.weights
  let filled = 0
  let fit = 0
  let preference = 0
  let learning = 0
  let continuity = 0
  const previous = new Set(p.previous.map((x) => `${x.slot} ${x.member}`))
  const teams = new Map<string, Set<string>>()
  const byMember = new Map<string, Array<{ slot: Slot; request: Request }>>()
  for (const [s, m] of assignments) {
    const { slot, request } = ctx.slot.get(s)!
    const member = ctx.member.get(m)!
    filled += request.priority
    const role = p.roles.find((r) => r.id === slot.role)!
    const W = role.qualities.reduce((a, q) => a + q.weight, 0)
    if (W > 0) {
      fit += role.qualities.reduce((a, q) => a + q.weight * own(member.qualities, q.quality), 0) / (5 * W)
      learning += role.qualities.filter((q) => member.goals.includes(q.quality)).reduce((a, q) => a + q.weight, 0) / W
    }
    preference += own(member.preferences, slot.role)
    if (previous.has(`${s} ${m}`)) continuity += 1
    const team = teams.get(request.id) ?? new Set<string>()
    team.add(m)
    teams.set(request.id, team)
    byMember.set(m, [...(byMember.get(m) ?? []), { slot, request }])
  }
  let diversity = 0
  let rotation = 0
  const since = p.policy.rotationSince
  const recent = new Set<string>()
  if (since !== null)
    for (const h of p.history)
      if (h.ended >= since)
        for (const a of h.members) for (const b of h.members) if (a < b) recent.add(`${a} ${b}`)
  for (const team of teams.values()) {
    const members = [...team].sort()
    diversity += new Set(members.map((m) => ctx.member.get(m)!.disciplines[0])).size
    for (const a of members) for (const b of members) if (a < b && recent.has(`${a} ${b}`)) rotation += 1
  }
  let balance = 0
  for (const [m, entries] of byMember) {
    const member = ctx.member.get(m)!
    let peak = 0
    for (const { request: at } of entries) {
      const t = at.period.from
      peak = Math.max(peak, entries.filter((e) => e.request.period.from <= t && t <= e.request.period.to).reduce((a, e) => a + e.slot.hours, 0))
    }
    const comfort = p.policy.comfort * member.capacity
    balance +=
      (Math.max(0, member.committed + peak - comfort) - Math.max(0, member.committed - comfort)) / member.capacity
  }
  const terms = {
    fit: w.fit * fit,
    preference: w.preference * preference,
    learning: w.learning * learning,
    continuity: w.continuity * continuity,
    diversity: w.diversity * diversity,
    rotation: since === null ? 0 : -w.rotation * rotation,
    balance: -w.balance * balance,
  }
  const soft = Object.values(terms).reduce((a, x) => a + x, 0)
  return { filled, soft, terms }
}

