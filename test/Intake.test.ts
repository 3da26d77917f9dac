import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Catalogue, Intake, Issue, Problem, Rules, Sample, SampleRequests } from 'wendbaar'
import { arbAssessment, arbDisciplines } from './support/classifyArbitraries.js'
import { pathsAndCodes } from './support/issues.js'

const ok = <A>(r: E.Either<ReadonlyArray<Issue.Issue>, A>): A => {
  if (E.isLeft(r)) return expect.fail(Issue.render(r.left).join('\n'))
  return r.right
}
const issuesOf = pathsAndCodes

const period = { from: '2027-01-01', to: '2027-06-30' }
const agile = {
  precedent: 1,
  procedure: 1,
  outcomeClarity: 1,
  stability: 1,
  stakeholders: 3,
  politicalSensitivity: 3,
  interdependence: 3,
  budgetImpact: 0,
}

describe('Intake on the sample requests', () => {
  const result = ok(Intake.run(SampleRequests.sampleIntakeJson))

  it('routes standard requests to standing teams and sends incomplete ones back', () => {
    expect(result.standard.map((r) => r.request.id)).toEqual(['subsidie-sport', 'vergunning-dakkapel'])
    expect(result.unclassified.map((r) => r.request.id)).toEqual(['leegstand-langestraat'])
    expect(result.unclassified[0]?.classification.unanswered.map((q) => q.indicator)).toEqual([
      'outcomeClarity',
      'stability',
      'interdependence',
      'budgetImpact',
    ])
    expect(result.staffed.map((r) => [r.request.id, r.classification.mode, r.classification.borderline?.alternative ?? null])).toEqual([
      ['armoedebeleid', 'specialist', 'exploratory'],
      ['binnenstad-nacht', 'agile', null],
      ['datagedreven', 'exploratory', null],
      ['energie-noord', 'agile', null],
      ['fietsbrug', 'specialist', 'standard'],
      ['jeugdzorg-wachtlijsten', 'agile', null],
      ['opvang-zuid', 'agile', 'specialist'],
      ['wmo-vervoer', 'specialist', null],
    ])
  })

  it("produces a problem that the lead's decodeProblem accepts cleanly", () => {
    const p = ok(Problem.decodeProblem(result.problem))
    expect(p.requests).toHaveLength(8)
    expect(p.requests.flatMap((r) => r.slots)).toHaveLength(40)
    expect(p.members).toHaveLength(40)
  })

  it('yields exactly the built-in sample problem', () => {
    expect(ok(Problem.decodeProblem(result.problem))).toEqual(ok(Problem.decodeProblem(Sample.sampleProblemJson)))
  })

  it('every slot of the problem is a derived slot with its rule', () => {
    const slots = result.staffed.flatMap((s) => s.slots)
    const problemSlots = result.problem.requests.flatMap((r) => r.slots)
    expect(problemSlots.map((s) => s.id)).toEqual(slots.map((s) => s.id))
    for (const s of slots) expect(Rules.defaultRules.map((r) => r.id)).toContain(s.rule)
  })

  it('is deterministic whatever the order of the requests', () => {
    const reversed = ok(Intake.run({ ...SampleRequests.sampleIntakeJson, requests: [...SampleRequests.requests].reverse() }))
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(result))
  })
})

describe('Intake details', () => {
  it('defaults disciplines to the number of required disciplines; an explicit answer wins', () => {
    const run = (assessment: object) =>
      ok(Intake.run({ requests: [{ id: 'r', period, disciplines: ['law', 'finance', 'data'], assessment }] }))
    const implicit = run(agile)
    expect(implicit.staffed[0]?.classification.assessment.disciplines).toBe(3)
    expect(implicit.staffed[0]?.classification.complexity).toBe((2 + 3 + 3 + 3) / 16)
    const explicit = run({ ...agile, disciplines: 5 })
    expect(explicit.staffed[0]?.classification.complexity).toBe((4 + 3 + 3 + 3) / 16)
    // the request keeps its own (unanswered) assessment
    expect(implicit.staffed[0]?.request.assessment.disciplines).toBeUndefined()
  })

  it('no disciplines and no answer → unclassified, naming the disciplines question', () => {
    const r = ok(Intake.run({ requests: [{ id: 'r', period, assessment: agile }] }))
    expect(r.unclassified[0]?.classification.unanswered.map((q) => q.indicator)).toEqual(['disciplines'])
    expect(r.problem.requests).toEqual([])
  })

  it('checks the pool and the staffing extras for their shape, with paths, and leaves ids to decodeProblem', () => {
    const r = Intake.decode({
      requests: [],
      pool: [{ id: 'm1', disciplines: ['law'], capacity: 36 }, { id: 'm2', disciplines: [], capacity: -1 }],
      staffing: { pinned: [{ member: 'ghost', slot: 'nowhere' }], apart: [['m1', 'm1']], policy: { comfort: 2 } },
    })
    expect(E.isLeft(r) && r.left.map((i) => [i.path, i.code])).toEqual([
      ['pool[1].disciplines', 'range'],
      ['pool[1].capacity', 'range'],
      ['staffing.apart[0]', 'conflict'],
      ['staffing.policy.comfort', 'range'],
    ])
    // with the ids along the path, as decodeProblem gives them
    expect(E.isLeft(r) && Issue.render(r.left).slice(0, 1)).toEqual(['pool[1] (m2).disciplines: must list at least one discipline (range)'])
  })

  it('writes the request of a staffing problem with title, priority, unit, period, excluded and slots', () => {
    const r = ok(
      Intake.run({
        requests: [
          { id: 'r', title: 'T', priority: 4, unit: 'noord', period, disciplines: ['law'], excluded: ['m2', 'm1', 'm2'], assessment: agile },
          { id: 's', period, disciplines: ['law'], assessment: agile },
        ],
        pool: [{ id: 'm1', disciplines: ['law'], capacity: 36 }],
        language: 'nl',
        staffing: { apart: [['m2', 'm1']] },
      }),
    )
    expect(r.problem).toEqual({
      roles: Catalogue.toProblemRoles(Catalogue.defaultCatalogue, 'nl'),
      members: [
        { id: 'm1', name: 'm1', disciplines: ['law'], qualities: {}, capacity: 36, committed: 0, preferences: {}, goals: [] },
      ],
      requests: [
        {
          id: 'r',
          title: 'T',
          priority: 4,
          unit: 'noord',
          period,
          excluded: ['m1', 'm2'],
          slots: [
            { id: 'r/content-law', role: 'content', hours: 20, discipline: 'law' },
            { id: 'r/direction', role: 'direction', hours: 8 },
            { id: 'r/network', role: 'network', hours: 8 },
            { id: 'r/politics', role: 'politics', hours: 6 },
          ],
        },
        {
          id: 's',
          title: 's',
          priority: 1,
          period,
          excluded: [],
          slots: [
            { id: 's/content-law', role: 'content', hours: 20, discipline: 'law' },
            { id: 's/direction', role: 'direction', hours: 8 },
            { id: 's/network', role: 'network', hours: 8 },
            { id: 's/politics', role: 'politics', hours: 6 },
          ],
        },
      ],
      apart: [['m1', 'm2']],
    })
  })

  it('uses a custom catalogue, rules and policy', () => {
    const catalogue = {
      roles: [
        {
          id: 'lead',
          name: { nl: 'Trekker', en: 'Lead' },
          question: { nl: 'Wie trekt?', en: 'Who leads?' },
          qualities: [{ quality: 'leadership', min: 2 }],
          hours: { specialist: 3, exploratory: 2, agile: 5 },
        },
      ],
    }
    const rules = [{ id: 'lead-if-political', role: 'lead', when: { indicator: 'politicalSensitivity', op: '>=', value: 3 } }]
    const r = ok(
      Intake.run({
        requests: [{ id: 'r', period, disciplines: ['law'], assessment: agile }],
        catalogue,
        rules,
        policy: { thresholds: { complexity: 0.9 } },
      }),
    )
    expect(r.staffed[0]?.classification.mode).toBe('exploratory')
    expect(r.staffed[0]?.slots).toEqual([{ id: 'r/lead', role: 'lead', hours: 2, discipline: null, rule: 'lead-if-political' }])
    expect(r.problem.roles).toEqual([{ id: 'lead', name: 'Lead', qualities: [{ quality: 'leadership', min: 2, weight: 1 }] }])
  })

  it('leaves staffed requests without slots out of the problem', () => {
    const r = ok(
      Intake.run({
        requests: [{ id: 'r', period, disciplines: ['law'], assessment: agile }],
        rules: [{ id: 'never', role: 'direction', when: { any: [] } }],
      }),
    )
    expect(r.staffed.map((s) => [s.request.id, s.slots])).toEqual([['r', []]])
    expect(r.problem.requests).toEqual([])
  })
})

describe('Intake.decode: bad input → issues with paths', () => {
  it('collects issues from requests, catalogue, rules, policy and extras at once', () => {
    expect(
      issuesOf(
        Intake.decode({
          requests: [
            { id: 'a', period: { from: '2027-02-30', to: '2027-01-01' }, assessment: { precedent: 9, chaos: 1 } },
            { id: 'a', period: { from: '2027-05-01', to: '2027-01-01' }, priority: 6, disciplines: ['', 'law'] },
            { period, unit: 3 },
          ],
          pool: {},
          rules: [{ id: 'x', role: 'lawyer', when: { indicator: 'mood', op: '>', value: 1 } }],
          policy: { margin: -1 },
          staffing: { pins: [] },
          language: 'de',
          extra: 1,
        }),
      ),
    ).toEqual([
      ['extra', 'unknown'],
      ['requests[0].period.from', 'date'],
      ['requests[0].assessment.chaos', 'unknown'],
      ['requests[0].assessment.precedent', 'range'],
      ['requests[1].priority', 'range'],
      ['requests[1].period', 'period'],
      ['requests[1].disciplines[0]', 'range'],
      ['requests[2].id', 'type'],
      ['requests[2].unit', 'type'],
      ['requests[1].id', 'duplicate'],
      ['pool', 'type'],
      ['rules[0].when.indicator', 'unknown'],
      ['rules[0].role', 'reference'],
      ['policy.margin', 'range'],
      ['staffing.pins', 'unknown'],
      ['language', 'range'],
    ])
  })

  it('checks the default rules against a custom catalogue', () => {
    const catalogue = {
      roles: [{ id: 'direction', name: { nl: 'R', en: 'D' }, question: { nl: '?', en: '?' }, hours: { specialist: 1, exploratory: 1, agile: 1 } }],
    }
    const r = Intake.decode({ requests: [], catalogue })
    expect(issuesOf(r).map(([p, c]) => `${p} ${c}`)).toEqual([
      'rules[0].role reference',
      'rules[1].role reference',
      'rules[3].role reference',
      'rules[4].role reference',
    ])
  })

  it('needs requests and an object', () => {
    expect(issuesOf(Intake.decode({}))).toEqual([['requests', 'type']])
    expect(issuesOf(Intake.run([]))).toEqual([['', 'type']])
  })
})

describe('Intake codecs', () => {
  const arbRequest = fc.record({
    id: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
    title: fc.string({ maxLength: 12 }),
    priority: fc.integer({ min: 1, max: 5 }),
    unit: fc.option(fc.constantFrom('noord', 'zuid', 'centrum'), { nil: null }),
    period: fc.constantFrom({ from: '2027-01-01', to: '2027-01-01' }, { from: '2027-02-01', to: '2027-12-31' }, { from: '2028-02-29', to: '2028-03-01' }),
    disciplines: arbDisciplines.map((ds) => [...new Set(ds)].sort()),
    excluded: fc.uniqueArray(fc.constantFrom('m1', 'm2', 'm3')).map((xs) => [...xs].sort()),
    assessment: arbAssessment,
  })

  it('a request round-trips through encodeRequest and the io-ts codec', () => {
    fc.assert(
      fc.property(arbRequest, (r) => {
        const req = r as unknown as Intake.IntakeRequest
        expect(Intake.decodeIntakeRequest(Intake.encodeIntakeRequest(req))).toEqual(E.right(req))
        expect(Intake.IntakeRequestCodec.decode(JSON.parse(JSON.stringify(Intake.IntakeRequestCodec.encode(req))))).toEqual(E.right(req))
      }),
    )
  })

  it('an intake round-trips, and routing it is the same either way', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbRequest, { selector: (r) => r.id, maxLength: 6 }), (rs) => {
        const pool = ['m1', 'm2', 'm3'].map((id) => ({ id, disciplines: ['law'], capacity: 36 }))
        const intake = ok(Intake.decode({ requests: rs.map((r) => Intake.encodeIntakeRequest(r as unknown as Intake.IntakeRequest)), pool }))
        const again = ok(Intake.decode(JSON.parse(JSON.stringify(Intake.encode(intake)))))
        expect(again).toEqual(intake)
        expect(Intake.IntakeCodec.decode(Intake.IntakeCodec.encode(intake))).toEqual(E.right(intake))
        expect(JSON.stringify(Intake.route(again))).toBe(JSON.stringify(Intake.route(intake)))
        const p = Intake.route(intake).problem
        ok(Problem.decodeProblem(p))
      }),
      { numRuns: 60 },
    )
  })
})
