import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { Eligibility, Issue, Problem } from 'wendbaar'
import { baseJson, problemJson, type Json } from './support/arbitraries.js'

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

/** Hours in words: rounded to a millionth. */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6 + 0

describe('Eligibility against a naive reading of §7 rule 1', () => {
  /** §7 rule 1, written out plainly and independently. */
  const naive = (p: Problem.Problem, m: Problem.Member, r: Problem.Request, s: Problem.Slot) => {
    const role = p.roles.find((x) => x.id === s.role)
    const lvl = (q: string) =>
      Object.prototype.hasOwnProperty.call(m.qualities, q) ? (m.qualities[q] as number) : 0
    const quality = (role?.qualities ?? []).every((q) => lvl(q.quality) >= q.min)
    const discipline = s.discipline === null || m.disciplines.includes(s.discipline)
    const excluded = !r.excluded.includes(m.id)
    const unit = r.unit === null || m.units === null || m.units.includes(r.unit)
    const available =
      m.available === null ||
      m.available.some((w) => w.from <= r.period.from && r.period.to <= w.to)
    return quality && discipline && excluded && unit && available
  }

  it('isEligible, ineligibility, check and qualityShortfalls agree with it on random problems', () => {
    let pairs = 0
    let eligible = 0
    fc.assert(
      fc.property(problemJson, (json) => {
        const r = Problem.decodeProblem(JSON.parse(JSON.stringify(json)))
        if (E.isLeft(r)) throw new Error(Issue.render(r.left).join('\n'))
        const p = r.right
        for (const request of p.requests) {
          for (const slot of request.slots) {
            for (const member of p.members) {
              pairs++
              const ok = naive(p, member, request, slot)
              if (ok) eligible++
              expect(Eligibility.isEligible(p, member, request, slot)).toBe(ok)
              const first = Eligibility.ineligibility(p, member, request, slot)
              expect(O.isNone(first)).toBe(ok)
              const c = Eligibility.check(p, member, request, slot)
              // hours compare with a tolerance of 1e-9 h (decimal hours are binary floats)
              const room = slot.hours <= member.capacity - member.committed + 1e-9
              if (ok) {
                expect(c).toEqual(
                  room
                    ? O.none
                    : O.some({
                        constraint: 'capacity',
                        detail: `${round6(member.capacity - member.committed)} h free < ${round6(slot.hours)} h`,
                      }),
                )
              } else {
                expect(c).toEqual(first)
              }
              const role = p.roles.find((x) => x.id === slot.role) as Problem.Role
              const shortfalls = Eligibility.qualityShortfalls(role, member)
              if (O.isSome(c) && c.value.constraint === 'quality') {
                expect(c.value.detail).toBe(shortfalls[0]?.detail)
              }
              for (const sf of shortfalls) expect(sf.level).toBeLessThan(sf.min)
            }
          }
        }
      }),
      { numRuns: 200 },
    )
    expect(pairs).toBeGreaterThan(500)
    expect(eligible).toBeGreaterThan(50)
    expect(eligible).toBeLessThan(pairs)
  })
})

describe('eligibleFor', () => {
  it('says yes exactly when check finds no failing rule, for every member and slot', () => {
    let yesAll = 0
    let noAll = 0
    fc.assert(
      fc.property(problemJson, (j) => {
        const r = Problem.decodeProblem(j)
        if (E.isLeft(r)) return
        const p = r.right
        let yes = 0
        let no = 0
        for (const request of p.requests)
          for (const slot of request.slots) {
            const eligible = Eligibility.eligibleFor(p, request, slot)
            for (const member of p.members) {
              const expected = O.isNone(Eligibility.check(p, member, request, slot))
              expect(eligible(member)).toBe(expected)
              if (expected) yes++
              else no++
            }
          }
        expect(yes + no).toBe(p.requests.reduce((n, q) => n + q.slots.length, 0) * p.members.length)
        yesAll += yes
        noAll += no
      }),
      { numRuns: 200 },
    )
    // both answers occur, so the agreement is tested both ways
    expect(yesAll).toBeGreaterThan(100)
    expect(noAll).toBeGreaterThan(100)
  })

  it('counts capacity, unlike isEligible', () => {
    const p = problemOf()
    const request = p.requests[0] as Problem.Request
    const slot = request.slots[0] as Problem.Slot
    const member = p.members.find((m) => Eligibility.isEligible(p, m, request, slot)) as Problem.Member
    const full = { ...member, committed: member.capacity }
    expect(Eligibility.eligibleFor(p, request, slot)(member)).toBe(true)
    expect(Eligibility.eligibleFor(p, request, slot)(full)).toBe(false)
    expect(Eligibility.isEligible(p, full, request, slot)).toBe(true)
  })
})
