/**
 * A seeded generator of valid DESIGN §6 staffing problems (plain JSON), with every feature of
 * the format: roles with quality requirements, members with disciplines, qualities, capacity,
 * committed hours, units, availability windows, preferences and goals, requests with priority,
 * unit, period, exclusions and slots (some with a discipline), history (recent teams drawn from
 * the same unit so that rotation bites), pins that alone satisfy every hard constraint of §7,
 * a previous plan, `apart` pairs and a policy.
 *
 * Deterministic (own PRNG, never `Math.random`), linear in time and memory, and fast enough for
 * a national pool: `preset('XL', seed)` (100,000 members, ~80,000 slots, 40 units) takes a few
 * seconds.
 */
import { prng, type Prng } from './prng.js'

// -------------------------------------------------------------------------------------
// JSON types (§6, as sent by an app: optional fields may be absent)
// -------------------------------------------------------------------------------------

/** A role quality requirement. */
export interface RoleQualityJson {
  quality: string
  min?: number
  weight?: number
}

/** A role. */
export interface RoleJson {
  id: string
  name: string
  qualities: Array<RoleQualityJson>
}

/** An inclusive date period. */
export interface PeriodJson {
  from: string
  to: string
}

/** A pool member. */
export interface MemberJson {
  id: string
  name: string
  disciplines: Array<string>
  qualities: Record<string, number>
  capacity: number
  committed?: number
  units?: Array<string>
  available?: Array<PeriodJson>
  preferences?: Record<string, number>
  goals?: Array<string>
}

/** A role slot. */
export interface SlotJson {
  id: string
  role: string
  hours: number
  discipline?: string
}

/** A request. */
export interface RequestJson {
  id: string
  title: string
  priority?: number
  unit?: string
  period: PeriodJson
  excluded?: Array<string>
  slots: Array<SlotJson>
}

/** A history entry. */
export interface HistoryJson {
  request: string
  members: Array<string>
  ended: string
}

/** A (member, slot) pair. */
export interface SlotMemberJson {
  member: string
  slot: string
}

/** The names of the seven weights. */
export type WeightName = 'fit' | 'preference' | 'learning' | 'continuity' | 'diversity' | 'rotation' | 'balance'

/** All weight names, in §7 order. */
export const weightNames: ReadonlyArray<WeightName> = [
  'fit',
  'preference',
  'learning',
  'continuity',
  'diversity',
  'rotation',
  'balance',
]

/** The policy (every field optional). */
export interface PolicyJson {
  weights?: Partial<Record<WeightName, number>>
  comfort?: number
  maxSlotsPerMemberPerRequest?: number
  rotationSince?: string
}

/** A whole §6 problem. */
export interface ProblemJson {
  roles: Array<RoleJson>
  members: Array<MemberJson>
  requests: Array<RequestJson>
  history: Array<HistoryJson>
  pinned: Array<SlotMemberJson>
  previous: Array<SlotMemberJson>
  apart: Array<[string, string]>
  policy?: PolicyJson
}

// -------------------------------------------------------------------------------------
// parameters
// -------------------------------------------------------------------------------------

/** Feature toggles (all on by default). */
export interface Features {
  /** Some members have availability windows (a few `[]`). */
  readonly availability: boolean
  /** Members have role preferences. */
  readonly preferences: boolean
  /** Members have development goals. */
  readonly goals: boolean
  /** History entries (recent teams). */
  readonly history: boolean
  /** Pinned pairs. */
  readonly pins: boolean
  /** A previous plan. */
  readonly previous: boolean
  /** `apart` pairs. */
  readonly apart: boolean
  /** Requests exclude some members. */
  readonly excluded: boolean
  /** A random policy (weights, comfort, per-request limit) instead of mostly defaults. */
  readonly randomPolicy: boolean
  /** A `rotationSince` date (otherwise there is no rotation term). */
  readonly rotation: boolean
  /** Omit optional fields now and then so that decoders apply their defaults. */
  readonly omitDefaults: boolean
}

/** Parameters of {@link generateProblem}. */
export interface GenerateParams {
  /** Seed of the PRNG. */
  readonly seed: number
  /** Number of members. */
  readonly members: number
  /** Number of requests. */
  readonly requests: number
  /** Slots per request, inclusive range (default [1, 4]). */
  readonly slotsPerRequest?: readonly [number, number]
  /** Number of units/regions; 0 (default) = no units at all. */
  readonly units?: number
  /** Share of members without `units` (serve everywhere) and of requests without a unit when units > 0 (default 0.1; keep 0 at scale). */
  readonly unitlessShare?: number
  /** How many units a member serves, inclusive range (default [1, 2]). */
  readonly unitsPerMember?: readonly [number, number]
  /** Share of non-`content` slots that also ask for a discipline (default 0.12; `content` slots always do). */
  readonly disciplineShare?: number
  /** Added to every role quality minimum (clamped to 5; default 0): larger makes eligibility sparser. */
  readonly minShift?: number
  /** Number of disciplines (default 6, at most 10). */
  readonly disciplines?: number
  /** Number of qualities used by roles (default 6, at most 8). */
  readonly qualities?: number
  /** Number of roles (default 5, at most 7). */
  readonly roles?: number
  /** Expected share of slots pinned (default 0.05). */
  readonly pinShare?: number
  /** Multiplies slot hours (default 1); larger makes capacity bind more often. */
  readonly tightness?: number
  /** Feature toggles (all on by default). */
  readonly features?: Partial<Features>
}

const allFeatures: Features = {
  availability: true,
  preferences: true,
  goals: true,
  history: true,
  pins: true,
  previous: true,
  apart: true,
  excluded: true,
  randomPolicy: true,
  rotation: true,
  omitDefaults: true,
}

// -------------------------------------------------------------------------------------
// vocabulary
// -------------------------------------------------------------------------------------

const qualityNames = [
  'leadership',
  'financial-acumen',
  'political-sensitivity',
  'expertise',
  'networking',
  'communication',
  'analysis',
  'negotiation',
] as const
/** A quality members may have but no role uses. */
const unusedQuality = 'curiosity'
const disciplineNames = [
  'finance',
  'law',
  'policy',
  'it',
  'social',
  'environment',
  'economics',
  'communication',
  'health',
  'mobility',
] as const
const roleNames = ['direction', 'budget', 'politics', 'content', 'network', 'analysis', 'support'] as const
const hourChoices = [2, 4, 6, 8, 8, 12, 16] as const
const capacityChoices = [8, 12, 16, 20, 24, 32, 36, 40] as const
const weightChoices = [0, 0.5, 1, 2, 3, 5, 10] as const
const comfortChoices = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 1] as const

// -------------------------------------------------------------------------------------
// dates (day numbers since 1970-01-01, UTC)
// -------------------------------------------------------------------------------------

const DAY_MS = 86_400_000
/** Day number of an ISO date. */
export const dayOf = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS
/** ISO date of a day number. */
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)

const Y2027 = dayOf('2027-01-01')
const isoCache = new Map<number, string>()
const iso = (day: number): string => {
  let s = isoCache.get(day)
  if (s === undefined) {
    s = isoOf(day)
    isoCache.set(day, s)
  }
  return s
}

// -------------------------------------------------------------------------------------
// generator
// -------------------------------------------------------------------------------------

interface Internal {
  readonly m: MemberJson
  readonly free: number
  readonly windows: ReadonlyArray<readonly [number, number]> | null
  readonly units: ReadonlySet<string> | null
}

interface ReqInternal {
  readonly r: RequestJson
  readonly from: number
  readonly to: number
  readonly excluded: ReadonlySet<string>
}

/**
 * A valid §6 problem for the given size and seed. Same parameters ⇒ same JSON (deep-equal).
 */
export const generateProblem = (params: GenerateParams): ProblemJson => {
  const rng = prng(params.seed)
  const f: Features = { ...allFeatures, ...params.features }
  const [minSlots, maxSlots] = params.slotsPerRequest ?? [1, 4]
  const nUnits = params.units ?? 0
  const unitless = nUnits > 0 ? params.unitlessShare ?? 0.1 : 1
  const nDisc = Math.max(1, Math.min(disciplineNames.length, params.disciplines ?? 6))
  const nQual = Math.max(1, Math.min(qualityNames.length, params.qualities ?? 6))
  const nRoles = Math.max(1, Math.min(roleNames.length, params.roles ?? 5))
  const tightness = params.tightness ?? 1
  const pinShare = params.pinShare ?? 0.05
  const [minUnits, maxUnits] = params.unitsPerMember ?? [1, 2]
  const disciplineShare = params.disciplineShare ?? 0.12
  const omit = (p: number): boolean => f.omitDefaults && rng.chance(p)

  const disciplines = disciplineNames.slice(0, nDisc)
  const qualities = qualityNames.slice(0, nQual)
  const units = Array.from({ length: nUnits }, (_, i) => `u${String(i + 1).padStart(2, '0')}`)

  // ---- roles
  const roles: Array<RoleJson> = []
  const roleMins = new Map<string, ReadonlyArray<readonly [string, number]>>()
  for (let i = 0; i < nRoles; i++) {
    const id = roleNames[i] as string
    // one role in seven has no quality at all (contributes 0 to fit and learning)
    const k = id === 'support' ? 0 : rng.int(1, Math.min(3, nQual))
    const qs = rng.sample(qualities, k).sort()
    const rq: Array<RoleQualityJson> = []
    const mins: Array<readonly [string, number]> = []
    for (const q of qs) {
      const min = Math.min(5, rng.pick([0, 1, 1, 2, 2, 2, 3, 3]) + (params.minShift ?? 0))
      const weight = rng.pick([0.5, 1, 1, 1.5, 2, 3])
      const entry: RoleQualityJson = { quality: q }
      if (!(min === 0 && omit(0.5))) entry.min = min
      if (!(weight === 1 && omit(0.5))) entry.weight = weight
      rq.push(entry)
      mins.push([q, min])
    }
    roles.push({
      id,
      name: id.charAt(0).toUpperCase() + id.slice(1),
      qualities: rq,
    })
    roleMins.set(id, mins)
  }
  const roleIds = roles.map((r) => r.id)

  // ---- members
  const members: Array<MemberJson> = []
  const internal: Array<Internal> = []
  const byUnit = new Map<string, Array<number>>()
  for (const u of units) byUnit.set(u, [])
  const everywhere: Array<number> = []
  const pad = String(params.members).length
  for (let i = 0; i < params.members; i++) {
    const id = `m${String(i + 1).padStart(pad, '0')}`
    const ds = rng.sample(disciplines, rng.pick([1, 1, 2, 2, 3]))
    const qs: Record<string, number> = {}
    for (const q of qualities) {
      const level = rng.pick([0, 1, 2, 2, 3, 3, 3, 4, 4, 5])
      if (!(level === 0 && omit(0.7))) qs[q] = level
    }
    if (rng.chance(0.2)) qs[unusedQuality] = rng.int(0, 5)
    const capacity = rng.pick(capacityChoices)
    const committed = rng.chance(0.5) ? 0 : rng.int(1, Math.floor(capacity * 0.7))
    const m: MemberJson = {
      id,
      name: `Member ${i + 1}`,
      disciplines: ds,
      qualities: qs,
      capacity,
    }
    if (!(committed === 0 && omit(0.5))) m.committed = committed
    let unitSet: Set<string> | null = null
    if (nUnits > 0 && !rng.chance(unitless)) {
      const us = rng.sample(units, rng.chance(0.7) ? minUnits : rng.int(minUnits, maxUnits)).sort()
      m.units = us
      unitSet = new Set(us)
      for (const u of us) byUnit.get(u)?.push(i)
    } else {
      everywhere.push(i)
    }
    let windows: Array<readonly [number, number]> | null = null
    if (f.availability && rng.chance(0.25)) {
      if (rng.chance(0.06)) windows = []
      else {
        windows = []
        const n = rng.int(1, 2)
        for (let w = 0; w < n; w++) {
          const from = Y2027 - 30 + rng.int(0, 200)
          windows.push([from, from + rng.int(60, 330)])
        }
        windows.sort((a, b) => a[0] - b[0] || a[1] - b[1])
      }
      m.available = windows.map(([a, b]) => ({ from: iso(a), to: iso(b) }))
    }
    if (f.preferences && rng.chance(0.6)) {
      const prefs: Record<string, number> = {}
      for (const r of rng.sample(roleIds, rng.int(1, 2))) prefs[r] = rng.int(-2, 2)
      m.preferences = prefs
    } else if (f.omitDefaults && rng.chance(0.2)) m.preferences = {}
    if (f.goals && rng.chance(0.45)) m.goals = rng.sample(qualities, rng.int(1, 2)).sort()
    members.push(m)
    internal.push({ m, free: capacity - committed, windows, units: unitSet })
  }

  // candidate pool of a request: its unit's members plus the members serving everywhere
  const poolSize = (unit: string | null): number =>
    unit === null ? members.length : (byUnit.get(unit)?.length ?? 0) + everywhere.length
  const poolAt = (unit: string | null, k: number): number => {
    if (unit === null) return k
    const list = byUnit.get(unit) ?? []
    return k < list.length ? (list[k] as number) : (everywhere[k - list.length] as number)
  }
  const randomInPool = (unit: string | null): number | null => {
    const n = poolSize(unit)
    return n === 0 ? null : poolAt(unit, rng.int(0, n - 1))
  }

  // ---- requests and slots
  const requests: Array<RequestJson> = []
  const reqInternal: Array<ReqInternal> = []
  const slotRef: Array<{ req: number; slot: SlotJson }> = []
  const rpad = String(params.requests).length
  for (let i = 0; i < params.requests; i++) {
    const id = `r${String(i + 1).padStart(rpad, '0')}`
    const from = Y2027 + rng.int(0, 300)
    const to = Math.min(Y2027 + 364, from + rng.int(14, 150))
    const unit = nUnits > 0 && !rng.chance(unitless) ? rng.pick(units) : null
    const priority = rng.int(1, 5)
    const r: RequestJson = {
      id,
      title: `Request ${i + 1}`,
      period: { from: iso(from), to: iso(to) },
      slots: [],
    }
    if (!(priority === 1 && omit(0.5))) r.priority = priority
    if (unit !== null) r.unit = unit
    const excluded = new Set<string>()
    if (f.excluded && rng.chance(0.15)) {
      const n = rng.int(1, 2)
      for (let k = 0; k < n; k++) {
        const mi = randomInPool(unit)
        if (mi !== null) excluded.add((members[mi] as MemberJson).id)
      }
    }
    if (excluded.size > 0) r.excluded = [...excluded].sort()
    else if (f.omitDefaults && rng.chance(0.2)) r.excluded = []
    const n = rng.int(minSlots, maxSlots)
    for (let k = 0; k < n; k++) {
      const role = rng.pick(roleIds)
      const hours = Math.max(1, Math.round(rng.pick(hourChoices) * tightness))
      const slot: SlotJson = { id: `${id}/${k + 1}-${role}`, role, hours }
      if (role === 'content' || rng.chance(disciplineShare)) slot.discipline = rng.pick(disciplines)
      r.slots.push(slot)
      slotRef.push({ req: i, slot })
    }
    requests.push(r)
    reqInternal.push({ r, from, to, excluded })
  }

  // §7 rule 1 (and room: hours ≤ capacity − committed), for pins and the previous plan
  const eligible = (mi: number, ri: number, slot: SlotJson, room: boolean): boolean => {
    const im = internal[mi] as Internal
    const ir = reqInternal[ri] as ReqInternal
    const m = im.m
    if (ir.r.unit !== undefined && im.units !== null && !im.units.has(ir.r.unit)) return false
    for (const [q, min] of roleMins.get(slot.role) ?? []) if ((m.qualities[q] ?? 0) < min) return false
    if (slot.discipline !== undefined && !m.disciplines.includes(slot.discipline)) return false
    if (ir.excluded.has(m.id)) return false
    if (im.windows !== null && !im.windows.some(([a, b]) => a <= ir.from && ir.to <= b)) return false
    return !room || slot.hours <= im.free
  }

  // ---- apart pairs (before pins, so that pins respect them)
  const apart: Array<[string, string]> = []
  const partners = new Map<number, Set<number>>()
  if (f.apart) {
    const n = params.members < 30 ? rng.int(0, 2) : Math.round(params.members * 0.02)
    for (let k = 0; k < n; k++) {
      const unit = nUnits > 0 ? rng.pick(units) : null
      const a = randomInPool(unit)
      const b = randomInPool(unit)
      if (a === null || b === null || a === b) continue
      const ida = (members[a] as MemberJson).id
      const idb = (members[b] as MemberJson).id
      apart.push(rng.chance(0.5) ? [ida, idb] : [idb, ida])
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        let s = partners.get(x)
        if (s === undefined) partners.set(x, (s = new Set()))
        s.add(y)
      }
    }
  }

  // ---- pins: greedy, each checked against every hard constraint together with earlier pins
  const pinned: Array<SlotMemberJson> = []
  const pinnedSlots = new Set<string>()
  if (f.pins && slotRef.length > 0) {
    const limit = { value: 1 } // decided with the policy below; pins respect limit 1 always
    const pinsOf = new Map<number, Array<{ from: number; to: number; hours: number; req: number }>>()
    const inRequest = new Map<number, Set<number>>() // request → pinned members
    const attempts = Math.max(rng.chance(0.5) ? 1 : 0, Math.round(slotRef.length * pinShare))
    for (let k = 0; k < attempts; k++) {
      const { req, slot } = rng.pick(slotRef)
      if (pinnedSlots.has(slot.id)) continue
      const ir = reqInternal[req] as ReqInternal
      for (let tries = 0; tries < 25; tries++) {
        const mi = randomInPool(ir.r.unit ?? null)
        if (mi === null) break
        if (!eligible(mi, req, slot, true)) continue
        const mine = pinsOf.get(mi) ?? []
        if (mine.filter((p) => p.req === req).length + 1 > limit.value) continue
        const team = inRequest.get(req)
        const foes = partners.get(mi)
        if (team !== undefined && foes !== undefined && [...team].some((x) => foes.has(x))) continue
        const all = [...mine, { from: ir.from, to: ir.to, hours: slot.hours, req }]
        const free = (internal[mi] as Internal).free
        const fits = all.every(
          (p) => all.reduce((acc, q) => acc + (q.from <= p.from && p.from <= q.to ? q.hours : 0), 0) <= free,
        )
        if (!fits) continue
        pinsOf.set(mi, all)
        let t = inRequest.get(req)
        if (t === undefined) inRequest.set(req, (t = new Set()))
        t.add(mi)
        pinned.push({ member: (members[mi] as MemberJson).id, slot: slot.id })
        pinnedSlots.add(slot.id)
        break
      }
    }
  }

  // ---- previous plan: members that (mostly) could fill the slot
  const previous: Array<SlotMemberJson> = []
  if (f.previous) {
    for (const { req, slot } of slotRef) {
      if (!rng.chance(0.2)) continue
      const unit = (reqInternal[req] as ReqInternal).r.unit ?? null
      let chosen: number | null = null
      for (let tries = 0; tries < 10 && chosen === null; tries++) {
        const mi = randomInPool(unit)
        if (mi !== null && eligible(mi, req, slot, false)) chosen = mi
      }
      if (chosen === null) chosen = rng.int(0, members.length - 1)
      if (members.length > 0)
        previous.push({
          member: (members[chosen] as MemberJson).id,
          slot: slot.id,
        })
    }
  }

  // ---- history: recent teams, drawn within a unit so that pairs meet again
  const history: Array<HistoryJson> = []
  if (f.history && members.length >= 2) {
    const n = Math.max(rng.int(1, 3), Math.round(params.members * 0.25))
    const start = dayOf('2025-03-01')
    const span = dayOf('2026-12-20') - start
    for (let k = 0; k < n; k++) {
      const unit = nUnits > 0 ? rng.pick(units) : null
      const size = rng.int(2, 4)
      const team = new Set<string>()
      for (let t = 0; t < size * 2 && team.size < size; t++) {
        const mi = randomInPool(unit)
        if (mi !== null) team.add((members[mi] as MemberJson).id)
      }
      if (rng.chance(0.1)) team.add(`former-${k + 1}`) // no longer in the pool
      if (team.size < 2) continue
      history.push({
        request: `old-${k + 1}`,
        members: [...team].sort(),
        ended: iso(start + rng.int(0, span)),
      })
    }
  }

  // ---- policy
  const problem: ProblemJson = {
    roles,
    members,
    requests,
    history,
    pinned,
    previous,
    apart,
  }
  if (f.randomPolicy && rng.chance(0.8)) {
    const policy: PolicyJson = {}
    const weights: Partial<Record<WeightName, number>> = {}
    for (const w of weightNames) if (!omit(0.15)) weights[w] = rng.pick(weightChoices)
    policy.weights = weights
    if (!omit(0.1)) policy.comfort = rng.pick(comfortChoices)
    if (!omit(0.1)) policy.maxSlotsPerMemberPerRequest = rng.chance(0.4) ? 2 : 1
    if (f.rotation && rng.chance(0.85)) policy.rotationSince = rng.pick(['2025-06-01', '2026-01-01', '2026-06-01'])
    problem.policy = policy
  } else {
    const policy: PolicyJson = {}
    if (f.rotation && rng.chance(0.85)) policy.rotationSince = '2026-01-01'
    if (!omit(0.5)) policy.maxSlotsPerMemberPerRequest = rng.chance(0.3) ? 2 : 1
    if (!omit(0.3) || policy.rotationSince !== undefined || policy.maxSlotsPerMemberPerRequest !== undefined)
      problem.policy = policy
  }
  return problem
}

// -------------------------------------------------------------------------------------
// presets
// -------------------------------------------------------------------------------------

/** The benchmark sizes of issue 5. */
export type PresetName = 'S' | 'M' | 'L' | 'XL'

/** Parameters of a preset (without the seed). */
export const presetParams: Readonly<Record<PresetName, Omit<GenerateParams, 'seed'>>> = {
  S: {
    members: 40,
    requests: 16,
    slotsPerRequest: [1, 4],
    units: 2,
    tightness: 1.5,
  },
  M: {
    members: 1_000,
    requests: 320,
    slotsPerRequest: [1, 4],
    units: 4,
    unitlessShare: 0.05,
  },
  L: {
    members: 10_000,
    requests: 3_200,
    slotsPerRequest: [1, 4],
    units: 20,
    unitlessShare: 0,
    unitsPerMember: [1, 1],
    disciplineShare: 0.5,
  },
  XL: {
    members: 100_000,
    requests: 32_000,
    slotsPerRequest: [1, 4],
    units: 50,
    unitlessShare: 0,
    unitsPerMember: [1, 1],
    disciplineShare: 1,
    disciplines: 10,
    minShift: 1,
  },
}

/** A preset problem: S = 40 members/~40 slots, M = 1,000/~800, L = 10,000/~8,000, XL = 100,000/~80,000. */
export const preset = (name: PresetName, seed: number): ProblemJson => generateProblem({ ...presetParams[name], seed })

/** The parameters of the oracle test's problem `seed` (test/oracle.test.ts): 6–14 members, ~6–20 slots, every feature. */
export const oracleParams = (seed: number): GenerateParams => {
  const r = prng(seed * 7919 + 17)
  const members = r.int(6, 14)
  const requests = r.int(2, 6)
  return {
    seed: 50_000 + seed,
    members,
    requests,
    slotsPerRequest: [Math.max(1, Math.ceil(6 / requests)), Math.max(2, Math.min(4, Math.floor(20 / requests)))],
    units: r.int(0, 3),
    unitlessShare: 0.2,
    pinShare: r.pick([0, 0.05, 0.1, 0.2]),
    tightness: r.pick([1, 1, 1.5, 2]),
  }
}

// -------------------------------------------------------------------------------------
// shuffling (same meaning, different order)
// -------------------------------------------------------------------------------------

const shuffleRecord = <A>(rng: Prng, r: Record<string, A>): Record<string, A> => {
  const out: Record<string, A> = {}
  for (const k of rng.shuffle(Object.keys(r))) out[k] = r[k] as A
  return out
}

/**
 * The same problem with every array shuffled (roles, role qualities, members, member units,
 * windows and goals, requests, exclusions, slots inside requests, history and its members,
 * pins, previous, apart and the members inside each pair) and the keys of open records
 * (qualities, preferences, weights) reordered. Member disciplines keep their order: the first
 * is the primary one. The input is not modified.
 */
export const shuffleProblem = (p: ProblemJson, seed: number): ProblemJson => {
  const rng = prng(seed)
  const out: ProblemJson = {
    roles: rng.shuffle(p.roles).map((r) => ({ ...r, qualities: rng.shuffle(r.qualities) })),
    members: rng.shuffle(p.members).map((m) => {
      const c: MemberJson = {
        ...m,
        qualities: shuffleRecord(rng, m.qualities),
      }
      if (m.units !== undefined) c.units = rng.shuffle(m.units)
      if (m.available !== undefined) c.available = rng.shuffle(m.available)
      if (m.preferences !== undefined) c.preferences = shuffleRecord(rng, m.preferences)
      if (m.goals !== undefined) c.goals = rng.shuffle(m.goals)
      return c
    }),
    requests: rng.shuffle(p.requests).map((r) => {
      const c: RequestJson = { ...r, slots: rng.shuffle(r.slots) }
      if (r.excluded !== undefined) c.excluded = rng.shuffle(r.excluded)
      return c
    }),
    history: rng.shuffle(p.history).map((h) => ({ ...h, members: rng.shuffle(h.members) })),
    pinned: rng.shuffle(p.pinned),
    previous: rng.shuffle(p.previous),
    apart: rng.shuffle(p.apart).map(([a, b]) => (rng.chance(0.5) ? [b, a] : [a, b])),
  }
  if (p.policy !== undefined) {
    const pol: PolicyJson = { ...p.policy }
    if (p.policy.weights !== undefined) pol.weights = shuffleRecord(rng, p.policy.weights)
    out.policy = pol
  }
  return out
}
