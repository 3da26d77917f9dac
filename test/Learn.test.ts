/**
 * Learn: the codecs of outcomes, the learning policy and the evidence ledger (round trips and
 * issues with paths), and recordOutcome — exact evidence arithmetic on a hand-made case with
 * level-ups, a remainder and dropped goals; the cap at level 5; issues at the outcomes'
 * paths; and determinism whatever the order of the outcomes and ratings.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { Issue, Learn, type Plan, type Problem } from 'wendbaar'
import { decodeProblem, encodeProblem } from '../src/pipeline/Problem.js'
import { planOf } from '../src/pipeline/Solve.js'
import { shuffle } from './support/arbitraries.js'
import { member, problem, request } from './support/staffing.js'

const right = <A>(r: E.Either<ReadonlyArray<Issue.Issue>, A>): A => {
  if (E.isLeft(r)) throw new Error(Issue.render(r.left).join('\n'))
  return r.right
}

const paths = <A>(r: E.Either<ReadonlyArray<Issue.Issue>, A>): ReadonlyArray<string> =>
  E.isLeft(r) ? r.left.map((i) => `${i.path} ${i.code}`) : []

/**
 * `lead` asks leadership ≥ 3 (weight 2) and collaboration (weight 1); `work` asks nothing.
 * `a` wants to develop collaboration, `b` leadership, `c` leadership too.
 */
const p = problem({
  roles: [
    {
      id: 'lead',
      qualities: [
        { quality: 'leadership', min: 3, weight: 2 },
        { quality: 'collaboration', weight: 1 },
      ],
    },
    { id: 'work', qualities: [] },
  ],
  members: [
    member('a', { qualities: { leadership: 4, collaboration: 2 }, goals: ['collaboration'] }),
    member('b', { qualities: { leadership: 3 }, goals: ['leadership'] }),
    member('c', { qualities: { leadership: 1 }, goals: ['leadership'] }),
    member('e', { qualities: { leadership: 5 } }),
  ],
  requests: [
    request('r1', [
      ['r1/lead', 'lead', 8],
      ['r1/work', 'work', 8],
    ]),
    request('r2', [
      ['r2/lead', 'lead', 8],
      ['r2/work', 'work', 8],
    ]),
    request('r3', [['r3/lead', 'lead', 8]]),
  ],
  history: [{ request: 'old', members: ['a', 'b'], ended: '2026-03-31' }],
})

const plan: Plan.Plan = right(
  planOf(p, [
    { slot: 'r1/lead', member: 'a' },
    { slot: 'r1/work', member: 'c' },
    { slot: 'r2/lead', member: 'b' },
    { slot: 'r2/work', member: 'c' },
  ]),
)

const outcomes: ReadonlyArray<Learn.Outcome> = [
  right(
    Learn.decodeOutcome({
      request: 'r2',
      ended: '2027-06-30',
      ratings: [
        { slot: 'r2/work', member: 'c', rating: 'poor' },
        { slot: 'r2/lead', member: 'b', rating: 'good' },
      ],
    }),
  ),
  right(
    Learn.decodeOutcome({
      request: 'r1',
      ended: '2027-05-31',
      ratings: [
        { slot: 'r1/lead', member: 'a', rating: 'fair' },
        { slot: 'r1/work', member: 'c', rating: 'good' },
      ],
    }),
  ),
]

const evidence: Learn.Evidence = right(
  Learn.decodeEvidence({
    entries: [
      { member: 'b', quality: 'leadership', points: 2.5 },
      { member: 'a', quality: 'collaboration', points: 2.5 },
      { member: 'x', quality: 'gone', points: 1 },
    ],
  }),
)

describe('Learn.recordOutcome', () => {
  const recorded = right(Learn.recordOutcome(p, plan, outcomes, Learn.defaultLearningPolicy, evidence))

  it('appends a history entry per finished request, with the plan’s team and the end date', () => {
    expect(recorded.history).toEqual([
      { request: 'r1', members: ['a', 'c'], ended: '2027-05-31' },
      { request: 'r2', members: ['b', 'c'], ended: '2027-06-30' },
    ])
    expect(recorded.problem.history).toEqual([p.history[0], ...recorded.history])
    // the requests stay: cancelling them is the app's decision
    expect(recorded.problem.requests).toEqual(p.requests)
  })

  it('adds the rating’s points to every quality of the role, and raises levels at the threshold', () => {
    // a, fair on lead: +0.5 leadership (0 → 0.5), +0.5 collaboration (2.5 → 3: level 2 → 3, 0 left)
    // b, good on lead: +1 leadership (2.5 → 3.5: level 3 → 4, 0.5 left), +1 collaboration (0 → 1)
    // c, good and poor on work: a role without qualities earns nothing
    expect(recorded.levelUps).toEqual([
      { member: 'a', quality: 'collaboration', from: 2, to: 3 },
      { member: 'b', quality: 'leadership', from: 3, to: 4 },
    ])
    expect(recorded.evidence).toEqual({
      entries: [
        { member: 'a', quality: 'leadership', points: 0.5 },
        { member: 'b', quality: 'collaboration', points: 1 },
        { member: 'b', quality: 'leadership', points: 0.5 },
        { member: 'x', quality: 'gone', points: 1 },
      ],
    })
    const byId = new Map(recorded.problem.members.map((m) => [m.id as string, m]))
    expect({ ...byId.get('a')?.qualities }).toEqual({ collaboration: 3, leadership: 4 })
    expect({ ...byId.get('b')?.qualities }).toEqual({ leadership: 4 })
    expect({ ...byId.get('c')?.qualities }).toEqual({ leadership: 1 })
  })

  it('drops a development goal whose quality rose, and keeps the others', () => {
    expect(recorded.goalsReached).toEqual([
      { member: 'a', quality: 'collaboration' },
      { member: 'b', quality: 'leadership' },
    ])
    expect(recorded.problem.members.map((m) => [m.id, m.goals])).toEqual([
      ['a', []],
      ['b', []],
      ['c', ['leadership']],
      ['e', []],
    ])
  })

  it('returns a valid problem that decodes to itself', () => {
    const again = decodeProblem(JSON.parse(JSON.stringify(encodeProblem(recorded.problem))))
    expect(again).toEqual(E.right(recorded.problem))
  })

  it('says it in words, in English and Dutch', () => {
    expect(Learn.toLines(recorded, 'en')).toEqual([
      '2 teams recorded, 2 levels up, 2 goals reached',
      'history: r1, ended 2027-05-31: a, c',
      'history: r2, ended 2027-06-30: b, c',
      'a: collaboration 2 → 3',
      'b: leadership 3 → 4',
      'a reached the goal collaboration',
      'b reached the goal leadership',
    ])
    expect(Learn.toLines(recorded, 'nl')).toEqual([
      '2 teams vastgelegd, 2 niveaus omhoog, 2 ontwikkeldoelen bereikt',
      'historie: r1, afgerond 2027-05-31: a, c',
      'historie: r2, afgerond 2027-06-30: b, c',
      'a: collaboration 2 → 3',
      'b: leadership 3 → 4',
      'a heeft het ontwikkeldoel collaboration bereikt',
      'b heeft het ontwikkeldoel leadership bereikt',
    ])
  })

  it('raises one level per full threshold, never above 5, and lets evidence at 5 go', () => {
    const generous: Learn.LearningPolicy = { points: { good: 7, fair: 1, poor: 0 }, threshold: 3 }
    const eOnR3 = right(
      planOf(p, [
        { slot: 'r3/lead', member: 'e' },
        { slot: 'r1/lead', member: 'a' },
      ]),
    )
    const r = right(
      Learn.recordOutcome(
        p,
        eOnR3,
        [
          {
            request: 'r3' as Problem.RequestId,
            ended: '2027-06-30' as Problem.HistoryEntry['ended'],
            ratings: [{ slot: 'r3/lead' as Problem.SlotId, member: 'e' as Problem.MemberId, rating: 'good' }],
          },
          {
            request: 'r1' as Problem.RequestId,
            ended: '2027-06-30' as Problem.HistoryEntry['ended'],
            ratings: [{ slot: 'r1/lead' as Problem.SlotId, member: 'a' as Problem.MemberId, rating: 'good' }],
          },
        ],
        generous,
      ),
    )
    // a: collaboration 0 + 7 = 7 → two levels (2 → 4), 1 left; leadership 4 → 5 (capped), the rest let go
    // e: leadership already 5: nothing to learn; collaboration 0 → 2, 1 left
    expect(r.levelUps).toEqual([
      { member: 'a', quality: 'collaboration', from: 2, to: 4 },
      { member: 'a', quality: 'leadership', from: 4, to: 5 },
      { member: 'e', quality: 'collaboration', from: 0, to: 2 },
    ])
    expect(r.evidence.entries).toEqual([
      { member: 'a', quality: 'collaboration', points: 1 },
      { member: 'e', quality: 'collaboration', points: 1 },
    ])
  })

  it('records no history for a request the plan left without a team', () => {
    const r = right(
      Learn.recordOutcome(p, plan, [
        right(Learn.decodeOutcome({ request: 'r3', ended: '2027-07-01', ratings: [] })),
      ]),
    )
    expect(r.history).toEqual([])
    expect(r.problem).toEqual(p)
  })

  it('reports unknown ids, foreign slots and unassigned members at the outcomes’ paths', () => {
    const bad = right(
      Learn.decodeOutcomes([
        { request: 'nope', ended: '2027-01-01', ratings: [] },
        {
          request: 'r1',
          ended: '2027-01-01',
          ratings: [
            { slot: 'r1/lead', member: 'b', rating: 'good' },
            { slot: 'r1/zz', member: 'a', rating: 'good' },
            { slot: 'r2/lead', member: 'b', rating: 'good' },
            { slot: 'r1/work', member: 'ghost', rating: 'fair' },
          ],
        },
        { request: 'r1', ended: '2027-01-02', ratings: [] },
      ]),
    )
    // ratings are sorted by slot on decoding: r1/lead, r1/work, r1/zz, r2/lead
    expect(paths(Learn.recordOutcome(p, plan, bad))).toEqual([
      'outcomes[0].request reference',
      'outcomes[1].ratings[0] conflict',
      'outcomes[1].ratings[1].member reference',
      'outcomes[1].ratings[2].slot reference',
      'outcomes[1].ratings[3].slot conflict',
      'outcomes[2].request duplicate',
    ])
    expect(
      paths(
        Learn.recordOutcome(
          p,
          plan,
          [],
          { points: { good: -1, fair: 0, poor: 0 }, threshold: 0 },
          { entries: [{ member: 'a' as Problem.MemberId, quality: 'q', points: Number.NaN }] },
        ),
      ),
    ).toEqual(['policy.points.good range', 'policy.threshold range', 'evidence.entries[0].points range'])
  })

  it('does not depend on the order of the outcomes or their ratings (property)', () => {
    const all = outcomes.flatMap((o) =>
      o.ratings.map((r) => ({ request: o.request, ended: o.ended, rated: r })),
    )
    fc.assert(
      fc.property(fc.subarray(all), fc.integer(), (chosen, seed) => {
        const byRequest = new Map<string, Learn.Outcome>()
        for (const x of chosen) {
          const o = byRequest.get(x.request) ?? { request: x.request, ended: x.ended, ratings: [] }
          byRequest.set(x.request, {
            ...o,
            ratings: [...o.ratings, x.rated].sort((u, v) => (u.slot < v.slot ? -1 : 1)),
          })
        }
        const list = [...byRequest.values()]
        const shuffled = shuffle(list, seed)
        const a = Learn.recordOutcome(p, plan, list, Learn.defaultLearningPolicy, evidence)
        const b = Learn.recordOutcome(p, plan, shuffled, Learn.defaultLearningPolicy, evidence)
        expect(b).toEqual(a)
        expect(E.isRight(a)).toBe(true)
      }),
      { numRuns: 50 },
    )
  })
})

describe('Learn codecs', () => {
  const id = fc.oneof(
    fc.constantFrom('m1', 'r1/lead', '__proto__', 'toString', 'é'),
    fc.string({ minLength: 1, maxLength: 4 }),
  )
  const day = fc.constantFrom('2027-01-01', '2028-02-29', '2027-12-31')
  const outcomeJson = fc.record({
    request: id,
    ended: day,
    ratings: fc.uniqueArray(fc.record({ slot: id, member: id, rating: fc.constantFrom(...Learn.ratings) }), {
      selector: (r) => r.slot,
      maxLength: 4,
    }),
  })
  const amount = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0, max: 10, noNaN: true }))

  it('round-trip: decode ∘ encode = id for outcomes, policies and evidence (property)', () => {
    fc.assert(
      fc.property(outcomeJson, (j) => {
        const o = right(Learn.decodeOutcome(j))
        expect(Learn.OutcomeCodec.decode(JSON.parse(JSON.stringify(Learn.OutcomeCodec.encode(o))))).toEqual(
          E.right(o),
        )
      }),
    )
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        amount.filter((x) => x > 0),
        (good, fair, poor, threshold) => {
          const policy = { points: { good, fair, poor }, threshold }
          expect(Learn.decodeLearningPolicy(Learn.encodeLearningPolicy(policy))).toEqual(E.right(policy))
        },
      ),
    )
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ member: id, quality: id, points: amount.filter((x) => x > 0) }), {
          selector: (e) => `${e.member} ${e.quality}`,
          maxLength: 5,
        }),
        (entries) => {
          const ev = right(Learn.decodeEvidence({ entries }))
          expect(Learn.EvidenceCodec.decode(Learn.EvidenceCodec.encode(ev))).toEqual(E.right(ev))
        },
      ),
    )
  })

  it('fills the policy’s defaults and freezes the default policy', () => {
    expect(Learn.decodeLearningPolicy({})).toEqual(E.right(Learn.defaultLearningPolicy))
    expect(Learn.decodeLearningPolicy({ points: { fair: 0.25 } })).toEqual(
      E.right({ points: { good: 1, fair: 0.25, poor: 0 }, threshold: 3 }),
    )
    expect(
      Object.isFrozen(Learn.defaultLearningPolicy) && Object.isFrozen(Learn.defaultLearningPolicy.points),
    ).toBe(true)
    expect(Learn.emptyEvidence).toEqual({ entries: [] })
  })

  it('reports every issue with its path', () => {
    expect(
      paths(
        Learn.decodeOutcomes([
          {
            request: '',
            ended: '2027-02-30',
            ratings: [
              { slot: 's', member: 'm', rating: 'great' },
              { slot: 's', member: 'n', rating: 'good' },
            ],
          },
          { request: 'r', ratings: [], extra: true },
        ]),
      ),
    ).toEqual([
      'outcomes[0].request range',
      'outcomes[0].ended date',
      'outcomes[0].ratings[0].rating range',
      'outcomes[0].ratings[1].slot duplicate',
      'outcomes[1].extra unknown',
      'outcomes[1].ended type',
    ])
    expect(paths(Learn.decodeLearningPolicy({ points: { good: 'x', bad: 1 }, threshold: -1 }))).toEqual([
      'points.bad unknown',
      'points.good type',
      'threshold range',
    ])
    expect(
      paths(
        Learn.decodeEvidence({
          entries: [
            { member: 'a', quality: 'q', points: 1 },
            { member: 'a', quality: 'q', points: 2 },
            { member: 'b', quality: '', points: 0 },
          ],
        }),
      ),
    ).toEqual(['entries[2].quality range', 'entries[2].points range'])
    expect(
      paths(
        Learn.decodeEvidence({
          entries: [
            { member: 'a', quality: 'q', points: 1 },
            { member: 'a', quality: 'q', points: 2 },
          ],
        }),
      ),
    ).toEqual(['entries[1] duplicate'])
  })
})
