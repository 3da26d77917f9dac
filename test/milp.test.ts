/**
 * The HiGHS oracle (test/support/milp.ts) checked against brute force: on tiny generated
 * problems every assignment is enumerated, checked against the hard constraints and scored
 * directly from §7; the lexicographic optimum must equal the MILP's. The direct scorer itself
 * is checked on a hand-computed example.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeProblem, type Problem } from '../src/pipeline/Problem.js'
import { generateProblem, type ProblemJson } from './support/generate.js'
import {
  buildMilp,
  eligibleDirect,
  hardViolations,
  loadHighs,
  lpNumber,
  renderLp,
  scoreDirect,
  solveMilp,
  type DirectScore,
  type Pair,
} from './support/milp.js'

const decode = (json: unknown): Problem => {
  const d = decodeProblem(json)
  if (E.isLeft(d)) throw new Error(JSON.stringify(d.left.slice(0, 3)))
  return d.right
}

const better = (a: DirectScore, b: DirectScore): boolean =>
  a.filled > b.filled || (a.filled === b.filled && a.soft > b.soft + 1e-9)

/** The lexicographic optimum over every valid plan, by enumeration. */
const bruteForce = (p: Problem): { best: DirectScore; plan: ReadonlyArray<Pair>; plans: number } => {
  const slots = p.requests.flatMap((r) => r.slots.map((s) => ({ r, s })))
  const roles = new Map(p.roles.map((r) => [r.id as string, r]))
  const pins = new Map(p.pinned.map((q) => [q.slot as string, q.member as string]))
  const options = slots.map(({ r, s }) => {
    const pin = pins.get(s.id)
    if (pin !== undefined) return [pin]
    const role = roles.get(s.role)
    const ms = p.members
      .filter((m) => role !== undefined && s.hours <= m.capacity - m.committed && eligibleDirect(role, m, r, s))
      .map((m) => m.id as string)
    return [null, ...ms]
  })
  let best: DirectScore | null = null
  let bestPlan: ReadonlyArray<Pair> = []
  let plans = 0
  const chosen: Array<Pair> = []
  const rec = (i: number): void => {
    if (i === slots.length) {
      if (hardViolations(p, chosen).length > 0) return
      plans++
      const s = scoreDirect(p, chosen)
      if (best === null || better(s, best)) {
        best = s
        bestPlan = chosen.slice()
      }
      return
    }
    for (const m of options[i] ?? []) {
      if (m !== null)
        chosen.push({
          member: m,
          slot: (slots[i] as { s: { id: string } }).s.id,
        })
      rec(i + 1)
      if (m !== null) chosen.pop()
    }
  }
  rec(0)
  if (best === null) throw new Error('no valid plan (the pins alone should be one)')
  return { best, plan: bestPlan, plans }
}

let highs: Highs
beforeAll(async () => {
  highs = await loadHighs()
})

describe('lpNumber', () => {
  it('never uses exponent notation and keeps integers exact', () => {
    for (const v of [0, 1, -3, 1e-7, -2.5e-9, 1 / 3, 123456.789, 5e14, 0.1 + 0.2]) {
      const s = lpNumber(v)
      expect(s).not.toMatch(/e/i)
      expect(Math.abs(Number(s) - v)).toBeLessThan(1e-11)
    }
    expect(lpNumber(7)).toBe('7')
    expect(lpNumber(-0.5)).toBe('-0.5')
  })
})

describe('scoreDirect (hand-computed §7)', () => {
  // Two members, one request with two slots, every term non-zero.
  const json: ProblemJson = {
    roles: [
      {
        id: 'lead',
        name: 'Lead',
        qualities: [
          { quality: 'leadership', min: 2, weight: 3 },
          { quality: 'tact', weight: 1 },
        ],
      },
      { id: 'plain', name: 'Plain', qualities: [] },
    ],
    members: [
      {
        id: 'a',
        name: 'A',
        disciplines: ['law', 'finance'],
        qualities: { leadership: 4, tact: 2 },
        capacity: 20,
        committed: 10,
        preferences: { lead: 2 },
        goals: ['tact'],
      },
      {
        id: 'b',
        name: 'B',
        disciplines: ['it'],
        qualities: {},
        capacity: 40,
        preferences: { plain: -1 },
      },
    ],
    requests: [
      {
        id: 'r',
        title: 'R',
        priority: 3,
        period: { from: '2027-01-01', to: '2027-02-01' },
        slots: [
          { id: 'r/lead', role: 'lead', hours: 8 },
          { id: 'r/plain', role: 'plain', hours: 4 },
        ],
      },
    ],
    history: [{ request: 'old', members: ['a', 'b'], ended: '2026-05-01' }],
    pinned: [],
    previous: [{ member: 'b', slot: 'r/plain' }],
    apart: [],
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
      comfort: 0.5,
      rotationSince: '2026-01-01',
    },
  }
  it('computes every term as §7 says', () => {
    const p = decode(json)
    const plan = [
      { member: 'a', slot: 'r/lead' },
      { member: 'b', slot: 'r/plain' },
    ]
    expect(hardViolations(p, plan)).toEqual([])
    const s = scoreDirect(p, plan)
    const fit = (10 * (3 * 4 + 1 * 2)) / (5 * 4) // 7
    const preference = 2 * (2 + -1) // 2
    const learning = (3 * 1) / 4 // 0.75
    const continuity = 5
    const diversity = 2 * 2 // law, it
    const rotation = -3
    // a: committed 10, peak 8, comfort 10: (max(0, 8) − 0) / 20 · 5 = 2; b: 4 ≤ 20 → 0
    const balance = -2
    expect(s.filled).toBe(6)
    expect(s.terms.fit).toBeCloseTo(fit, 12)
    expect(s.terms.preference).toBe(preference)
    expect(s.terms.learning).toBeCloseTo(learning, 12)
    expect(s.terms.continuity).toBe(continuity)
    expect(s.terms.diversity).toBe(diversity)
    expect(s.terms.rotation).toBe(rotation)
    expect(s.terms.balance).toBeCloseTo(balance, 12)
    expect(s.soft).toBeCloseTo(fit + preference + learning + continuity + diversity + rotation + balance, 12)
  })
  it('finds hard violations', () => {
    const p = decode({ ...json, apart: [['a', 'b']], pinned: [] })
    const both = [
      { member: 'a', slot: 'r/lead' },
      { member: 'b', slot: 'r/plain' },
    ]
    expect(hardViolations(p, both).some((v) => v.startsWith('apart'))).toBe(true)
    expect(hardViolations(p, [{ member: 'b', slot: 'r/lead' }]).some((v) => v.includes('not eligible'))).toBe(true)
    const twice = [
      { member: 'a', slot: 'r/lead' },
      { member: 'a', slot: 'r/plain' },
    ]
    expect(hardViolations(p, twice).some((v) => v.includes('takes 2 slots'))).toBe(true)
    const tight = decode({
      ...json,
      members: json.members.map((m) => (m.id === 'a' ? { ...m, committed: 14 } : m)),
    })
    expect(hardViolations(tight, [{ member: 'a', slot: 'r/lead' }]).some((v) => v.includes('over capacity'))).toBe(true)
  })
  it('the MILP finds the hand-checked optimum', () => {
    const p = decode(json)
    const r = solveMilp(highs, p)
    const b = bruteForce(p)
    expect(r.filled).toBe(b.best.filled)
    expect(r.soft).toBeCloseTo(b.best.soft, 9)
    expect(r.status).toBe('Optimal')
  })
})

describe('eligibleDirect (§7 rule 1, one rule at a time)', () => {
  const base: ProblemJson = {
    roles: [{ id: 'lead', name: 'Lead', qualities: [{ quality: 'leadership', min: 3 }] }],
    members: [
      {
        id: 'a',
        name: 'A',
        disciplines: ['law'],
        qualities: { leadership: 3 },
        capacity: 20,
        units: ['north'],
        available: [{ from: '2027-01-01', to: '2027-06-30' }],
      },
    ],
    requests: [
      {
        id: 'r',
        title: 'R',
        unit: 'north',
        period: { from: '2027-02-01', to: '2027-06-30' },
        slots: [{ id: 'r/lead', role: 'lead', hours: 8, discipline: 'law' }],
      },
    ],
    history: [],
    pinned: [],
    previous: [],
    apart: [],
  }
  const eligible = (json: ProblemJson): boolean => {
    const p = decode(json)
    const r = p.requests[0]
    const s = r?.slots[0]
    const role = p.roles[0]
    const m = p.members[0]
    if (r === undefined || s === undefined || role === undefined || m === undefined) throw new Error('shape')
    return eligibleDirect(role, m, r, s)
  }
  const member = (patch: Partial<ProblemJson['members'][number]>): ProblemJson => ({
    ...base,
    members: base.members.map((m) => ({ ...m, ...patch })),
  })
  const request = (patch: Partial<ProblemJson['requests'][number]>): ProblemJson => ({
    ...base,
    requests: base.requests.map((r) => ({ ...r, ...patch })),
  })
  it('accepts the base case and rejects each broken rule', () => {
    expect(eligible(base)).toBe(true)
    expect(eligible(member({ qualities: { leadership: 2 } }))).toBe(false)
    expect(eligible(member({ disciplines: ['finance', 'policy'] }))).toBe(false)
    expect(eligible(member({ disciplines: ['finance', 'law'] }))).toBe(true)
    expect(eligible(request({ excluded: ['a'] }))).toBe(false)
    expect(eligible(member({ units: ['south'] }))).toBe(false)
    expect(eligible(request({ unit: 'south' }))).toBe(false)
    const { unit: _unit, ...anyUnit } = base.requests[0] as ProblemJson['requests'][number]
    expect(eligible({ ...base, requests: [{ ...anyUnit, period: { from: '2027-02-01', to: '2027-06-30' } }] })).toBe(
      true,
    )
    expect(eligible(member({ available: [{ from: '2027-03-01', to: '2027-12-31' }] }))).toBe(false)
    expect(eligible(member({ available: [] }))).toBe(false)
    expect(
      eligible(
        member({
          available: [
            { from: '2027-01-01', to: '2027-03-31' },
            { from: '2027-02-01', to: '2027-07-01' },
          ],
        }),
      ),
    ).toBe(true)
  })
})

describe('MILP vs brute force on tiny random problems', () => {
  it('reaches the enumerated lexicographic optimum, and its objective is the direct score of its plan', () => {
    let checked = 0
    let withPlans = 0
    let unfilledSomewhere = 0
    const t0 = performance.now()
    for (let seed = 1; seed <= 40; seed++) {
      const json = generateProblem({
        seed: 1000 + seed,
        members: 5 + (seed % 3),
        requests: 1 + (seed % 3),
        slotsPerRequest: [1, 2],
        units: seed % 2,
        pinShare: 0.25,
        tightness: seed % 4 === 0 ? 2 : 1,
      })
      const p = decode(json)
      const b = bruteForce(p)
      const r = solveMilp(highs, p)
      const ctx = `seed ${1000 + seed}`
      expect(r.status, ctx).toBe('Optimal')
      expect(hardViolations(p, r.assignments), ctx).toEqual([])
      expect(r.filled, ctx).toBe(b.best.filled)
      expect(Math.abs(r.soft - b.best.soft), ctx).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b.best.soft)))
      // the model's objective is the §7 score of its own plan (model vs direct formulas)
      expect(Math.abs(r.objective.filled - r.filled), ctx).toBeLessThan(1e-6)
      expect(Math.abs(r.objective.soft - r.soft), ctx).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(r.soft)))
      checked++
      if (b.plans >= 4) withPlans++
      const slots = p.requests.reduce((a, q) => a + q.slots.length, 0)
      if (r.assignments.length < slots) unfilledSomewhere++
    }
    console.log(
      `milp vs brute force: ${checked} problems (${withPlans} with ≥ 4 valid plans, ${unfilledSomewhere} leaving a slot unfilled) in ${(
        (performance.now() - t0) /
        1000
      ).toFixed(1)} s`,
    )
    expect(withPlans).toBeGreaterThan(15)
    expect(unfilledSomewhere).toBeGreaterThan(0)
  })

  it('renders a parseable LP even when the soft objective is all zero', () => {
    const json = generateProblem({
      seed: 5,
      members: 3,
      requests: 1,
      slotsPerRequest: [1, 1],
      features: { randomPolicy: false },
    })
    const zero = {
      ...json,
      policy: {
        weights: {
          fit: 0,
          preference: 0,
          learning: 0,
          continuity: 0,
          diversity: 0,
          rotation: 0,
          balance: 0,
        },
      },
    }
    const p = decode(zero)
    const lp = renderLp(buildMilp(p), 'soft', 0)
    expect(lp).toMatch(/^Maximize\n obj: /)
    const r = solveMilp(highs, p)
    expect(r.soft).toBe(0)
    expect(r.filled).toBe(bruteForce(p).best.filled)
  })
})
