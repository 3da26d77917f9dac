import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Assessment, Intake } from 'wendbaar'
import { arbAssessment } from './support/classifyArbitraries.js'
import { pathsAndCodes } from './support/issues.js'

const full: Assessment.Assessment = {
  precedent: 4,
  procedure: 3,
  outcomeClarity: 2,
  stability: 1,
  disciplines: 3,
  stakeholders: 0,
  politicalSensitivity: 4,
  interdependence: 2,
  budgetImpact: 1,
}

const issuesOf = (u: unknown) => pathsAndCodes(Assessment.decode(u))

describe('Assessment.decode', () => {
  it('accepts a complete assessment unchanged', () => {
    expect(Assessment.decode(full)).toEqual(E.right(full))
  })

  it('treats absent and null answers as unanswered', () => {
    expect(Assessment.decode({ precedent: 2, stability: null })).toEqual(E.right({ precedent: 2 }))
    expect(Assessment.decode({})).toEqual(E.right({}))
  })

  it('reports unknown indicator names with code unknown at their path', () => {
    expect(issuesOf({ precedent: 1, complexity: 3 })).toEqual([['complexity', 'unknown']])
  })

  it('reports every out-of-range or mistyped answer with its path, together with unknown names', () => {
    expect(
      issuesOf({ precedent: 5, procedure: -1, outcomeClarity: 1.5, stability: '3', disciplines: 0, foo: 1 }),
    ).toEqual([
      ['foo', 'unknown'],
      ['precedent', 'range'],
      ['procedure', 'range'],
      ['outcomeClarity', 'range'],
      ['stability', 'type'],
      ['disciplines', 'range'],
    ])
  })

  it('accepts any disciplines count ≥ 1 and rejects non-finite numbers', () => {
    expect(Assessment.decode({ disciplines: 17 })).toEqual(E.right({ disciplines: 17 }))
    expect(issuesOf({ budgetImpact: Number.NaN })).toEqual([['budgetImpact', 'range']])
    expect(issuesOf({ budgetImpact: Infinity })).toEqual([['budgetImpact', 'range']])
  })

  it('rejects non-objects at the root', () => {
    expect(issuesOf(null)).toEqual([['', 'type']])
    expect(issuesOf([1, 2])).toEqual([['', 'type']])
    expect(issuesOf('agile')).toEqual([['', 'type']])
  })

  it('keeps its paths inside a larger document (an intake)', () => {
    const request = { id: 'r', period: { from: '2027-01-01', to: '2027-03-31' } }
    const r = Intake.decode({ requests: [request, { ...request, id: 's', assessment: { precedent: 9, stability: -1 } }] })
    expect(E.isLeft(r) && r.left.map((i) => i.path)).toEqual([
      'requests[1].assessment.precedent',
      'requests[1].assessment.stability',
    ])
  })

  it('has an io-ts codec that reports issues as messages', () => {
    expect(Assessment.AssessmentCodec.decode(full)).toEqual(E.right(full))
    const r = Assessment.AssessmentCodec.decode({ precedent: 9 })
    expect(E.isLeft(r) && r.left.map((e) => e.message)).toEqual(['precedent: must be an integer 0..4, got 9 (range)'])
    expect(Assessment.AssessmentCodec.is(full)).toBe(true)
    expect(Assessment.AssessmentCodec.is({ precedent: 9 })).toBe(false)
  })
})

describe('Assessment levels and questions', () => {
  it.each([
    [1, 0],
    [2, 1],
    [3, 2],
    [4, 3],
    [5, 4],
    [6, 4],
    [40, 4],
  ])('maps a disciplines count of %i to level %i', (n, l) => {
    expect(Assessment.toLevel('disciplines', n)).toBe(l)
    expect(Assessment.indicatorLevel('disciplines')({ disciplines: n })).toEqual(O.some(l))
  })

  it('keeps other answers as their level and answer() returns the raw count', () => {
    expect(Assessment.indicatorLevel('stakeholders')({ stakeholders: 3 })).toEqual(O.some(3))
    expect(Assessment.answer('disciplines')({ disciplines: 7 })).toEqual(O.some(7))
    expect(Assessment.indicatorLevel('precedent')({})).toEqual(O.none)
  })

  it('lists unanswered indicators in the fixed order', () => {
    expect(Assessment.unanswered({ stability: 1, disciplines: 2 })).toEqual([
      'precedent',
      'procedure',
      'outcomeClarity',
      'stakeholders',
      'politicalSensitivity',
      'interdependence',
      'budgetImpact',
    ])
    expect(Assessment.unanswered(full)).toEqual([])
  })

  it('has one question per indicator, each in nl and en, with its axis', () => {
    expect(Assessment.questions.map((q) => q.indicator)).toEqual(Assessment.indicators)
    for (const q of Assessment.questions) {
      expect(q.text.nl.length).toBeGreaterThan(0)
      expect(q.text.en.length).toBeGreaterThan(0)
      expect(q.scale.low.en.length).toBeGreaterThan(0)
      expect(q.axis).toBe(Assessment.axisOf(q.indicator))
      expect(Assessment.question(q.indicator)).toBe(q)
    }
    expect(Assessment.axisOf('budgetImpact')).toBeNull()
    expect(Assessment.axisOf('disciplines')).toBe('complexity')
    expect(Assessment.axisOf('precedent')).toBe('predictability')
  })

  it('isIndicator recognises exactly the indicators', () => {
    expect(Assessment.isIndicator('stakeholders')).toBe(true)
    expect(Assessment.isIndicator('toString')).toBe(false)
  })

  it('fills in disciplines from a count only when unanswered and the count is ≥ 1', () => {
    expect(Assessment.withDefaultDisciplines(3)({})).toEqual({ disciplines: 3 })
    expect(Assessment.withDefaultDisciplines(3)({ disciplines: 5 })).toEqual({ disciplines: 5 })
    expect(Assessment.withDefaultDisciplines(0)({})).toEqual({})
  })
})

describe('Assessment properties', () => {
  it('decode(encode(a)) = a, and encode is stable', () => {
    fc.assert(
      fc.property(arbAssessment, (a) => {
        const d = Assessment.decode(Assessment.encode(a))
        expect(d).toEqual(E.right(a))
        if (E.isRight(d)) expect(JSON.stringify(Assessment.encode(d.right))).toBe(JSON.stringify(Assessment.encode(a)))
      }),
    )
  })

  it('any answer outside the range is reported at its own path', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Assessment.indicators),
        fc.oneof(fc.integer({ min: -100, max: -1 }), fc.integer({ min: 5, max: 100 }), fc.double({ noInteger: true })),
        (indicator, v) => {
          fc.pre(!(indicator === 'disciplines' && Number.isInteger(v) && v >= 1))
          const r = Assessment.decode({ [indicator]: v })
          expect(E.isLeft(r) && r.left.map((i) => i.path)).toEqual([indicator])
        },
      ),
    )
  })
})
