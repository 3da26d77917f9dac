import { describe, expect, it } from 'vitest'
import { Issue, Problem, Sample, SampleRequests } from 'wendbaar'
import * as Catalogue from '../src/classify/Catalogue.js'
import * as Eligibility from '../src/staffing/Eligibility.js'
import * as Solve from '../src/pipeline/Solve.js'

const decoded = () => {
  const r = Problem.decodeProblem(Sample.sampleProblemJson)
  if (r._tag === 'Left') expect.fail(`the sample does not decode:\n${Issue.render(r.left).join('\n')}`)
  return r.right
}

describe('Sample', () => {
  it('decodes without issues, with the expected counts', () => {
    const p = decoded()
    expect(p.roles.map((r) => r.id)).toEqual(['budget', 'content', 'direction', 'network', 'politics'])
    expect(p.members).toHaveLength(40)
    expect(p.requests).toHaveLength(8)
    expect(p.requests.flatMap((r) => r.slots)).toHaveLength(40)
    expect(p.history).toHaveLength(3)
    expect(p.pinned).toEqual([{ member: 'm24', slot: 'jeugdzorg-wachtlijsten/direction' }])
    expect(p.previous).toEqual([{ member: 'm02', slot: 'armoedebeleid/budget' }])
    expect(p.apart).toEqual([['m09', 'm17']])
    expect(p.policy.rotationSince).toBe('2026-01-01')
  })

  it('is the whole of its parts', () => {
    const whole = Sample.sampleProblemJson
    expect(whole.roles).toBe(Sample.sampleRolesJson)
    expect(whole.members).toBe(Sample.sampleMembersJson)
    expect(whole.requests).toBe(Sample.sampleRequestsJson)
    expect(whole.history).toBe(Sample.sampleHistoryJson)
    expect(whole.policy).toBe(Sample.samplePolicyJson)
  })

  it('is frozen all the way down: a stray write throws instead of changing it for everyone', () => {
    const whole = Sample.sampleProblemJson
    expect(Object.isFrozen(whole)).toBe(true)
    expect(Object.isFrozen(whole.members[0])).toBe(true)
    expect(Object.isFrozen(whole.requests[0]?.slots[0])).toBe(true)
    expect(() => {
      ;(whole.members as Array<unknown>).push({})
    }).toThrow(TypeError)
    expect(Object.isFrozen(SampleRequests.sampleIntakeJson.requests[0])).toBe(true)
  })

  it('is plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(Sample.sampleProblemJson))).toEqual(Sample.sampleProblemJson)
  })

  it('has the roles of the default catalogue', () => {
    expect(Sample.sampleRolesJson).toEqual(Catalogue.toProblemRoles(Catalogue.defaultCatalogue, 'en'))
  })

  it('has a little of everything: units, windows, commitments, preferences, goals', () => {
    const p = decoded()
    const units = new Set(p.members.flatMap((m) => m.units ?? []))
    expect([...units].sort()).toEqual(['centrum', 'noord', 'zuid'])
    expect(p.members.filter((m) => m.units === null).length).toBeGreaterThan(10)
    expect(p.members.filter((m) => m.available !== null).length).toBeGreaterThanOrEqual(3)
    expect(p.members.filter((m) => m.committed > 0).length).toBeGreaterThan(30)
    expect(p.members.filter((m) => Object.keys(m.preferences).length > 0).length).toBeGreaterThan(20)
    expect(p.members.filter((m) => m.goals.length > 0).length).toBeGreaterThan(15)
    for (const m of p.members) {
      expect(m.capacity).toBeGreaterThanOrEqual(16)
      expect(m.capacity).toBeLessThanOrEqual(36)
    }
    expect(new Set(p.members.map((m) => m.name)).size).toBe(40)
    expect(p.requests.map((r) => r.unit)).toContain(null)
    for (const r of p.requests) {
      expect(r.period.from >= '2027-01-01' && r.period.to <= '2027-12-31').toBe(true)
    }
  })

  it('uses qualities the pool actually has: every required quality is met by someone', () => {
    const p = decoded()
    for (const role of p.roles) {
      for (const q of role.qualities) {
        const holders = p.members.filter((m) => (m.qualities[q.quality] ?? 0) >= q.min)
        expect(holders.length, `${role.id} needs ${q.quality} ≥ ${q.min}`).toBeGreaterThan(2)
      }
    }
  })

  it('gives every slot but the youth-care one an eligible member with room', () => {
    const p = decoded()
    const hopeless: Array<string> = []
    for (const r of p.requests) {
      for (const s of r.slots) {
        const fitting = p.members.filter((m) => Eligibility.check(p, m, r, s)._tag === 'None')
        if (fitting.length === 0) hopeless.push(s.id)
      }
    }
    expect(hopeless).toEqual(['jeugdzorg-wachtlijsten/content-youth-care'])
  })

  it('leaves exactly the youth-care slot open: its five youth-care people lack the time', () => {
    const p = decoded()
    const plan = Solve.solve(p, { seed: 1 }) // default effort: the sample is small enough to solve exactly
    expect(plan.unfilled.map((u) => u.slot)).toEqual(['jeugdzorg-wachtlijsten/content-youth-care'])
    const reasons = plan.unfilled[0]?.reasons ?? []
    const count = (c: string) => reasons.filter((x) => x.constraint === c).reduce((n, x) => n + x.count, 0)
    // quality comes before discipline in the rule order: two members fail it first
    expect([count('unit'), count('quality'), count('discipline'), count('availability'), count('capacity')]).toEqual([0, 2, 33, 1, 4])
    expect(count('taken') + count('free')).toBe(0)
    expect(plan.score.filled).toBe(138)
    expect(plan.bound?.filled).toBe(138)
  })

  it('pins a member who is eligible and has room', () => {
    const p = decoded()
    for (const pin of p.pinned) {
      const request = p.requests.find((r) => r.slots.some((s) => s.id === pin.slot))
      const slot = request?.slots.find((s) => s.id === pin.slot)
      const member = p.members.find((m) => m.id === pin.member)
      expect(request && slot && member).toBeTruthy()
      if (request && slot && member) expect(Eligibility.check(p, member, request, slot)._tag).toBe('None')
    }
  })
})

describe('the worked examples of docs/scoring.md', () => {
  const problem = decoded
  const pin = { member: 'm24', slot: 'jeugdzorg-wachtlijsten/direction' }

  it('Hanneke de Graaf directing: fit 9.33, preference 4, balance −0.194', () => {
    const score = Solve.evaluatePlan(problem())([pin])
    if (score._tag === 'Left') expect.fail(Issue.render(score.left).join('\n'))
    expect(score.right.terms.fit).toBeCloseTo(10 * (14 / 15), 9)
    expect(score.right.terms.preference).toBe(4)
    expect(score.right.terms.balance).toBeCloseTo(-5 * (1.4 / 36), 9)
    expect(score.right.filled).toBe(5)
  })

  it('Yasmina Achahbar on politics learns: learning 2', () => {
    const score = Solve.evaluatePlan(problem())([pin, { member: 'm14', slot: 'opvang-zuid/politics' }])
    if (score._tag === 'Left') expect.fail(Issue.render(score.left).join('\n'))
    expect(score.right.terms.learning).toBeCloseTo(2, 9)
  })
})
