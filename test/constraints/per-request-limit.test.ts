/**
 * Hard constraint 3: at most `maxSlotsPerMemberPerRequest` slots per member per request.
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { planIssues, member, problem, reasonsOf, request, scoreOf, total } from '../support/staffing.js'

const requests = [
  request('q1', [
    ['s1', 'r', 8],
    ['s2', 'r', 8],
    ['s3', 'r', 8],
  ]),
  request('q2', [['t1', 'r', 8]]),
]

describe('per-request limit', () => {
  it('compiles one group per request with the policy limit', () => {
    const p = problem({ members: [member('a')], requests, policy: { maxSlotsPerMemberPerRequest: 2 } })
    const c = compile(p)
    expect(c.model.groups).toEqual([
      { id: 'q1', limit: 2 },
      { id: 'q2', limit: 2 },
    ])
    expect(c.model.slots.map((s) => s.group)).toEqual([0, 0, 0, 1])
  })

  it('with limit 1, one member fills one slot per request', () => {
    const p = problem({ members: [member('a')], requests })
    const plan = solve(p)
    expect(plan.score.filled).toBe(2)
    expect(plan.assignments.filter((x) => x.slot.startsWith('s'))).toHaveLength(1)
    expect(plan.unfilled).toHaveLength(2)
    for (const u of plan.unfilled) {
      expect(u.reasons).toEqual([{ constraint: 'taken', count: 1, detail: 'per-request limit reached' }])
      expect(total(u.reasons)).toBe(1)
    }
    const issues = planIssues(p, [['s1', 'a'], ['s2', 'a']])
    expect(issues.map((i) => i.code)).toEqual(['conflict'])
  })

  it('with limit 2, one member fills two slots per request', () => {
    const p = problem({ members: [member('a')], requests, policy: { maxSlotsPerMemberPerRequest: 2 } })
    const plan = solve(p)
    expect(plan.score.filled).toBe(3)
    expect(scoreOf(p, [['s1', 'a'], ['s2', 'a'], ['t1', 'a']]).filled).toBe(3)
    expect(planIssues(p, [['s1', 'a'], ['s2', 'a'], ['s3', 'a']]).length).toBeGreaterThan(0)
    expect(reasonsOf(plan, plan.unfilled[0]?.slot ?? '')).toEqual([
      { constraint: 'taken', count: 1, detail: 'per-request limit reached' },
    ])
  })
})
