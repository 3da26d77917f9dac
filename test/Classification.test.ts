import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import fc from 'fast-check'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { Assessment, Classification } from 'wendbaar'
import { arbAssessment, arbCompleteAssessment, arbPolicy } from './support/classifyArbitraries.js'

const classify = Classification.classify(Classification.defaultClassificationPolicy)

/** An assessment with the same level on every predictability indicator (p) and every complexity indicator (c). */
const uniform = (p: number, c: number, budgetImpact = 0): Assessment.Assessment =>
  ({
    precedent: p,
    procedure: p,
    outcomeClarity: p,
    stability: p,
    disciplines: c + 1,
    stakeholders: c,
    politicalSensitivity: c,
    interdependence: c,
    budgetImpact,
  }) as Assessment.Assessment

/** Predictability levels summing to `sp` (of 16) and complexity levels summing to `sc` (of 16). */
const sums = (sp: number, sc: number): Assessment.Assessment => {
  const split = (s: number) => [0, 1, 2, 3].map((i) => Math.max(0, Math.min(4, s - 4 * i)))
  const [a, b, c, d] = split(sp)
  const [e, f, g, h] = split(sc)
  return {
    precedent: a,
    procedure: b,
    outcomeClarity: c,
    stability: d,
    disciplines: e! + 1,
    stakeholders: f,
    politicalSensitivity: g,
    interdependence: h,
    budgetImpact: 0,
  } as Assessment.Assessment
}

describe('classify: the four quadrants (§4 table)', () => {
  it.each([
    [4, 0, 'standard', 'standing-team'],
    [3, 1, 'standard', 'standing-team'],
    [4, 4, 'specialist', 'expert-led'],
    [3, 3, 'specialist', 'expert-led'],
    [0, 0, 'exploratory', 'safe-to-fail-probe'],
    [1, 1, 'exploratory', 'safe-to-fail-probe'],
    [0, 4, 'agile', 'pool-team'],
    [1, 3, 'agile', 'pool-team'],
  ] as const)('levels p=%i c=%i → %s (%s)', (p, c, mode, response) => {
    const r = classify(uniform(p, c))
    expect(r.mode).toBe(mode)
    expect(r.response.id).toBe(response)
    expect(r.predictability).toBe(p / 4)
    expect(r.complexity).toBe(c / 4)
    expect(r.borderline).toBeNull()
    expect(r.unanswered).toEqual([])
  })

  it('carries the assessment it classified and a response with nl and en text', () => {
    const a = uniform(0, 4)
    const r = classify(a)
    expect(r.assessment).toBe(a)
    expect(r.response.name.nl).toBe('Multidisciplinair poolteam')
    expect(r.response.name.en).toBe('Multidisciplinary pool team')
    for (const m of Classification.modes) {
      expect(Classification.responses[m].description.nl.length).toBeGreaterThan(0)
      expect(Classification.responses[m].description.en.length).toBeGreaterThan(0)
    }
  })
})

describe('classify: exactly at the thresholds and margins', () => {
  it('a score equal to the threshold is high (≥), one step below is low', () => {
    expect(classify(sums(8, 0)).mode).toBe('standard') // p = 0.5
    expect(classify(sums(7, 0)).mode).toBe('exploratory') // p = 0.4375
    expect(classify(sums(0, 8)).mode).toBe('agile') // c = 0.5
    expect(classify(sums(0, 7)).mode).toBe('exploratory') // c = 0.4375
    expect(classify(sums(8, 8)).mode).toBe('specialist')
  })

  it('with the default margin 0.1 (scores in steps of 1/16), 7/16..9/16 are borderline and 6/16, 10/16 are not', () => {
    const at = (sp: number) => classify(sums(sp, 0))
    expect(at(6).borderline).toBeNull()
    expect(at(7).borderline).toEqual({ axes: ['predictability'], alternative: 'standard', alternatives: ['standard'] })
    expect(at(8).borderline).toEqual({ axes: ['predictability'], alternative: 'exploratory', alternatives: ['exploratory'] })
    expect(at(9).borderline).toEqual({ axes: ['predictability'], alternative: 'exploratory', alternatives: ['exploratory'] })
    expect(at(10).borderline).toBeNull()
  })

  it('a distance of exactly the margin is not borderline (strict <), a hair less is', () => {
    // p = 10/16 = 0.625: distance 0.125 from 0.5
    const policy = (margin: number) => ({ ...Classification.defaultClassificationPolicy, margin })
    expect(Classification.classify(policy(0.125))(sums(10, 0)).borderline).toBeNull()
    expect(Classification.classify(policy(0.1251))(sums(10, 0)).borderline?.axes).toEqual(['predictability'])
    // p = 6/16 = 0.375, below: same rule
    expect(Classification.classify(policy(0.125))(sums(6, 0)).borderline).toBeNull()
    expect(Classification.classify(policy(0.1251))(sums(6, 0)).borderline?.alternative).toBe('standard')
  })

  it('float rounding does not decide: 0.6 − 0.5 is a distance of exactly 0.1, not borderline', () => {
    // weights 3 and 2 on precedent and procedure only: levels (4, 0) give 12/20 = 0.6, (0, 4) give 8/20 = 0.4
    const policy: Classification.ClassificationPolicy = {
      ...Classification.defaultClassificationPolicy,
      weights: { ...Classification.defaultClassificationPolicy.weights, precedent: 3, procedure: 2, outcomeClarity: 0, stability: 0 },
    }
    expect(0.6 - 0.5 < 0.1).toBe(true) // the trap
    const hi = Classification.classify(policy)({ ...sums(0, 0), precedent: 4, procedure: 0 })
    expect(hi.predictability).toBeCloseTo(0.6, 12)
    expect(hi.borderline).toBeNull()
    const lo = Classification.classify(policy)({ ...sums(0, 0), precedent: 0, procedure: 4 })
    expect(lo.predictability).toBeCloseTo(0.4, 12)
    expect(lo.borderline).toBeNull()
  })

  it('float rounding does not decide: a score that is 0.5 in exact arithmetic is high', () => {
    // weights 0.1, 0.1, 0.6, 0.1 and levels 0, 0, 3, 0: 1.8 / 3.6 = 0.5 exactly, 0.49999999999999994 in floats
    const policy: Classification.ClassificationPolicy = {
      ...Classification.defaultClassificationPolicy,
      weights: { ...Classification.defaultClassificationPolicy.weights, precedent: 0.1, procedure: 0.1, outcomeClarity: 0.6, stability: 0.1 },
    }
    const a = { ...sums(0, 0), precedent: 0, procedure: 0, outcomeClarity: 3, stability: 0 } as Assessment.Assessment
    const raw = (0.1 * 0 + 0.1 * 0 + 0.6 * 3 + 0.1 * 0) / (4 * (0.1 + 0.1 + 0.6 + 0.1))
    expect(raw < 0.5).toBe(true) // the trap
    const r = Classification.classify(policy)(a)
    expect(r.mode).toBe('standard')
    expect(r.borderline?.axes).toEqual(['predictability'])
  })

  it('margin 0 disables borderline cases, even exactly at the threshold', () => {
    const r = Classification.classify({ ...Classification.defaultClassificationPolicy, margin: 0 })(sums(8, 8))
    expect(r.mode).toBe('specialist')
    expect(r.borderline).toBeNull()
  })

  it('both axes borderline: the alternative flips both, alternatives list each flip', () => {
    const r = classify(sums(9, 8)) // p = 0.5625, c = 0.5
    expect(r.mode).toBe('specialist')
    expect(r.borderline).toEqual({
      axes: ['predictability', 'complexity'],
      alternative: 'exploratory',
      alternatives: ['agile', 'standard', 'exploratory'],
    })
  })

  it('thresholds are per axis', () => {
    const policy = { ...Classification.defaultClassificationPolicy, thresholds: { predictability: 0.75, complexity: 0.25 }, margin: 0 }
    expect(Classification.classify(policy)(uniform(2, 1)).mode).toBe('agile')
    expect(Classification.classify(policy)(uniform(3, 0)).mode).toBe('standard')
  })
})

describe('classify: evidence', () => {
  it('lists each axis indicator with its answer, level, weight and contribution summing to the score', () => {
    const r = classify({ ...uniform(2, 1), precedent: 4, disciplines: 7 })
    expect(r.evidence.map((e) => e.indicator)).toEqual([
      'precedent',
      'procedure',
      'outcomeClarity',
      'stability',
      'disciplines',
      'stakeholders',
      'politicalSensitivity',
      'interdependence',
    ])
    expect(r.evidence[0]).toEqual({ indicator: 'precedent', axis: 'predictability', answer: 4, level: 4, weight: 1, contribution: 0.25 })
    expect(r.evidence[4]).toEqual({ indicator: 'disciplines', axis: 'complexity', answer: 7, level: 4, weight: 1, contribution: 0.25 })
    const sum = (axis: Assessment.Axis) => r.evidence.filter((e) => e.axis === axis).reduce((s, e) => s + e.contribution, 0)
    expect(sum('predictability')).toBeCloseTo(r.predictability ?? -1, 12)
    expect(sum('complexity')).toBeCloseTo(r.complexity ?? -1, 12)
  })

  it('weights change the contributions', () => {
    const policy = { ...Classification.defaultClassificationPolicy, weights: { ...Classification.defaultClassificationPolicy.weights, precedent: 3 } }
    const r = Classification.classify(policy)({ ...uniform(0, 0), precedent: 4 })
    expect(r.predictability).toBe(12 / 24)
    expect(r.evidence[0]?.contribution).toBe(0.5)
    expect(r.evidence[1]?.contribution).toBe(0)
  })
})

describe('classify: unanswered questions', () => {
  it('never guesses: one open question makes it unclassified and names the question', () => {
    const { interdependence: _, ...rest } = uniform(4, 0)
    const r = classify(rest)
    expect(r.mode).toBe('unclassified')
    expect(r.predictability).toBeNull()
    expect(r.complexity).toBeNull()
    expect(r.evidence).toEqual([])
    expect(r.borderline).toBeNull()
    expect(r.response.id).toBe('sense-making')
    expect(r.unanswered.map((q) => q.indicator)).toEqual(['interdependence'])
    expect(r.unanswered[0]?.text.nl).toBe('Hoe verweven is het met andere vraagstukken?')
  })

  it('budgetImpact must be answered too (rules use it)', () => {
    const { budgetImpact: _, ...rest } = uniform(0, 4)
    expect(classify(rest).unanswered.map((q) => q.indicator)).toEqual(['budgetImpact'])
  })

  it('an empty assessment lists every question in order', () => {
    expect(classify({}).unanswered.map((q) => q.indicator)).toEqual(Assessment.indicators)
  })

  it('needsPool is true exactly for the pool modes', () => {
    expect(Classification.needsPool(classify(uniform(0, 4)))).toBe(true)
    expect(Classification.needsPool(classify(uniform(4, 4)))).toBe(true)
    expect(Classification.needsPool(classify(uniform(0, 0)))).toBe(true)
    expect(Classification.needsPool(classify(uniform(4, 0)))).toBe(false)
    expect(Classification.needsPool(classify({}))).toBe(false)
  })
})

describe('Classification.summary', () => {
  it('reads as one line', () => {
    expect(Classification.summary('en')(classify(sums(7, 12)))).toBe(
      'agile (predictability 0.44, complexity 0.75) — Multidisciplinary pool team; borderline on predictability, alternative specialist',
    )
    expect(Classification.summary('nl')(classify(uniform(4, 0)))).toBe(
      'standard (predictability 1.00, complexity 0.00) — Staande organisatie',
    )
    expect(Classification.summary()(classify({ precedent: 1 }))).toMatch(/^unclassified — Sense-making first: procedure, /)
  })
})

describe('Classification policy codec', () => {
  it('fills in every default', () => {
    expect(Classification.decodeClassificationPolicy({})).toEqual(E.right(Classification.defaultClassificationPolicy))
    expect(Classification.decodeClassificationPolicy({ weights: { stakeholders: 2 }, thresholds: { complexity: 0.6 } })).toEqual(
      E.right({
        weights: { ...Classification.defaultClassificationPolicy.weights, stakeholders: 2 },
        thresholds: { predictability: 0.5, complexity: 0.6 },
        margin: 0.1,
      }),
    )
  })

  it('reports every bad field with its path', () => {
    const r = Classification.decodeClassificationPolicy({
      weights: { precedent: -1, budgetImpact: 2, stakeholders: 'x' },
      thresholds: { complexity: 1.5, axis: 0.5 },
      margin: Number.NaN,
      extra: true,
    })
    expect(E.isLeft(r) && r.left.map((i) => [i.path, i.code])).toEqual([
      ['extra', 'unknown'],
      ['weights.budgetImpact', 'unknown'],
      ['weights.precedent', 'range'],
      ['weights.stakeholders', 'type'],
      ['thresholds.axis', 'unknown'],
      ['thresholds.complexity', 'range'],
      ['margin', 'range'],
    ])
  })

  it('needs a positive weight on each axis', () => {
    const r = Classification.decodeClassificationPolicy({ weights: { disciplines: 0, stakeholders: 0, politicalSensitivity: 0, interdependence: 0 } })
    expect(E.isLeft(r) && r.left.map((i) => [i.path, i.code])).toEqual([['weights', 'range']])
  })

  it('rejects a non-object policy', () => {
    const r = Classification.decodeClassificationPolicy(0.5)
    expect(E.isLeft(r) && r.left.map((i) => [i.path, i.code])).toEqual([['', 'type']])
  })

  it('round-trips through encode and the io-ts codec', () => {
    fc.assert(
      fc.property(arbPolicy, (p) => {
        expect(Classification.decodeClassificationPolicy(Classification.encodeClassificationPolicy(p))).toEqual(E.right(p))
        expect(Classification.ClassificationPolicyCodec.decode(Classification.ClassificationPolicyCodec.encode(p))).toEqual(E.right(p))
        expect(Classification.decodeClassificationPolicy(JSON.parse(JSON.stringify(Classification.encodeClassificationPolicy(p))))).toEqual(E.right(p))
      }),
    )
  })
})

const axisIndicators = [...Assessment.predictabilityIndicators, ...Assessment.complexityIndicators]

describe('Classification types', () => {
  it('is a union narrowed by mode', () => {
    expectTypeOf<Classification.Classification>().toEqualTypeOf<Classification.Classified | Classification.Unclassified>()
    expectTypeOf<Classification.Unclassified['predictability']>().toEqualTypeOf<null>()
    expectTypeOf<Classification.Classified['predictability']>().toEqualTypeOf<number>()
    const r = Classification.classify(Classification.defaultClassificationPolicy)({})
    expect(r.mode).toBe('unclassified')
    if (r.mode === 'unclassified') expectTypeOf(r.evidence).toEqualTypeOf<readonly []>()
  })
})

describe('Classification properties', () => {
  it('scores stay in [0, 1], evidence sums to them, and the mode follows the scores', () => {
    fc.assert(
      fc.property(arbPolicy, arbCompleteAssessment, (policy, a) => {
        const r = Classification.classify(policy)(a)
        if (r.mode === 'unclassified') throw new Error('a complete assessment is classified')
        // narrowed by mode: the scores are numbers, no null checks
        const p: number = r.predictability
        const c: number = r.complexity
        expect(p).toBeGreaterThanOrEqual(0)
        expect(p).toBeLessThanOrEqual(1)
        expect(c).toBeGreaterThanOrEqual(0)
        expect(c).toBeLessThanOrEqual(1)
        for (const e of r.evidence) expect(e.contribution).toBeGreaterThanOrEqual(0)
        const sum = (axis: Assessment.Axis) => r.evidence.filter((e) => e.axis === axis).reduce((s, e) => s + e.contribution, 0)
        expect(Math.abs(sum('predictability') - p)).toBeLessThan(1e-9)
        expect(Math.abs(sum('complexity') - c)).toBeLessThan(1e-9)
        expect(r.mode).toBe(
          Classification.modeOf(
            Classification.isHigh(p, policy.thresholds.predictability),
            Classification.isHigh(c, policy.thresholds.complexity),
          ),
        )
        expect(Classification.axisScore(policy, 'predictability')(a)).toEqual(O.some(p))
      }),
    )
  })

  it('raising an indicator never lowers its axis score and never changes the other axis', () => {
    fc.assert(
      fc.property(
        arbPolicy,
        arbCompleteAssessment,
        fc.constantFrom(...axisIndicators),
        fc.integer({ min: 1, max: 4 }),
        (policy, a, indicator, step) => {
          const raw = a[indicator] ?? 0
          const raised = { ...a, [indicator]: indicator === 'disciplines' ? raw + step : Math.min(4, raw + step) }
          const before = Classification.classify(policy)(a)
          const after = Classification.classify(policy)(raised)
          const axis = Assessment.axisOf(indicator)!
          const other = axis === 'predictability' ? 'complexity' : 'predictability'
          expect(after[axis]!).toBeGreaterThanOrEqual(before[axis]!)
          expect(after[other]).toBe(before[other])
        },
      ),
    )
  })

  it('an assessment is unclassified exactly when a question is open', () => {
    fc.assert(
      fc.property(arbPolicy, arbAssessment, (policy, a) => {
        const r = Classification.classify(policy)(a)
        const open = Assessment.unanswered(a)
        expect(r.mode === 'unclassified').toBe(open.length > 0)
        expect(r.unanswered.map((q) => q.indicator)).toEqual(open)
      }),
    )
  })

  it('borderline is set exactly when an axis is within the margin, and the alternative differs from the mode', () => {
    fc.assert(
      fc.property(arbPolicy, arbCompleteAssessment, (policy, a) => {
        const r = Classification.classify(policy)(a)
        if (r.mode === 'unclassified') throw new Error('a complete assessment is classified')
        const pb = Classification.isBorderline(r.predictability, policy.thresholds.predictability, policy.margin)
        const cb = Classification.isBorderline(r.complexity, policy.thresholds.complexity, policy.margin)
        expect(r.borderline !== null).toBe(pb || cb)
        if (r.borderline !== null) {
          expect(r.borderline.alternative).not.toBe(r.mode)
          expect(r.borderline.alternatives).toHaveLength(pb && cb ? 3 : 1)
          expect(r.borderline.alternatives).toContain(r.borderline.alternative)
        }
      }),
    )
  })
})

describe('classify with a policy the codec would refuse', () => {
  it('an axis without positive weight has no score: unclassified, no open questions, no throw', () => {
    const policy: Classification.ClassificationPolicy = {
      ...Classification.defaultClassificationPolicy,
      weights: { ...Classification.defaultClassificationPolicy.weights, precedent: 0, procedure: 0, outcomeClarity: 0, stability: 0 },
    }
    const r = Classification.classify(policy)(uniform(2, 2))
    expect(r.mode).toBe('unclassified')
    expect(r.unanswered).toEqual([])
    expect(Classification.axisScore(policy, 'predictability')(uniform(2, 2))).toEqual(O.none)
    expect(Classification.axisScore(policy, 'complexity')(uniform(2, 2))).toEqual(O.some(0.5))
  })
})
