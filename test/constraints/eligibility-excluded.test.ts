/**
 * Hard constraint 1 (eligibility), excluded: a member in the request's `excluded` list never
 * serves on it.
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { planIssues, member, memberOf, problem, reasonsOf, request, total } from '../support/staffing.js'
import { edgeList } from '../../src/model/Model.js'

describe('eligibility: excluded', () => {
  // a is by far the most wanted (preference weight), but excluded from q1.
  const p = problem({
    members: [member('a', { preferences: { r: 2 } }), member('b')],
    requests: [
      request('q1', [['s1', 'r', 8]], { excluded: ['a'] }),
      request('q2', [['s2', 'r', 8]]),
    ],
    weights: { preference: 5 },
  })

  it('leaves excluded members out of the request', () => {
    const c = compile(p)
    const s1 = c.slotIndex.get('s1' as never) as number
    expect(edgeList(c.model).filter((e) => e.slot === s1).map((e) => c.memberIds[e.member])).toEqual(['b'])
    const plan = solve(p)
    expect(memberOf(plan, 's1')).toBe('b')
    expect(memberOf(plan, 's2')).toBe('a')
    expect(plan.score.terms.preference).toBe(10)
  })

  it('rejects an excluded member', () => {
    const issues = planIssues(p, [['s1', 'a']])
    expect(issues).toHaveLength(1)
    expect(issues[0]?.code).toBe('conflict')
    expect(issues[0]?.message).toContain('excluded from the request')
  })

  it('counts excluded members under `excluded`', () => {
    const q = problem({
      members: [member('a'), member('b', { units: ['zuid'] }), member('c')],
      requests: [request('q1', [['s1', 'r', 8]], { excluded: ['a', 'b', 'c'], unit: 'noord' })],
    })
    const plan = solve(q)
    expect(reasonsOf(plan, 's1')).toEqual([
      { constraint: 'unit', count: 1, detail: 'unit noord not served' },
      { constraint: 'excluded', count: 2, detail: 'excluded from the request' },
    ])
    expect(total(reasonsOf(plan, 's1'))).toBe(3)
  })
})
