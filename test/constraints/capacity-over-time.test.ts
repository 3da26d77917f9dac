/**
 * Hard constraint 2, capacity over time: at every date, `committed + Σ hours` of the member's
 * slots whose request period contains that date must stay within `capacity`.
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { planIssues, member, memberOf, problem, reasonsOf, request, scoreOf, total } from '../support/staffing.js'
import { edgeList } from '../../src/model/Model.js'

const H1 = { from: '2027-01-01', to: '2027-06-30' }
const H2 = { from: '2027-04-01', to: '2027-09-30' } // overlaps H1 in April–June
const H3 = { from: '2027-07-01', to: '2027-12-31' } // after H1, overlaps H2 in July–September

describe('capacity over time', () => {
  // a has 40 − 16 = 24 h free.
  const p = problem({
    members: [member('a', { capacity: 40, committed: 16 })],
    requests: [
      request('q1', [['s1', 'r', 16]], { period: H1, priority: 2 }),
      request('q2', [['s2', 'r', 16]], { period: H2, priority: 1 }),
      request('q3', [['s3', 'r', 8]], { period: H3, priority: 1 }),
      request('q4', [['s4', 'r', 30]], { period: H1, priority: 5 }),
    ],
    policy: { maxSlotsPerMemberPerRequest: 1 },
  })

  it('compiles capacity − committed, time points at the request starts, and slot ranges', () => {
    const c = compile(p)
    expect(c.model.members[0]?.capacity).toBe(24)
    expect(c.timePoints).toEqual(['2027-01-01', '2027-04-01', '2027-07-01'])
    const range = (id: string): [number, number] => {
      const s = c.model.slots[c.slotIndex.get(id as never) as number]
      return [s?.from ?? -1, s?.to ?? -1]
    }
    expect(range('s1')).toEqual([0, 1]) // contains 01-01 and 04-01
    expect(range('s2')).toEqual([1, 2]) // contains 04-01 and 07-01
    expect(range('s3')).toEqual([2, 2])
    // 30 h do not fit in 24 h free: no edge at all.
    const s4 = c.slotIndex.get('s4' as never) as number
    expect(edgeList(c.model).filter((e) => e.slot === s4)).toEqual([])
  })

  it('takes the most priority that fits over time: s1 and s3 (3), not s2 and s3 (2)', () => {
    const plan = solve(p)
    expect(plan.assignments.map((x) => x.slot)).toEqual(['s1', 's3'])
    expect(plan.score.filled).toBe(3)
    expect(memberOf(plan, 's2')).toBeUndefined()
    expect(reasonsOf(plan, 's2')).toEqual([{ constraint: 'taken', count: 1, detail: 'busy with other assignments' }])
    expect(reasonsOf(plan, 's4')).toEqual([{ constraint: 'capacity', count: 1, detail: '24 h free < 30 h' }])
    expect(total(reasonsOf(plan, 's4'))).toBe(1)
  })

  it('allows overlapping slots up to the capacity exactly (16 + 8 = 24)', () => {
    expect(scoreOf(p, [['s2', 'a'], ['s3', 'a']]).filled).toBe(2)
  })

  it('rejects overlapping slots beyond the capacity (16 + 16 > 24)', () => {
    const issues = planIssues(p, [['s1', 'a'], ['s2', 'a']])
    expect(issues.length).toBeGreaterThan(0)
    expect(issues.every((i) => i.code === 'conflict')).toBe(true)
  })

  it('rejects a slot larger than the free hours on its own, naming the capacity rule', () => {
    const issues = planIssues(p, [['s4', 'a']])
    expect(issues).toHaveLength(1)
    expect(issues[0]?.message).toContain('capacity')
    expect(issues[0]?.message).toContain('24 h free < 30 h')
  })

  it('only counts slots active on the same date: three 10 h slots with peak 20 fit in 20 h', () => {
    const q = problem({
      members: [member('a', { capacity: 20 })],
      requests: [
        request('long', [['l', 'r', 10]], { period: { from: '2027-01-01', to: '2027-12-31' } }),
        request('spring', [['sp', 'r', 10]], { period: { from: '2027-03-01', to: '2027-04-30' } }),
        request('summer', [['su', 'r', 10]], { period: { from: '2027-06-01', to: '2027-07-31' } }),
      ],
    })
    expect(solve(q).score.filled).toBe(3)
    expect(scoreOf(q, [['l', 'a'], ['sp', 'a'], ['su', 'a']]).filled).toBe(3)
  })

  it('counts one shared day as an overlap', () => {
    const q = problem({
      members: [member('a', { capacity: 20 })],
      requests: [
        request('x', [['x1', 'r', 12]], { period: { from: '2027-01-01', to: '2027-06-30' } }),
        request('y', [['y1', 'r', 12]], { period: { from: '2027-06-30', to: '2027-12-31' } }),
      ],
    })
    expect(planIssues(q, [['x1', 'a'], ['y1', 'a']]).length).toBeGreaterThan(0)
    expect(solve(q).score.filled).toBe(1)
  })
})
