/**
 * Hard constraint 5: no `apart` pair serves in the same request.
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { planIssues, member, problem, reasonsOf, request, scoreOf, total } from '../support/staffing.js'

const slots = [
  { id: 's-fin', role: 'r', hours: 8, discipline: 'finance' },
  { id: 's-law', role: 'r', hours: 8, discipline: 'law' },
]

describe('apart', () => {
  const p = problem({
    members: [member('a', { disciplines: ['finance'] }), member('b', { disciplines: ['law'] }), member('c', { disciplines: ['ict'] })],
    requests: [request('q1', slots), request('q2', [['t1', 'r', 8]])],
    apart: [['b', 'a']],
  })

  it('compiles apart pairs to conflicts between member indices (a < b)', () => {
    expect(compile(p).model.conflicts).toEqual([[0, 1]])
  })

  it('never puts the pair on one team', () => {
    const plan = solve(p)
    const q1 = plan.assignments.filter((x) => x.slot.startsWith('s-')).map((x) => x.member)
    expect(q1).toHaveLength(1)
    const open = plan.unfilled.find((u) => u.slot.startsWith('s-'))
    expect(open?.reasons).toContainEqual({ constraint: 'taken', count: 1, detail: 'apart from a team member' })
    expect(total(open?.reasons)).toBe(3)
    expect(reasonsOf(plan, open?.slot ?? '')?.filter((r) => r.constraint === 'discipline')).toHaveLength(1)
  })

  it('rejects the pair on one team, but allows them on different requests', () => {
    const issues = planIssues(p, [['s-fin', 'a'], ['s-law', 'b']])
    expect(issues.map((i) => i.code)).toEqual(['conflict'])
    expect(scoreOf(p, [['s-fin', 'a'], ['t1', 'b']]).filled).toBe(2)
  })
})
