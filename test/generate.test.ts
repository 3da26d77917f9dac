import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeProblem } from '../src/pipeline/Problem.js'
import { generateProblem, preset, shuffleProblem, type GenerateParams } from './support/generate.js'
import { prng } from './support/prng.js'

const small = (seed: number): GenerateParams => ({
  seed,
  members: 4 + (seed % 12),
  requests: 1 + (seed % 6),
  units: seed % 3,
  pinShare: 0.2,
})

describe('prng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = prng(7)
    const b = prng(7)
    const c = prng(8)
    const xs = Array.from({ length: 20 }, () => a.next())
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs)
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(xs)
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true)
  })

  it('int stays in range and reaches both ends', () => {
    const r = prng(1)
    const seen = new Set<number>()
    for (let i = 0; i < 2000; i++) {
      const v = r.int(-2, 2)
      expect(v >= -2 && v <= 2 && Number.isInteger(v)).toBe(true)
      seen.add(v)
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2])
  })

  it('sample returns distinct elements', () => {
    const r = prng(3)
    const xs = Array.from({ length: 100 }, (_, i) => i)
    for (const k of [0, 1, 5, 30, 99, 100, 150]) {
      const s = r.sample(xs, k)
      expect(s.length).toBe(Math.min(k, 100))
      expect(new Set(s).size).toBe(s.length)
    }
  })
})

describe('generateProblem', () => {
  it('is deterministic: same parameters give the same JSON', () => {
    expect(JSON.stringify(generateProblem(small(5)))).toBe(JSON.stringify(generateProblem(small(5))))
    expect(JSON.stringify(generateProblem(small(5)))).not.toBe(
      JSON.stringify(generateProblem({ ...small(5), seed: 6 })),
    )
  })

  it('generates valid problems (pins included) with the requested sizes', () => {
    for (let seed = 0; seed < 200; seed++) {
      const params = small(seed)
      const p = generateProblem(params)
      expect(p.members.length).toBe(params.members)
      expect(p.requests.length).toBe(params.requests)
      for (const r of p.requests) expect(r.slots.length >= 1 && r.slots.length <= 4).toBe(true)
      const d = decodeProblem(p)
      if (E.isLeft(d)) expect.fail(`seed ${seed}: ${JSON.stringify(d.left.slice(0, 3))}`)
    }
  })

  it('exercises every feature over a few seeds', () => {
    const seen = {
      pins: 0,
      previous: 0,
      apart: 0,
      history: 0,
      excluded: 0,
      available: 0,
      never: 0,
      units: 0,
      discipline: 0,
      limit2: 0,
      rotation: 0,
      committed: 0,
      goals: 0,
      preferences: 0,
    }
    for (let seed = 0; seed < 60; seed++) {
      const p = generateProblem(small(seed))
      seen.pins += p.pinned.length
      seen.previous += p.previous.length
      seen.apart += p.apart.length
      seen.history += p.history.length
      seen.excluded += p.requests.filter((r) => (r.excluded ?? []).length > 0).length
      seen.available += p.members.filter((m) => m.available !== undefined && m.available.length > 0).length
      seen.never += p.members.filter((m) => m.available !== undefined && m.available.length === 0).length
      seen.units += p.members.filter((m) => m.units !== undefined).length
      seen.discipline += p.requests.flatMap((r) => r.slots).filter((s) => s.discipline !== undefined).length
      seen.limit2 += p.policy?.maxSlotsPerMemberPerRequest === 2 ? 1 : 0
      seen.rotation += p.policy?.rotationSince !== undefined ? 1 : 0
      seen.committed += p.members.filter((m) => (m.committed ?? 0) > 0).length
      seen.goals += p.members.filter((m) => (m.goals ?? []).length > 0).length
      seen.preferences += p.members.filter((m) => Object.keys(m.preferences ?? {}).length > 0).length
    }
    for (const [k, v] of Object.entries(seen)) expect(v, k).toBeGreaterThan(0)
  })

  it('shuffleProblem keeps the meaning: the decoded problems are equal', () => {
    for (let seed = 0; seed < 40; seed++) {
      const p = generateProblem(small(seed))
      const q = shuffleProblem(p, seed + 100)
      expect(JSON.stringify(q)).not.toBe(JSON.stringify(p)) // something moved (all sizes here have ≥ 4 members)
      const a = decodeProblem(p)
      const b = decodeProblem(q)
      expect(E.isRight(a) && E.isRight(b)).toBe(true)
      if (E.isRight(a) && E.isRight(b)) expect(b.right).toEqual(a.right)
    }
  })

  it('shuffleProblem does not modify its input', () => {
    const p = generateProblem(small(9))
    const before = JSON.stringify(p)
    shuffleProblem(p, 1)
    expect(JSON.stringify(p)).toBe(before)
  })
})

describe('presets', () => {
  it('S and M have the documented sizes and decode', () => {
    for (const [name, members, slots] of [
      ['S', 40, 40],
      ['M', 1_000, 800],
    ] as const) {
      const p = preset(name, 1)
      expect(p.members.length).toBe(members)
      const n = p.requests.reduce((a, r) => a + r.slots.length, 0)
      expect(n).toBeGreaterThan(slots * 0.8)
      expect(n).toBeLessThan(slots * 1.25)
      expect(E.isRight(decodeProblem(p))).toBe(true)
    }
  })
})
