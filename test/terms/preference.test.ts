/**
 * Soft term preference: W_preference · Σ over assignments of preferences[m][role].
 */
import { describe, expect, it } from 'vitest'
import { solve } from '../../src/pipeline/Solve.js'
import { member, memberOf, plainRole, problem, request, scoreOf } from '../support/staffing.js'

const p = problem({
  roles: [plainRole('r'), plainRole('other')],
  members: [
    member('a', { preferences: { r: 2, other: -1 } }),
    member('b', { preferences: { r: -2 } }),
    member('c'),
  ],
  requests: [request('q1', [['s1', 'r', 8]]), request('q2', [['s2', 'other', 8]])],
  weights: { preference: 2 },
})

describe('term: preference', () => {
  it('sums W_preference · preference over the assignments, exactly', () => {
    expect(scoreOf(p, [['s1', 'a']]).terms.preference).toBe(4)
    expect(scoreOf(p, [['s1', 'b']]).terms.preference).toBe(-4)
    expect(scoreOf(p, [['s1', 'c']]).terms.preference).toBe(0)
    expect(scoreOf(p, [['s1', 'b'], ['s2', 'a']]).terms.preference).toBe(-6)
    expect(scoreOf(p, [['s1', 'b'], ['s2', 'a']]).soft).toBe(-6)
  })

  it('makes the solver follow preferences', () => {
    const plan = solve(p)
    expect(memberOf(plan, 's1')).toBe('a')
    // a could take s2 too, but dislikes `other`: b or c (0) take it
    expect(['b', 'c']).toContain(memberOf(plan, 's2'))
    expect(plan.score.terms.preference).toBe(4)
  })

  it('never leaves a slot open to avoid a negative preference (filled comes first)', () => {
    const q = problem({
      members: [member('b', { preferences: { r: -2 } })],
      requests: [request('q1', [['s1', 'r', 8]])],
      weights: { preference: 2 },
    })
    const plan = solve(q)
    expect(memberOf(plan, 's1')).toBe('b')
    expect(plan.score).toEqual({
      filled: 1,
      soft: -4,
      terms: { fit: 0, preference: -4, learning: 0, continuity: 0, diversity: 0, rotation: 0, balance: 0 },
    })
  })
})
