/**
 * Solve: the plan of §8 for the sample and for hand-built problems — valid, scored by the one
 * evaluator, sorted, with the reason partition for every unfilled slot — and the issues of
 * `evaluatePlan` / `planOf` for invalid assignments.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { evaluate, violations } from '../src/model/Evaluate.js'
import { complete, planState } from '../src/pipeline/internal/planState.js'
import { generateProblem } from './support/generate.js'
import { compile } from '../src/pipeline/Compile.js'
import { encodePlan, noStats, PlanCodec, type Plan } from '../src/staffing/Plan.js'
import { sampleProblemJson } from '../src/samples/Sample.js'
import { evaluatePlan, planOf, solve } from '../src/pipeline/Solve.js'
import { decode, planIssues, member, memberOf, problem, reasonsOf, request, total } from './support/staffing.js'
import { edgeList } from '../src/model/Model.js'

const sample = decode(sampleProblemJson)

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const checkShape = (p: ReturnType<typeof decode>, plan: Plan): void => {
  const slots = p.requests.flatMap((r) => r.slots.map((s) => s.id as string)).sort(byId)
  const assigned = plan.assignments.map((a) => a.slot as string)
  const open = plan.unfilled.map((u) => u.slot as string)
  expect(assigned).toEqual([...assigned].sort(byId))
  expect(open).toEqual([...open].sort(byId))
  expect([...assigned, ...open].sort(byId)).toEqual(slots)
  for (const u of plan.unfilled) expect(total(u.reasons)).toBe(p.members.length)
}

describe('solve: the sample', () => {
  const plan = solve(sample, { effort: 300_000 })

  it('covers every slot once, sorted by slot id, with reasons summing to the pool size', () => {
    checkShape(sample, plan)
    expect(plan.assignments.length).toBeGreaterThan(30)
  })

  it('reports the evaluator’s score of its assignments', () => {
    const again = evaluatePlan(sample)(plan.assignments)
    expect(again).toEqual(E.right(plan.score))
    const t = plan.score.terms
    expect(plan.score.soft).toBeCloseTo(
      t.fit + t.preference + t.learning + t.continuity + t.diversity + t.rotation + t.balance,
      9,
    )
  })

  it('keeps the pin and reports a bound at least its score', () => {
    for (const pin of sample.pinned) expect(memberOf(plan, pin.slot)).toBe(pin.member)
    expect(plan.bound).not.toBeNull()
    expect(plan.bound!.filled).toBeGreaterThanOrEqual(plan.score.filled)
    if (plan.bound!.filled === plan.score.filled) expect(plan.bound!.soft).toBeGreaterThanOrEqual(plan.score.soft - 1e-6)
  })

  it('encodes to the plan JSON that the plan codec reads back', () => {
    const json = encodePlan(plan)
    expect(Object.keys(json as object)).toEqual(['assignments', 'unfilled', 'score', 'bound', 'status', 'gap', 'stats'])
    expect(PlanCodec.decode(JSON.parse(JSON.stringify(json)))).toEqual(E.right(plan))
  })

  it('is deterministic for the same options', () => {
    expect(JSON.stringify(encodePlan(solve(sample, { effort: 300_000 })))).toBe(JSON.stringify(encodePlan(plan)))
  })
})

describe('solve: exact on a small problem', () => {
  // Three members, three slots; only one assignment fills everything.
  const p = problem({
    members: [
      member('a', { disciplines: ['law'], preferences: { r: 2 } }),
      member('b', { disciplines: ['finance', 'law'] }),
      member('c', { disciplines: ['ict'] }),
    ],
    requests: [
      request('q1', [
        { id: 's-law', role: 'r', hours: 8, discipline: 'law' },
        { id: 's-fin', role: 'r', hours: 8, discipline: 'finance' },
        ['s-any', 'r', 8],
      ]),
    ],
    weights: { preference: 1 },
  })

  it('finds the unique full plan and proves it', () => {
    const plan = solve(p, { exact: true })
    expect(plan.assignments).toEqual([
      { slot: 's-any', member: 'c' },
      { slot: 's-fin', member: 'b' },
      { slot: 's-law', member: 'a' },
    ])
    expect(plan.score.filled).toBe(3)
    expect(plan.score.soft).toBe(2)
    expect(plan.bound).toEqual({ filled: 3, soft: 2 })
    expect(plan.unfilled).toEqual([])
  })
})

describe('unfilled reasons', () => {
  // One slot, every rule represented once (or twice).
  const role = { id: 'r', qualities: [{ quality: 'skill', min: 2 }] }
  const p = problem({
    roles: [role],
    members: [
      member('u', { units: ['zuid'] }), // unit
      member('q', { qualities: { skill: 1 } }), // quality
      member('d', { qualities: { skill: 2 }, disciplines: ['ict'] }), // discipline
      member('x', { qualities: { skill: 2 } }), // excluded
      member('v', { qualities: { skill: 2 }, available: [] }), // availability
      member('k', { qualities: { skill: 2 }, capacity: 10, committed: 5 }), // capacity: 5 h free
      member('t', { qualities: { skill: 2 }, capacity: 10 }), // taken: busy on the other request
      member('f', { qualities: { skill: 2 } }), // free (only in a hand-edited plan)
    ],
    requests: [
      request('q1', [{ id: 'open', role: 'r', hours: 8, discipline: 'general' }], {
        unit: 'noord',
        excluded: ['x'],
      }),
      request('q2', [['busy', 'r', 8]], { priority: 5 }),
    ],
    pinned: [{ member: 't', slot: 'busy' }],
  })

  it('partitions the pool in rule order, with free members in a hand-edited plan', () => {
    const plan = planOf(p, [{ slot: 'busy', member: 't' }])
    expect(E.isRight(plan)).toBe(true)
    const r = (plan as E.Right<Plan>).right
    expect(r.bound).toBeNull()
    expect(r.stats).toEqual(noStats)
    expect([r.status, r.gap]).toEqual(['feasible', null])
    expect(reasonsOf(r, 'open')).toEqual([
      { constraint: 'unit', count: 1, detail: 'unit noord not served' },
      { constraint: 'quality', count: 1, detail: 'skill < 2' },
      { constraint: 'discipline', count: 1, detail: 'discipline general missing' },
      { constraint: 'excluded', count: 1, detail: 'excluded from the request' },
      { constraint: 'availability', count: 1, detail: 'not available 2027-01-01..2027-06-30' },
      { constraint: 'capacity', count: 1, detail: '5 h free < 8 h' },
      { constraint: 'taken', count: 1, detail: 'busy with other assignments' },
      { constraint: 'free', count: 1, detail: 'eligible and free' },
    ])
    expect(E.right(r.score)).toEqual(evaluatePlan(p)([{ slot: 'busy', member: 't' }]))
  })

  it('never leaves a member free in a plan from solve', () => {
    const plan = solve(p)
    expect(memberOf(plan, 'open')).toBe('f')
    expect(plan.unfilled).toEqual([])
  })

  it('a complete hand-edited plan has no unfilled slots', () => {
    const plan = planOf(p, [
      { slot: 'busy', member: 't' },
      { slot: 'open', member: 'f' },
    ])
    expect(E.isRight(plan) && plan.right.unfilled).toEqual([])
  })
})

describe('evaluatePlan: issues', () => {
  const p = problem({
    members: [member('a', { capacity: 10 }), member('b', { disciplines: ['law'] }), member('c')],
    requests: [
      request('q1', [['s1', 'r', 8], { id: 's2', role: 'r', hours: 8, discipline: 'law' }]),
      request('q2', [['t1', 'r', 8]]),
    ],
    pinned: [{ member: 'c', slot: 't1' }],
    apart: [['a', 'b']],
  })

  it('accepts a valid plan and scores it like the evaluator on the model', () => {
    const c = compile(p)
    const r = evaluatePlan(p)([
      { slot: 't1', member: 'c' },
      { slot: 's1', member: 'c' },
    ])
    const edges = [c.edgeOf(2, c.slotIndex.get('s1' as never)!), c.edgeOf(2, c.slotIndex.get('t1' as never)!)]
    const ms = evaluate(c.model)(edges)
    expect(E.isRight(r) && r.right.filled).toBe(ms.filled)
    expect(E.isRight(r) && r.right.soft).toBe(ms.soft)
  })

  it('names unknown slots and members with their paths', () => {
    const issues = planIssues(p, [
      ['t1', 'c'],
      ['nope', 'a'],
      ['s1', 'zed'],
    ])
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['assignments[1].slot', 'reference'],
      ['assignments[2].member', 'reference'],
    ])
  })

  it('rejects a slot assigned twice', () => {
    const issues = planIssues(p, [
      ['t1', 'c'],
      ['s1', 'a'],
      ['s1', 'c'],
    ])
    expect(issues.map((i) => [i.path, i.code])).toEqual([['assignments[2].slot', 'duplicate']])
  })

  it('rejects an ineligible member with the rule and its detail', () => {
    const issues = planIssues(p, [
      ['t1', 'c'],
      ['s2', 'a'],
    ])
    expect(issues.map((i) => [i.path, i.code])).toEqual([['assignments[1]', 'conflict']])
    expect(issues[0]?.message).toContain('discipline: discipline law missing')
  })

  it('rejects an apart pair, a missing pin and overload, collecting every issue', () => {
    expect(planIssues(p, [['t1', 'c'], ['s1', 'a'], ['s2', 'b']])).toEqual([
      { _tag: 'Issue', path: 'assignments', code: 'conflict', message: 'members a and b are kept apart but both serve request q1' },
    ])
    expect(planIssues(p, [['s1', 'c']])).toEqual([
      { _tag: 'Issue', path: 'assignments', code: 'pin', message: 'the pin of member c on slot t1 is missing' },
    ])
    // a: 10 h capacity, s1 and t1 overlap (8 + 8); and the pin on t1 is missing
    const both = planIssues(p, [['s1', 'a'], ['t1', 'a']])
    expect(both.map((i) => [i.code, i.message]).sort()).toEqual([
      ['conflict', 'member a would work 16 h a week on 2027-01-01 on top of 0 h committed, above the capacity of 10 h'],
      ['pin', 'the pin of member c on slot t1 is missing'],
    ])
    // the per-request limit
    expect(planIssues(p, [['t1', 'c'], ['s1', 'c'], ['s2', 'b']])).toEqual([])
    const q = problem({ members: [member('c')], requests: [request('q1', [['s1', 'r', 8], ['s2', 'r', 8]])] })
    expect(planIssues(q, [['s1', 'c'], ['s2', 'c']]).map((i) => i.message)).toEqual([
      'member c holds 2 slots of request q1, above the limit of 1',
    ])
    expect(E.isLeft(planOf(p, [['s1', 'a'], ['t1', 'a']].map(([slot, m]) => ({ slot: slot!, member: m! }))))).toBe(true)
  })

  it('reports zero terms as +0, never −0', () => {
    const q = problem({
      members: [member('a', { preferences: { r: -2 } })],
      requests: [request('q1', [['s1', 'r', 8]])],
    })
    const plan = solve(q)
    expect(Object.is(plan.score.terms.preference, 0)).toBe(true)
    expect(Object.is(plan.score.soft, 0)).toBe(true)
  })
})

describe('completion pass (internal)', () => {
  it('fills every slot a member could still fill, and nothing else', () => {
    let added = 0
    for (let seed = 1; seed <= 30; seed++) {
      const p = decode(generateProblem({ seed, members: 12, requests: 5 }))
      const c = compile(p)
      const plan = solve(p, { effort: 20_000 })
      const pinned = new Set(p.pinned.map((x) => x.slot as string))
      // drop every other unpinned assignment: a valid, non-maximal plan
      const kept = plan.assignments.filter((a, i) => pinned.has(a.slot) || i % 2 === 0)
      const edges = kept.map((a) => c.edgeOf(c.memberIndex.get(a.member)!, c.slotIndex.get(a.slot)!))
      const st = planState(c.model, edges)
      const n = complete(st)
      const done = { added: n, edges: Array.from(st.edges()) }
      added += done.added
      expect(done.edges).toHaveLength(edges.length + done.added)
      expect(done.edges).toEqual([...done.edges].sort((a, b) => a - b))
      expect(violations(c.model)(done.edges)).toEqual([])
      const assignments = done.edges.map((e) => ({
        slot: c.slotIds[edgeList(c.model)[e]!.slot]!,
        member: c.memberIds[edgeList(c.model)[e]!.member]!,
      }))
      const full = planOf(p, assignments)
      expect(E.isRight(full)).toBe(true)
      if (E.isRight(full)) for (const u of full.right.unfilled) expect(u.reasons.map((r) => r.constraint)).not.toContain('free')
      // a maximal plan stays as it is
      expect(complete(planState(c.model, done.edges))).toBe(0)
    }
    expect(added).toBeGreaterThan(10)
  })
})
