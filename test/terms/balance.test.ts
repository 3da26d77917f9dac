/**
 * Soft term balance: − W_balance · Σ over members of
 * `(max(0, committed + peak − comfort·capacity) − max(0, committed − comfort·capacity)) / capacity`,
 * where peak is the largest Σ hours of the member's slots active on one date.
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { member, memberOf, problem, request, scoreOf } from '../support/staffing.js'

const H1 = { from: '2027-01-01', to: '2027-06-30' }
const H2 = { from: '2027-07-01', to: '2027-12-31' }

const p = problem({
  members: [
    member('a', { capacity: 40, committed: 20 }), // threshold 34
    member('b', { capacity: 40, committed: 36 }), // already 2 h beyond comfort
    member('c', { capacity: 20 }), // threshold 17
  ],
  requests: [
    request('q1', [['s16', 'r', 16]], { period: H1 }),
    request('q2', [['s4', 'r', 4]], { period: H1 }),
    request('q3', [['t10', 'r', 10]], { period: H1 }),
    request('q4', [['u10', 'r', 10]], { period: H2 }),
    request('q5', [['v10', 'r', 10]], { period: H1 }),
  ],
  weights: { balance: 5 },
  policy: { comfort: 0.85 },
})

describe('term: balance', () => {
  it('compiles base = committed, threshold = comfort·capacity, weight W/capacity', () => {
    const c = compile(p)
    expect(c.model.members.map((m) => [m.base, m.threshold, m.overloadWeight])).toEqual([
      [20, 34, 0.125],
      [36, 34, 0.125],
      [0, 17, 0.25],
    ])
  })

  it('charges the overload a plan adds, exactly', () => {
    // a: 20 + 16 − 34 = 2 h beyond comfort → 5 · 2 / 40
    expect(scoreOf(p, [['s16', 'a']]).terms.balance).toBe(-0.25)
    // b: (36 + 4 − 34) − (36 − 34) = 4 → 5 · 4 / 40
    expect(scoreOf(p, [['s4', 'b']]).terms.balance).toBe(-0.5)
    // within comfort: nothing
    expect(scoreOf(p, [['s4', 'a']]).terms.balance).toBe(0)
    expect(scoreOf(p, [['t10', 'c']]).terms.balance).toBe(0)
  })

  it('uses the peak over dates, not the total', () => {
    // c: 10 h in H1 and 10 h in H2, never both: peak 10 ≤ 17
    expect(scoreOf(p, [['t10', 'c'], ['u10', 'c']]).terms.balance).toBe(0)
    // c: 10 + 10 h both in H1: peak 20 → 5 · 3 / 20
    expect(scoreOf(p, [['t10', 'c'], ['v10', 'c']]).terms.balance).toBe(-0.75)
    // sums over members
    expect(scoreOf(p, [['t10', 'c'], ['v10', 'c'], ['s16', 'a']]).terms.balance).toBe(-1)
  })

  it('makes the solver spread the load', () => {
    const q = problem({
      members: [member('a', { capacity: 40, committed: 30 }), member('b', { capacity: 40 })],
      requests: [request('q1', [['s1', 'r', 8]])],
      weights: { balance: 5 },
    })
    const plan = solve(q)
    expect(memberOf(plan, 's1')).toBe('b')
    expect(plan.score.terms.balance).toBe(0)
    // a would add 30 + 8 − 34 = 4 h → −0.5
    expect(scoreOf(q, [['s1', 'a']]).terms.balance).toBe(-0.5)
  })
})
