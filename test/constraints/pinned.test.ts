/**
 * Hard constraint 4: every pinned pair is in the plan.
 */
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { compile } from '../../src/pipeline/Compile.js'
import { decodeProblem } from '../../src/pipeline/Problem.js'
import { solve } from '../../src/pipeline/Solve.js'
import { planIssues, member, memberOf, plainRole, problem, reasonsOf, request, scoreOf, zeroWeights } from '../support/staffing.js'
import { edgeList } from '../../src/model/Model.js'

describe('pinned', () => {
  // b is preferred (+2 each on role r), but a is pinned on s1.
  const p = problem({
    members: [member('a'), member('b', { preferences: { r: 2 } })],
    requests: [request('q1', [['s1', 'r', 8]]), request('q2', [['s2', 'r', 8]])],
    pinned: [{ member: 'a', slot: 's1' }],
    weights: { preference: 1 },
  })

  it('compiles pins to forced edges', () => {
    const c = compile(p)
    expect(c.model.forced).toHaveLength(1)
    const e = edgeList(c.model)[c.model.forced[0] as number]
    expect([c.memberIds[e?.member ?? -1], c.slotIds[e?.slot ?? -1]]).toEqual(['a', 's1'])
  })

  it('keeps the pin even when another member would score more', () => {
    const plan = solve(p)
    expect(memberOf(plan, 's1')).toBe('a')
    expect(memberOf(plan, 's2')).toBe('b')
    expect(plan.score.terms.preference).toBe(2)
    expect(scoreOf(p, [['s1', 'a'], ['s2', 'b']]).soft).toBe(2)
  })

  it('rejects a plan without the pin', () => {
    const issues = planIssues(p, [['s1', 'b'], ['s2', 'a']])
    expect(issues).toHaveLength(1)
    expect(issues[0]?.code).toBe('pin')
    expect(planIssues(p, []).map((i) => i.code)).toEqual(['pin'])
  })

  it('keeps a pin that costs filled priority elsewhere', () => {
    // a is the only member; the pin holds a on the low-priority slot, overlapping the other.
    const q = problem({
      members: [member('a', { capacity: 10 })],
      requests: [request('lo', [['lo1', 'r', 8]], { priority: 1 }), request('hi', [['hi1', 'r', 8]], { priority: 5 })],
      pinned: [{ member: 'a', slot: 'lo1' }],
    })
    const plan = solve(q)
    expect(plan.assignments).toEqual([{ slot: 'lo1', member: 'a' }])
    expect(plan.score.filled).toBe(1)
  })

  describe('a pin that fills the free hours exactly, in decimal hours', () => {
    // 36 − 20.1 is 15.899999999999999 in floating point; 15.9 h are free all the same
    const json = (hours: number): unknown => ({
      roles: [plainRole('r')],
      members: [member('a', { capacity: 36, committed: 20.1 }), member('b')],
      requests: [request('q', [['q/s', 'r', hours]])],
      history: [],
      pinned: [{ member: 'a', slot: 'q/s' }],
      previous: [],
      apart: [],
      policy: { weights: zeroWeights },
    })

    it('decodes, compiles to a forced edge, and is kept by solve', () => {
      expect(36 - 20.1).not.toBe(15.9)
      const p = decodeProblem(json(15.9))
      expect(E.isRight(p)).toBe(true)
      if (E.isLeft(p)) return
      expect(compile(p.right).model.forced).toHaveLength(1)
      for (const exact of [true, false]) expect(memberOf(solve(p.right, { exact }), 'q/s')).toBe('a')
    })

    it('a tenth of an hour more is a pin issue naming the hours', () => {
      const p = decodeProblem(json(16))
      expect(E.isLeft(p) && p.left.map((i) => [i.path, i.code, i.message])).toEqual([
        [
          'pinned[0]',
          'pin',
          'the pins of "a" need 16 h on 2027-01-01 but only 15.9 h are free (capacity 36, committed 20.1) (capacity)',
        ],
      ])
    })

    it('the same slot unpinned is open to a, with no capacity reason', () => {
      const p = decodeProblem({ ...(json(15.9) as object), pinned: [], members: [member('a', { capacity: 36, committed: 20.1 })] })
      if (E.isLeft(p)) throw new Error('expected a valid problem')
      const plan = solve(p.right)
      expect(memberOf(plan, 'q/s')).toBe('a')
      expect(reasonsOf(plan, 'q/s')).toBeUndefined()
    })
  })
})
