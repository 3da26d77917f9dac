/**
 * Hard constraint 1 (eligibility), availability: a member with `available` windows needs one
 * window that covers the whole request period (`from ≤ period.from`, `period.to ≤ to`);
 * `available: []` means never; no `available` means always.
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { planIssues, member, problem, reasonsOf, request, total } from '../support/staffing.js'
import { edgeList } from '../../src/model/Model.js'

const period = { from: '2027-02-01', to: '2027-06-30' }

const members = [
  member('a', { available: [{ from: '2027-01-01', to: '2027-12-31' }] }), // covers
  member('b', { available: [{ from: '2027-03-01', to: '2027-12-31' }] }), // starts too late
  member('c', { available: [] }), // never
  member('d', {
    available: [
      { from: '2027-01-01', to: '2027-03-31' },
      { from: '2027-04-01', to: '2027-12-31' },
    ],
  }), // two windows, neither covers the whole period
  member('e'), // always
  member('f', { available: [{ from: '2027-02-01', to: '2027-06-30' }] }), // exactly the period
]

describe('eligibility: availability', () => {
  const p = problem({ members, requests: [request('q1', [['s1', 'r', 8]], { period })] })

  it('offers the slot only to members with one window covering the period', () => {
    const c = compile(p)
    expect(edgeList(c.model).map((e) => c.memberIds[e.member])).toEqual(['a', 'e', 'f'])
  })

  it('rejects a member not available for the whole period', () => {
    for (const m of ['b', 'c', 'd']) {
      const issues = planIssues(p, [['s1', m]])
      expect(issues).toHaveLength(1)
      expect(issues[0]?.message).toContain('not available 2027-02-01..2027-06-30')
    }
    expect(planIssues(p, [['s1', 'f']])).toEqual([])
  })

  it('counts unavailable members under `availability`', () => {
    const q = problem({
      members: members.filter((m) => ['b', 'c', 'd'].includes(m['id'] as string)),
      requests: [request('q1', [['s1', 'r', 8]], { period })],
    })
    const plan = solve(q)
    expect(plan.assignments).toEqual([])
    expect(reasonsOf(plan, 's1')).toEqual([
      { constraint: 'availability', count: 3, detail: 'not available 2027-02-01..2027-06-30' },
    ])
    expect(total(reasonsOf(plan, 's1'))).toBe(3)
  })
})
