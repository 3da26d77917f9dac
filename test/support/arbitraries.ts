/**
 * Test support: a small hand-written valid problem (§6 JSON) and fast-check arbitraries that
 * build VALID §6 problems — weird ids (`__proto__`, `constructor`, `toString`, spaces, unicode)
 * included — plus helpers to shuffle a problem's arrays and to list its corruptible fields.
 */
import * as fc from 'fast-check'
import * as O from 'fp-ts/lib/Option.js'
import { Eligibility, Issue, Problem } from 'wendbaar'

/** JSON value, loosely typed for tests that mutate it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

/**
 * A small valid problem in §6 JSON. Role `network` and member `m5` are referenced nowhere,
 * so tests can break them without causing follow-up reference issues.
 */
export const baseJson = (): Json => ({
  roles: [
    {
      id: 'direction',
      name: 'Direction',
      qualities: [{ quality: 'leadership', min: 3, weight: 2 }],
    },
    { id: 'content', name: 'Content expertise', qualities: [] },
    { id: 'budget', name: 'Budgeting', qualities: [{ quality: 'finance', min: 2 }] },
    { id: 'network', name: 'Network building' },
  ],
  members: [
    {
      id: 'm1',
      name: 'A. de Vries',
      disciplines: ['finance', 'law'],
      qualities: { leadership: 4, finance: 3 },
      capacity: 32,
      committed: 8,
      units: ['utrecht'],
      available: [{ from: '2027-01-01', to: '2027-12-31' }],
      preferences: { direction: 2 },
      goals: ['politics'],
    },
    { id: 'm2', name: 'B. Bakker', disciplines: ['law'], capacity: 20 },
    {
      id: 'm3',
      name: 'C. Jansen',
      disciplines: ['policy'],
      qualities: { leadership: 3 },
      capacity: 40,
    },
    {
      id: 'm4',
      name: 'D. Smit',
      disciplines: ['finance'],
      qualities: { finance: 2 },
      capacity: 24,
    },
    { id: 'm5', name: 'E. Visser', disciplines: ['social'], capacity: 36, committed: 4 },
  ],
  requests: [
    {
      id: 'r1',
      title: 'Youth care reform',
      priority: 3,
      unit: 'utrecht',
      period: { from: '2027-02-01', to: '2027-06-30' },
      excluded: [],
      slots: [
        { id: 'r1/direction', role: 'direction', hours: 8 },
        { id: 'r1/content-law', role: 'content', hours: 16, discipline: 'law' },
      ],
    },
    {
      id: 'r2',
      title: 'Energy transition',
      period: { from: '2027-03-01', to: '2027-09-30' },
      slots: [
        { id: 'r2/budget', role: 'budget', hours: 8 },
        { id: 'r2/content', role: 'content', hours: 8 },
      ],
    },
  ],
  history: [{ request: 'old-1', members: ['m1', 'm2'], ended: '2026-09-01' }],
  pinned: [{ member: 'm1', slot: 'r1/direction' }],
  previous: [{ member: 'm2', slot: 'r1/content-law' }],
  apart: [['m3', 'm4']],
  policy: {
    weights: {
      fit: 10,
      preference: 2,
      learning: 3,
      continuity: 5,
      diversity: 2,
      rotation: 3,
      balance: 5,
    },
    comfort: 0.85,
    maxSlotsPerMemberPerRequest: 1,
    rotationSince: '2026-01-01',
  },
})

/** Ids that are easy to get wrong: prototype names, spaces, unicode, digits, JSON-ish text. */
export const weirdIds: ReadonlyArray<string> = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '0',
  '10',
  'a b',
  'é',
  'Z',
  'a',
  '[1]',
  '"q"',
  'x.y',
]

const id = (prefix: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...weirdIds) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 30 }).map((n) => `${prefix}${n}`) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 4 }) },
  )

const name = fc.oneof(
  fc.constantFrom(...weirdIds),
  fc.constantFrom('finance', 'law', 'policy', 'it', 'leadership'),
)

// few distinct days, so periods often start or end on the same day (the edge cases)
const date = fc
  .record({
    y: fc.integer({ min: 2026, max: 2027 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.constantFrom(1, 15, 28),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)

const period = fc
  .tuple(date, date)
  .map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }))

const positive = fc.oneof(
  fc.integer({ min: 1, max: 40 }),
  fc.double({ min: 0.25, max: 40, noNaN: true, noDefaultInfinity: true }),
)

/** `undefined` three times out of four, else a value. */
const rarely = <A>(a: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a })

/** A prototype-free record from key/value pairs (so `__proto__` stays a key). */
const record = <V>(pairs: ReadonlyArray<readonly [string, V]>): Record<string, V> => {
  const out = Object.create(null) as Record<string, V>
  for (const [k, v] of pairs) out[k] = v
  return out
}

const roleArb = (roleId: string) =>
  fc
    .record({
      name: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
      qualities: fc.uniqueArray(
        fc.record({ quality: name, min: fc.constantFrom(0, 0, 0, 1, 2, 3), weight: positive }),
        { selector: (q) => q.quality, maxLength: 3 },
      ),
    })
    .map((r) => ({
      id: roleId,
      ...(r.name === undefined ? {} : { name: r.name }),
      qualities: r.qualities,
    }))

const memberArb = (memberId: string, roleIds: ReadonlyArray<string>) =>
  fc
    .record({
      disciplines: fc.array(name, { minLength: 1, maxLength: 3 }),
      qualities: fc.array(fc.tuple(name, fc.integer({ min: 0, max: 5 })), { maxLength: 4 }),
      capacity: fc.integer({ min: 8, max: 40 }),
      committedShare: fc.constantFrom(0, 0, 0.1, 0.25, 0.5),
      units: rarely(
        fc.array(fc.constantFrom('utrecht', 'amsterdam', '__proto__'), { maxLength: 3 }),
      ),
      available: rarely(
        fc.array(fc.oneof(period, fc.constant({ from: '2025-01-01', to: '2029-12-31' })), {
          maxLength: 2,
        }),
      ),
      preferences:
        roleIds.length === 0
          ? fc.constant([] as Array<[string, number]>)
          : fc.array(fc.tuple(fc.constantFrom(...roleIds), fc.integer({ min: -2, max: 2 })), {
              maxLength: 2,
            }),
      goals: fc.array(name, { maxLength: 3 }),
    })
    .map((m) => ({
      id: memberId,
      disciplines: m.disciplines,
      qualities: record(m.qualities),
      capacity: m.capacity,
      committed: m.capacity * m.committedShare,
      ...(m.units === undefined ? {} : { units: m.units }),
      ...(m.available === undefined ? {} : { available: m.available }),
      preferences: record(m.preferences),
      goals: m.goals,
    }))

const slotArb = (slotId: string, roleIds: ReadonlyArray<string>) =>
  fc
    .record({
      role: fc.constantFrom(...roleIds),
      hours: positive,
      discipline: rarely(name),
    })
    .map((s) => ({
      id: slotId,
      role: s.role,
      hours: s.hours,
      ...(s.discipline === undefined ? {} : { discipline: s.discipline }),
    }))

/**
 * Valid §6 problems as JSON-like data (records are prototype-free). Pins are chosen so that
 * they satisfy every hard constraint: eligible, at most one per member and request, no
 * `apart` partner on the same request, and the member's committed hours plus all its pinned
 * hours within capacity (a conservative capacity check that ignores time).
 */
export const problemJson: fc.Arbitrary<Json> = fc
  .record({
    roleIds: fc.uniqueArray(id('role'), { minLength: 1, maxLength: 4 }),
    memberIds: fc.uniqueArray(id('m'), { minLength: 0, maxLength: 7 }),
    requestIds: fc.uniqueArray(id('r'), { minLength: 0, maxLength: 4 }),
    slotIds: fc.uniqueArray(id('s'), { minLength: 0, maxLength: 9 }),
  })
  .chain(({ roleIds, memberIds, requestIds, slotIds }) => {
    // slots are dealt round-robin over the requests (none without requests)
    const slotsPerRequest = requestIds.map((_, i) =>
      slotIds.filter((_, k) => k % requestIds.length === i),
    )
    const placed = requestIds.length === 0 ? [] : slotIds
    return fc
      .record({
        roles: fc.tuple(...roleIds.map(roleArb)),
        members: fc.tuple(...memberIds.map((m) => memberArb(m, roleIds))),
        requests: fc.tuple(
          ...requestIds.map((r, i) =>
            fc
              .record({
                title: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
                priority: fc.integer({ min: 1, max: 5 }),
                unit: fc.option(fc.constantFrom('utrecht', 'amsterdam', '__proto__'), {
                  nil: undefined,
                }),
                period,
                excluded:
                  memberIds.length === 0
                    ? fc.constant([])
                    : fc.array(fc.constantFrom(...memberIds), { maxLength: 2 }),
                slots: fc.tuple(...(slotsPerRequest[i] ?? []).map((s) => slotArb(s, roleIds))),
              })
              .map((q) => ({
                id: r,
                ...(q.title === undefined ? {} : { title: q.title }),
                priority: q.priority,
                ...(q.unit === undefined ? {} : { unit: q.unit }),
                period: q.period,
                excluded: q.excluded,
                slots: q.slots,
              })),
          ),
        ),
        history: fc.array(
          fc.record({
            request: id('old'),
            members: fc.array(fc.oneof(id('m'), fc.constant('ghost')), { maxLength: 3 }),
            ended: date,
          }),
          { maxLength: 3 },
        ),
        previous: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
        pins: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
        apart: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
        policy: fc.option(
          fc.record(
            {
              weights: fc.record(
                {
                  fit: fc.integer({ min: 0, max: 10 }),
                  preference: fc.double({ min: 0, max: 5, noNaN: true }),
                  balance: fc.integer({ min: 0, max: 10 }),
                },
                { requiredKeys: [] },
              ),
              comfort: fc.double({ min: 0.05, max: 1, noNaN: true }),
              maxSlotsPerMemberPerRequest: fc.integer({ min: 1, max: 3 }),
              rotationSince: date,
            },
            { requiredKeys: [] },
          ),
          { nil: undefined },
        ),
      })
      .map((p) => {
        const json: Json = {
          roles: p.roles,
          members: p.members,
          requests: p.requests,
          history: p.history,
          ...(p.policy === undefined ? {} : { policy: p.policy }),
        }
        const pairsOf = (xs: ReadonlyArray<readonly [number, number]>) =>
          memberIds.length === 0 || placed.length === 0
            ? []
            : xs.map(([m, s]) => ({
                member: memberIds[m % memberIds.length] as string,
                slot: placed[s % placed.length] as string,
              }))
        // previous: at most one per slot
        const previousBySlot = new Map<string, { member: string; slot: string }>()
        for (const pair of pairsOf(p.previous))
          if (!previousBySlot.has(pair.slot)) previousBySlot.set(pair.slot, pair)
        json.previous = [...previousBySlot.values()]
        json.apart =
          memberIds.length < 2
            ? []
            : p.apart
                .map(([a, b]) => [
                  memberIds[a % memberIds.length] as string,
                  memberIds[b % memberIds.length] as string,
                ])
                .filter(([a, b]) => a !== b)
        // pins: decode without them, then keep the candidates that satisfy every hard constraint
        const decoded = Problem.decodeProblem(json)
        if (decoded._tag === 'Left') {
          throw new Error(
            `arbitrary built an invalid problem: ${Issue.render(decoded.left).join('; ')}`,
          )
        }
        const problem = decoded.right
        const ix = Eligibility.index(problem)
        const used = new Map<string, number>()
        const inRequest = new Set<string>()
        const pinnedSlots = new Set<string>()
        const partners = new Map<string, Array<string>>()
        for (const [a, b] of problem.apart) {
          partners.set(a, [...(partners.get(a) ?? []), b])
          partners.set(b, [...(partners.get(b) ?? []), a])
        }
        const pinned: Array<{ member: string; slot: string }> = []
        // each candidate (m, s): the first member from m on (cyclically) that may be pinned to s
        for (const pair of pairsOf(p.pins)) {
          const entry = ix.slotById.get(pair.slot as Problem.SlotId)
          if (entry === undefined || pinnedSlots.has(pair.slot)) continue
          const start = problem.members.findIndex((m) => m.id === pair.member)
          for (let k = 0; k < problem.members.length; k++) {
            const member = problem.members[(start + k) % problem.members.length] as Problem.Member
            if (O.isSome(Eligibility.check(problem, member, entry.request, entry.slot))) continue
            const load = (used.get(member.id) ?? 0) + entry.slot.hours
            if (member.committed + load > member.capacity) continue
            const key = JSON.stringify([member.id, entry.request.id])
            if (inRequest.has(key)) continue
            if (
              (partners.get(member.id) ?? []).some((o) =>
                inRequest.has(JSON.stringify([o, entry.request.id])),
              )
            )
              continue
            used.set(member.id, load)
            inRequest.add(key)
            pinnedSlots.add(pair.slot)
            pinned.push({ member: member.id, slot: pair.slot })
            break
          }
        }
        json.pinned = pinned
        return json
      })
  })

/** A deterministic Fisher–Yates shuffle driven by a seed. */
export const shuffle = <A>(xs: ReadonlyArray<A>, seed: number): Array<A> => {
  const out = [...xs]
  let s = seed >>> 0 || 1
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    const j = s % (i + 1)
    const tmp = out[i] as A
    out[i] = out[j] as A
    out[j] = tmp
  }
  return out
}

/**
 * The same problem with every order-free array shuffled (all but `disciplines`, whose first
 * entry is the primary one) and every `apart` pair flipped at random.
 */
export const shuffleProblem = (json: Json, seed: number): Json => {
  let k = seed
  const sh = <A>(xs: ReadonlyArray<A>): Array<A> => shuffle(xs, ++k * 7919)
  return {
    ...json,
    roles: sh(json.roles).map((r: Json) =>
      r.qualities === undefined ? r : { ...r, qualities: sh(r.qualities) },
    ),
    members: sh(json.members).map((m: Json) => ({
      ...m,
      ...(Array.isArray(m.units) ? { units: sh(m.units) } : {}),
      ...(Array.isArray(m.available) ? { available: sh(m.available) } : {}),
      goals: sh(m.goals ?? []),
    })),
    requests: sh(json.requests).map((r: Json) => ({
      ...r,
      excluded: sh(r.excluded ?? []),
      slots: sh(r.slots),
    })),
    history: sh(json.history ?? []).map((h: Json) => ({ ...h, members: sh(h.members) })),
    pinned: sh(json.pinned ?? []),
    previous: sh(json.previous ?? []),
    apart: sh(json.apart ?? []).map((pair: Json) => (++k % 2 === 0 ? [pair[1], pair[0]] : pair)),
  }
}

/** A field of a problem that can be corrupted, with the path `decodeProblem` must report. */
export interface Corruptible {
  readonly path: string
  readonly corrupt: (json: Json) => void
}

const set = (
  path: string,
  get: (json: Json) => Json,
  key: string | number,
  value: unknown,
): Corruptible => ({
  path: Issue.field(path, key),
  corrupt: (json) => {
    get(json)[key] = value
  },
})

/** Keys §6 defines nowhere, prototype names included; {@link corruptibles} cycles through them. */
const strayKeys: ReadonlyArray<string> = ['typo', '__proto__', 'constructor', 'toString', 'x y']

/**
 * Every leaf field of a valid problem JSON that can be corrupted, each with a value that is
 * certainly wrong for it (a wrong type, an out-of-range number or an impossible date), and
 * every fixed-shape object, corrupted by a key §6 does not define (an own, enumerable key, so
 * `__proto__` too is a plain key, as `JSON.parse` makes it).
 */
export const corruptibles = (json: Json): Array<Corruptible> => {
  const out: Array<Corruptible> = []
  let n = 0
  const stray = (path: string, get: (json: Json) => Json): void => {
    const key = strayKeys[n++ % strayKeys.length] as string
    out.push({
      path: Issue.field(path, key),
      corrupt: (json) => {
        Object.defineProperty(get(json), key, {
          value: 1,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      },
    })
  }
  stray('', (j) => j)
  json.roles.forEach((r: Json, i: number) => {
    const p = `roles[${i}]`
    out.push(set(p, (j) => j.roles[i], 'id', 42))
    stray(p, (j) => j.roles[i])
    ;(r.qualities ?? []).forEach((_: Json, k: number) => {
      const qp = `${p}.qualities[${k}]`
      stray(qp, (j) => j.roles[i].qualities[k])
      out.push(set(qp, (j) => j.roles[i].qualities[k], 'min', 6))
      out.push(set(qp, (j) => j.roles[i].qualities[k], 'weight', 0))
      out.push(set(qp, (j) => j.roles[i].qualities[k], 'quality', ''))
    })
  })
  json.members.forEach((m: Json, i: number) => {
    const p = `members[${i}]`
    const at = (j: Json) => j.members[i]
    out.push(set(p, at, 'id', ''))
    stray(p, at)
    out.push(set(p, at, 'capacity', '32'))
    out.push(set(p, at, 'committed', -1))
    out.push(set(p, at, 'disciplines', []))
    out.push(set(p, at, 'goals', 'x'))
    for (const q of Object.keys(m.qualities ?? {}))
      out.push(set(`${p}.qualities`, (j) => at(j).qualities, q, 2.5))
    for (const r of Object.keys(m.preferences ?? {}))
      out.push(set(`${p}.preferences`, (j) => at(j).preferences, r, 3))
    ;(m.available ?? []).forEach((_: Json, k: number) => {
      out.push(set(`${p}.available[${k}]`, (j) => at(j).available[k], 'from', '2027-02-30'))
      stray(`${p}.available[${k}]`, (j) => at(j).available[k])
    })
  })
  json.requests.forEach((r: Json, i: number) => {
    const p = `requests[${i}]`
    const at = (j: Json) => j.requests[i]
    out.push(set(p, at, 'priority', 0))
    stray(p, at)
    stray(`${p}.period`, (j) => at(j).period)
    out.push(set(p, at, 'period', { from: '2027-06-01', to: '2027-05-31' }))
    out.push(set(p, at, 'slots', {}))
    r.slots.forEach((_: Json, k: number) => {
      out.push(set(`${p}.slots[${k}]`, (j) => at(j).slots[k], 'hours', -0.5))
      out.push(set(`${p}.slots[${k}]`, (j) => at(j).slots[k], 'role', '\u0000no such role'))
      stray(`${p}.slots[${k}]`, (j) => at(j).slots[k])
    })
  })
  ;(json.history ?? []).forEach((_: Json, i: number) => {
    out.push(set(`history[${i}]`, (j) => j.history[i], 'ended', '2026-02-29'))
    stray(`history[${i}]`, (j) => j.history[i])
  })
  ;(json.pinned ?? []).forEach((_: Json, i: number) => {
    out.push(set(`pinned[${i}]`, (j) => j.pinned[i], 'slot', null))
    stray(`pinned[${i}]`, (j) => j.pinned[i])
  })
  ;(json.previous ?? []).forEach((_: Json, i: number) => {
    out.push(set(`previous[${i}]`, (j) => j.previous[i], 'member', '\u0000ghost'))
    stray(`previous[${i}]`, (j) => j.previous[i])
  })
  ;(json.apart ?? []).forEach((_: Json, i: number) =>
    out.push(set('apart', (j) => j.apart, i, ['only-one'])),
  )
  if (json.policy !== undefined) {
    stray('policy', (j) => j.policy)
    if (json.policy.weights !== undefined) stray('policy.weights', (j) => j.policy.weights)
  }
  out.push(set('', (j) => j, 'policy', []))
  return out
}
