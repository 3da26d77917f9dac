/**
 * Soft term continuity: W_continuity · number of `previous` pairs kept.
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { member, memberOf, problem, request, scoreOf } from '../support/staffing.js'
import { edgeList } from '../../src/model/Model.js'

const p = problem({
  members: [member('a'), member('b'), member('c')],
  requests: [request('q1', [['s1', 'r', 8]]), request('q2', [['s2', 'r', 8]])],
  previous: [
    { member: 'b', slot: 's1' },
    { member: 'c', slot: 's2' },
  ],
  weights: { continuity: 5 },
})

describe('term: continuity', () => {
  it('puts W_continuity on exactly the previous pairs’ edges', () => {
    const c = compile(p)
    const withBonus = edgeList(c.model)
      .filter((e) => e.terms[3] !== 0)
      .map((e) => [c.slotIds[e.slot], c.memberIds[e.member], e.terms[3]])
    expect(withBonus).toEqual([
      ['s1', 'b', 5],
      ['s2', 'c', 5],
    ])
  })

  it('counts the previous pairs kept, exactly', () => {
    expect(scoreOf(p, [['s1', 'b']]).terms.continuity).toBe(5)
    expect(scoreOf(p, [['s1', 'b'], ['s2', 'c']]).terms.continuity).toBe(10)
    // the same members on other slots keep nothing
    expect(scoreOf(p, [['s1', 'c'], ['s2', 'b']]).terms.continuity).toBe(0)
    expect(scoreOf(p, [['s1', 'a']]).soft).toBe(0)
  })

  it('makes the solver keep the previous plan', () => {
    const plan = solve(p)
    expect(memberOf(plan, 's1')).toBe('b')
    expect(memberOf(plan, 's2')).toBe('c')
    expect(plan.score.terms.continuity).toBe(10)
  })
})
