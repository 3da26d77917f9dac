import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { Eligibility, Issue, Problem } from 'wendbaar'
import { baseJson, type Json } from './support/arbitraries.js'
import { pathCodeLines } from './support/issues.js'

const clone = (j: Json): Json => JSON.parse(JSON.stringify(j))
const mutated = (f: (j: Json) => void): Json => {
  const j = clone(baseJson())
  f(j)
  return j
}
/** Issues as `path code`; fails the test if decoding throws (it never should). */
const issuesOf = (j: unknown): Array<string> => pathCodeLines(Problem.decodeProblem(j))
const decoded = (j: unknown): Problem.ValidProblem => {
  const r = Problem.decodeProblem(j)
  if (E.isLeft(r)) throw new Error(Issue.render(r.left).join('\n'))
  return r.right
}

/** An array nested `depth` deep, built without recursion. */
const deepArray = (depth: number): unknown => {
  let v: unknown = 0
  for (let i = 0; i < depth; i++) v = [v]
  return v
}
const deepObject = (depth: number): unknown => {
  let v: unknown = 0
  for (let i = 0; i < depth; i++) v = { a: v }
  return v
}

const protoSnapshot = () => ({
  names: Object.getOwnPropertyNames(Object.prototype).sort(),
  proto: Object.getPrototypeOf(Object.prototype) as unknown,
  toString: Object.prototype.toString,
  constructor: Object.prototype.constructor,
})

describe('adversarial input: wrong types', () => {
  const junk: ReadonlyArray<readonly [string, unknown]> = [
    ['null', null],
    ['a boolean', true],
    ['a string', 'x'],
    ['a number', 1],
    ['an array', [1]],
    ['an object', { a: 1 }],
  ]
  const notNumbers = junk.filter(([, v]) => typeof v !== 'number')
  it.each(notNumbers)('capacity as %s', (_, v) => {
    expect(issuesOf(mutated((j) => (j.members[4].capacity = v)))).toEqual([
      'members[4].capacity type',
    ])
  })
  it.each(notNumbers)('slot hours as %s', (_, v) => {
    expect(issuesOf(mutated((j) => (j.requests[1].slots[1].hours = v)))).toEqual([
      'requests[1].slots[1].hours type',
    ])
  })
  it.each(junk.filter(([, v]) => !(typeof v === 'object' && v !== null && !Array.isArray(v))))(
    'period as %s',
    (_, v) => {
      expect(issuesOf(mutated((j) => (j.requests[1].period = v)))).toEqual([
        'requests[1].period type',
      ])
    },
  )
  it('an object where a period is expected, but without from/to', () => {
    expect(issuesOf(mutated((j) => (j.requests[1].period = { a: 1 })))).toEqual([
      'requests[1].period.a unknown',
      'requests[1].period.from type',
      'requests[1].period.to type',
    ])
  })
  it('undefined and sparse holes in arrays', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(issuesOf(mutated((j) => (j.members[4].disciplines = ['social', , 'law'])))).toEqual([
      'members[4].disciplines[1] type',
    ])
    expect(issuesOf(mutated((j) => (j.members[4].capacity = undefined)))).toEqual([
      'members[4].capacity type',
    ])
  })
  it('ids of every wrong type', () => {
    for (const [, v] of junk.filter(([, v]) => typeof v !== 'string')) {
      expect(issuesOf(mutated((j) => (j.members[4].id = v)))).toEqual(['members[4].id type'])
    }
  })
})

describe('adversarial input: NaN, ±Infinity, -0', () => {
  const bad = [NaN, Infinity, -Infinity]
  it.each(bad)(
    'rejects %s as capacity, committed, hours, weight, comfort, level, preference, priority',
    (x) => {
      expect(
        issuesOf(
          mutated((j) => {
            j.members[4].capacity = x
            j.members[0].committed = x
            j.requests[1].slots[0].hours = x
            j.policy.weights.balance = x
            j.policy.comfort = x
            j.members[0].qualities.finance = x
            j.members[0].preferences.direction = x
            j.requests[1].priority = x
            j.roles[0].qualities[0].weight = x
            j.policy.maxSlotsPerMemberPerRequest = x
          }),
        ),
      ).toEqual([
        'roles[0].qualities[0].weight range',
        'members[0].qualities.finance range',
        'members[0].committed range',
        'members[0].preferences.direction range',
        'members[4].capacity range',
        'requests[1].priority range',
        'requests[1].slots[0].hours range',
        'policy.weights.balance range',
        'policy.comfort range',
        'policy.maxSlotsPerMemberPerRequest range',
      ])
    },
  )
  it('says what was wrong, including the value', () => {
    const r = Problem.decodeProblem(mutated((j) => (j.members[4].capacity = NaN)))
    expect(E.isLeft(r) && r.left[0]?.message).toBe('must be a finite number > 0, got NaN')
  })
  it('reads -0 as 0 where 0 is allowed and rejects it where it is not', () => {
    const p = decoded(
      mutated((j) => {
        j.members[4].committed = -0
        j.roles[0].qualities[0].min = 3
        j.roles[3].qualities = [{ quality: 'x', min: -0 }]
        j.members[4].qualities = { x: -0 }
      }),
    )
    expect(Object.is(p.members.find((m) => m.id === 'm5')?.committed, 0)).toBe(true)
    expect(Object.is(p.roles.find((r) => r.id === 'network')?.qualities[0]?.min, 0)).toBe(true)
    expect(Object.is(p.members.find((m) => m.id === 'm5')?.qualities['x'], 0)).toBe(true)
    expect(issuesOf(mutated((j) => (j.members[4].capacity = -0)))).toEqual([
      'members[4].capacity range',
    ])
    expect(issuesOf(mutated((j) => (j.requests[1].slots[0].hours = -0)))).toEqual([
      'requests[1].slots[0].hours range',
    ])
  })
})

describe('adversarial input: levels', () => {
  it.each([
    [0.5, 'range'],
    [5.000001, 'range'],
    [6, 'range'],
    [-1, 'range'],
    [1e308, 'range'],
    ['5', 'type'],
    [null, 'type'],
    [[4], 'type'],
  ] as const)('member level %s is a %s issue', (v, code) => {
    expect(issuesOf(mutated((j) => (j.members[0].qualities.leadership = v)))).toEqual([
      `members[0].qualities.leadership ${code}`,
    ])
  })
  it.each([0.5, 7, -2])('role min %s is a range issue', (v) => {
    expect(issuesOf(mutated((j) => (j.roles[2].qualities[0].min = v)))).toEqual([
      'roles[2].qualities[0].min range',
    ])
  })
})

describe('adversarial input: huge strings', () => {
  const big = 'x'.repeat(10 * 1024 * 1024)
  it('a 10 MB string where a number is expected is a type issue with a short message', () => {
    const r = Problem.decodeProblem(mutated((j) => (j.members[4].capacity = big)))
    expect(E.isLeft(r) && r.left.map((i) => [i.path, i.code, i.message])).toEqual([
      ['members[4].capacity', 'type', 'expected a finite number > 0, got a string'],
    ])
  })
  it('a 10 MB string where a date is expected is a date issue whose message is cut short', () => {
    const r = Problem.decodeProblem(mutated((j) => (j.history[0].ended = big)))
    expect(E.isLeft(r) && r.left.map((i) => [i.path, i.code])).toEqual([
      ['history[0].ended', 'date'],
    ])
    expect(E.isLeft(r) && (r.left[0]?.message.length ?? Infinity)).toBeLessThan(200)
  })
  it('a 10 MB reference that dangles has a short message', () => {
    const r = Problem.decodeProblem(mutated((j) => (j.pinned[0].slot = big)))
    expect(E.isLeft(r) && r.left.map((i) => [i.path, i.code])).toEqual([
      ['pinned[0].slot', 'reference'],
    ])
    expect(E.isLeft(r) && (r.left[0]?.message.length ?? Infinity)).toBeLessThan(200)
  })
  it('a 10 MB id is an id like any other', () => {
    const p = decoded(
      mutated((j) => {
        j.members[4].id = big
        j.members[4].qualities = { [big]: 5 }
        j.apart.push([big, 'm1'])
      }),
    )
    const m = p.members[p.members.length - 1]
    expect(m?.id.length).toBe(big.length)
    expect(m && Eligibility.level(m, big)).toBe(5)
    expect(p.apart).toContainEqual(['m1', big])
  })
})

describe('adversarial input: __proto__, constructor, toString', () => {
  const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const
  const weird = (name: string): string =>
    // JSON text, so that "__proto__" becomes an own key exactly as an app's JSON.parse gives it
    JSON.stringify({
      roles: [{ id: name, qualities: [{ quality: name, min: 3 }] }],
      members: [
        {
          id: name,
          disciplines: [name],
          qualities: { [name]: 4 },
          capacity: 10,
          units: [name],
          preferences: { [name]: 2 },
          goals: [name],
        },
        { id: 'plain', disciplines: ['x'], capacity: 10 },
      ],
      requests: [
        {
          id: name,
          unit: name,
          period: { from: '2027-01-01', to: '2027-01-31' },
          slots: [{ id: name, role: name, hours: 4, discipline: name }],
        },
      ],
      history: [{ request: name, members: [name, 'plain'], ended: '2026-12-31' }],
      pinned: [{ member: name, slot: name }],
      previous: [{ member: name, slot: name }],
      apart: [[name, 'plain']],
    })

  it.each(names)(
    '%s works as an id, a quality, a unit, a discipline and a preference key',
    (name) => {
      const before = protoSnapshot()
      const p = decoded(JSON.parse(weird(name)))
      expect(protoSnapshot()).toEqual(before)
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
      const m = p.members.find((x) => x.id === name) as Problem.Member
      expect(m).toBeDefined()
      expect(Object.getPrototypeOf(m.qualities)).toBeNull()
      expect(Object.keys(m.qualities)).toEqual([name])
      expect(Eligibility.level(m, name)).toBe(4)
      expect(Eligibility.preference(m, name)).toBe(2)
      expect(p.roles[0]?.id).toBe(name)
      expect(p.pinned).toEqual([{ member: name, slot: name }])
      expect(p.apart).toEqual([[name, 'plain'].sort()])
      const ix = Eligibility.index(p)
      expect(ix.roleById.get(name as Problem.RoleId)?.qualities[0]?.quality).toBe(name)
      expect(ix.slotById.get(name as Problem.SlotId)?.request.id).toBe(name)
      // the round trip keeps the odd keys as data
      const again = decoded(JSON.parse(JSON.stringify(Problem.encodeProblem(p))))
      expect(again).toEqual(p)
      expect(protoSnapshot()).toEqual(before)
    },
  )

  it.each(names)(
    'an inherited %s is never read as a level: the member lacks the quality',
    (name) => {
      const j = JSON.parse(weird(name))
      j.members[0].qualities = {}
      const r = Problem.decodeProblem(j)
      expect(E.isLeft(r) && r.left.map((i) => `${i.path} ${i.code}`)).toEqual(['pinned[0] pin'])
      expect(E.isLeft(r) && r.left[0]?.message).toContain(`${name} < 3`)
    },
  )

  it.each(names)('a member who lacks %s is not eligible; one who has it is', (name) => {
    const p = decoded(JSON.parse(weird(name)))
    const plain = p.members.find((m) => m.id === 'plain') as Problem.Member
    const request = p.requests[0] as Problem.Request
    const slot = request.slots[0] as Problem.Slot
    expect(Eligibility.check(p, plain, request, slot)).toEqual(
      O.some({ constraint: 'quality', detail: `${name} < 3` }),
    )
    const holder = p.members.find((m) => m.id === name) as Problem.Member
    expect(Eligibility.isEligible(p, holder, request, slot)).toBe(true)
    const role = p.roles[0] as Problem.Role
    expect(Eligibility.qualityShortfalls(role, plain)).toEqual([
      { quality: name, min: 3, level: 0, detail: `${name} < 3` },
    ])
  })

  it('a __proto__ payload does not pollute Object.prototype', () => {
    const before = protoSnapshot()
    const text =
      '{"__proto__":{"polluted":1},"roles":[],"members":[{"id":"m","disciplines":["x"],"capacity":1,' +
      '"qualities":{"__proto__":{"polluted":2}},"preferences":{"__proto__":1},"__proto__":{"polluted":3}}],' +
      '"requests":[],"policy":{"__proto__":{"comfort":0.5},"weights":{"__proto__":{"fit":1}}}}'
    const issues = issuesOf(JSON.parse(text))
    // a `__proto__` key of a fixed-shape object is an unknown key like any other; in the
    // open-keyed records it is an ordinary name
    expect(issues).toEqual([
      '__proto__ unknown',
      'members[0].__proto__ unknown',
      'members[0].qualities.__proto__ type',
      'members[0].preferences.__proto__ reference',
      'policy.__proto__ unknown',
      'policy.weights.__proto__ unknown',
    ])
    expect(protoSnapshot()).toEqual(before)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(({} as Record<string, unknown>)['comfort']).toBeUndefined()
  })

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'a %s key in any fixed-shape object is an unknown key, and Object.prototype stays untouched',
    (name) => {
      const before = protoSnapshot()
      const k = JSON.stringify(name)
      const payload = `${k}:{"polluted":1}`
      // the same key in every kind of fixed-shape object, via JSON.parse (so `__proto__` is an own key)
      const text =
        `{${payload},"roles":[{"id":"r",${payload},"qualities":[{"quality":"q",${payload}}]}],` +
        `"members":[{"id":"m","disciplines":["x"],"capacity":8,${payload},` +
        `"available":[{"from":"2027-01-01","to":"2027-12-31",${payload}}]}],` +
        `"requests":[{"id":"q",${payload},"period":{"from":"2027-01-01","to":"2027-02-01",${payload}},` +
        `"slots":[{"id":"s","role":"r","hours":1,${payload}}]}],` +
        `"history":[{"request":"h","members":[],"ended":"2026-01-01",${payload}}],` +
        `"pinned":[{"member":"m","slot":"s",${payload}}],` +
        `"previous":[{"member":"m","slot":"s",${payload}}],` +
        `"policy":{${payload},"weights":{${payload}}}}`
      const at = (path: string) => `${Issue.field(path, name)} unknown`
      expect(issuesOf(JSON.parse(text))).toEqual([
        at(''),
        at('roles[0]'),
        at('roles[0].qualities[0]'),
        at('members[0]'),
        at('members[0].available[0]'),
        at('requests[0]'),
        at('requests[0].period'),
        at('requests[0].slots[0]'),
        at('history[0]'),
        at('pinned[0]'),
        at('previous[0]'),
        at('policy'),
        at('policy.weights'),
      ])
      expect(protoSnapshot()).toEqual(before)
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    },
  )

  it('unknown keys are own keys only: inherited ones are neither read nor reported', () => {
    const j = clone(baseJson())
    j.members[4] = Object.assign(Object.create({ nickname: 'E', capacity: 10 }), j.members[4])
    j.policy = Object.assign(Object.create({ fitt: 1 }), j.policy)
    expect(issuesOf(j)).toEqual([])
  })

  it('a huge unknown key is cut short in the message', () => {
    const key = 'k'.repeat(100_000)
    const r = Problem.decodeProblem(mutated((j) => (j.requests[0].slots[0][key] = 1)))
    expect(E.isLeft(r) && r.left.map((i) => [i.path, i.code])).toEqual([
      [`requests[0].slots[0].${key}`, 'unknown'],
    ])
    expect(E.isLeft(r) && (r.left[0] as Issue.Issue).message.length).toBeLessThan(200)
  })

  it('fields inherited from a prototype are not read (only own properties count)', () => {
    const j = clone(baseJson())
    const m5 = j.members[4]
    delete m5.capacity
    const withProto = Object.assign(Object.create({ capacity: 10 }), m5)
    j.members[4] = withProto
    expect(issuesOf(j)).toEqual(['members[4].capacity type'])
  })
})

describe('adversarial input: duplicates, dangling references, periods, dates', () => {
  it('reports each duplicate id once, pointing to the first', () => {
    const r = Problem.decodeProblem(
      mutated((j) => {
        j.members.push(
          { id: 'm1', disciplines: ['x'], capacity: 1 },
          { id: 'm1', disciplines: ['x'], capacity: 1 },
        )
      }),
    )
    expect(E.isLeft(r) && r.left.map((i) => [i.path, i.code, i.message])).toEqual([
      ['members[5].id', 'duplicate', 'duplicate member id "m1" (first at members[0])'],
      ['members[6].id', 'duplicate', 'duplicate member id "m1" (first at members[0])'],
    ])
  })
  it('slot ids are unique across the whole problem, not per request', () => {
    expect(issuesOf(mutated((j) => (j.requests[1].slots[0].id = 'r1/direction')))).toEqual([
      'requests[1].slots[0].id duplicate',
    ])
  })
  it('a role, a member and a request may share an id', () => {
    decoded(
      mutated((j) => {
        j.members[4].id = 'network'
        j.requests[1].id = 'network'
      }),
    )
  })
  it('dangling references everywhere are all reported', () => {
    expect(
      issuesOf(
        mutated((j) => {
          j.members[0].preferences = { ghost: 1 }
          j.requests[0].excluded = ['ghost']
          j.requests[0].slots[1].role = 'ghost'
          j.pinned = [{ member: 'ghost', slot: 'ghost' }]
          j.previous = [{ member: 'ghost', slot: 'r1/direction' }]
          j.apart = [['ghost', 'm1']]
        }),
      ),
    ).toEqual([
      'members[0].preferences.ghost reference',
      'requests[0].excluded[0] reference',
      'requests[0].slots[1].role reference',
      'pinned[0].member reference',
      'pinned[0].slot reference',
      'previous[0].member reference',
      'apart[0][0] reference',
    ])
  })
  it('reversed periods and windows', () => {
    expect(
      issuesOf(
        mutated((j) => {
          j.requests[0].period = { from: '2027-06-30', to: '2027-02-01' }
          j.members[0].available = [{ from: '2027-12-31', to: '2027-12-30' }]
        }),
      ),
    ).toEqual(['members[0].available[0] period', 'requests[0].period period'])
  })
  it('a one-day period is fine', () => {
    decoded(mutated((j) => (j.requests[1].period = { from: '2027-03-01', to: '2027-03-01' })))
  })
  it.each([
    '2027-02-30',
    '2027-02-29',
    '2100-02-29',
    '2027-04-31',
    '2027-00-10',
    '2027-13-01',
    '0000-01-01',
    '2027-1-01',
    '2027-01-01T00:00',
    ' 2027-01-01',
    '２０２７-01-01',
  ])('impossible or malformed date %s', (d) => {
    expect(issuesOf(mutated((j) => (j.requests[1].period.from = d)))).toEqual([
      'requests[1].period.from date',
    ])
  })
  it.each(['2028-02-29', '2000-02-29', '2027-12-31', '0001-01-01', '9999-12-31'])(
    'real date %s',
    (d) => {
      decoded(
        mutated((j) => {
          j.history[0].ended = d
        }),
      )
    },
  )
})

describe('adversarial input: deeply nested junk', () => {
  const deep = deepArray(100_000)
  const deepObj = deepObject(100_000)
  it('a 100k-deep array as the root', () => {
    expect(issuesOf(deep)).toEqual([' type'])
  })
  it('a 100k-deep array in a number field, an id, a record, a section and a pair', () => {
    expect(
      issuesOf(
        mutated((j) => {
          j.members[4].capacity = deep
          j.members[4].qualities = deep
          j.roles[3].id = deep
          j.apart = [deep]
          j.history = deep
        }),
      ),
    ).toEqual([
      'roles[3].id type',
      'members[4].qualities type',
      'members[4].capacity type',
      'history[0] type',
      'apart[0] type',
    ])
  })
  it('a 100k-deep object in the policy and as a level', () => {
    expect(
      issuesOf(
        mutated((j) => {
          j.policy.weights = { fit: deepObj }
          j.members[0].qualities.leadership = deepObj
        }),
      ),
    ).toEqual(['members[0].qualities.leadership type', 'policy.weights.fit type'])
  })
})

describe('adversarial input: hostile JavaScript values', () => {
  it('a throwing getter becomes an issue, not an exception', () => {
    const j = clone(baseJson())
    Object.defineProperty(j.members[4], 'capacity', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    expect(issuesOf(j)).toEqual([' type'])
  })
  it('a throwing proxy becomes an issue, not an exception', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom')
        },
        getOwnPropertyDescriptor() {
          throw new Error('boom')
        },
        ownKeys() {
          throw new Error('boom')
        },
        has() {
          throw new Error('boom')
        },
      },
    )
    expect(issuesOf(hostile)).toEqual([' type'])
    expect(issuesOf(mutated((j) => (j.members[0].qualities = hostile)))).toEqual([' type'])
  })
  it('the element codecs do not throw either', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom')
        },
        getOwnPropertyDescriptor() {
          throw new Error('boom')
        },
      },
    )
    expect(Problem.MemberCodec.is(hostile)).toBe(false)
    expect(E.isLeft(Problem.ProblemCodec.decode(hostile))).toBe(true)
  })
})

describe('adversarial input: pins that break hard constraints', () => {
  it('capacity: two overlapping pins beyond capacity', () => {
    expect(
      issuesOf(
        mutated((j) => {
          j.previous = []
          j.pinned = [
            { member: 'm2', slot: 'r1/content-law' },
            { member: 'm2', slot: 'r2/content' },
          ]
        }),
      ),
    ).toEqual(['pinned[0] pin', 'pinned[1] pin'])
  })
  it('capacity: committed hours count', () => {
    expect(
      issuesOf(
        mutated((j) => {
          j.members[0].committed = 30
        }),
      ),
    ).toEqual(['pinned[0] pin'])
  })
  it('apart: both members pinned to one request', () => {
    expect(
      issuesOf(
        mutated((j) => {
          j.apart = [['m1', 'm4']]
          j.pinned.push({ member: 'm4', slot: 'r2/budget' })
          j.requests[1].unit = null
          j.requests[0].slots.push({ id: 'r1/budget', role: 'budget', hours: 4 })
          j.pinned.push({ member: 'm4', slot: 'r1/budget' })
        }),
      ),
    ).toEqual(['pinned[0] pin', 'pinned[2] pin'])
  })
  it('apart: members pinned to different requests are fine', () => {
    decoded(
      mutated((j) => {
        j.apart = [['m1', 'm4']]
        j.pinned.push({ member: 'm4', slot: 'r2/budget' })
      }),
    )
  })
  it('eligibility: every rule', () => {
    const reasons = (f: (j: Json) => void): Array<string> => {
      const r = Problem.decodeProblem(mutated(f))
      return E.isLeft(r) ? r.left.map((i) => `${i.path} ${i.code} ${i.message}`) : []
    }
    expect(reasons((j) => (j.members[0].units = ['zwolle']))).toEqual([
      'pinned[0] pin pinning "m1" to "r1/direction" breaks eligibility (unit: unit utrecht not served)',
    ])
    expect(reasons((j) => (j.members[0].qualities.leadership = 2))).toEqual([
      'pinned[0] pin pinning "m1" to "r1/direction" breaks eligibility (quality: leadership < 3)',
    ])
    expect(reasons((j) => (j.pinned = [{ member: 'm4', slot: 'r1/content-law' }]))).toEqual([
      'pinned[0] pin pinning "m4" to "r1/content-law" breaks eligibility (discipline: discipline law missing)',
    ])
    expect(reasons((j) => (j.requests[0].excluded = ['m1']))).toEqual([
      'pinned[0] pin pinning "m1" to "r1/direction" breaks eligibility (excluded: excluded from the request)',
    ])
    expect(reasons((j) => (j.members[0].available = []))).toEqual([
      'pinned[0] pin pinning "m1" to "r1/direction" breaks eligibility (availability: not available 2027-02-01..2027-06-30)',
    ])
  })
  it('per-request limit', () => {
    expect(
      issuesOf(mutated((j) => j.pinned.push({ member: 'm1', slot: 'r1/content-law' }))),
    ).toEqual(['pinned[0] pin', 'pinned[1] pin'])
  })
  it('pins are checked alongside other issues', () => {
    expect(
      issuesOf(
        mutated((j) => {
          j.pinned[0].member = 'm2'
          j.members[4].capacity = 0
        }),
      ),
    ).toEqual(['members[4].capacity range', 'pinned[0] pin'])
  })
  it('except the pins that involve a broken member, request, slot or role, or all with a broken policy', () => {
    const pinM2 = (j: Json) => (j.pinned[0].member = 'm2') // m2 lacks leadership: a pin issue
    expect(issuesOf(mutated((j) => (pinM2(j), (j.members[1].capacity = 0))))).toEqual([
      'members[1].capacity range',
    ])
    expect(issuesOf(mutated((j) => (pinM2(j), (j.requests[0].priority = 9))))).toEqual([
      'requests[0].priority range',
    ])
    expect(issuesOf(mutated((j) => (pinM2(j), (j.requests[0].slots[0].hours = 0))))).toEqual([
      'requests[0].slots[0].hours range',
    ])
    expect(issuesOf(mutated((j) => (pinM2(j), (j.roles[0].qualities[0].weight = 0))))).toEqual([
      'roles[0].qualities[0].weight range',
    ])
    expect(issuesOf(mutated((j) => (pinM2(j), (j.policy.comfort = 0))))).toEqual([
      'policy.comfort range',
    ])
    // a duplicated member id makes both members with it unsound
    expect(
      issuesOf(
        mutated((j) => (pinM2(j), j.members.push({ id: 'm2', disciplines: ['x'], capacity: 1 }))),
      ),
    ).toEqual(['members[5].id duplicate'])
    // a slot id held by two requests: the pin on it is not checked
    expect(
      issuesOf(
        mutated((j) => {
          pinM2(j)
          j.requests[1].slots[0].id = 'r1/direction'
        }),
      ),
    ).toEqual(['requests[1].slots[0].id duplicate'])
  })
})

describe('the decoded problem shares nothing with the input', () => {
  it('mutating the input afterwards leaves the result unchanged', () => {
    const input = clone(baseJson())
    const p = decoded(input)
    const before = JSON.stringify(Problem.encodeProblem(p))
    const scramble = (v: Json): void => {
      if (Array.isArray(v)) {
        v.forEach((x, i) => (typeof x === 'object' && x !== null ? scramble(x) : (v[i] = 'x')))
        v.push('extra')
      } else if (typeof v === 'object' && v !== null) {
        for (const k of Object.keys(v)) {
          if (typeof v[k] === 'object' && v[k] !== null) scramble(v[k])
          else v[k] = 'x'
        }
        v.added = 1
      }
    }
    scramble(input)
    expect(JSON.stringify(Problem.encodeProblem(p))).toBe(before)
  })
})
