/**
 * The exact MILP of DESIGN §7 for a staffing problem, written in CPLEX LP format for the
 * `highs` package (a dev dependency), solved lexicographically: first the most filled priority,
 * then the most soft score among plans that fill that much.
 *
 * It is an oracle, so it shares nothing with the library's solver or evaluator: eligibility,
 * hard-constraint checks and the §7 score are re-implemented here directly from the spec
 * ({@link eligibleDirect}, {@link hardViolations}, {@link scoreDirect}) and only the decoded
 * {@link Problem} type (the normalised §6 data) is shared.
 *
 * Model (x binary only for eligible pairs with `hours ≤ capacity − committed`):
 * - Σ_m x[m,s] ≤ 1 per slot; pins: x = 1;
 * - capacity: p[m] ∈ [0, capacity − committed], p[m] ≥ Σ hours·x over the slots active at t,
 *   at every request start date t inside one of the member's candidate periods (only where the
 *   active set is maximal);
 * - Σ_{s∈r} x[m,s] ≤ maxSlotsPerMemberPerRequest;
 * - z[m,r] ∈ [0,1] "m serves r": z ≥ x[m,s] for s ∈ r, z ≤ Σ_{s∈r} x[m,s] (z = x when m has a
 *   single candidate slot in r); apart: z[a,r] + z[b,r] ≤ 1;
 * - diversity: d[r,c] ∈ [0,1], d ≤ Σ_{m primary c} z[m,r], objective + W_div·d;
 * - rotation: y[a,b,r] ≥ z[a,r] + z[b,r] − 1, y ≥ 0, objective − W_rot·y;
 * - balance: o[m] ≥ committed + p[m] − comfort·capacity, o ≥ 0, objective − W_bal·o/capacity,
 *   plus the constant W_bal·max(0, committed − comfort·capacity)/capacity (p[m] is then the peak).
 */
import type { Highs } from 'highs'
import type { Member, Problem, Request, Role, Slot } from '../../src/pipeline/Problem.js'
import { dayOf, weightNames, type WeightName } from './generate.js'

// -------------------------------------------------------------------------------------
// direct §7 (independent of src/)
// -------------------------------------------------------------------------------------

/** A (member, slot) pair by id. */
export interface Pair {
  readonly member: string
  readonly slot: string
}

/** A §7 score with its seven weighted, signed terms. */
export interface DirectScore {
  readonly filled: number
  readonly soft: number
  readonly terms: Readonly<Record<WeightName, number>>
}

interface SlotRef {
  readonly request: Request
  readonly slot: Slot
}

interface Index {
  readonly members: ReadonlyMap<string, Member>
  readonly roles: ReadonlyMap<string, Role>
  readonly slots: ReadonlyMap<string, SlotRef>
  /** Global slot list, requests in order, slots in order. */
  readonly slotList: ReadonlyArray<SlotRef>
}

const indexCache = new WeakMap<Problem, Index>()
const indexOf = (p: Problem): Index => {
  const hit = indexCache.get(p)
  if (hit !== undefined) return hit
  const slotList: Array<SlotRef> = []
  for (const request of p.requests) for (const slot of request.slots) slotList.push({ request, slot })
  const ix: Index = {
    members: new Map(p.members.map((m) => [m.id as string, m])),
    roles: new Map(p.roles.map((r) => [r.id as string, r])),
    slots: new Map(slotList.map((s) => [s.slot.id as string, s])),
    slotList,
  }
  indexCache.set(p, ix)
  return ix
}

const levelOf = (m: Member, q: string): number =>
  Object.prototype.hasOwnProperty.call(m.qualities, q) ? m.qualities[q] ?? 0 : 0
const prefOf = (m: Member, role: string): number =>
  Object.prototype.hasOwnProperty.call(m.preferences, role) ? m.preferences[role] ?? 0 : 0

/** §7 rule 1: quality minimums, discipline, exclusion, unit and availability. */
export const eligibleDirect = (role: Role, m: Member, r: Request, s: Slot): boolean => {
  for (const q of role.qualities) if (levelOf(m, q.quality) < q.min) return false
  if (s.discipline !== null && !m.disciplines.includes(s.discipline)) return false
  if (r.excluded.includes(m.id)) return false
  if (r.unit !== null && m.units !== null && !m.units.includes(r.unit)) return false
  if (m.available !== null && !m.available.some((w) => w.from <= r.period.from && r.period.to <= w.to)) return false
  return true
}

/** The per-assignment part of the soft score, split into fit, preference, learning (weighted). */
const edgeTerms = (p: Problem, role: Role, m: Member): { fit: number; preference: number; learning: number } => {
  const w = p.policy.weights
  let sw = 0
  let fit = 0
  let learn = 0
  for (const q of role.qualities) {
    sw += q.weight
    fit += q.weight * levelOf(m, q.quality)
    if (m.goals.includes(q.quality)) learn += q.weight
  }
  return {
    fit: sw > 0 ? (w.fit * fit) / (5 * sw) : 0,
    preference: w.preference * prefOf(m, role.id),
    learning: sw > 0 ? (w.learning * learn) / sw : 0,
  }
}

/** Unordered member pairs (as `a\u0000b`, a < b) that served together recently (rotation). */
const recentPairs = (p: Problem): ReadonlySet<string> => {
  const out = new Set<string>()
  const since = p.policy.rotationSince
  if (since === null) return out
  for (const h of p.history) {
    if (h.ended < since) continue
    const ms = [...new Set(h.members)].sort()
    for (let i = 0; i < ms.length; i++)
      for (let j = i + 1; j < ms.length; j++) out.add(`${ms[i] as string}\u0000${ms[j] as string}`)
  }
  return out
}
const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)

/** Load per day (day number → hours) of a member's assignments. */
const dailyLoad = (slots: ReadonlyArray<SlotRef>): Map<number, number> => {
  const load = new Map<number, number>()
  for (const { request, slot } of slots) {
    const to = dayOf(request.period.to)
    for (let d = dayOf(request.period.from); d <= to; d++) load.set(d, (load.get(d) ?? 0) + slot.hours)
  }
  return load
}

const groupByMember = (p: Problem, plan: ReadonlyArray<Pair>): Map<string, Array<SlotRef>> => {
  const ix = indexOf(p)
  const by = new Map<string, Array<SlotRef>>()
  for (const a of plan) {
    const s = ix.slots.get(a.slot)
    if (s === undefined) continue
    let l = by.get(a.member)
    if (l === undefined) by.set(a.member, (l = []))
    l.push(s)
  }
  return by
}

/** Every hard constraint of §7 the plan breaks, as readable lines (empty: the plan is valid). */
export const hardViolations = (p: Problem, plan: ReadonlyArray<Pair>): ReadonlyArray<string> => {
  const ix = indexOf(p)
  const out: Array<string> = []
  const seen = new Set<string>()
  for (const a of plan) {
    const s = ix.slots.get(a.slot)
    const m = ix.members.get(a.member)
    if (s === undefined || m === undefined) {
      out.push(`unknown pair ${a.member} → ${a.slot}`)
      continue
    }
    if (seen.has(a.slot)) out.push(`slot ${a.slot} filled twice`)
    seen.add(a.slot)
    const role = ix.roles.get(s.slot.role)
    if (role === undefined || !eligibleDirect(role, m, s.request, s.slot))
      out.push(`${a.member} not eligible for ${a.slot}`)
  }
  const by = groupByMember(p, plan)
  for (const [mid, slots] of by) {
    const m = ix.members.get(mid)
    if (m === undefined) continue
    for (const [day, load] of dailyLoad(slots))
      if (m.committed + load > m.capacity + 1e-9) {
        out.push(`${mid} over capacity on day ${day}: ${m.committed} + ${load} > ${m.capacity}`)
        break
      }
    const perReq = new Map<string, number>()
    for (const s of slots) perReq.set(s.request.id, (perReq.get(s.request.id) ?? 0) + 1)
    for (const [rid, n] of perReq)
      if (n > p.policy.maxSlotsPerMemberPerRequest) out.push(`${mid} takes ${n} slots of ${rid}`)
  }
  const has = new Set(plan.map((a) => `${a.member}\u0000${a.slot}`))
  for (const pin of p.pinned)
    if (!has.has(`${pin.member}\u0000${pin.slot}`)) out.push(`pin ${pin.member} → ${pin.slot} missing`)
  const teams = new Map<string, Set<string>>()
  for (const [mid, slots] of by)
    for (const s of slots) {
      let t = teams.get(s.request.id)
      if (t === undefined) teams.set(s.request.id, (t = new Set()))
      t.add(mid)
    }
  for (const [a, b] of p.apart)
    for (const [rid, t] of teams) if (t.has(a) && t.has(b)) out.push(`apart ${a}, ${b} both serve ${rid}`)
  return out
}

/** The §7 score of a plan, computed directly from the spec (the plan is assumed valid). */
export const scoreDirect = (p: Problem, plan: ReadonlyArray<Pair>): DirectScore => {
  const ix = indexOf(p)
  const w = p.policy.weights
  const terms: Record<WeightName, number> = {
    fit: 0,
    preference: 0,
    learning: 0,
    continuity: 0,
    diversity: 0,
    rotation: 0,
    balance: 0,
  }
  let filled = 0
  const prev = new Set(p.previous.map((q) => `${q.member}\u0000${q.slot}`))
  const teams = new Map<string, Set<string>>()
  for (const a of plan) {
    const s = ix.slots.get(a.slot)
    const m = ix.members.get(a.member)
    const role = s === undefined ? undefined : ix.roles.get(s.slot.role)
    if (s === undefined || m === undefined || role === undefined) continue
    filled += s.request.priority
    const e = edgeTerms(p, role, m)
    terms.fit += e.fit
    terms.preference += e.preference
    terms.learning += e.learning
    if (prev.has(`${a.member}\u0000${a.slot}`)) terms.continuity += w.continuity
    let t = teams.get(s.request.id)
    if (t === undefined) teams.set(s.request.id, (t = new Set()))
    t.add(a.member)
  }
  const recent = recentPairs(p)
  for (const team of teams.values()) {
    const primaries = new Set<string>()
    for (const mid of team) {
      const m = ix.members.get(mid)
      if (m !== undefined) primaries.add(m.disciplines[0])
    }
    terms.diversity += w.diversity * primaries.size
    const ms = [...team]
    for (let i = 0; i < ms.length; i++)
      for (let j = i + 1; j < ms.length; j++)
        if (recent.has(pairKey(ms[i] as string, ms[j] as string))) terms.rotation -= w.rotation
  }
  for (const [mid, slots] of groupByMember(p, plan)) {
    const m = ix.members.get(mid)
    if (m === undefined) continue
    let peak = 0
    for (const load of dailyLoad(slots).values()) peak = Math.max(peak, load)
    const cc = p.policy.comfort * m.capacity
    const over = Math.max(0, m.committed + peak - cc) - Math.max(0, m.committed - cc)
    terms.balance -= (w.balance * over) / m.capacity
  }
  let soft = 0
  for (const k of weightNames) soft += terms[k]
  return { filled, soft, terms }
}

// -------------------------------------------------------------------------------------
// the MILP
// -------------------------------------------------------------------------------------

type Sense = '<=' | '>=' | '='

interface Row {
  readonly vars: ReadonlyArray<number>
  readonly coefs: ReadonlyArray<number>
  readonly sense: Sense
  readonly rhs: number
}

/** An x variable: member index (in `problem.members`) and global slot index. */
export interface XVar {
  readonly member: number
  readonly slot: number
  readonly var: number
}

/** The MILP of a problem, before rendering. */
export interface Milp {
  /** Number of variables; variable `i` is named `v${i}`. */
  readonly vars: number
  /** Binary variables (all others are continuous with bounds `[0, upper]`). */
  readonly binary: ReadonlyArray<boolean>
  /** Upper bounds of the continuous variables (`Infinity` for none). */
  readonly upper: ReadonlyArray<number>
  /** The assignment variables. */
  readonly xs: ReadonlyArray<XVar>
  /** The filled-priority objective (by variable). */
  readonly filledObjective: ReadonlyMap<number, number>
  /** The soft objective without its constant (by variable). */
  readonly softObjective: ReadonlyMap<number, number>
  /** The constant of the soft objective (balance's base-overload correction). */
  readonly softConstant: number
  /** Constraints. */
  readonly rows: ReadonlyArray<Row>
  /** Global slot list (requests in order, slots in order). */
  readonly slotIds: ReadonlyArray<string>
  /** False when a pin is not even eligible (the problem is invalid). */
  readonly pinsEligible: boolean
}

/** Builds the exact §7 MILP of a (decoded) problem. */
export const buildMilp = (p: Problem): Milp => {
  const ix = indexOf(p)
  const w = p.policy.weights
  const limit = p.policy.maxSlotsPerMemberPerRequest
  const binary: Array<boolean> = []
  const upper: Array<number> = []
  const rows: Array<Row> = []
  const filledObjective = new Map<number, number>()
  const softObjective = new Map<number, number>()
  let softConstant = 0
  const newVar = (bin: boolean, up: number): number => {
    binary.push(bin)
    upper.push(up)
    return binary.length - 1
  }
  const addObj = (obj: Map<number, number>, v: number, c: number): void => {
    if (c !== 0) obj.set(v, (obj.get(v) ?? 0) + c)
  }
  const row = (vars: ReadonlyArray<number>, coefs: ReadonlyArray<number>, sense: Sense, rhs: number): void => {
    rows.push({ vars, coefs, sense, rhs })
  }

  const memberIdx = new Map(p.members.map((m, i) => [m.id as string, i]))
  const slotIdx = new Map(ix.slotList.map((s, i) => [s.slot.id as string, i]))
  const prev = new Set(p.previous.map((q) => `${q.member}\u0000${q.slot}`))

  // x variables, per member and per (member, request)
  const xs: Array<XVar> = []
  const xOf = new Map<string, number>() // `${m}:${s}` → var
  const bySlot: Array<Array<number>> = ix.slotList.map(() => [])
  const byMember: Array<Array<{ slot: number; var: number }>> = p.members.map(() => [])
  ix.slotList.forEach(({ request, slot }, si) => {
    const role = ix.roles.get(slot.role)
    if (role === undefined) return
    p.members.forEach((m, mi) => {
      if (slot.hours > m.capacity - m.committed) return
      if (!eligibleDirect(role, m, request, slot)) return
      const v = newVar(true, 1)
      xs.push({ member: mi, slot: si, var: v })
      xOf.set(`${mi}:${si}`, v)
      ;(bySlot[si] as Array<number>).push(v)
      ;(byMember[mi] as Array<{ slot: number; var: number }>).push({
        slot: si,
        var: v,
      })
      addObj(filledObjective, v, request.priority)
      const e = edgeTerms(p, role, m)
      const cont = prev.has(`${m.id}\u0000${slot.id}`) ? w.continuity : 0
      addObj(softObjective, v, e.fit + e.preference + e.learning + cont)
    })
  })

  // one member per slot
  for (const vs of bySlot)
    if (vs.length > 1)
      row(
        vs,
        vs.map(() => 1),
        '<=',
        1,
      )

  // pins
  let pinsEligible = true
  for (const pin of p.pinned) {
    const mi = memberIdx.get(pin.member)
    const si = slotIdx.get(pin.slot)
    const v = mi === undefined || si === undefined ? undefined : xOf.get(`${mi}:${si}`)
    if (v === undefined) pinsEligible = false
    else row([v], [1], '=', 1)
  }

  // capacity and balance: the load at the request start dates inside the member's candidate
  // periods — only where the active set is maximal (a start date whose active slots all last
  // until the next start date is dominated by that next one). p[m] ∈ [0, capacity − committed]
  // is at least every such load (so capacity holds), o[m] ≥ committed + p[m] − comfort·capacity.
  p.members.forEach((m, mi) => {
    const cand = byMember[mi] as Array<{ slot: number; var: number }>
    if (cand.length === 0) return
    const refs = cand.map((c) => {
      const ref = ix.slotList[c.slot] as SlotRef
      return {
        var: c.var,
        hours: ref.slot.hours,
        from: ref.request.period.from as string,
        to: ref.request.period.to as string,
      }
    })
    const starts = [...new Set(refs.map((r) => r.from))].sort()
    // the maximal active sets sit at the last start date on or before some slot's end
    const kept = new Set<string>()
    for (const r of refs) {
      let lo = 0
      let hi = starts.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if ((starts[mid] as string) <= r.to) lo = mid
        else hi = mid - 1
      }
      kept.add(starts[lo] as string)
    }
    const sets = [...kept].sort().map((t) => refs.filter((r) => r.from <= t && t <= r.to))
    const free = m.capacity - m.committed
    const cc = p.policy.comfort * m.capacity
    const most = Math.max(...sets.map((act) => act.reduce((acc, r) => acc + r.hours, 0)))
    const needCap = most > free
    const balanceOn = w.balance > 0 && m.committed + Math.min(most, free) > cc
    if (!needCap && !balanceOn) return
    const peak = newVar(false, free)
    for (const act of sets) row([peak, ...act.map((r) => r.var)], [1, ...act.map((r) => -r.hours)], '>=', 0)
    if (balanceOn) {
      const o = newVar(false, Infinity)
      addObj(softObjective, o, -w.balance / m.capacity)
      softConstant += (w.balance * Math.max(0, m.committed - cc)) / m.capacity
      row([o, peak], [1, -1], '>=', m.committed - cc)
    }
  })

  // per member and request: the limit, and z (serves-in-request) where needed
  const rotation = recentPairs(p)
  const needZ = p.apart.length > 0 || w.diversity > 0 || (w.rotation > 0 && rotation.size > 0)
  const zOf = new Map<string, number>() // `${mi}:${ri}` → var
  const reqOfSlot = new Map<Request, number>(p.requests.map((r, i) => [r, i]))
  p.members.forEach((_, mi) => {
    const perReq = new Map<number, Array<number>>()
    for (const c of byMember[mi] as Array<{ slot: number; var: number }>) {
      const ri = reqOfSlot.get((ix.slotList[c.slot] as SlotRef).request) as number
      let l = perReq.get(ri)
      if (l === undefined) perReq.set(ri, (l = []))
      l.push(c.var)
    }
    for (const [ri, vs] of perReq) {
      if (vs.length > limit)
        row(
          vs,
          vs.map(() => 1),
          '<=',
          limit,
        )
      if (!needZ) continue
      if (vs.length === 1) zOf.set(`${mi}:${ri}`, vs[0] as number)
      else {
        const z = newVar(false, 1)
        zOf.set(`${mi}:${ri}`, z)
        for (const v of vs) row([z, v], [1, -1], '>=', 0)
        row([z, ...vs], [1, ...vs.map(() => -1)], '<=', 0)
      }
    }
  })

  // apart
  for (const [a, b] of p.apart) {
    const ai = memberIdx.get(a)
    const bi = memberIdx.get(b)
    if (ai === undefined || bi === undefined) continue
    p.requests.forEach((_, ri) => {
      const za = zOf.get(`${ai}:${ri}`)
      const zb = zOf.get(`${bi}:${ri}`)
      if (za !== undefined && zb !== undefined) row([za, zb], [1, 1], '<=', 1)
    })
  }

  // diversity
  if (w.diversity > 0)
    p.requests.forEach((_, ri) => {
      const byPrimary = new Map<string, Array<number>>()
      p.members.forEach((m, mi) => {
        const z = zOf.get(`${mi}:${ri}`)
        if (z === undefined) return
        const c = m.disciplines[0]
        let l = byPrimary.get(c)
        if (l === undefined) byPrimary.set(c, (l = []))
        l.push(z)
      })
      for (const zs of byPrimary.values()) {
        const d = newVar(false, 1)
        addObj(softObjective, d, w.diversity)
        row([d, ...zs], [1, ...zs.map(() => -1)], '<=', 0)
      }
    })

  // rotation
  if (w.rotation > 0 && rotation.size > 0)
    for (const key of rotation) {
      const [a, b] = key.split('\u0000') as [string, string]
      const ai = memberIdx.get(a)
      const bi = memberIdx.get(b)
      if (ai === undefined || bi === undefined) continue
      p.requests.forEach((_, ri) => {
        const za = zOf.get(`${ai}:${ri}`)
        const zb = zOf.get(`${bi}:${ri}`)
        if (za === undefined || zb === undefined) return
        const y = newVar(false, Infinity)
        addObj(softObjective, y, -w.rotation)
        row([y, za, zb], [1, -1, -1], '>=', -1)
      })
    }

  return {
    vars: binary.length,
    binary,
    upper,
    xs,
    filledObjective,
    softObjective,
    softConstant,
    rows,
    slotIds: ix.slotList.map((s) => s.slot.id),
    pinsEligible,
  }
}

// -------------------------------------------------------------------------------------
// LP text
// -------------------------------------------------------------------------------------

/** A number in plain decimal notation (never exponent form), exact for integers. */
export const lpNumber = (v: number): string => {
  if (!Number.isFinite(v)) throw new Error(`non-finite coefficient ${v}`)
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v)
  const s = v.toFixed(12)
  const t = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s
  return t === '-0' ? '0' : t
}

const linear = (vars: ReadonlyArray<number>, coefs: ReadonlyArray<number>): string => {
  const parts: Array<string> = []
  for (let i = 0; i < vars.length; i++) {
    const c = coefs[i] as number
    if (c === 0) continue
    const sign = c < 0 ? '-' : '+'
    const a = Math.abs(c)
    parts.push(`${sign} ${a === 1 ? '' : `${lpNumber(a)} `}v${vars[i] as number}`)
    if (parts.length % 8 === 0) parts.push('\n ')
  }
  return parts.join(' ')
}

/**
 * The LP text of one stage: `'filled'` maximises the filled priority; `'soft'` maximises the
 * soft objective subject to filled ≥ `minFilled`.
 */
export const renderLp = (milp: Milp, stage: 'filled' | 'soft', minFilled = 0): string => {
  const obj = stage === 'filled' ? milp.filledObjective : milp.softObjective
  const ov = [...obj.keys()].filter((v) => obj.get(v) !== 0)
  const out: Array<string> = [
    'Maximize',
    ` obj: ${
      ov.length === 0
        ? '0 v0'
        : linear(
            ov,
            ov.map((v) => obj.get(v) as number),
          )
    }`,
  ]
  out.push('Subject To')
  milp.rows.forEach((r, i) => {
    const body = linear(r.vars, r.coefs)
    if (body.trim() === '') return
    out.push(` c${i}: ${body} ${r.sense} ${lpNumber(r.rhs)}`)
  })
  if (stage === 'soft' && minFilled > 0) {
    const fv = [...milp.filledObjective.keys()]
    // filled is an integer: ≥ minFilled − 0.5 is ≥ minFilled, with no tolerance trap
    out.push(
      ` cfill: ${linear(
        fv,
        fv.map((v) => milp.filledObjective.get(v) as number),
      )} >= ${lpNumber(minFilled - 0.5)}`,
    )
  }
  out.push('Bounds')
  for (let v = 0; v < milp.vars; v++) {
    if (milp.binary[v] === true) continue
    const up = milp.upper[v] as number
    out.push(up === Infinity ? ` v${v} >= 0` : ` 0 <= v${v} <= ${lpNumber(up)}`)
  }
  const bins: Array<string> = []
  for (let v = 0; v < milp.vars; v++) if (milp.binary[v] === true) bins.push(`v${v}`)
  if (bins.length > 0) {
    out.push('Binaries')
    for (let i = 0; i < bins.length; i += 16) out.push(` ${bins.slice(i, i + 16).join(' ')}`)
  }
  out.push('End')
  return out.join('\n') + '\n'
}

// -------------------------------------------------------------------------------------
// solving
// -------------------------------------------------------------------------------------

/** The result of the lexicographic solve. */
export interface MilpResult {
  /** 'Optimal' when both stages were proven optimal; otherwise the first non-optimal HiGHS status. */
  readonly status: string
  /** The direct §7 score of the plan found. */
  readonly filled: number
  readonly soft: number
  readonly terms: Readonly<Record<WeightName, number>>
  /** The plan found (sorted by slot id). */
  readonly assignments: ReadonlyArray<Pair>
  /** HiGHS's own objective values (soft including the constant), for cross-checking the model. */
  readonly objective: { readonly filled: number; readonly soft: number }
  /** Model size. */
  readonly columns: number
  readonly rows: number
}

/** Options of {@link solveMilp}. */
export interface MilpOptions {
  /** Seconds per stage (default: none). */
  readonly timeLimit?: number
}

const planOf = (p: Problem, milp: Milp, value: (v: number) => number): Array<Pair> => {
  const out: Array<Pair> = []
  for (const x of milp.xs)
    if (value(x.var) > 0.5)
      out.push({
        member: (p.members[x.member] as Member).id,
        slot: milp.slotIds[x.slot] as string,
      })
  return out.sort((a, b) => (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0))
}

type LegacySolution = ReturnType<Highs['solve']>

const legacySolve = (highs: Highs, lp: string, o: MilpOptions): LegacySolution =>
  highs.solve(lp, {
    mip_rel_gap: 0,
    mip_abs_gap: 1e-9,
    output_flag: false,
    ...(o.timeLimit === undefined ? {} : { time_limit: o.timeLimit }),
  })

const columnValue = (sol: LegacySolution, v: number): number => {
  const c = sol.Columns[`v${v}`] as { Primal?: number } | undefined
  return c?.Primal ?? 0
}

const hasSolution = (s: string): boolean =>
  s === 'Optimal' || s === 'Time limit reached' || s === 'Iteration limit reached' || s === 'Interrupted by user'

/**
 * Solves the problem's §7 MILP lexicographically with HiGHS (legacy one-shot API): stage 1
 * maximises filled priority, stage 2 maximises soft with filled ≥ stage 1's optimum. The plan is
 * re-scored directly ({@link scoreDirect}).
 */
export const solveMilp = (highs: Highs, p: Problem, options: MilpOptions = {}): MilpResult => {
  const milp = buildMilp(p)
  const size = { columns: milp.vars, rows: milp.rows.length }
  if (!milp.pinsEligible) throw new Error('a pin is not eligible: the problem is invalid')
  if (milp.xs.length === 0) {
    const s = scoreDirect(p, [])
    return {
      status: 'Optimal',
      ...s,
      assignments: [],
      objective: { filled: 0, soft: milp.softConstant },
      ...size,
    }
  }
  const s1 = legacySolve(highs, renderLp(milp, 'filled'), options)
  if (!hasSolution(s1.Status)) throw new Error(`HiGHS stage 1: ${s1.Status}`)
  const plan1 = planOf(p, milp, (v) => columnValue(s1, v))
  const filled = scoreDirect(p, plan1).filled
  const s2 = legacySolve(highs, renderLp(milp, 'soft', filled), options)
  if (!hasSolution(s2.Status)) throw new Error(`HiGHS stage 2: ${s2.Status}`)
  const plan = planOf(p, milp, (v) => columnValue(s2, v))
  const score = scoreDirect(p, plan)
  return {
    status: s1.Status !== 'Optimal' ? s1.Status : s2.Status,
    ...score,
    assignments: plan,
    objective: {
      filled: s1.ObjectiveValue,
      soft: s2.ObjectiveValue + milp.softConstant,
    },
    ...size,
  }
}

/** Loads the HiGHS WASM module (once per call; keep the instance). */
export const loadHighs = async (): Promise<Highs> => {
  // the package ships one .d.ts for its ESM and CJS builds; under NodeNext the types see the
  // CJS shape (`default.default`), while Node's ESM loader gives the function as `default`
  type Loader = () => Promise<Highs>
  const mod = (await import('highs')) as unknown as {
    default: Loader | { default: Loader }
  }
  const load = typeof mod.default === 'function' ? mod.default : mod.default.default
  return load()
}

// -------------------------------------------------------------------------------------
// bench
// -------------------------------------------------------------------------------------


const statusName = (highs: Highs, code: number): string => {
  for (const [k, v] of Object.entries(highs.constants.modelStatus)) if (v === code) return k
  return String(code)
}

/** One HiGHS stage: model status name, column values by variable number (null without a primal solution), objective, dual bound. */
export interface Stage {
  readonly status: string
  readonly values: Float64Array | null
  readonly objective: number | null
  readonly dualBound: number | null
}

/**
 * Solves one LP text with HiGHS's persistent API (for its dual bound), time-limited to
 * `seconds`, gap 0. Throws what HiGHS throws (a WASM abort, say): callers decide what that means.
 */
export const highsStage = (highs: Highs, lp: string, seconds: number): Stage =>
  highs.withModel({ format: 'lp', data: lp }, (model) => {
    model.options.set({
      mip_rel_gap: 0,
      output_flag: false,
      time_limit: seconds,
    })
    model.run()
    const code = model.getModelStatus()
    const status = statusName(highs, code)
    const sol = model.getSolution()
    const n = model.getDimensions().numCols
    const values = new Float64Array(n)
    let ok = sol.colValue.length === n
    // the LP reader numbers columns by first appearance: map back by name
    if (ok)
      for (let i = 0; i < n; i++) {
        const name = model.getColName(i)
        const v = Number(name.slice(1))
        if (name[0] !== 'v' || !Number.isInteger(v)) ok = false
        else values[v] = sol.colValue[i] as number
      }
    const num = (name: string): number | null => {
      try {
        const x = Number(model.info.get(name))
        return Number.isFinite(x) ? x : null
      } catch {
        return null
      }
    }
    const hasPrimal = num('primal_solution_status') === 2
    return {
      status,
      values: ok && hasPrimal ? values : null,
      objective: hasPrimal ? model.getObjectiveValue() : null,
      dualBound: num('mip_dual_bound'),
    }
  })

