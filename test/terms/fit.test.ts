/**
 * Soft term fit: W_fit · Σ over assignments of Σ_q weight_q·level(m,q) / (5 · Σ_q weight_q);
 * a role without qualities contributes 0.
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { member, memberOf, plainRole, problem, request, scoreOf } from '../support/staffing.js'
import { edgeList } from '../../src/model/Model.js'

const lead = {
  id: 'lead',
  qualities: [
    { quality: 'leadership', min: 0, weight: 3 },
    { quality: 'writing', min: 0, weight: 1 },
  ],
}

const p = problem({
  roles: [lead, plainRole('plain')],
  members: [
    // capacity 8: room for one slot each
    member('a', { capacity: 8, qualities: { leadership: 4, writing: 2 } }), // (3·4 + 1·2) / (5·4) = 0.7
    member('b', { capacity: 8, qualities: { leadership: 5, writing: 5 } }), // 1
    member('c', { capacity: 8, qualities: { writing: 5 } }), // 5 / 20 = 0.25
  ],
  requests: [
    request('q1', [['s1', 'lead', 8]]),
    request('q2', [['s2', 'lead', 8]]),
    request('q3', [['s3', 'plain', 8]]),
  ],
  weights: { fit: 10 },
})

describe('term: fit', () => {
  it('compiles the weighted fit of each edge', () => {
    const c = compile(p)
    const s1 = c.slotIndex.get('s1' as never) as number
    const fits = edgeList(c.model).filter((e) => e.slot === s1).map((e) => e.terms[0])
    expect(fits[0]).toBeCloseTo(7, 12)
    expect(fits[1]).toBeCloseTo(10, 12)
    expect(fits[2]).toBeCloseTo(2.5, 12)
  })

  it('sums over the assignments, exactly', () => {
    const one = scoreOf(p, [['s1', 'a']])
    expect(one.terms.fit).toBeCloseTo(7, 12)
    expect(one.soft).toBeCloseTo(7, 12)
    const two = scoreOf(p, [['s1', 'a'], ['s2', 'c']])
    expect(two.terms.fit).toBeCloseTo(9.5, 12)
  })

  it('is 0 for a role without qualities', () => {
    expect(scoreOf(p, [['s3', 'b']]).terms.fit).toBe(0)
  })

  it('is scaled by its weight (0 switches it off)', () => {
    const q = problem({
      roles: [lead],
      members: [member('a', { qualities: { leadership: 4, writing: 2 } })],
      requests: [request('q1', [['s1', 'lead', 8]])],
      weights: { fit: 2.5 },
    })
    expect(scoreOf(q, [['s1', 'a']]).terms.fit).toBeCloseTo(1.75, 12)
    const z = problem({
      roles: [lead],
      members: [member('a', { qualities: { leadership: 4, writing: 2 } })],
      requests: [request('q1', [['s1', 'lead', 8]])],
    })
    expect(scoreOf(z, [['s1', 'a']]).terms.fit).toBe(0)
  })

  it('makes the solver pick the best-fitting members', () => {
    const plan = solve(p)
    expect([memberOf(plan, 's1'), memberOf(plan, 's2')].sort()).toEqual(['a', 'b'])
    // b (10) and a (7) on the two lead slots; c on the plain slot (0).
    expect(memberOf(plan, 's3')).toBe('c')
    expect(plan.score.terms.fit).toBeCloseTo(17, 12)
    expect(plan.score.soft).toBeCloseTo(17, 12)
  })
})
