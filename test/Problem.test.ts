import { describe, expect, expectTypeOf, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { Issue, Problem } from 'wendbaar'
import { baseJson, type Json } from './support/arbitraries.js'
import { pathCodeLines } from './support/issues.js'

const clone = (j: Json): Json => JSON.parse(JSON.stringify(j))

const decoded = (j: unknown): Problem.ValidProblem => {
  const r = Problem.decodeProblem(j)
  if (E.isLeft(r)) throw new Error(Issue.render(r.left).join('\n'))
  return r.right
}

/** The issues of a decode as `path code` strings, in order. */
const issuesOf = (j: unknown): Array<string> => pathCodeLines(Problem.decodeProblem(j))

const mutated = (f: (j: Json) => void): Json => {
  const j = clone(baseJson())
  f(j)
  return j
}

describe('decodeProblem: a valid problem', () => {
  it('decodes the base problem, filling defaults', () => {
    const p = decoded(baseJson())
    expect(p.roles.map((r) => r.id)).toEqual(['budget', 'content', 'direction', 'network'])
    expect(p.roles.find((r) => r.id === 'budget')?.qualities).toEqual([
      { quality: 'finance', min: 2, weight: 1 },
    ])
    expect(p.roles.find((r) => r.id === 'network')).toEqual({
      id: 'network',
      name: 'Network building',
      qualities: [],
    })
    const m2 = p.members.find((m) => m.id === 'm2')
    expect(m2).toEqual({
      id: 'm2',
      name: 'B. Bakker',
      disciplines: ['law'],
      qualities: {},
      capacity: 20,
      committed: 0,
      units: null,
      available: null,
      preferences: {},
      goals: [],
    })
    const r2 = p.requests.find((r) => r.id === 'r2')
    expect(r2?.priority).toBe(1)
    expect(r2?.unit).toBeNull()
    expect(r2?.excluded).toEqual([])
    expect(r2?.slots.map((s) => s.discipline)).toEqual([null, null])
    expect(p.policy).toEqual({
      weights: {
        fit: 10,
        preference: 2,
        learning: 3,
        continuity: 5,
        diversity: 2,
        rotation: 3,
        balance: 5,
      },
      comfort: 0.85,
      maxSlotsPerMemberPerRequest: 1,
      rotationSince: '2026-01-01',
    })
  })

  it('fills name and title from the id and the policy field by field', () => {
    const p = decoded(
      mutated((j) => {
        delete j.members[1].name
        delete j.requests[1].title
        j.policy = { weights: { fit: 1 }, comfort: 0.5 }
      }),
    )
    expect(p.members.find((m) => m.id === 'm2')?.name).toBe('m2')
    expect(p.requests.find((r) => r.id === 'r2')?.title).toBe('r2')
    expect(p.policy).toEqual({
      weights: { ...Problem.defaultWeights, fit: 1 },
      comfort: 0.5,
      maxSlotsPerMemberPerRequest: 1,
      rotationSince: null,
    })
  })

  it('uses the default policy when policy and the optional sections are absent', () => {
    const p = decoded(
      mutated((j) => {
        delete j.policy
        delete j.history
        delete j.pinned
        delete j.previous
        delete j.apart
      }),
    )
    expect(p.policy).toEqual(Problem.defaultPolicy)
    expect([p.history, p.pinned, p.previous, p.apart]).toEqual([[], [], [], []])
  })

  it('accepts null for the nullable fields', () => {
    const p = decoded(
      mutated((j) => {
        j.members[0].units = null
        j.members[0].available = null
        j.requests[0].unit = null
        j.requests[0].slots[1].discipline = null
        j.policy.rotationSince = null
      }),
    )
    const m1 = p.members.find((m) => m.id === 'm1')
    expect([m1?.units, m1?.available]).toEqual([null, null])
    expect(p.requests[0]?.unit).toBeNull()
    expect(p.policy.rotationSince).toBeNull()
  })

  it('normalises: sorts by id, de-duplicates sets, keeps discipline order', () => {
    const p = decoded(
      mutated((j) => {
        j.members[0].disciplines = ['law', 'finance', 'law']
        j.members[0].units = ['zwolle', 'utrecht', 'zwolle']
        j.members[0].goals = ['z', 'a', 'z']
        j.members[0].available = [
          { from: '2027-06-01', to: '2027-12-31' },
          { from: '2027-01-01', to: '2027-12-31' },
          { from: '2027-06-01', to: '2027-12-31' },
        ]
        j.requests[1].excluded = ['m5', 'm2', 'm5']
        j.roles[0].qualities = [
          { quality: 'z', min: 0 },
          { quality: 'leadership', min: 3, weight: 2 },
        ]
        j.history.push({ request: 'old-0', members: ['m2', 'm1', 'm2'], ended: '2026-09-01' })
        j.history.push({ request: 'old-1', members: ['m2', 'm1'], ended: '2026-09-01' })
        j.pinned.push({ member: 'm1', slot: 'r1/direction' })
        j.apart.push(['m4', 'm3'], ['m5', 'm2'])
      }),
    )
    const m1 = p.members.find((m) => m.id === 'm1')
    expect(m1?.disciplines).toEqual(['law', 'finance'])
    expect(m1?.units).toEqual(['utrecht', 'zwolle'])
    expect(m1?.goals).toEqual(['a', 'z'])
    expect(m1?.available).toEqual([
      { from: '2027-01-01', to: '2027-12-31' },
      { from: '2027-06-01', to: '2027-12-31' },
    ])
    expect(p.requests.find((r) => r.id === 'r2')?.excluded).toEqual(['m2', 'm5'])
    expect(p.requests[0]?.slots.map((s) => s.id)).toEqual(['r1/content-law', 'r1/direction'])
    expect(p.roles.find((r) => r.id === 'direction')?.qualities.map((q) => q.quality)).toEqual([
      'leadership',
      'z',
    ])
    expect(p.history).toEqual([
      { request: 'old-0', members: ['m1', 'm2'], ended: '2026-09-01' },
      { request: 'old-1', members: ['m1', 'm2'], ended: '2026-09-01' },
    ])
    expect(p.pinned).toEqual([{ member: 'm1', slot: 'r1/direction' }])
    expect(p.apart).toEqual([
      ['m2', 'm5'],
      ['m3', 'm4'],
    ])
  })

  it('sorts by code units, not by locale', () => {
    const p = decoded(
      mutated((j) => {
        j.members.push(
          { id: 'b', disciplines: ['x'], capacity: 1 },
          { id: 'B', disciplines: ['x'], capacity: 1 },
          { id: 'é', disciplines: ['x'], capacity: 1 },
          { id: 'a', disciplines: ['x'], capacity: 1 },
        )
      }),
    )
    expect(p.members.map((m) => m.id)).toEqual(['B', 'a', 'b', 'm1', 'm2', 'm3', 'm4', 'm5', 'é'])
  })

  it('reads -0 as 0', () => {
    const p = decoded(
      mutated((j) => {
        j.members[0].committed = -0
        j.members[0].preferences.direction = -0
        j.policy.weights.fit = -0
      }),
    )
    const m1 = p.members.find((m) => m.id === 'm1')
    expect(Object.is(m1?.committed, 0)).toBe(true)
    expect(Object.is(m1?.preferences['direction'], 0)).toBe(true)
    expect(Object.is(p.policy.weights.fit, 0)).toBe(true)
  })

  it('gives prototype-free records for qualities and preferences', () => {
    const p = decoded(baseJson())
    const m1 = p.members.find((m) => m.id === 'm1')
    expect(Object.getPrototypeOf(m1?.qualities)).toBeNull()
    expect(Object.getPrototypeOf(m1?.preferences)).toBeNull()
    expect({ ...m1?.qualities }).toEqual({ finance: 3, leadership: 4 })
  })

  it('decodes the empty problem', () => {
    expect(decoded({ roles: [], members: [], requests: [] })).toEqual({
      roles: [],
      members: [],
      requests: [],
      history: [],
      pinned: [],
      previous: [],
      apart: [],
      policy: Problem.defaultPolicy,
    })
  })

  it('allows history to name members who left the pool', () => {
    const p = decoded(
      mutated((j) => j.history.push({ request: 'x', members: ['ghost'], ended: '2025-01-01' })),
    )
    expect(p.history[0]).toEqual({ request: 'x', members: ['ghost'], ended: '2025-01-01' })
  })

  it('accepts a comfort of exactly 1 and levels 0 and 5', () => {
    const p = decoded(
      mutated((j) => {
        j.policy.comfort = 1
        j.members[4].qualities = { a: 0, b: 5 }
        j.roles[3].qualities = [
          { quality: 'a', min: 0 },
          { quality: 'b', min: 5 },
        ]
      }),
    )
    expect(p.policy.comfort).toBe(1)
  })
})

type Case = readonly [string, (j: Json) => void, ReadonlyArray<string>]

const cases: ReadonlyArray<Case> = [
  // top level
  ['roles missing', (j) => delete j.roles, ['roles type']],
  ['members not an array', (j) => (j.members = {}), ['members type']],
  ['history not an array', (j) => (j.history = 'none'), ['history type']],
  // roles
  ['role not an object', (j) => (j.roles[3] = 'network'), ['roles[3] type']],
  ['role id missing', (j) => delete j.roles[3].id, ['roles[3].id type']],
  ['role id empty', (j) => (j.roles[3].id = ''), ['roles[3].id range']],
  ['role id a number', (j) => (j.roles[3].id = 7), ['roles[3].id type']],
  ['role id duplicate', (j) => (j.roles[3].id = 'content'), ['roles[3].id duplicate']],
  ['role name a number', (j) => (j.roles[3].name = 1), ['roles[3].name type']],
  ['role qualities not an array', (j) => (j.roles[3].qualities = {}), ['roles[3].qualities type']],
  [
    'role quality not an object',
    (j) => (j.roles[0].qualities[0] = 'leadership'),
    ['roles[0].qualities[0] type'],
  ],
  [
    'quality min above 5',
    (j) => (j.roles[0].qualities[0].min = 6),
    ['roles[0].qualities[0].min range'],
  ],
  [
    'quality min fractional',
    (j) => (j.roles[0].qualities[0].min = 2.5),
    ['roles[0].qualities[0].min range'],
  ],
  [
    'quality min negative',
    (j) => (j.roles[0].qualities[0].min = -1),
    ['roles[0].qualities[0].min range'],
  ],
  [
    'quality min a string',
    (j) => (j.roles[0].qualities[0].min = '3'),
    ['roles[0].qualities[0].min type'],
  ],
  [
    'quality weight zero',
    (j) => (j.roles[0].qualities[0].weight = 0),
    ['roles[0].qualities[0].weight range'],
  ],
  [
    'quality weight negative',
    (j) => (j.roles[0].qualities[0].weight = -2),
    ['roles[0].qualities[0].weight range'],
  ],
  [
    'quality name empty',
    (j) => (j.roles[0].qualities[0].quality = ''),
    ['roles[0].qualities[0].quality range'],
  ],
  [
    'quality listed twice, differently',
    (j) => j.roles[0].qualities.push({ quality: 'leadership', min: 1 }),
    ['roles[0].qualities[1] conflict'],
  ],
  [
    'quality listed twice, the same (ignored)',
    (j) => j.roles[0].qualities.push({ quality: 'leadership', min: 3, weight: 2 }),
    [],
  ],
  // members
  ['member id duplicate', (j) => (j.members[4].id = 'm1'), ['members[4].id duplicate']],
  ['disciplines empty', (j) => (j.members[4].disciplines = []), ['members[4].disciplines range']],
  ['disciplines missing', (j) => delete j.members[4].disciplines, ['members[4].disciplines type']],
  [
    'discipline not a string',
    (j) => (j.members[4].disciplines = ['social', 3]),
    ['members[4].disciplines[1] type'],
  ],
  [
    'discipline empty',
    (j) => (j.members[4].disciplines = ['']),
    ['members[4].disciplines[0] range'],
  ],
  [
    'level above 5',
    (j) => (j.members[0].qualities.leadership = 6),
    ['members[0].qualities.leadership range'],
  ],
  [
    'level fractional',
    (j) => (j.members[0].qualities.finance = 2.5),
    ['members[0].qualities.finance range'],
  ],
  [
    'level a string',
    (j) => (j.members[0].qualities.finance = '3'),
    ['members[0].qualities.finance type'],
  ],
  ['qualities an array', (j) => (j.members[4].qualities = [1]), ['members[4].qualities type']],
  [
    'quality key with a space',
    (j) => (j.members[4].qualities = { 'a b': 9 }),
    ['members[4].qualities["a b"] range'],
  ],
  ['capacity zero', (j) => (j.members[4].capacity = 0), ['members[4].capacity range']],
  ['capacity negative', (j) => (j.members[4].capacity = -8), ['members[4].capacity range']],
  ['capacity missing', (j) => delete j.members[4].capacity, ['members[4].capacity type']],
  ['capacity a string', (j) => (j.members[4].capacity = '36'), ['members[4].capacity type']],
  [
    'committed above capacity',
    (j) => (j.members[4].committed = 37),
    ['members[4].committed range'],
  ],
  ['committed negative', (j) => (j.members[4].committed = -1), ['members[4].committed range']],
  ['units a string', (j) => (j.members[4].units = 'utrecht'), ['members[4].units type']],
  ['unit a number', (j) => (j.members[4].units = [1]), ['members[4].units[0] type']],
  [
    'window reversed',
    (j) => (j.members[4].available = [{ from: '2027-12-31', to: '2027-01-01' }]),
    ['members[4].available[0] period'],
  ],
  [
    'window impossible date',
    (j) => (j.members[4].available = [{ from: '2027-02-30', to: '2027-12-31' }]),
    ['members[4].available[0].from date'],
  ],
  ['available an object', (j) => (j.members[4].available = {}), ['members[4].available type']],
  [
    'preference out of range',
    (j) => (j.members[0].preferences.direction = 3),
    ['members[0].preferences.direction range'],
  ],
  [
    'preference fractional',
    (j) => (j.members[0].preferences.direction = 0.5),
    ['members[0].preferences.direction range'],
  ],
  [
    'preference for an unknown role',
    (j) => (j.members[0].preferences.nope = 1),
    ['members[0].preferences.nope reference'],
  ],
  ['goals a string', (j) => (j.members[4].goals = 'x'), ['members[4].goals type']],
  // requests and slots
  ['priority zero', (j) => (j.requests[0].priority = 0), ['requests[0].priority range']],
  ['priority six', (j) => (j.requests[0].priority = 6), ['requests[0].priority range']],
  ['priority fractional', (j) => (j.requests[0].priority = 2.5), ['requests[0].priority range']],
  ['unit empty', (j) => (j.requests[1].unit = ''), ['requests[1].unit range']],
  ['unit a number', (j) => (j.requests[1].unit = 5), ['requests[1].unit type']],
  ['period missing', (j) => delete j.requests[1].period, ['requests[1].period type']],
  [
    'period reversed',
    (j) => (j.requests[1].period = { from: '2027-09-30', to: '2027-03-01' }),
    ['requests[1].period period'],
  ],
  [
    'period month 13',
    (j) => (j.requests[1].period.from = '2027-13-01'),
    ['requests[1].period.from date'],
  ],
  [
    'period not a date',
    (j) => (j.requests[1].period.to = 'tomorrow'),
    ['requests[1].period.to date'],
  ],
  [
    'period date a number',
    (j) => (j.requests[1].period.to = 20270930),
    ['requests[1].period.to type'],
  ],
  [
    'excluded unknown member',
    (j) => (j.requests[1].excluded = ['nobody']),
    ['requests[1].excluded[0] reference'],
  ],
  ['slots missing', (j) => delete j.requests[1].slots, ['requests[1].slots type']],
  ['slot not an object', (j) => (j.requests[1].slots[1] = 'x'), ['requests[1].slots[1] type']],
  [
    'slot id duplicate across requests',
    (j) => (j.requests[1].slots[1].id = 'r1/content-law'),
    ['requests[1].slots[1].id duplicate'],
  ],
  ['slot id empty', (j) => (j.requests[1].slots[1].id = ''), ['requests[1].slots[1].id range']],
  [
    'slot role unknown',
    (j) => (j.requests[1].slots[1].role = 'nope'),
    ['requests[1].slots[1].role reference'],
  ],
  [
    'slot hours zero',
    (j) => (j.requests[1].slots[1].hours = 0),
    ['requests[1].slots[1].hours range'],
  ],
  [
    'slot hours negative',
    (j) => (j.requests[1].slots[1].hours = -4),
    ['requests[1].slots[1].hours range'],
  ],
  [
    'slot discipline empty',
    (j) => (j.requests[1].slots[1].discipline = ''),
    ['requests[1].slots[1].discipline range'],
  ],
  ['request id duplicate', (j) => (j.requests[1].id = 'r1'), ['requests[1].id duplicate']],
  // history
  [
    'history date 2026-02-29',
    (j) => (j.history[0].ended = '2026-02-29'),
    ['history[0].ended date'],
  ],
  ['history member a number', (j) => (j.history[0].members = [1]), ['history[0].members[0] type']],
  ['history entry an array', (j) => (j.history[0] = []), ['history[0] type']],
  // pinned / previous / apart
  ['pin unknown member', (j) => (j.pinned[0].member = 'ghost'), ['pinned[0].member reference']],
  ['pin unknown slot', (j) => (j.pinned[0].slot = 'r9/x'), ['pinned[0].slot reference']],
  ['pin missing member', (j) => delete j.pinned[0].member, ['pinned[0].member type']],
  [
    'two pins on one slot',
    (j) => j.pinned.push({ member: 'm3', slot: 'r1/direction' }),
    ['pinned[1] conflict'],
  ],
  [
    'two previous on one slot',
    (j) => j.previous.push({ member: 'm5', slot: 'r1/content-law' }),
    ['previous[1] conflict'],
  ],
  ['previous unknown slot', (j) => (j.previous[0].slot = 'nope'), ['previous[0].slot reference']],
  ['apart with itself', (j) => (j.apart = [['m3', 'm3']]), ['apart[0] conflict']],
  ['apart not a pair', (j) => (j.apart = [['m3']]), ['apart[0] type']],
  ['apart a triple', (j) => (j.apart = [['m3', 'm4', 'm5']]), ['apart[0] type']],
  ['apart unknown member', (j) => (j.apart = [['m3', 'ghost']]), ['apart[0][1] reference']],
  ['apart member a number', (j) => (j.apart = [[3, 'm4']]), ['apart[0][0] type']],
  // policy
  ['policy not an object', (j) => (j.policy = 5), ['policy type']],
  ['weights not an object', (j) => (j.policy.weights = [1]), ['policy.weights type']],
  ['weight negative', (j) => (j.policy.weights.fit = -1), ['policy.weights.fit range']],
  ['weight a string', (j) => (j.policy.weights.balance = '5'), ['policy.weights.balance type']],
  ['comfort zero', (j) => (j.policy.comfort = 0), ['policy.comfort range']],
  ['comfort above 1', (j) => (j.policy.comfort = 1.5), ['policy.comfort range']],
  [
    'max slots zero',
    (j) => (j.policy.maxSlotsPerMemberPerRequest = 0),
    ['policy.maxSlotsPerMemberPerRequest range'],
  ],
  [
    'max slots fractional',
    (j) => (j.policy.maxSlotsPerMemberPerRequest = 1.5),
    ['policy.maxSlotsPerMemberPerRequest range'],
  ],
  [
    'rotationSince impossible',
    (j) => (j.policy.rotationSince = '2026-02-30'),
    ['policy.rotationSince date'],
  ],
  // pins against the hard constraints
  ['pin breaks quality', (j) => (j.pinned[0].member = 'm2'), ['pinned[0] pin']],
  [
    'pin breaks discipline',
    (j) => (j.pinned = [{ member: 'm3', slot: 'r1/content-law' }]),
    ['pinned[0] pin'],
  ],
  [
    'pin breaks unit',
    (j) => {
      j.requests[1].unit = 'amsterdam'
      j.pinned = [{ member: 'm1', slot: 'r2/content' }]
    },
    ['pinned[0] pin'],
  ],
  ['pin breaks excluded', (j) => (j.requests[0].excluded = ['m1']), ['pinned[0] pin']],
  [
    'pin breaks availability',
    (j) => (j.members[0].available = [{ from: '2027-01-01', to: '2027-03-31' }]),
    ['pinned[0] pin'],
  ],
  [
    'pins break capacity over time',
    (j) => {
      j.previous = []
      j.pinned = [
        { member: 'm2', slot: 'r1/content-law' },
        { member: 'm2', slot: 'r2/content' },
      ]
    },
    ['pinned[0] pin', 'pinned[1] pin'],
  ],
  [
    'pin breaks capacity alone',
    (j) => {
      j.members[1].committed = 10
      j.pinned = [{ member: 'm2', slot: 'r1/content-law' }]
    },
    ['pinned[0] pin'],
  ],
  [
    'pins break the per-request limit',
    (j) => j.pinned.push({ member: 'm1', slot: 'r1/content-law' }),
    ['pinned[0] pin', 'pinned[1] pin'],
  ],
  [
    'pins break apart',
    (j) =>
      (j.pinned = [
        { member: 'm3', slot: 'r2/content' },
        { member: 'm4', slot: 'r2/budget' },
      ]),
    ['pinned[0] pin', 'pinned[1] pin'],
  ],
]

describe('decodeProblem: one issue per broken rule, at its path', () => {
  it.each(cases)('%s', (_, f, expected) => {
    expect(issuesOf(mutated(f))).toEqual(expected)
  })

  it('collects every issue at once, in document order', () => {
    const j = mutated((j) => {
      j.roles[3].id = ''
      j.members[4].capacity = -1
      j.requests[1].period.to = '2027-02-30'
      j.policy.comfort = 2
    })
    expect(issuesOf(j)).toEqual([
      'roles[3].id range',
      'members[4].capacity range',
      'requests[1].period.to date',
      'policy.comfort range',
    ])
  })

  it('reports a non-object root at the root', () => {
    for (const u of [null, undefined, 42, 'x', [], true]) expect(issuesOf(u)).toEqual([' type'])
  })
})

/** Every fixed-shape object of §6 with a typo'd key: the mutation and the path it must report. */
const typos: ReadonlyArray<readonly [string, (j: Json) => void, string]> = [
  ['the root', (j) => (j.polciy = {}), 'polciy'],
  ['a role', (j) => (j.roles[1].qualitites = []), 'roles[1].qualitites'],
  ['a role quality', (j) => (j.roles[0].qualities[0].mni = 3), 'roles[0].qualities[0].mni'],
  ['a member', (j) => (j.members[2].comitted = 8), 'members[2].comitted'],
  [
    'an availability window',
    (j) => (j.members[0].available[0].until = 'x'),
    'members[0].available[0].until',
  ],
  ['a request', (j) => (j.requests[1].exclude = ['m1']), 'requests[1].exclude'],
  ['a request period', (j) => (j.requests[0].period.end = '2027-07-01'), 'requests[0].period.end'],
  ['a slot', (j) => (j.requests[0].slots[1].disciplne = 'law'), 'requests[0].slots[1].disciplne'],
  ['a history entry', (j) => (j.history[0].team = []), 'history[0].team'],
  ['a pin', (j) => (j.pinned[0].locked = true), 'pinned[0].locked'],
  ['a previous entry', (j) => (j.previous[0].member_ = 'm2'), 'previous[0].member_'],
  [
    'the policy',
    (j) => (j.policy.maxSlotPerMemberPerRequest = 2),
    'policy.maxSlotPerMemberPerRequest',
  ],
  ['the weights', (j) => (j.policy.weights.fitt = 99), 'policy.weights.fitt'],
]

describe('decodeProblem: keys §6 does not define', () => {
  it.each(typos)('%s reports an unknown key at its path', (_, f, path) => {
    expect(issuesOf(mutated(f))).toEqual([`${path} unknown`])
  })

  it('names the key and the keys it expected', () => {
    const r = Problem.decodeProblem(mutated((j) => (j.policy.weights.fitt = 99)))
    expect(E.isLeft(r) && r.left).toEqual([
      Issue.issue(
        'policy.weights.fitt',
        'unknown',
        'unknown key "fitt"; expected one of fit, preference, learning, continuity, diversity, rotation, balance',
      ),
    ])
    const s = Problem.decodeProblem(mutated((j) => (j.requests[0].period.end = '2027-07-01')))
    expect(E.isLeft(s) && s.left.map((i) => i.message)).toEqual([
      'unknown key "end"; expected one of from, to',
    ])
  })

  it('collects every unknown key with the other issues, keys in code-unit order', () => {
    const j = mutated((j) => {
      j.zeta = 1
      j.Alpha = 1
      j.members[4].nickname = 'E'
      j.members[4].capacity = -1
      j.members[4].alias = 'F'
      j.policy.weights.fitt = 99
      j.policy.weights.fit = -1
    })
    expect(issuesOf(j)).toEqual([
      'Alpha unknown',
      'zeta unknown',
      'members[4].alias unknown',
      'members[4].nickname unknown',
      'members[4].capacity range',
      'policy.weights.fitt unknown',
      'policy.weights.fit range',
    ])
  })

  it('quotes awkward keys in the path', () => {
    expect(issuesOf(mutated((j) => (j.policy['fit ness'] = 1)))).toEqual([
      'policy["fit ness"] unknown',
    ])
    expect(issuesOf(mutated((j) => (j.requests[0].slots[0]['0'] = 1)))).toEqual([
      'requests[0].slots[0]["0"] unknown',
    ])
  })

  it('leaves the open-keyed records alone: any quality name, any role id as a preference', () => {
    const p = decoded(
      mutated((j) => {
        j.members[4].qualities = { fitt: 1, 'fit ness': 2, capacity: 3, id: 4 }
        j.members[4].preferences = { content: 1, network: -1 }
      }),
    )
    const m5 = p.members.find((m) => m.id === 'm5') as Problem.Member
    expect({ ...m5.qualities }).toEqual({ capacity: 3, 'fit ness': 2, fitt: 1, id: 4 })
    expect({ ...m5.preferences }).toEqual({ content: 1, network: -1 })
  })

  it('a typo in a key of the policy also skips the pin check (it may hide the limit)', () => {
    const j = mutated((j) => {
      j.pinned.push({ member: 'm1', slot: 'r1/content-law' })
      j.policy.maxSlotPerMemberPerRequest = 2
    })
    expect(issuesOf(j)).toEqual(['policy.maxSlotPerMemberPerRequest unknown'])
  })

  it('the element codecs report unknown keys too', () => {
    const slot = Problem.SlotCodec.decode({ id: 's', role: 'r', hours: 4, hour: 4 })
    expect(E.isLeft(slot) && slot.left.map((e) => e.message)).toEqual([
      'hour: unknown key "hour"; expected one of id, role, hours, discipline (unknown)',
    ])
    expect(Problem.PolicyCodec.is({ comfort: 0.5, confort: 0.5 })).toBe(false)
    expect(Problem.RoleCodec.is({ id: 'r', qualities: [{ quality: 'q', weigth: 2 }] })).toBe(false)
  })
})

describe('decodeProblem: pin issues name the constraint', () => {
  const messages = (f: (j: Json) => void): Array<string> => {
    const r = Problem.decodeProblem(mutated(f))
    return E.isLeft(r) ? r.left.map((i) => i.message) : []
  }
  it('names eligibility with the detail', () => {
    expect(messages((j) => (j.pinned[0].member = 'm2'))).toEqual([
      'pinning "m2" to "r1/direction" breaks eligibility (quality: leadership < 3)',
    ])
    expect(messages((j) => (j.requests[0].excluded = ['m1'])).join()).toContain(
      'excluded: excluded from the request',
    )
  })
  it('names capacity, the date and the load', () => {
    const ms = messages((j) => {
      j.previous = []
      j.pinned = [
        { member: 'm2', slot: 'r1/content-law' },
        { member: 'm2', slot: 'r2/content' },
      ]
    })
    expect(ms[0]).toContain('24 h on 2027-03-01')
    expect(ms[0]).toContain('(capacity)')
  })
  it('names the per-request limit and apart', () => {
    expect(messages((j) => j.pinned.push({ member: 'm1', slot: 'r1/content-law' }))[0]).toContain(
      'maxSlotsPerMemberPerRequest',
    )
    expect(
      messages(
        (j) =>
          (j.pinned = [
            { member: 'm3', slot: 'r2/content' },
            { member: 'm4', slot: 'r2/budget' },
          ]),
      )[0],
    ).toContain('(apart)')
  })
  it('allows overlapping pins that fit and pins in periods that do not overlap', () => {
    decoded(
      mutated((j) => {
        j.previous = []
        j.members[1].capacity = 24
        j.pinned = [
          { member: 'm2', slot: 'r1/content-law' },
          { member: 'm2', slot: 'r2/content' },
        ]
      }),
    )
    decoded(
      mutated((j) => {
        j.previous = []
        j.requests[1].period = { from: '2027-07-01', to: '2027-09-30' }
        j.pinned = [
          { member: 'm2', slot: 'r1/content-law' },
          { member: 'm2', slot: 'r2/content' },
        ]
      }),
    )
  })
  it('allows two pins per request when the policy allows it', () => {
    const p = decoded(
      mutated((j) => {
        j.policy.maxSlotsPerMemberPerRequest = 2
        j.pinned.push({ member: 'm1', slot: 'r1/content-law' })
      }),
    )
    expect(p.pinned).toHaveLength(2)
  })
  it('counts a one-day overlap: a period that starts on the day another ends', () => {
    const j = mutated((j) => {
      j.previous = []
      j.requests[1].period = { from: '2027-06-30', to: '2027-09-30' }
      j.pinned = [
        { member: 'm2', slot: 'r1/content-law' },
        { member: 'm2', slot: 'r2/content' },
      ]
    })
    expect(issuesOf(j)).toEqual(['pinned[0] pin', 'pinned[1] pin'])
    j.requests[1].period.from = '2027-07-01'
    expect(issuesOf(j)).toEqual([])
  })
  it('checks capacity at a later start date, where the load peaks', () => {
    // r3 starts inside r1 and r2; the load on 2027-04-01 is 16 + 8 + 4 = 28 > 24
    const j = mutated((j) => {
      j.previous = []
      j.members[1].capacity = 24
      j.requests.push({
        id: 'r3',
        period: { from: '2027-04-01', to: '2027-04-30' },
        slots: [{ id: 'r3/c', role: 'content', hours: 4 }],
      })
      j.pinned = [
        { member: 'm2', slot: 'r1/content-law' },
        { member: 'm2', slot: 'r2/content' },
        { member: 'm2', slot: 'r3/c' },
      ]
    })
    expect(issuesOf(j)).toEqual(['pinned[0] pin', 'pinned[1] pin', 'pinned[2] pin'])
  })
})

describe('encodeProblem', () => {
  it('round-trips a decoded problem', () => {
    const p = decoded(baseJson())
    expect(decoded(Problem.encodeProblem(p))).toEqual(p)
    expect(decoded(JSON.parse(JSON.stringify(Problem.encodeProblem(p))))).toEqual(p)
  })
  it('writes §6 keys in order and omits null fields', () => {
    const p = decoded(baseJson())
    const out = Problem.encodeProblem(p) as Json
    expect(Object.keys(out)).toEqual([
      'roles',
      'members',
      'requests',
      'history',
      'pinned',
      'previous',
      'apart',
      'policy',
    ])
    expect(Object.keys(out.members[1])).toEqual([
      'id',
      'name',
      'disciplines',
      'qualities',
      'capacity',
      'committed',
      'preferences',
      'goals',
    ])
    expect(out.requests[1]).toEqual({
      id: 'r2',
      title: 'Energy transition',
      priority: 1,
      period: { from: '2027-03-01', to: '2027-09-30' },
      excluded: [],
      slots: [
        { id: 'r2/budget', role: 'budget', hours: 8 },
        { id: 'r2/content', role: 'content', hours: 8 },
      ],
    })
  })
  it('is byte-stable', () => {
    const a = JSON.stringify(Problem.encodeProblem(decoded(baseJson())))
    const b = JSON.stringify(Problem.encodeProblem(decoded(JSON.parse(a))))
    expect(b).toBe(a)
  })
})

describe('io-ts codecs', () => {
  it('ProblemCodec decodes and encodes like decodeProblem/encodeProblem', () => {
    const r = Problem.ProblemCodec.decode(baseJson())
    expect(E.isRight(r) && r.right).toEqual(decoded(baseJson()))
    const bad = Problem.ProblemCodec.decode(mutated((j) => (j.members[4].capacity = 0)))
    expect(E.isLeft(bad) && bad.left.map((e) => e.message)).toEqual([
      'members[4].capacity: must be a finite number > 0, got 0 (range)',
    ])
    expect(Problem.ProblemCodec.is(baseJson())).toBe(true)
    expect(Problem.ProblemCodec.is(decoded(baseJson()))).toBe(true)
    expect(Problem.ProblemCodec.is({})).toBe(false)
    expect(Problem.ProblemCodec.encode(decoded(baseJson()))).toEqual(
      Problem.encodeProblem(decoded(baseJson())),
    )
  })
  it('element codecs check shape and ranges', () => {
    expect(Problem.MemberCodec.is({ id: 'm', disciplines: ['x'], capacity: 4 })).toBe(true)
    expect(Problem.MemberCodec.is({ id: 'm', disciplines: ['x'], capacity: 4, committed: 5 })).toBe(
      false,
    )
    const role = Problem.RoleCodec.decode({ id: 'r', qualities: [{ quality: 'q' }] })
    expect(E.isRight(role) && role.right).toEqual({
      id: 'r',
      name: 'r',
      qualities: [{ quality: 'q', min: 0, weight: 1 }],
    })
    const slot = Problem.SlotCodec.decode({ id: 's', role: 'r', hours: -1 })
    expect(E.isLeft(slot) && slot.left.map((e) => e.message)).toEqual([
      'hours: must be a finite number > 0, got -1 (range)',
    ])
    expect(Problem.RequestCodec.is(baseJson().requests[0])).toBe(true)
    expect(Problem.HistoryEntryCodec.is({ request: 'x', members: [], ended: '2027-02-29' })).toBe(
      false,
    )
    expect(Problem.SlotMemberCodec.is({ member: 'm', slot: 's' })).toBe(true)
    const policy = Problem.PolicyCodec.decode({})
    expect(E.isRight(policy) && policy.right).toEqual(Problem.defaultPolicy)
    expect(Problem.PolicyCodec.is(undefined)).toBe(false)
  })
})

describe('compareIds', () => {
  it('orders by code units', () => {
    expect(['b', 'a', 'B', 'é', '_'].sort(Problem.compareIds)).toEqual(['B', '_', 'a', 'b', 'é'])
    expect(Problem.compareIds('a', 'a')).toBe(0)
  })
})

describe('types', () => {
  it('every codec encodes to its typed JSON, and the JSON takes plain string ids', () => {
    expectTypeOf(Problem.encodeProblem).returns.toEqualTypeOf<Problem.ProblemJson>()
    expectTypeOf(Problem.MemberCodec.encode).returns.toEqualTypeOf<Problem.MemberJson>()
    expectTypeOf(Problem.RequestCodec.encode).returns.toEqualTypeOf<Problem.RequestJson>()
    expectTypeOf(Problem.PolicyCodec.encode).returns.toEqualTypeOf<Problem.PolicyJson>()
    expectTypeOf<Problem.ProblemJson['members'][number]['capacity']>().toEqualTypeOf<number>()
    const json = Problem.encodeProblem(decoded(baseJson()))
    const member = json.members[0]
    // a typed read, no cast: the encoded member's fields are the format's
    expect(typeof member?.capacity).toBe('number')
    expect(json.requests.flatMap((r) => r.slots.map((s) => s.id)).length).toBeGreaterThan(0)
  })
  it('a ValidProblem is a Problem, but a Problem is not a ValidProblem', () => {
    expectTypeOf<Problem.ValidProblem>().toMatchTypeOf<Problem.Problem>()
    expectTypeOf<Problem.Problem>().not.toMatchTypeOf<Problem.ValidProblem>()
    const p: Problem.Problem = decoded(baseJson())
    // @ts-expect-error only decodeProblem makes a ValidProblem
    const v: Problem.ValidProblem = p
    expect(v).toBe(p)
  })
  it('ids are branded: a plain string is not a MemberId', () => {
    expectTypeOf<string>().not.toMatchTypeOf<Problem.MemberId>()
    expectTypeOf<Problem.MemberId>().toMatchTypeOf<string>()
    expectTypeOf(Problem.decodeProblem).returns.toEqualTypeOf<
      E.Either<
        import('fp-ts/lib/NonEmptyArray.js').NonEmptyArray<Issue.Issue>,
        Problem.ValidProblem
      >
    >()
  })
})
