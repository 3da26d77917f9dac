import { describe, expect, expectTypeOf, it } from 'vitest'
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { Plan } from 'wendbaar'

const plan = (): Plan.Plan =>
  ({
    stats: { steps: 10, nodes: 3, mandatory: 0, improvements: 2, exact: true, completed: 0, banned: 1 },
    gap: { soft: 0.25, filled: 0.5 },
    status: 'feasible',
    bound: { soft: 130, filled: 45 },
    score: {
      terms: {
        balance: -1,
        rotation: -3,
        diversity: 4,
        continuity: 5,
        learning: 0.5,
        preference: 2,
        fit: 7.25,
      },
      soft: 14.75,
      filled: 42,
    },
    unfilled: [
      { reasons: [{ detail: 'finance < 3', count: 12, constraint: 'quality' }], slot: 'r2/budget' },
    ],
    assignments: [{ member: 'm1', slot: 'r1/direction' }],
  } as unknown as Plan.Plan)

describe('encodePlan', () => {
  it('writes keys in exactly the plan JSON order, stats sorted', () => {
    expect(JSON.stringify(Plan.encodePlan(plan()))).toBe(
      '{"assignments":[{"slot":"r1/direction","member":"m1"}],' +
        '"unfilled":[{"slot":"r2/budget","reasons":[{"constraint":"quality","count":12,"detail":"finance < 3"}]}],' +
        '"score":{"filled":42,"soft":14.75,"terms":{"fit":7.25,"preference":2,"learning":0.5,"continuity":5,' +
        '"diversity":4,"rotation":-3,"balance":-1}},' +
        '"bound":{"filled":45,"soft":130},"status":"feasible","gap":{"filled":0.5,"soft":0.25},' +
        '"stats":{"banned":1,"completed":0,"exact":true,"improvements":2,"mandatory":0,"nodes":3,"steps":10}}',
    )
  })
  it('writes a null bound as null', () => {
    const out = Plan.encodePlan({ ...plan(), bound: null }) as { bound: unknown }
    expect(out.bound).toBeNull()
  })
  it('is byte-stable whatever the key order of stats', () => {
    const p = plan()
    const reversed = Object.fromEntries(Object.entries(p.stats).reverse()) as unknown as Plan.Stats
    expect(JSON.stringify(Plan.encodePlan({ ...p, stats: reversed }))).toBe(JSON.stringify(Plan.encodePlan(p)))
  })
  it('writes a plan without a bound with a null gap', () => {
    const out = Plan.encodePlan({ ...plan(), bound: null, gap: null }) as { gap: unknown; status: unknown }
    expect(out.gap).toBeNull()
  })
})

describe('statusOf', () => {
  it('is optimal exactly when the bound equals the score', () => {
    expect(Plan.statusOf({ filled: 3, soft: 2 }, { filled: 3, soft: 2 })).toEqual({ status: 'optimal', gap: { filled: 0, soft: 0 } })
    expect(Plan.statusOf({ filled: 3, soft: 2 }, { filled: 4, soft: 2 })).toEqual({
      status: 'feasible',
      gap: { filled: 0.25, soft: 0 },
    })
    expect(Plan.statusOf({ filled: 3, soft: -4 }, { filled: 3, soft: -2 })).toEqual({
      status: 'feasible',
      gap: { filled: 0, soft: 1 },
    })
    expect(Plan.statusOf({ filled: 3, soft: 2 }, null)).toEqual({ status: 'feasible', gap: null })
  })
})

describe('PlanCodec', () => {
  it('round-trips encodePlan', () => {
    const r = Plan.PlanCodec.decode(JSON.parse(JSON.stringify(Plan.encodePlan(plan()))))
    expect(E.isRight(r)).toBe(true)
    if (E.isRight(r)) {
      expect(JSON.stringify(Plan.encodePlan(r.right))).toBe(JSON.stringify(Plan.encodePlan(plan())))
      expect(Plan.PlanCodec.encode(r.right)).toEqual(Plan.encodePlan(plan()))
    }
    expect(Plan.PlanCodec.is(plan())).toBe(true)
  })
  const broken: ReadonlyArray<readonly [string, (p: Record<string, unknown>) => void]> = [
    ['a missing score', (p) => delete p['score']],
    [
      'an unknown reason code',
      (p) =>
        ((
          p['unfilled'] as Array<{ reasons: Array<{ constraint: string }> }>
        )[0]!.reasons[0]!.constraint = 'mood'),
    ],
    [
      'a fractional count',
      (p) =>
        ((
          p['unfilled'] as Array<{ reasons: Array<{ count: number }> }>
        )[0]!.reasons[0]!.count = 1.5),
    ],
    ['an empty slot id', (p) => ((p['assignments'] as Array<{ slot: string }>)[0]!.slot = '')],
    ['a NaN term', (p) => ((p['score'] as { terms: { fit: number } }).terms.fit = NaN)],
    ['a string stat', (p) => ((p['stats'] as Record<string, unknown>)['steps'] = 'ten')],
    ['a bound that is a number', (p) => (p['bound'] = 4)],
    ['an unknown status', (p) => (p['status'] = 'proven')],
    ['a missing stat', (p) => delete (p['stats'] as Record<string, unknown>)['nodes']],
    ['an unknown stat', (p) => ((p['stats'] as Record<string, unknown>)['alpha'] = 1)],
    ['a numeric exact flag', (p) => ((p['stats'] as Record<string, unknown>)['exact'] = 1)],
  ]
  it.each(broken)('rejects %s', (_, f) => {
    const p = JSON.parse(JSON.stringify(Plan.encodePlan(plan()))) as Record<string, unknown>
    f(p)
    expect(E.isLeft(Plan.PlanCodec.decode(p))).toBe(true)
    expect(Plan.PlanCodec.is(p)).toBe(false)
  })
  it('round-trips arbitrary plans byte for byte', () => {
    const id = fc.string({ minLength: 1, maxLength: 5 })
    const num = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
    const arb = fc.record({
      assignments: fc.array(fc.record({ slot: id, member: id }), { maxLength: 4 }),
      unfilled: fc.array(
        fc.record({
          slot: id,
          reasons: fc.array(
            fc.record({
              constraint: fc.constantFrom(...Plan.reasonOrder),
              count: fc.nat(100),
              detail: fc.string(),
            }),
            { maxLength: 3 },
          ),
        }),
        { maxLength: 3 },
      ),
      score: fc.record({
        filled: fc.nat(1000),
        soft: num,
        terms: fc.record({
          fit: num,
          preference: num,
          learning: num,
          continuity: num,
          diversity: num,
          rotation: num,
          balance: num,
        }),
      }),
      bound: fc.option(fc.record({ filled: fc.nat(1000), soft: num }), { nil: null }),
      status: fc.constantFrom('optimal', 'feasible'),
      gap: fc.option(fc.record({ filled: num, soft: num }), { nil: null }),
      stats: fc.record({
        banned: fc.nat(),
        completed: fc.nat(),
        exact: fc.boolean(),
        improvements: fc.nat(),
        mandatory: fc.nat(),
        nodes: fc.nat(),
        steps: fc.nat(),
      }),
    })
    fc.assert(
      fc.property(arb, (p) => {
        const text = JSON.stringify(Plan.encodePlan(p as unknown as Plan.Plan))
        const back = Plan.PlanCodec.decode(JSON.parse(text))
        expect(E.isRight(back)).toBe(true)
        if (E.isRight(back)) expect(JSON.stringify(Plan.encodePlan(back.right))).toBe(text)
      }),
      { numRuns: 300 },
    )
  })
})

describe('reasonOrder', () => {
  it('is the §8 order', () => {
    expect(Plan.reasonOrder).toEqual([
      'unit',
      'quality',
      'discipline',
      'excluded',
      'availability',
      'capacity',
      'taken',
      'free',
    ])
  })
})

describe('PlanJson', () => {
  it('is plain data with string ids: a parsed plan file types without brands', () => {
    expectTypeOf(Plan.encodePlan).returns.toEqualTypeOf<Plan.PlanJson>()
    expectTypeOf(Plan.PlanCodec.encode).returns.toEqualTypeOf<Plan.PlanJson>()
    expectTypeOf<Plan.PlanJson['assignments'][number]['slot']>().toEqualTypeOf<string>()
    const json: Plan.PlanJson = { ...Plan.encodePlan(plan()), assignments: [{ slot: 's', member: 'm' }] }
    expect(E.isRight(Plan.PlanCodec.decode(json))).toBe(true)
  })
})
