import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Assessment, Catalogue, Classification, Intake, Rules } from 'wendbaar'
import { arbCatalogue, arbCompleteAssessment, arbDisciplines, arbPolicy, arbPredicate, arbRules } from './support/classifyArbitraries.js'
import { pathsAndCodes } from './support/issues.js'

const cat = Catalogue.defaultCatalogue
const classify = Classification.classify(Classification.defaultClassificationPolicy)
const derive = Rules.deriveSlots(cat, Rules.defaultRules)

const base = (p: number, c: number, extra: Partial<Record<Assessment.Indicator, number>> = {}): Assessment.Assessment =>
  ({
    precedent: p,
    procedure: p,
    outcomeClarity: p,
    stability: p,
    disciplines: c + 1,
    stakeholders: c,
    politicalSensitivity: c,
    interdependence: c,
    budgetImpact: 0,
    ...extra,
  }) as Assessment.Assessment

const ids = (a: Assessment.Assessment, disciplines: ReadonlyArray<string> = ['law']) =>
  derive({ id: 'r', disciplines }, classify(a)).map((s) => s.id)

const issuesOf = pathsAndCodes

describe('default rules (§5)', () => {
  it('standard → no slots, whatever the indicators', () => {
    expect(ids(base(4, 1, { budgetImpact: 4, stakeholders: 4, politicalSensitivity: 1 }))).toEqual([])
  })

  it('unclassified → no slots', () => {
    expect(derive({ id: 'r', disciplines: ['law'] }, classify({ precedent: 0 }))).toEqual([])
  })

  it.each([
    ['exploratory', base(0, 1)],
    ['specialist', base(4, 3, { stakeholders: 1, politicalSensitivity: 1, budgetImpact: 1, interdependence: 4, disciplines: 5 })],
    ['agile', base(0, 4, { stakeholders: 0, politicalSensitivity: 0, disciplines: 5 })],
  ])('%s with low budget, politics and stakeholders → direction and one content slot per discipline', (mode, a) => {
    expect(classify(a).mode).toBe(mode)
    expect(
      derive({ id: 'r', disciplines: ['social-domain', 'law', 'law'] }, classify(a)).map((s) => [s.id, s.discipline, s.rule]),
    ).toEqual([
      ['r/content-law', 'law', 'content-per-discipline'],
      ['r/content-social-domain', 'social-domain', 'content-per-discipline'],
      ['r/direction', null, 'direction-always'],
    ])
  })

  it.each([
    [{ budgetImpact: 1 }, []],
    [{ budgetImpact: 2 }, ['r/budget']],
    [{ politicalSensitivity: 1 }, []],
    [{ politicalSensitivity: 2 }, ['r/politics']],
    [{ stakeholders: 1 }, []],
    [{ stakeholders: 2 }, ['r/network']],
    [{ budgetImpact: 4, politicalSensitivity: 4, stakeholders: 4 }, ['r/budget', 'r/network', 'r/politics']],
  ] as const)('%o adds %o (thresholds at exactly 2)', (extra, added) => {
    const a = base(0, 0, { politicalSensitivity: 0, stakeholders: 0, ...extra, interdependence: 4, disciplines: 5 })
    expect(classify(a).mode).toBe('agile')
    expect(ids(a)).toEqual([...added, 'r/content-law', 'r/direction'].sort())
  })

  it('hours come from the catalogue table for the mode (agile highest)', () => {
    const hours = (a: Assessment.Assessment) =>
      Object.fromEntries(derive({ id: 'r', disciplines: ['law'] }, classify(a)).map((s) => [s.role, s.hours]))
    const all = { budgetImpact: 4, politicalSensitivity: 4, stakeholders: 4 }
    expect(hours(base(0, 4, all))).toEqual({ budget: 6, content: 20, direction: 8, network: 8, politics: 6 })
    expect(hours(base(4, 4, all))).toEqual({ budget: 4, content: 16, direction: 4, network: 4, politics: 4 })
    expect(hours(base(0, 0, { budgetImpact: 4, politicalSensitivity: 2, stakeholders: 2 }))).toEqual({
      budget: 2,
      content: 8,
      direction: 4,
      network: 4,
      politics: 2,
    })
  })

  it('no disciplines → no content slot', () => {
    expect(ids(base(0, 4, { stakeholders: 0, politicalSensitivity: 0 }), [])).toEqual(['r/direction'])
  })
})

describe('deriveSlots with custom rules', () => {
  it('records the smallest rule id when two rules produce the same slot, and skips roles not in the catalogue', () => {
    const rules: ReadonlyArray<Rules.Rule> = [
      { id: 'z-direction', role: 'direction', when: { all: [] } },
      { id: 'a-direction', role: 'direction', when: { mode: ['agile'] } },
      { id: 'ghost', role: 'ghost', when: { all: [] } },
      { id: 'never', role: 'budget', when: { any: [] } },
    ]
    const slots = Rules.deriveSlots(cat, rules)({ id: 'r', disciplines: [] }, classify(base(0, 4)))
    expect(slots).toEqual([{ id: 'r/direction', role: 'direction', hours: 8, discipline: null, rule: 'a-direction' }])
  })

  it('per-discipline works for any role', () => {
    const rules: ReadonlyArray<Rules.Rule> = [{ id: 'n', role: 'network', when: { all: [] }, per: 'discipline' }]
    expect(Rules.deriveSlots(cat, rules)({ id: 'q', disciplines: ['b', 'a'] }, classify(base(0, 0))).map((s) => s.id)).toEqual([
      'q/network-a',
      'q/network-b',
    ])
  })
})

describe('holds', () => {
  const a = base(2, 2, { budgetImpact: 3, disciplines: 4 })
  it.each([
    [{ indicator: 'budgetImpact', op: '>=', value: 3 }, true],
    [{ indicator: 'budgetImpact', op: '>', value: 3 }, false],
    [{ indicator: 'budgetImpact', op: '<=', value: 3 }, true],
    [{ indicator: 'budgetImpact', op: '<', value: 3 }, false],
    [{ indicator: 'budgetImpact', op: '==', value: 3 }, true],
    [{ indicator: 'disciplines', op: '==', value: 4 }, true], // the raw count, not the level
    [{ mode: ['agile', 'exploratory'] }, true],
    [{ mode: ['standard'] }, false],
    [{ mode: [] }, false],
    [{ all: [] }, true],
    [{ any: [] }, false],
    [{ not: { all: [] } }, false],
    [{ all: [{ mode: ['agile'] }, { indicator: 'stakeholders', op: '>=', value: 2 }] }, true],
    [{ any: [{ mode: ['standard'] }, { indicator: 'stakeholders', op: '>', value: 2 }] }, false],
  ] as ReadonlyArray<readonly [Rules.Predicate, boolean]>)('%o → %s', (p, expected) => {
    expect(Rules.holds(p)(a, 'agile')).toBe(expected)
  })

  it('a comparison on an unanswered indicator is false (and so its negation true)', () => {
    expect(Rules.holds({ indicator: 'budgetImpact', op: '<', value: 99 })({}, 'agile')).toBe(false)
    expect(Rules.holds({ not: { indicator: 'budgetImpact', op: '>=', value: 0 } })({}, 'agile')).toBe(true)
  })

  it('indicatorsOf lists what a predicate reads', () => {
    expect(
      Rules.indicatorsOf({ all: [{ not: { indicator: 'stakeholders', op: '>', value: 1 } }, { any: [{ mode: ['agile'] }, { indicator: 'budgetImpact', op: '<', value: 2 }, { indicator: 'stakeholders', op: '<', value: 4 }] }] }),
    ).toEqual(['budgetImpact', 'stakeholders'])
  })
})

describe('show', () => {
  it('renders predicates readably', () => {
    expect(Rules.defaultRules.map((r) => Rules.show(r.when))).toEqual([
      'budgetImpact ≥ 2',
      'mode ∈ {specialist, exploratory, agile}',
      'mode ∈ {specialist, exploratory, agile}',
      'stakeholders ≥ 2',
      'politicalSensitivity ≥ 2',
    ])
    expect(Rules.show({ all: [] })).toBe('always')
    expect(Rules.show({ any: [] })).toBe('never')
    expect(Rules.show({ any: [{ not: { mode: ['agile'] } }, { indicator: 'disciplines', op: '<', value: 3 }] })).toBe(
      '(not (mode ∈ {agile})) or (disciplines < 3)',
    )
  })
})

describe('Rules codecs', () => {
  it('the default rules are valid against the default catalogue and sorted by id', () => {
    expect(Rules.validate(cat)(Rules.defaultRules)).toEqual(E.right(Rules.defaultRules))
    expect(Rules.decodeFor(cat)(JSON.parse(JSON.stringify(Rules.defaultRules)))).toEqual(E.right(Rules.defaultRules))
  })

  it('reports unknown indicators, modes and operators, shape errors and duplicate ids with paths', () => {
    expect(
      issuesOf(
        Rules.decode([
          { id: 'a', role: 'budget', when: { indicator: 'budget', op: '=>', value: '2' } },
          { id: 'b', role: 'x', when: { all: [{ mode: ['agile', 'chaotic'] }, { not: { mode: 'agile' } }] }, per: 'member' },
          { id: 'a', role: 'budget', when: { mode: ['agile'], all: [] }, colour: 1 },
          { id: 'c', when: {} },
          'rule',
        ]),
      ),
    ).toEqual([
      ['[0].when.indicator', 'unknown'],
      ['[0].when.op', 'range'],
      ['[0].when.value', 'type'],
      ['[1].when.all[0].mode[1]', 'unknown'],
      ['[1].when.all[1].not.mode', 'type'],
      ['[1].per', 'range'],
      ['[2].colour', 'unknown'],
      ['[2].when', 'type'],
      ['[3].role', 'type'],
      ['[3].when', 'type'],
      ['[4]', 'type'],
      ['[2].id', 'duplicate'],
    ])
  })

  it('reports unknown keys inside a predicate', () => {
    expect(issuesOf(Rules.decode([{ id: 'a', role: 'budget', when: { indicator: 'stability', op: '<', value: 2, weight: 3 } }]))).toEqual([
      ['[0].when.weight', 'unknown'],
    ])
  })

  it('reports rules naming roles the catalogue does not have (decodeFor, validate)', () => {
    expect(
      issuesOf(
        Rules.decodeFor(cat)([
          { id: 'a', role: 'budget', when: { all: [] } },
          { id: 'b', role: 'lawyer', when: { all: [] } },
          { id: 'c', role: 'direction', when: { indicator: 'nope', op: '<', value: 1 } },
        ]),
      ),
    ).toEqual([
      ['[2].when.indicator', 'unknown'],
      ['[1].role', 'reference'],
    ])
    expect(issuesOf(Rules.validate(cat)([{ id: 'x', role: 'ghost', when: { all: [] } }]))).toEqual([['[0].role', 'reference']])
    expect(issuesOf(Intake.decode({ requests: [], catalogue: Catalogue.encode(cat), rules: [{ id: 'x', role: 'ghost', when: { all: [] } }] }))).toEqual([
      ['rules[0].role', 'reference'],
    ])
  })

  it('refuses absurdly deep nesting without throwing', () => {
    let p: unknown = { all: [] }
    for (let i = 0; i < 10_000; i++) p = { not: p }
    const r = Rules.decode([{ id: 'deep', role: 'budget', when: p }])
    expect(E.isLeft(r) && r.left[0]?.code).toBe('range')
    expect(E.isLeft(r) && r.left).toHaveLength(1)
  })

  it('normalises mode lists to the fixed order without duplicates', () => {
    expect(Rules.decode([{ id: 'a', role: 'budget', when: { mode: ['agile', 'standard', 'agile'] } }])).toEqual(
      E.right([{ id: 'a', role: 'budget', when: { mode: ['standard', 'agile'] } }]),
    )
  })

  it('rejects a non-array', () => {
    expect(issuesOf(Rules.decode({ rules: [] }))).toEqual([['', 'type']])
  })

  it('round-trip any rules, through JSON text and the io-ts codec', () => {
    fc.assert(
      fc.property(arbRules, (rules) => {
        expect(Rules.decode(Rules.encode(rules))).toEqual(E.right(rules))
        expect(Rules.decode(JSON.parse(JSON.stringify(rules)))).toEqual(E.right(rules))
        expect(Rules.RulesCodec.decode(Rules.RulesCodec.encode(rules))).toEqual(E.right(rules))
        expect(Rules.validate(cat)(rules)).toEqual(E.right(rules))
      }),
    )
  })

  it('a predicate means the same after a round trip', () => {
    fc.assert(
      fc.property(arbPredicate, arbCompleteAssessment, fc.constantFrom<Classification.WorkMode>('standard', 'specialist', 'exploratory', 'agile'), (p, a, m) => {
        const back = Rules.decodePredicateAt(JSON.parse(JSON.stringify(p)), '')
        expect(E.isRight(back)).toBe(true)
        if (E.isRight(back)) expect(Rules.holds(back.right)(a, m)).toBe(Rules.holds(p)(a, m))
      }),
    )
  })
})

describe('deriveSlots properties', () => {
  it('every derived slot is traceable to a rule that holds, for any catalogue, rules, policy and request', () => {
    fc.assert(
      fc.property(arbCatalogue, arbRules, arbPolicy, arbCompleteAssessment, arbDisciplines, (catalogue, rules, policy, a, disciplines) => {
        const c = Classification.classify(policy)(a)
        const slots = Rules.deriveSlots(catalogue, rules)({ id: 'req', disciplines }, c)
        if (c.mode === 'standard' || c.mode === 'unclassified') expect(slots).toEqual([])
        const seen = new Set<string>()
        for (const s of slots) {
          expect(seen.has(s.id)).toBe(false)
          seen.add(s.id)
          const rule = rules.find((r) => r.id === s.rule)
          expect(rule).toBeDefined()
          expect(rule!.role).toBe(s.role)
          expect(Rules.holds(rule!.when)(a, c.mode)).toBe(true)
          const role = catalogue.roles.find((r) => r.id === s.role)
          expect(role).toBeDefined()
          expect(s.hours).toBe(role!.hours[c.mode as 'agile'])
          if (rule!.per === 'discipline') {
            expect(disciplines).toContain(s.discipline)
            expect(s.id).toBe(`req/${s.role}-${s.discipline}`)
          } else {
            expect(s.discipline).toBeNull()
            expect(s.id).toBe(`req/${s.role}`)
          }
        }
        expect(slots.map((s) => s.id)).toEqual([...slots.map((s) => s.id)].sort())
      }),
    )
  })

  it('every rule that holds has its slot(s), and the result ignores rule and discipline order', () => {
    fc.assert(
      fc.property(arbRules, arbCompleteAssessment, arbDisciplines, fc.integer(), (rules, a, disciplines, seed) => {
        const c = classify(a)
        const slots = Rules.deriveSlots(cat, rules)({ id: 'req', disciplines }, c)
        if (c.mode !== 'standard')
          for (const r of rules)
            if (Rules.holds(r.when)(a, c.mode))
              for (const d of r.per === 'discipline' ? disciplines : [null])
                expect(slots.some((s) => s.role === r.role && s.discipline === d)).toBe(true)
        const shuffle = <T>(xs: ReadonlyArray<T>) => [...xs].sort((x, y) => ((JSON.stringify(x).length * 31 + seed) % 7) - ((JSON.stringify(y).length * 31 + seed) % 7))
        const again = Rules.deriveSlots(cat, shuffle([...rules].reverse()))({ id: 'req', disciplines: shuffle([...disciplines].reverse()) }, c)
        expect(JSON.stringify(again)).toBe(JSON.stringify(slots))
      }),
    )
  })
})

describe('documented examples', () => {
  it('deriveSlots (Rules.deriveSlots @example)', () => {
    const c = Classification.classify(Classification.defaultClassificationPolicy)({
      precedent: 1, procedure: 1, outcomeClarity: 1, stability: 1,
      disciplines: 2, stakeholders: 3, politicalSensitivity: 1, interdependence: 3, budgetImpact: 0,
    })
    expect(Rules.deriveSlots(Catalogue.defaultCatalogue, Rules.defaultRules)({ id: 'r1', disciplines: ['law', 'social-work'] }, c).map((s) => s.id)).toEqual([
      'r1/content-law',
      'r1/content-social-work',
      'r1/direction',
      'r1/network',
    ])
  })

  it('classify (Classification.classify @example, also in the README)', () => {
    const c = Classification.classify(Classification.defaultClassificationPolicy)({
      precedent: 1, procedure: 1, outcomeClarity: 2, stability: 1,
      disciplines: 4, stakeholders: 4, politicalSensitivity: 3, interdependence: 3, budgetImpact: 2,
    })
    expect(c.mode).toBe('agile')
    expect(Rules.deriveSlots(Catalogue.defaultCatalogue, Rules.defaultRules)({ id: 'r1', disciplines: ['law', 'social-domain'] }, c).map((s) => s.id)).toEqual([
      'r1/budget',
      'r1/content-law',
      'r1/content-social-domain',
      'r1/direction',
      'r1/network',
      'r1/politics',
    ])
  })
})
