import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { Eligibility, Issue, Problem } from 'wendbaar'
import { baseJson, type Json } from './support/arbitraries.js'

const problemOf = (f: (j: Json) => void = () => {}): Problem.ValidProblem => {
  const j = JSON.parse(JSON.stringify(baseJson()))
  j.pinned = []
  j.previous = []
  f(j)
  const r = Problem.decodeProblem(j)
  if (E.isLeft(r)) throw new Error(Issue.render(r.left).join('\n'))
  return r.right
}

const parts = (p: Problem.Problem, memberId: string, slotId: string) => {
  const ix = Eligibility.index(p)
  const member = ix.memberById.get(memberId as Problem.MemberId)
  const entry = ix.slotById.get(slotId as Problem.SlotId)
  if (member === undefined || entry === undefined) throw new Error('no such member or slot')
  return [p, member, entry.request, entry.slot] as const
}

const checkOf = (p: Problem.Problem, m: string, s: string) => Eligibility.check(...parts(p, m, s))

describe('Eligibility.check: the first failing rule, with its detail', () => {
  it('none for an eligible member with room', () => {
    expect(checkOf(problemOf(), 'm1', 'r1/direction')).toEqual(O.none)
    expect(Eligibility.isEligible(...parts(problemOf(), 'm1', 'r1/direction'))).toBe(true)
  })
  it('unit', () => {
    const p = problemOf((j) => (j.members[0].units = ['zwolle', 'arnhem']))
    expect(checkOf(p, 'm1', 'r1/direction')).toEqual(
      O.some({ constraint: 'unit', detail: 'unit utrecht not served' }),
    )
  })
  it('unit: a request without a unit and a member without units pass; an empty unit list serves nothing', () => {
    expect(
      checkOf(
        problemOf((j) => (j.members[0].units = [])),
        'm1',
        'r2/content',
      ),
    ).toEqual(O.none)
    expect(
      checkOf(
        problemOf((j) => (j.members[0].units = [])),
        'm1',
        'r1/direction',
      ),
    ).toEqual(O.some({ constraint: 'unit', detail: 'unit utrecht not served' }))
    expect(checkOf(problemOf(), 'm3', 'r1/direction')).toEqual(O.none)
  })
  it('quality: the first short quality in name order', () => {
    const p = problemOf((j) => {
      j.roles[0].qualities = [
        { quality: 'vision', min: 2 },
        { quality: 'leadership', min: 5 },
        { quality: 'budgeting', min: 1 },
      ]
    })
    expect(checkOf(p, 'm1', 'r1/direction')).toEqual(
      O.some({ constraint: 'quality', detail: 'budgeting < 1' }),
    )
    const role = Eligibility.index(p).roleById.get('direction' as Problem.RoleId) as Problem.Role
    const m1 = Eligibility.index(p).memberById.get('m1' as Problem.MemberId) as Problem.Member
    expect(Eligibility.qualityShortfalls(role, m1)).toEqual([
      { quality: 'budgeting', min: 1, level: 0, detail: 'budgeting < 1' },
      { quality: 'leadership', min: 5, level: 4, detail: 'leadership < 5' },
      { quality: 'vision', min: 2, level: 0, detail: 'vision < 2' },
    ])
  })
  it('quality: level equal to min passes; min 0 always passes', () => {
    expect(checkOf(problemOf(), 'm3', 'r1/direction')).toEqual(O.none)
    expect(
      checkOf(
        problemOf((j) => (j.roles[0].qualities[0].min = 0)),
        'm2',
        'r1/direction',
      ),
    ).toEqual(O.none)
  })
  it('discipline', () => {
    expect(checkOf(problemOf(), 'm3', 'r1/content-law')).toEqual(
      O.some({ constraint: 'discipline', detail: 'discipline law missing' }),
    )
    expect(checkOf(problemOf(), 'm1', 'r1/content-law')).toEqual(O.none)
  })
  it('excluded', () => {
    expect(
      checkOf(
        problemOf((j) => (j.requests[0].excluded = ['m5', 'm1'])),
        'm1',
        'r1/direction',
      ),
    ).toEqual(O.some({ constraint: 'excluded', detail: 'excluded from the request' }))
  })
  it('availability: one window must cover the whole period', () => {
    const p = problemOf(
      (j) =>
        (j.members[0].available = [
          { from: '2027-01-01', to: '2027-03-31' },
          { from: '2027-04-01', to: '2027-12-31' },
        ]),
    )
    expect(checkOf(p, 'm1', 'r1/direction')).toEqual(
      O.some({ constraint: 'availability', detail: 'not available 2027-02-01..2027-06-30' }),
    )
    const exact = problemOf(
      (j) => (j.members[0].available = [{ from: '2027-02-01', to: '2027-06-30' }]),
    )
    expect(checkOf(exact, 'm1', 'r1/direction')).toEqual(O.none)
    expect(
      checkOf(
        problemOf((j) => (j.members[0].available = [])),
        'm1',
        'r1/direction',
      ),
    ).toEqual(
      O.some({ constraint: 'availability', detail: 'not available 2027-02-01..2027-06-30' }),
    )
  })
  it('capacity: capacity − committed below the slot hours', () => {
    const p = problemOf((j) => (j.members[1].committed = 12))
    expect(checkOf(p, 'm2', 'r1/content-law')).toEqual(
      O.some({ constraint: 'capacity', detail: '8 h free < 16 h' }),
    )
    expect(Eligibility.isEligible(...parts(p, 'm2', 'r1/content-law'))).toBe(true)
    // exactly enough room passes
    expect(
      checkOf(
        problemOf((j) => (j.members[1].committed = 4)),
        'm2',
        'r1/content-law',
      ),
    ).toEqual(O.none)
  })
  it('rules are checked in order: unit, quality, discipline, excluded, availability, capacity', () => {
    const failAll = (j: Json) => {
      j.members[2].units = ['zwolle']
      j.members[2].qualities = {}
      j.members[2].available = []
      j.members[2].committed = 40
      j.requests[0].excluded = ['m3']
      j.requests[0].slots[1] = {
        id: 'r1/content-law',
        role: 'direction',
        hours: 16,
        discipline: 'law',
      }
    }
    const expected = [
      ['unit', 'unit utrecht not served'],
      ['quality', 'leadership < 3'],
      ['discipline', 'discipline law missing'],
      ['excluded', 'excluded from the request'],
      ['availability', 'not available 2027-02-01..2027-06-30'],
      ['capacity', '0 h free < 16 h'],
    ]
    const fixes: Array<(j: Json) => void> = [
      (j) => (j.members[2].units = ['utrecht']),
      (j) => (j.members[2].qualities = { leadership: 3 }),
      (j) => (j.members[2].disciplines = ['policy', 'law']),
      (j) => (j.requests[0].excluded = []),
      (j) => (j.members[2].available = null),
      (j) => (j.members[2].committed = 0),
    ]
    for (let k = 0; k <= fixes.length; k++) {
      const p = problemOf((j) => {
        failAll(j)
        for (const fix of fixes.slice(0, k)) fix(j)
      })
      const got = checkOf(p, 'm3', 'r1/content-law')
      const want = expected[k]
      expect(got).toEqual(
        want === undefined ? O.none : O.some({ constraint: want[0], detail: want[1] }),
      )
      expect(Eligibility.isEligible(...parts(p, 'm3', 'r1/content-law'))).toBe(k >= 5)
      expect(Eligibility.ineligibility(...parts(p, 'm3', 'r1/content-law'))).toEqual(
        k >= 5 ? O.none : O.some({ constraint: want?.[0], detail: want?.[1] }),
      )
    }
  })
})

describe('Eligibility.index', () => {
  it('maps every id and caches per problem', () => {
    const p = problemOf()
    const ix = Eligibility.index(p)
    expect([...ix.roleById.keys()]).toEqual(['budget', 'content', 'direction', 'network'])
    expect([...ix.memberById.keys()]).toEqual(['m1', 'm2', 'm3', 'm4', 'm5'])
    expect([...ix.requestById.keys()]).toEqual(['r1', 'r2'])
    expect(ix.slotById.get('r2/budget' as Problem.SlotId)?.request.id).toBe('r2')
    expect(ix.slotById.get('r2/budget' as Problem.SlotId)?.slot.hours).toBe(8)
    expect(Eligibility.index(p)).toBe(ix)
    expect(Eligibility.index(problemOf())).not.toBe(ix)
  })
})

describe('Eligibility.level and preference', () => {
  it('read own entries only, 0 otherwise', () => {
    const p = problemOf()
    const m1 = Eligibility.index(p).memberById.get('m1' as Problem.MemberId) as Problem.Member
    expect(Eligibility.level(m1, 'leadership')).toBe(4)
    expect(Eligibility.level(m1, 'toString')).toBe(0)
    expect(Eligibility.level(m1, 'constructor')).toBe(0)
    expect(Eligibility.preference(m1, 'direction')).toBe(2)
    expect(Eligibility.preference(m1, '__proto__')).toBe(0)
    // a hand-built member with an ordinary object for qualities
    const handBuilt = { ...m1, qualities: { leadership: 1 } } as Problem.Member
    expect(Eligibility.level(handBuilt, 'hasOwnProperty')).toBe(0)
  })
})
