/**
 * Hard constraint 1 (eligibility), unit: when both the request's `unit` and the member's
 * `units` are given, the request's unit must be among the member's units.
 */
import { describe, expect, it } from 'vitest'
import { compile } from '../../src/pipeline/Compile.js'
import { solve } from '../../src/pipeline/Solve.js'
import { planIssues, member, memberOf, problem, reasonsOf, request, scoreOf, total } from '../support/staffing.js'
import { edgeList } from '../../src/model/Model.js'

const p = problem({
  members: [
    member('a', { units: ['noord'] }),
    member('b', { units: ['zuid'] }),
    member('c', { capacity: 10 }), // serves every unit; room for one 8 h slot
    member('d', { units: ['noord', 'zuid'] }),
  ],
  requests: [
    request('q-noord', [['s-noord', 'r', 8]], { unit: 'noord' }),
    request('q-any', [['s-any', 'r', 8]]),
    request('q-west', [['s-west', 'r', 8]], { unit: 'west' }),
  ],
  pinned: [{ member: 'c', slot: 's-any' }],
  policy: { maxSlotsPerMemberPerRequest: 1 },
})

describe('eligibility: unit', () => {
  it('offers a slot only to members serving its unit, or serving every unit', () => {
    const c = compile(p)
    const s = c.slotIndex.get('s-noord' as never) as number
    const candidates = edgeList(c.model).filter((e) => e.slot === s).map((e) => c.memberIds[e.member])
    expect(candidates).toEqual(['a', 'c', 'd'])
    const any = c.slotIndex.get('s-any' as never) as number
    expect(edgeList(c.model).filter((e) => e.slot === any).map((e) => c.memberIds[e.member])).toEqual([
      'a',
      'b',
      'c',
      'd',
    ])
  })

  it('never assigns a member outside the unit', () => {
    const plan = solve(p)
    expect(['a', 'c', 'd']).toContain(memberOf(plan, 's-noord'))
    expect(memberOf(plan, 's-any')).toBe('c')
  })

  it('rejects an assignment to a unit the member does not serve', () => {
    expect(scoreOf(p, [['s-noord', 'a'], ['s-any', 'c']]).filled).toBe(2)
    const issues = planIssues(p, [['s-noord', 'b'], ['s-any', 'c']])
    expect(issues).toHaveLength(1)
    expect(issues[0]?.code).toBe('conflict')
    expect(issues[0]?.path).toBe('assignments[0]')
    expect(issues[0]?.message).toContain('unit noord not served')
  })

  it('counts the members who do not serve the unit under `unit`', () => {
    const plan = solve(p)
    // c serves every unit but is pinned to s-any and has no room left; `west` is only open to c.
    expect(reasonsOf(plan, 's-west')).toEqual([
      { constraint: 'unit', count: 3, detail: 'unit west not served' },
      { constraint: 'taken', count: 1, detail: 'busy with other assignments' },
    ])
    expect(total(reasonsOf(plan, 's-west'))).toBe(4)
  })
})
