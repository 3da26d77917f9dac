/**
 * fast-check arbitraries for the classification modules (Assessment, Classification,
 * Catalogue, Rules, Intake).
 */
import fc from 'fast-check'
import type { Assessment, Catalogue, Classification, Rules } from 'wendbaar'

const level = fc.integer({ min: 0, max: 4 })

/** An assessment with each indicator answered or not. */
export const arbAssessment: fc.Arbitrary<Assessment.Assessment> = fc
  .record(
    {
      precedent: level,
      procedure: level,
      outcomeClarity: level,
      stability: level,
      disciplines: fc.integer({ min: 1, max: 12 }),
      stakeholders: level,
      politicalSensitivity: level,
      interdependence: level,
      budgetImpact: level,
    },
    { requiredKeys: [] },
  )
  .map((a) => a as Assessment.Assessment)

/** A complete assessment (every question answered). */
export const arbCompleteAssessment: fc.Arbitrary<Assessment.Assessment> = fc
  .record({
    precedent: level,
    procedure: level,
    outcomeClarity: level,
    stability: level,
    disciplines: fc.integer({ min: 1, max: 12 }),
    stakeholders: level,
    politicalSensitivity: level,
    interdependence: level,
    budgetImpact: level,
  })
  .map((a) => a as Assessment.Assessment)

const weight = fc.oneof(
  fc.constantFrom(0, 0.1, 0.2, 0.3, 0.5, 1, 2, 3),
  fc.double({ min: 0, max: 10, noNaN: true, noDefaultInfinity: true }),
)

/** A classification policy with random weights (at least one positive per axis), thresholds and margin. */
export const arbPolicy: fc.Arbitrary<Classification.ClassificationPolicy> = fc
  .record({
    w: fc.array(weight, { minLength: 8, maxLength: 8 }),
    p: fc.double({ min: 0, max: 1, noNaN: true }),
    c: fc.double({ min: 0, max: 1, noNaN: true }),
    margin: fc.double({ min: 0, max: 0.5, noNaN: true }),
  })
  .map(({ w, p, c, margin }) => {
    const ws = w.map((x, i) => (i === 0 || i === 4 ? Math.max(x, 0.5) : x))
    return {
      weights: {
        precedent: ws[0]!,
        procedure: ws[1]!,
        outcomeClarity: ws[2]!,
        stability: ws[3]!,
        disciplines: ws[4]!,
        stakeholders: ws[5]!,
        politicalSensitivity: ws[6]!,
        interdependence: ws[7]!,
      },
      thresholds: { predictability: p, complexity: c },
      margin,
    }
  })

const indicator = fc.constantFrom<Assessment.Indicator>(
  'precedent',
  'procedure',
  'outcomeClarity',
  'stability',
  'disciplines',
  'stakeholders',
  'politicalSensitivity',
  'interdependence',
  'budgetImpact',
)
const mode = fc.constantFrom<Classification.WorkMode>('standard', 'specialist', 'exploratory', 'agile', 'unclassified')
const modeOrder: ReadonlyArray<Classification.WorkMode> = ['standard', 'specialist', 'exploratory', 'agile', 'unclassified']

/** A predicate (normalised: mode lists unique and in the fixed mode order). */
export const arbPredicate: fc.Arbitrary<Rules.Predicate> = fc.letrec<{ p: Rules.Predicate }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({
      indicator,
      op: fc.constantFrom<Rules.Op>('>=', '>', '<=', '<', '=='),
      value: fc.integer({ min: -1, max: 6 }),
    }),
    fc.uniqueArray(mode).map((ms) => ({ mode: modeOrder.filter((m) => ms.includes(m)) })),
    fc.array(tie('p'), { maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('p'), { maxLength: 3 }).map((any) => ({ any })),
    tie('p').map((not) => ({ not })),
  ),
})).p

const roleId = fc.constantFrom('budget', 'content', 'direction', 'network', 'politics')

/** A list of rules with unique ids over the default roles, sorted by id. */
export const arbRules: fc.Arbitrary<ReadonlyArray<Rules.Rule>> = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
      role: roleId,
      when: arbPredicate,
      perDiscipline: fc.boolean(),
    }),
    { selector: (r) => r.id, maxLength: 8 },
  )
  .map((rs) =>
    rs
      .map(({ perDiscipline, ...r }): Rules.Rule => (perDiscipline ? { ...r, per: 'discipline' } : r))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  )

const text = fc.record({ nl: fc.string({ minLength: 1, maxLength: 8 }), en: fc.string({ minLength: 1, maxLength: 8 }) })
const hours = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.5, max: 40, noNaN: true }))

/** A catalogue (normalised: roles sorted by id, qualities sorted and unique). */
export const arbCatalogue: fc.Arbitrary<Catalogue.Catalogue> = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z][a-z-]{0,8}$/),
      name: text,
      question: text,
      qualities: fc.uniqueArray(
        fc.record({
          quality: fc.stringMatching(/^[a-z][a-z-]{0,8}$/),
          min: fc.constantFrom<0 | 1 | 2 | 3 | 4 | 5>(0, 1, 2, 3, 4, 5),
          weight: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.01, max: 5, noNaN: true })),
        }),
        { selector: (q) => q.quality, maxLength: 4 },
      ),
      hours: fc.record({ specialist: hours, exploratory: hours, agile: hours }),
    }),
    { selector: (r) => r.id, maxLength: 6 },
  )
  .map((roles) => ({
    roles: roles
      .map((r) => ({ ...r, qualities: [...r.qualities].sort((a, b) => (a.quality < b.quality ? -1 : 1)) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  }))

/** A list of discipline names (may repeat). */
export const arbDisciplines: fc.Arbitrary<ReadonlyArray<string>> = fc.array(
  fc.constantFrom('law', 'finance', 'social-domain', 'youth-care', 'data', 'spatial-planning'),
  { maxLength: 5 },
)
