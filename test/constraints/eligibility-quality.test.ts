/**
 * Hard constraint 1 (eligibility), quality: for every quality of the slot's role,
 * `level(m, q) ≥ min_q` (a missing quality is level 0).
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { planIssues, member, memberOf, problem, reasonsOf, request, total } from '../support/staffing.js'
import { edgeList } from '../../src/model/Model.js'

const lead = {
  id: 'lead',
  qualities: [
    { quality: 'leadership', min: 3, weight: 1 },
    { quality: 'analysis', min: 2, weight: 1 },
  ],
}

const members = [
  member('a', { qualities: { leadership: 3, analysis: 2 } }), // exactly at both minimums
  member('b', { qualities: { leadership: 2, analysis: 3 } }), // leadership short
  member('c', { qualities: { leadership: 5, analysis: 1 } }), // analysis short
  member('d'), // nothing: analysis is the first shortfall in quality-name order
]

const p = problem({
  roles: [lead],
  members,
  requests: [request('q1', [['s1', 'lead', 8]])],
})

describe('eligibility: quality', () => {
  it('offers the slot only to members meeting every minimum (equality included)', () => {
    const c = compile(p)
    expect(edgeList(c.model).map((e) => c.memberIds[e.member])).toEqual(['a'])
    expect(memberOf(solve(p), 's1')).toBe('a')
  })

  it('rejects a member below a minimum', () => {
    const issues = planIssues(p, [['s1', 'b']])
    expect(issues.map((i) => i.code)).toEqual(['conflict'])
    expect(issues[0]?.message).toContain('leadership < 3')
    expect(planIssues(p, [['s1', 'c']])[0]?.message).toContain('analysis < 2')
    expect(planIssues(p, [['s1', 'a']])).toEqual([])
  })

  it('counts each member once, under its first shortfall in quality-name order', () => {
    const q = problem({
      roles: [lead],
      members: members.filter((m) => m['id'] !== 'a'),
      requests: [request('q1', [['s1', 'lead', 8]])],
    })
    const plan = solve(q)
    expect(plan.assignments).toEqual([])
    expect(reasonsOf(plan, 's1')).toEqual([
      { constraint: 'quality', count: 2, detail: 'analysis < 2' },
      { constraint: 'quality', count: 1, detail: 'leadership < 3' },
    ])
    expect(total(reasonsOf(plan, 's1'))).toBe(3)
  })

  it('a role quality with min 0 rules nobody out', () => {
    const q = problem({
      roles: [{ id: 'open', qualities: [{ quality: 'writing', min: 0, weight: 2 }] }],
      members: [member('a'), member('b', { qualities: { writing: 1 } })],
      requests: [request('q1', [['s1', 'open', 8]])],
    })
    const c = compile(q)
    expect(edgeList(c.model).map((e) => c.memberIds[e.member])).toEqual(['a', 'b'])
  })
})
