/**
 * Soft term learning: W_learning · Σ over assignments of Σ_{q ∈ goals(m)} weight_q / Σ_q weight_q
 * over the role's qualities; a role without qualities contributes 0.
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { member, memberOf, plainRole, problem, request, scoreOf } from '../support/staffing.js'
import { edgeList } from '../../src/model/Model.js'

const role = {
  id: 'r',
  qualities: [
    { quality: 'budgeting', min: 0, weight: 3 },
    { quality: 'writing', min: 0, weight: 1 },
  ],
}

const p = problem({
  roles: [role, plainRole('plain')],
  members: [
    member('a', { goals: ['writing'] }), // 1/4
    member('b', { goals: ['budgeting', 'writing'] }), // 4/4
    member('c', { goals: ['gardening'] }), // 0
    member('d', { goals: ['budgeting'] }), // 3/4
  ],
  requests: [request('q1', [['s1', 'r', 8]]), request('q2', [['s2', 'plain', 8]])],
  weights: { learning: 3 },
})

describe('term: learning', () => {
  it('compiles W_learning · (goal weight / role weight) per edge', () => {
    const c = compile(p)
    const s1 = c.slotIndex.get('s1' as never) as number
    expect(edgeList(c.model).filter((e) => e.slot === s1).map((e) => e.terms[2])).toEqual([0.75, 3, 0, 2.25])
  })

  it('sums over the assignments, exactly', () => {
    expect(scoreOf(p, [['s1', 'a']]).terms.learning).toBe(0.75)
    expect(scoreOf(p, [['s1', 'b']]).terms.learning).toBe(3)
    expect(scoreOf(p, [['s1', 'c']]).terms.learning).toBe(0)
    expect(scoreOf(p, [['s1', 'd'], ['s2', 'b']]).terms.learning).toBe(2.25)
  })

  it('is 0 on a role without qualities', () => {
    expect(scoreOf(p, [['s2', 'b']]).terms.learning).toBe(0)
  })

  it('makes the solver place members where they learn most', () => {
    const plan = solve(p)
    expect(memberOf(plan, 's1')).toBe('b')
    expect(plan.score.terms.learning).toBe(3)
    expect(plan.score.soft).toBe(3)
  })
})
