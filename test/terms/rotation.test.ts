/**
 * Soft term rotation: − W_rotation · Σ over requests of the number of unordered member pairs
 * serving it together who also served together on a history entry with `ended ≥ rotationSince`
 * (a pair counts once per request); no term without `rotationSince`.
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { member, problem, request, scoreOf } from '../support/staffing.js'

const history = [
  { request: 'old-1', members: ['a', 'b', 'x'], ended: '2026-03-01' }, // x left the pool
  { request: 'old-2', members: ['a', 'b'], ended: '2026-01-01' }, // same pair again; on the date
  { request: 'old-3', members: ['a', 'c'], ended: '2025-12-31' }, // too old
  { request: 'old-4', members: ['c', 'd'], ended: '2026-06-01' },
]

const requests = [
  request('q1', [
    ['s1', 'r', 8],
    ['s2', 'r', 8],
    ['s3', 'r', 8],
  ]),
  request('q2', [
    ['t1', 'r', 8],
    ['t2', 'r', 8],
  ]),
]

const members = [member('a'), member('b'), member('c'), member('d')]

const p = problem({ members, requests, history, weights: { rotation: 3 }, policy: { rotationSince: '2026-01-01' } })

describe('term: rotation', () => {
  it('compiles one penalty per recent pair of pool members', () => {
    expect(compile(p).model.pairPenalties).toEqual([
      { a: 0, b: 1, weight: 3 },
      { a: 2, b: 3, weight: 3 },
    ])
  })

  it('charges W_rotation per recent pair per request, exactly', () => {
    expect(scoreOf(p, [['s1', 'a'], ['s2', 'b']]).terms.rotation).toBe(-3)
    expect(scoreOf(p, [['s1', 'a'], ['s2', 'c']]).terms.rotation).toBe(0) // too old
    expect(scoreOf(p, [['s1', 'a'], ['s2', 'b'], ['s3', 'c']]).terms.rotation).toBe(-3)
    expect(
      scoreOf(p, [
        ['s1', 'a'],
        ['s2', 'b'],
        ['t1', 'c'],
        ['t2', 'd'],
      ]).terms.rotation,
    ).toBe(-6)
    // the same pair on different requests is not a team
    expect(scoreOf(p, [['s1', 'a'], ['t1', 'b']]).terms.rotation).toBe(0)
  })

  it('has no term without rotationSince, or with weight 0', () => {
    const none = problem({ members, requests, history, weights: { rotation: 3 } })
    expect(compile(none).model.pairPenalties).toEqual([])
    expect(scoreOf(none, [['s1', 'a'], ['s2', 'b']]).terms.rotation).toBe(0)
    const zero = problem({ members, requests, history, policy: { rotationSince: '2026-01-01' } })
    expect(compile(zero).model.pairPenalties).toEqual([])
  })

  it('makes the solver split recent pairs', () => {
    const plan = solve(p)
    // every slot filled; any three of a, b, c, d in q1 hold a recent pair (a–b or c–d),
    // q2's two can avoid one
    expect(plan.score.filled).toBe(5)
    expect(plan.score.terms.rotation).toBe(-3)
  })
})
