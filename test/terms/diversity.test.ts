/**
 * Soft term diversity: W_diversity · Σ over requests of the number of distinct *primary*
 * disciplines among the members serving it.
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { member, problem, request, scoreOf } from '../support/staffing.js'

const p = problem({
  members: [
    member('a', { disciplines: ['law', 'finance'] }),
    member('b', { disciplines: ['finance'] }),
    member('c', { disciplines: ['law'] }),
    member('d', { disciplines: ['finance', 'law'] }),
  ],
  requests: [
    request('q1', [
      ['s1', 'r', 8],
      ['s2', 'r', 8],
    ]),
    request('q2', [['t1', 'r', 8]]),
  ],
  weights: { diversity: 2 },
})

describe('term: diversity', () => {
  it('compiles the primary discipline as the category and W_diversity as the bonus', () => {
    const c = compile(p)
    // sorted primaries: finance (0), law (1)
    expect(c.model.members.map((m) => m.category)).toEqual([1, 0, 1, 0])
    expect(c.model.categoryBonus).toBe(2)
  })

  it('counts distinct primary disciplines per request, exactly', () => {
    expect(scoreOf(p, [['s1', 'a'], ['s2', 'b']]).terms.diversity).toBe(4) // law + finance
    expect(scoreOf(p, [['s1', 'a'], ['s2', 'c']]).terms.diversity).toBe(2) // law only
    // secondary disciplines do not count: a (law; finance 2nd) and d (finance; law 2nd)
    expect(scoreOf(p, [['s1', 'a'], ['s2', 'd']]).terms.diversity).toBe(4)
    expect(scoreOf(p, [['s1', 'b'], ['s2', 'd']]).terms.diversity).toBe(2)
    // per request: q1 law only (2) + q2 law (2)
    expect(scoreOf(p, [['s1', 'a'], ['t1', 'c']]).terms.diversity).toBe(4)
    expect(scoreOf(p, []).terms.diversity).toBe(0)
  })

  it('makes the solver mix disciplines', () => {
    const plan = solve(p)
    expect(plan.score.filled).toBe(3)
    expect(plan.score.terms.diversity).toBe(6) // 2 in q1, 1 in q2
  })
})
