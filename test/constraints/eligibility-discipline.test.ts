/**
 * Hard constraint 1 (eligibility), discipline: a slot with a `discipline` needs a member with
 * that discipline among all of theirs (not only the primary one).
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { planIssues, member, memberOf, problem, reasonsOf, request, total } from '../support/staffing.js'
import { edgeList } from '../../src/model/Model.js'

const lawSlot = { id: 's-law', role: 'r', hours: 8, discipline: 'law' }

describe('eligibility: discipline', () => {
  const p = problem({
    members: [
      member('a', { disciplines: ['finance', 'law'] }), // law as a second discipline
      member('b', { disciplines: ['finance'] }),
      member('c', { disciplines: ['law'] }),
    ],
    requests: [request('q1', [lawSlot, ['s-open', 'r', 8]])],
    pinned: [{ member: 'c', slot: 's-open' }],
  })

  it('offers the slot to every member listing the discipline, primary or not', () => {
    const c = compile(p)
    const s = c.slotIndex.get('s-law' as never) as number
    expect(edgeList(c.model).filter((e) => e.slot === s).map((e) => c.memberIds[e.member])).toEqual(['a', 'c'])
  })

  it('fills the slot with the member who has the discipline', () => {
    // c is pinned elsewhere in the request and the limit is 1 per request: only a can serve.
    expect(memberOf(solve(p), 's-law')).toBe('a')
  })

  it('rejects a member without the discipline', () => {
    const issues = planIssues(p, [['s-law', 'b'], ['s-open', 'c']])
    expect(issues).toHaveLength(1)
    expect(issues[0]?.message).toContain('discipline law missing')
  })

  it('counts members without the discipline under `discipline`, after `quality`', () => {
    const q = problem({
      roles: [{ id: 'r', qualities: [{ quality: 'legal', min: 2 }] }],
      members: [
        member('a', { disciplines: ['finance'], qualities: { legal: 3 } }), // discipline fails
        member('b', { disciplines: ['finance'] }), // quality fails first
        member('c', { disciplines: ['ict'], qualities: { legal: 2 } }), // discipline fails
      ],
      requests: [request('q1', [lawSlot])],
    })
    const plan = solve(q)
    expect(reasonsOf(plan, 's-law')).toEqual([
      { constraint: 'quality', count: 1, detail: 'legal < 2' },
      { constraint: 'discipline', count: 2, detail: 'discipline law missing' },
    ])
    expect(total(reasonsOf(plan, 's-law'))).toBe(3)
  })
})
