/**
 * Assessments: the answers to the sense-making questions that place a request on the two axes,
 * predictability and complexity (the questions and their scales are in the
 * [classification guide](../../docs/classification.md#the-questions-indicators)).
 *
 * Each question is answered with an integer 0..4, except `disciplines`, which is a count of the
 * disciplines the request needs (≥ 1) and is mapped to a level by `n → min(n − 1, 4)`. Every
 * question may be left unanswered: an {@link Assessment} simply omits it, and the classification
 * then reports the open questions instead of guessing a mode.
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as t from 'io-ts'
import { codec, check, integer, keyed, object } from './internal/classifyCodec.js'
import { field, type Issue } from '../kernel/Issue.js'
import { deepFreeze } from '../kernel/internal/freeze.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A text in both languages of the default catalogues: Dutch (`nl`) and English (`en`).
 *
 * @category model
 * @since 0.1.0
 */
export interface Text {
  /** Dutch. */
  readonly nl: string
  /** English. */
  readonly en: string
}

/**
 * A language of the built-in texts.
 *
 * @category model
 * @since 0.1.0
 */
export type Language = keyof Text

/**
 * The two axes of the classification.
 *
 * @category model
 * @since 0.1.0
 */
export type Axis = 'predictability' | 'complexity'

/**
 * The indicators of the predictability axis (0 = unpredictable, 4 = routine).
 *
 * @category model
 * @since 0.1.0
 */
export type PredictabilityIndicator = 'precedent' | 'procedure' | 'outcomeClarity' | 'stability'

/**
 * The indicators of the complexity axis (0 = simple, 4 = highly complex).
 *
 * @category model
 * @since 0.1.0
 */
export type ComplexityIndicator =
  | 'disciplines'
  | 'stakeholders'
  | 'politicalSensitivity'
  | 'interdependence'

/**
 * An indicator that counts towards one of the two axes.
 *
 * @category model
 * @since 0.1.0
 */
export type AxisIndicator = PredictabilityIndicator | ComplexityIndicator

/**
 * Every question of an assessment: the axis indicators plus `budgetImpact`, which only
 * informs the roles (a budget role when the impact is large enough).
 *
 * @category model
 * @since 0.1.0
 */
export type Indicator = AxisIndicator | 'budgetImpact'

/**
 * An answer level: an integer 0..4.
 *
 * @category model
 * @since 0.1.0
 */
export type Level = 0 | 1 | 2 | 3 | 4

/**
 * The answers to the sense-making questions; an absent field is an unanswered question.
 *
 * Every field except `disciplines` is a {@link Level} 0..4; `disciplines` is a count ≥ 1.
 *
 * @category model
 * @since 0.1.0
 */
export interface Assessment {
  /** Has this happened before? 0 never … 4 routine, done many times. */
  readonly precedent?: Level
  /** Is there a procedure or framework? 0 none … 4 fixed procedure or legal frame. */
  readonly procedure?: Level
  /** Is the desired outcome known? 0 unknown … 4 fully specified. */
  readonly outcomeClarity?: Level
  /** Does the question stay the same? 0 keeps changing … 4 stable. */
  readonly stability?: Level
  /** How many disciplines are needed? A count ≥ 1 (level `min(n − 1, 4)`). */
  readonly disciplines?: number
  /** How many parties are involved? 0 one requester … 4 many parties with conflicting interests. */
  readonly stakeholders?: Level
  /** How politically sensitive is it? 0 not at all … 4 council-level attention. */
  readonly politicalSensitivity?: Level
  /** How entangled is it with other issues? 0 stand-alone … 4 entangled. */
  readonly interdependence?: Level
  /** How large is the budget impact? 0 none … 4 large. */
  readonly budgetImpact?: Level
}

/**
 * A question of the assessment: the indicator it answers, its axis (`null` for `budgetImpact`)
 * and its wording in Dutch and English.
 *
 * @category model
 * @since 0.1.0
 */
export interface Question {
  /** The indicator the question answers. */
  readonly indicator: Indicator
  /** The axis the answer counts towards, or `null` when it only informs the roles. */
  readonly axis: Axis | null
  /** The question, in Dutch and English. */
  readonly text: Text
  /** What the lowest and the highest answer mean. */
  readonly scale: {
    /** What the answer 0 means (for `disciplines`: one discipline). */
    readonly low: Text
    /** What the answer 4 means (for `disciplines`: five or more). */
    readonly high: Text
  }
}

/**
 * The predictability indicators, in their fixed order.
 *
 * @category model
 * @since 0.1.0
 */
export const predictabilityIndicators: ReadonlyArray<PredictabilityIndicator> = deepFreeze([
  'precedent',
  'procedure',
  'outcomeClarity',
  'stability',
])

/**
 * The complexity indicators, in their fixed order.
 *
 * @category model
 * @since 0.1.0
 */
export const complexityIndicators: ReadonlyArray<ComplexityIndicator> = deepFreeze([
  'disciplines',
  'stakeholders',
  'politicalSensitivity',
  'interdependence',
])

/**
 * Every indicator, in the fixed order used for evidence and open questions: predictability,
 * then complexity, then `budgetImpact`.
 *
 * @category model
 * @since 0.1.0
 */
export const indicators: ReadonlyArray<Indicator> = deepFreeze([
  ...predictabilityIndicators,
  ...complexityIndicators,
  'budgetImpact',
])

const q = (
  indicator: Indicator,
  axis: Axis | null,
  nl: string,
  en: string,
  low: Text,
  high: Text,
): Question => ({ indicator, axis, text: { nl, en }, scale: { low, high } })

/**
 * The questions, one per indicator, in the order of {@link indicators}.
 *
 * @category model
 * @since 0.1.0
 */
export const questions: ReadonlyArray<Question> = deepFreeze([
  q(
    'precedent',
    'predictability',
    'Is dit eerder gebeurd?',
    'Has this happened before?',
    { nl: 'nog nooit', en: 'never before' },
    { nl: 'routine, vaak gedaan', en: 'routine, done many times' },
  ),
  q(
    'procedure',
    'predictability',
    'Is er een procedure of kader?',
    'Is there a procedure or framework?',
    { nl: 'geen procedure of kader', en: 'no procedure or framework' },
    { nl: 'vaste procedure of wettelijk kader', en: 'fixed procedure or legal frame' },
  ),
  q(
    'outcomeClarity',
    'predictability',
    'Is de gewenste uitkomst bekend?',
    'Is the desired outcome known?',
    { nl: 'uitkomst onbekend', en: 'outcome unknown' },
    { nl: 'uitkomst volledig bepaald', en: 'outcome fully specified' },
  ),
  q(
    'stability',
    'predictability',
    'Blijft de vraag hetzelfde?',
    'Does the question stay the same?',
    { nl: 'verandert voortdurend', en: 'keeps changing' },
    { nl: 'stabiel', en: 'stable' },
  ),
  q(
    'disciplines',
    'complexity',
    'Hoeveel vakdisciplines zijn nodig?',
    'How many disciplines are needed?',
    { nl: 'één discipline', en: 'one discipline' },
    { nl: 'vijf of meer', en: 'five or more' },
  ),
  q(
    'stakeholders',
    'complexity',
    'Hoeveel partijen zijn betrokken?',
    'How many parties are involved?',
    { nl: 'één vrager', en: 'one requester' },
    { nl: 'veel partijen, tegengestelde belangen', en: 'many parties, conflicting interests' },
  ),
  q(
    'politicalSensitivity',
    'complexity',
    'Hoe politiek gevoelig is het?',
    'How politically sensitive is it?',
    { nl: 'niet', en: 'not at all' },
    { nl: 'aandacht van de raad', en: 'council-level attention' },
  ),
  q(
    'interdependence',
    'complexity',
    'Hoe verweven is het met andere vraagstukken?',
    'How entangled is it with other issues?',
    { nl: 'staat op zichzelf', en: 'stand-alone' },
    { nl: 'sterk verweven', en: 'entangled with other issues' },
  ),
  q(
    'budgetImpact',
    null,
    'Hoe groot is de impact op de begroting?',
    'How large is the budget impact?',
    { nl: 'geen', en: 'none' },
    { nl: 'groot', en: 'large' },
  ),
])

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * The JSON form of an assessment: an object whose keys are indicator names; a missing key or
 * `null` is an unanswered question.
 *
 * @category codecs
 * @since 0.1.0
 */
export type AssessmentJson = Partial<Readonly<Record<Indicator, number | null>>>

const answerDecoder = (indicator: Indicator) =>
  indicator === 'disciplines' ? integer(1, Infinity) : integer(0, 4)

/**
 * Decodes an assessment at a JSON path: unknown indicator names are `unknown` issues at their
 * path, answers out of range are `range` issues; every issue is collected.
 */
const decodeAt = (u: unknown, path: string): E.Either<NonEmptyArray<Issue>, Assessment> =>
  keyed((o: Readonly<Record<string, unknown>>) => {
    const issues: Array<Issue> = []
    const out: Record<string, number> = {}
    for (const indicator of indicators) {
      if (!Object.prototype.hasOwnProperty.call(o, indicator)) continue
      const v = o[indicator]
      if (v === null || v === undefined) continue
      const r = answerDecoder(indicator)(v, field(path, indicator))
      if (E.isLeft(r)) issues.push(...r.left)
      else out[indicator] = r.right
    }
    return check(issues, out as Assessment)
  })(object('assessment', indicators)(u, path))

/**
 * Decodes an untrusted assessment, returning every issue with its path.
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#assessment-decode}
 *
 * @category codecs
 * @since 0.1.0
 */
export const decode = (u: unknown): E.Either<NonEmptyArray<Issue>, Assessment> => decodeAt(u, '')

/**
 * Encodes an assessment as JSON: the answered indicators, in the fixed indicator order.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encode = (a: Assessment): AssessmentJson => {
  const out: Record<string, number> = {}
  for (const indicator of indicators) {
    const v = a[indicator]
    if (v !== undefined) out[indicator] = v
  }
  return out
}

/**
 * The io-ts codec of an assessment (validation as in {@link decode}).
 *
 * @category codecs
 * @since 0.1.0
 */
export const AssessmentCodec: t.Type<Assessment, AssessmentJson, unknown> = codec(
  'Assessment',
  decodeAt,
  encode,
)

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * The assessment with no question answered.
 *
 * @category constructors
 * @since 0.1.0
 */
export const empty: Assessment = Object.freeze({})

// -------------------------------------------------------------------------------------
// predicates / queries
// -------------------------------------------------------------------------------------

/**
 * The axis an indicator counts towards, or `null` for `budgetImpact`.
 *
 * @category predicates
 * @since 0.1.0
 */
export const axisOf = (indicator: Indicator): Axis | null =>
  (predictabilityIndicators as ReadonlyArray<Indicator>).includes(indicator)
    ? 'predictability'
    : (complexityIndicators as ReadonlyArray<Indicator>).includes(indicator)
      ? 'complexity'
      : null

/**
 * Whether a string names an indicator.
 *
 * @category predicates
 * @since 0.1.0
 */
export const isIndicator = (s: string): s is Indicator =>
  (indicators as ReadonlyArray<string>).includes(s)

/**
 * The raw answer to an indicator (for `disciplines`, the count), or `none` when unanswered.
 *
 * @category predicates
 * @since 0.1.0
 */
export const answer =
  (indicator: Indicator) =>
  (a: Assessment): O.Option<number> =>
    O.fromNullable(a[indicator])

/**
 * Maps a raw answer to its level 0..4: the `disciplines` count `n` becomes `min(n − 1, 4)`;
 * other answers are already levels.
 *
 * @category utilities
 * @since 0.1.0
 */
export const toLevel = (indicator: Indicator, raw: number): Level =>
  (indicator === 'disciplines' ? Math.max(0, Math.min(raw - 1, 4)) : raw) as Level

/**
 * The level 0..4 of an indicator, or `none` when unanswered.
 *
 * @category predicates
 * @since 0.1.0
 */
export const indicatorLevel =
  (indicator: Indicator) =>
  (a: Assessment): O.Option<Level> =>
    O.map((raw: number) => toLevel(indicator, raw))(answer(indicator)(a))

/**
 * The unanswered indicators, in the fixed indicator order.
 *
 * @category predicates
 * @since 0.1.0
 */
export const unanswered = (a: Assessment): ReadonlyArray<Indicator> =>
  indicators.filter((i) => a[i] === undefined)

/**
 * The question that answers an indicator.
 *
 * @category predicates
 * @since 0.1.0
 */
export const question = (indicator: Indicator): Question =>
  questions.find((x) => x.indicator === indicator) ?? questions[0]!

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Returns the assessment with `disciplines` filled in from a count when it is unanswered and
 * the count is ≥ 1 (at intake the count of the request's required disciplines is the default).
 *
 * @category combinators
 * @since 0.1.0
 */
export const withDefaultDisciplines =
  (count: number) =>
  (a: Assessment): Assessment =>
    a.disciplines === undefined && Number.isInteger(count) && count >= 1
      ? { ...a, disciplines: count }
      : a
