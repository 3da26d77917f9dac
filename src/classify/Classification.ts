/**
 * Classification: places an {@link Assessment.Assessment} on the predictability and complexity
 * axes and names the work mode and the response pattern that fit it (the
 * [classification guide](../../docs/classification.md#scores-and-modes) has the details).
 *
 * ```
 *                       complexity < threshold     complexity ≥ threshold
 * predictability ≥ t    standard (standing team)   specialist (expert-led)
 * predictability < t    exploratory (probe)        agile (multidisciplinary pool team)
 * ```
 *
 * The classification is a sense-making aid, not a verdict: it carries the evidence (each
 * indicator's contribution), flags `borderline` cases with the alternative mode so that a person
 * decides, and never guesses — an assessment with open questions is `unclassified`.
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as t from 'io-ts'
import * as Assessment from './Assessment.js'
import {
  check,
  codec,
  number,
  keyed,
  object,
  optional,
  struct,
  type Result,
} from './internal/classifyCodec.js'
import { issue, type Issue } from '../kernel/Issue.js'
import { deepFreeze } from '../kernel/internal/freeze.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The way of working that fits a request, or `unclassified` when questions are open.
 *
 * @category model
 * @since 0.1.0
 */
export type WorkMode = 'standard' | 'specialist' | 'exploratory' | 'agile' | 'unclassified'

/**
 * A work mode that a complete assessment can get (every mode but `unclassified`).
 *
 * @category model
 * @since 0.1.0
 */
export type ClassifiedMode = Exclude<WorkMode, 'unclassified'>

/**
 * All work modes, in their fixed order.
 *
 * @category model
 * @since 0.1.0
 */
export const modes: ReadonlyArray<WorkMode> = deepFreeze([
  'standard',
  'specialist',
  'exploratory',
  'agile',
  'unclassified',
])

/**
 * The classification policy: indicator weights (≥ 0, at least one positive per axis), the
 * threshold per axis (a score ≥ the threshold is "high") and the borderline margin.
 *
 * @category model
 * @since 0.1.0
 */
export interface ClassificationPolicy {
  /** Weight per axis indicator (default 1 each). */
  readonly weights: Readonly<Record<Assessment.AxisIndicator, number>>
  /** Threshold per axis, in [0, 1] (default 0.5 each). */
  readonly thresholds: Readonly<Record<Assessment.Axis, number>>
  /** Borderline margin, in [0, 1] (default 0.1): a score closer than this to its threshold is borderline. */
  readonly margin: number
}

/**
 * One indicator's share of its axis score: `contribution = weight · level / (4 · Σ weights of the axis)`,
 * so the contributions of an axis add up to its score.
 *
 * @category model
 * @since 0.1.0
 */
export interface Evidence {
  /** The indicator. */
  readonly indicator: Assessment.AxisIndicator
  /** Its axis. */
  readonly axis: Assessment.Axis
  /** The raw answer (for `disciplines`, the count). */
  readonly answer: number
  /** The level 0..4 of the answer. */
  readonly level: Assessment.Level
  /** The policy weight of the indicator. */
  readonly weight: number
  /** Its contribution to the axis score, in [0, 1]. */
  readonly contribution: number
}

/**
 * Why a classification is borderline: the axes whose score lies within the margin of the
 * threshold, and the mode(s) the request would get if those axes fell the other way.
 *
 * @category model
 * @since 0.1.0
 */
export interface Borderline {
  /** The axes within the margin, in the order predictability, complexity. */
  readonly axes: ReadonlyArray<Assessment.Axis>
  /** The mode with every borderline axis flipped. */
  readonly alternative: ClassifiedMode
  /** Every mode reachable by flipping a non-empty subset of the borderline axes (predictability, complexity, both). */
  readonly alternatives: ReadonlyArray<ClassifiedMode>
}

/**
 * The response pattern that fits a mode, with its name and a short description in nl and en.
 *
 * @category model
 * @since 0.1.0
 */
export interface ResponsePattern {
  /** Stable id: `standing-team`, `expert-led`, `safe-to-fail-probe`, `pool-team` or `sense-making`. */
  readonly id: 'standing-team' | 'expert-led' | 'safe-to-fail-probe' | 'pool-team' | 'sense-making'
  /** Short name. */
  readonly name: Assessment.Text
  /** What to do. */
  readonly description: Assessment.Text
}

/**
 * A request's classification when every question is answered: its mode, both axis scores and
 * the evidence behind them.
 *
 * @category model
 * @since 0.1.0
 */
export interface Classified {
  /** The work mode. */
  readonly mode: ClassifiedMode
  /** The predictability score in [0, 1]. */
  readonly predictability: number
  /** The complexity score in [0, 1]. */
  readonly complexity: number
  /** Each axis indicator's contribution, in the fixed indicator order. */
  readonly evidence: ReadonlyArray<Evidence>
  /** Set when a score lies within the margin of its threshold; `null` otherwise. */
  readonly borderline: Borderline | null
  /** The response pattern for the mode. */
  readonly response: ResponsePattern
  /** No open questions. */
  readonly unanswered: readonly []
  /** The assessment that was classified. */
  readonly assessment: Assessment.Assessment
}

/**
 * A request's classification while questions are open: no scores, no evidence, and the
 * questions to answer first.
 *
 * @category model
 * @since 0.1.0
 */
export interface Unclassified {
  /** Always `unclassified`. */
  readonly mode: 'unclassified'
  /** No score while questions are open. */
  readonly predictability: null
  /** No score while questions are open. */
  readonly complexity: null
  /** No evidence while questions are open. */
  readonly evidence: readonly []
  /** Never borderline. */
  readonly borderline: null
  /** The sense-making response. */
  readonly response: ResponsePattern
  /** The open questions, in the fixed indicator order. */
  readonly unanswered: ReadonlyArray<Assessment.Question>
  /** The assessment that was classified. */
  readonly assessment: Assessment.Assessment
}

/**
 * The result of {@link classify}: {@link Classified} or {@link Unclassified}, told apart by
 * `mode` — once `mode !== 'unclassified'` is checked, the scores are numbers and the evidence is
 * there, with no null checks.
 *
 * @category model
 * @since 0.1.0
 */
export type Classification = Classified | Unclassified

/**
 * The response pattern of each mode.
 *
 * @category model
 * @since 0.1.0
 */
export const responses: Readonly<Record<WorkMode, ResponsePattern>> = deepFreeze({
  standard: {
    id: 'standing-team',
    name: { nl: 'Staande organisatie', en: 'Standing team' },
    description: {
      nl: 'Fabrieksmatig werk: het vaste team handelt het af volgens de procedure; geen bezetting uit de pool.',
      en: 'Standard work: the standing team handles it by the procedure; no pool staffing.',
    },
  },
  specialist: {
    id: 'expert-led',
    name: { nl: 'Expertgestuurd', en: 'Expert-led' },
    description: {
      nl: 'De aanpak is kenbaar maar vraagt kennis van meerdere kanten: laat deskundigen analyseren en leiden.',
      en: 'The approach is knowable but needs expertise from several sides: let experts analyse and lead.',
    },
  },
  exploratory: {
    id: 'safe-to-fail-probe',
    name: { nl: 'Veilig-om-te-falen verkenning', en: 'Safe-to-fail probe' },
    description: {
      nl: 'Klein en kort: probeer iets, kijk wat werkt en stuur bij voordat je opschaalt.',
      en: 'Small and short: try something, see what works and adjust before scaling up.',
    },
  },
  agile: {
    id: 'pool-team',
    name: { nl: 'Multidisciplinair poolteam', en: 'Multidisciplinary pool team' },
    description: {
      nl: 'Stel een tijdelijk team uit de pool samen rond rollen; werk in korte cycli met de vrager.',
      en: 'Build a temporary team from the pool around roles; work in short cycles with the requester.',
    },
  },
  unclassified: {
    id: 'sense-making',
    name: { nl: 'Eerst duiden', en: 'Sense-making first' },
    description: {
      nl: 'Beantwoord eerst de open vragen; er wordt geen werkwijze geraden.',
      en: 'Answer the open questions first; no way of working is guessed.',
    },
  },
})

/**
 * The tolerance used when comparing scores with thresholds and margins, so that float
 * rounding (`0.6 − 0.5 = 0.09999999999999998`) never decides a case.
 *
 * @category model
 * @since 0.1.0
 * @internal
 */
export const EPSILON = 1e-9

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * The JSON form of a policy; every field (and every weight) may be absent and then defaults.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface ClassificationPolicyJson {
  /** Weights per axis indicator. */
  readonly weights?: Partial<Readonly<Record<Assessment.AxisIndicator, number>>>
  /** Thresholds per axis. */
  readonly thresholds?: Partial<Readonly<Record<Assessment.Axis, number>>>
  /** Borderline margin. */
  readonly margin?: number
}

/**
 * The default classification policy: every weight 1, both thresholds 0.5, margin 0.1 (see
 * [the policy](../../docs/classification.md#the-policy) in the classification guide).
 *
 * @category constructors
 * @since 0.1.0
 */
export const defaultClassificationPolicy: ClassificationPolicy = deepFreeze({
  weights: {
    precedent: 1,
    procedure: 1,
    outcomeClarity: 1,
    stability: 1,
    disciplines: 1,
    stakeholders: 1,
    politicalSensitivity: 1,
    interdependence: 1,
  },
  thresholds: { predictability: 0.5, complexity: 0.5 },
  margin: 0.1,
})

/**
 * The former name of {@link defaultClassificationPolicy}: `Problem.defaultPolicy` is the
 * staffing policy, so the classification's default now has a name of its own.
 *
 * @deprecated Use {@link defaultClassificationPolicy}.
 * @alias
 * @category constructors
 * @since 0.1.0
 */
export const defaultPolicy: ClassificationPolicy = defaultClassificationPolicy

const axisIndicators: ReadonlyArray<Assessment.AxisIndicator> = [
  ...Assessment.predictabilityIndicators,
  ...Assessment.complexityIndicators,
]
const axes: ReadonlyArray<Assessment.Axis> = ['predictability', 'complexity']

const unit = number('a number in [0, 1]', (n) => n >= 0 && n <= 1)
const weight = number('a number ≥ 0', (n) => n >= 0)

const decodeWeights = (u: unknown, path: string): Result<ClassificationPolicy['weights']> =>
  keyed((o: Readonly<Record<string, unknown>>) => {
    const issues: Array<Issue> = []
    const out: Record<string, number> = { ...defaultClassificationPolicy.weights }
    for (const i of axisIndicators) {
      const r = optional(weight)(o, i, path)
      if (E.isLeft(r)) issues.push(...r.left)
      else if (O.isSome(r.right)) out[i] = r.right.value
    }
    if (issues.length === 0)
      for (const axis of axes) {
        const on = axisIndicators.filter((i) => Assessment.axisOf(i) === axis)
        if (on.every((i) => out[i] === 0))
          issues.push(
            issue(path, 'range', `at least one ${axis} indicator needs a positive weight`),
          )
      }
    return check(issues, out as unknown as ClassificationPolicy['weights'])
  })(object('weights', axisIndicators)(u, path))

const decodeThresholds = (u: unknown, path: string): Result<ClassificationPolicy['thresholds']> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.map(
      (r: { predictability: O.Option<number>; complexity: O.Option<number> }) => ({
        predictability: O.getOrElse(() => defaultClassificationPolicy.thresholds.predictability)(r.predictability),
        complexity: O.getOrElse(() => defaultClassificationPolicy.thresholds.complexity)(r.complexity),
      }),
    )(
      struct({
        predictability: optional(unit)(o, 'predictability', path),
        complexity: optional(unit)(o, 'complexity', path),
      }),
    ),
  )(object('thresholds', axes)(u, path))

/**
 * Decodes a policy at a JSON path, filling in every default; collects every issue.
 */
const decodePolicyAt = (u: unknown, path: string): E.Either<NonEmptyArray<Issue>, ClassificationPolicy> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.map(
      (r: {
        weights: O.Option<ClassificationPolicy['weights']>
        thresholds: O.Option<ClassificationPolicy['thresholds']>
        margin: O.Option<number>
      }): ClassificationPolicy => ({
        weights: O.getOrElse(() => defaultClassificationPolicy.weights)(r.weights),
        thresholds: O.getOrElse(() => defaultClassificationPolicy.thresholds)(r.thresholds),
        margin: O.getOrElse(() => defaultClassificationPolicy.margin)(r.margin),
      }),
    )(
      struct({
        weights: optional(decodeWeights)(o, 'weights', path),
        thresholds: optional(decodeThresholds)(o, 'thresholds', path),
        margin: optional(unit)(o, 'margin', path),
      }),
    ),
  )(object('policy', ['weights', 'thresholds', 'margin'])(u, path))

/**
 * Decodes an untrusted classification policy, filling in the defaults of
 * {@link defaultClassificationPolicy}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeClassificationPolicy = (u: unknown): E.Either<NonEmptyArray<Issue>, ClassificationPolicy> =>
  decodePolicyAt(u, '')

/**
 * Encodes a policy as JSON, every field explicit.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeClassificationPolicy = (p: ClassificationPolicy): ClassificationPolicyJson => {
  const weights: Record<string, number> = {}
  for (const i of axisIndicators) weights[i] = p.weights[i]
  return {
    weights,
    thresholds: { predictability: p.thresholds.predictability, complexity: p.thresholds.complexity },
    margin: p.margin,
  }
}

/**
 * The io-ts codec of a classification policy.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ClassificationPolicyCodec: t.Type<ClassificationPolicy, ClassificationPolicyJson, unknown> = codec(
  'ClassificationPolicy',
  decodePolicyAt,
  encodeClassificationPolicy,
)

// -------------------------------------------------------------------------------------
// predicates / queries
// -------------------------------------------------------------------------------------

/**
 * The mode of a pair of axis outcomes ("high" = score ≥ threshold).
 *
 * @category predicates
 * @since 0.1.0
 */
export const modeOf = (predictabilityHigh: boolean, complexityHigh: boolean): ClassifiedMode =>
  predictabilityHigh
    ? complexityHigh
      ? 'specialist'
      : 'standard'
    : complexityHigh
      ? 'agile'
      : 'exploratory'

/**
 * Whether a score counts as high: `score ≥ threshold` (within 1e-9, so float rounding never flips a mode).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isHigh = (score: number, threshold: number): boolean => score >= threshold - EPSILON

/**
 * Whether a score is borderline: strictly closer than `margin` to the threshold,
 * `|score − threshold| < margin` (within 1e-9, so a distance of exactly the
 * margin is *not* borderline, and a margin of 0 disables borderline cases).
 *
 * @category predicates
 * @since 0.1.0
 */
export const isBorderline = (score: number, threshold: number, margin: number): boolean =>
  Math.abs(score - threshold) < margin - EPSILON

/**
 * The score of one axis: the weighted mean of its indicators' levels divided by 4, in [0, 1];
 * `none` when an indicator of the axis is unanswered.
 *
 * @category predicates
 * @since 0.1.0
 */
export const axisScore =
  (policy: ClassificationPolicy, axis: Assessment.Axis) =>
  (assessment: Assessment.Assessment): O.Option<number> => {
    const on = axisIndicators.filter((i) => Assessment.axisOf(i) === axis)
    let num = 0
    let den = 0
    for (const i of on) {
      const l = Assessment.indicatorLevel(i)(assessment)
      if (O.isNone(l)) return O.none
      num += policy.weights[i] * l.value
      den += policy.weights[i]
    }
    return den > 0 ? O.some(clamp(num / (4 * den))) : O.none
  }

const clamp = (x: number): number => Math.min(1, Math.max(0, x))

/**
 * Whether a classification leads to a pool team (every mode except `standard` and `unclassified`).
 *
 * @category predicates
 * @since 0.1.0
 */
export const needsPool = (c: Classification): boolean =>
  c.mode !== 'standard' && c.mode !== 'unclassified'

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Classifies an assessment under a policy (see
 * [scores and modes](../../docs/classification.md#scores-and-modes)).
 *
 * Every question — the eight axis indicators and `budgetImpact` — must be answered; otherwise
 * the mode is `unclassified` and `unanswered` lists the open questions. Otherwise each axis
 * score is `Σ wᵢ·levelᵢ / (4·Σ wᵢ)`, the mode follows the table above, and the classification
 * is borderline when a score is strictly closer than the margin to its threshold. (A policy
 * without a positive weight on an axis — which {@link decodeClassificationPolicy} refuses — leaves that axis
 * without a score, and the result is `unclassified` with no open questions.)
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#classify}
 *
 * @category combinators
 * @since 0.1.0
 */
export const classify =
  (policy: ClassificationPolicy) =>
  (assessment: Assessment.Assessment): Classification => {
    const open = Assessment.unanswered(assessment)
    const p = axisScore(policy, 'predictability')(assessment)
    const c = axisScore(policy, 'complexity')(assessment)
    if (open.length > 0 || O.isNone(p) || O.isNone(c))
      return {
        mode: 'unclassified',
        predictability: null,
        complexity: null,
        evidence: [],
        borderline: null,
        response: responses.unclassified,
        unanswered: open.map(Assessment.question),
        assessment,
      }
    const evidence = axisIndicators.map((indicator): Evidence => {
      const axis = Assessment.axisOf(indicator) ?? 'predictability'
      const on = axisIndicators.filter((i) => Assessment.axisOf(i) === axis)
      const den = on.reduce((s, i) => s + policy.weights[i], 0)
      const answer = assessment[indicator] ?? 0
      const lvl = Assessment.toLevel(indicator, answer)
      const w = policy.weights[indicator]
      return { indicator, axis, answer, level: lvl, weight: w, contribution: clamp((w * lvl) / (4 * den)) }
    })
    const pHigh = isHigh(p.value, policy.thresholds.predictability)
    const cHigh = isHigh(c.value, policy.thresholds.complexity)
    const mode = modeOf(pHigh, cHigh)
    const pEdge = isBorderline(p.value, policy.thresholds.predictability, policy.margin)
    const cEdge = isBorderline(c.value, policy.thresholds.complexity, policy.margin)
    const borderline: Borderline | null =
      !pEdge && !cEdge
        ? null
        : {
            axes: [...(pEdge ? ['predictability' as const] : []), ...(cEdge ? ['complexity' as const] : [])],
            alternative: modeOf(pEdge ? !pHigh : pHigh, cEdge ? !cHigh : cHigh),
            alternatives: [
              ...(pEdge ? [modeOf(!pHigh, cHigh)] : []),
              ...(cEdge ? [modeOf(pHigh, !cHigh)] : []),
              ...(pEdge && cEdge ? [modeOf(!pHigh, !cHigh)] : []),
            ],
          }
    return {
      mode,
      predictability: p.value,
      complexity: c.value,
      evidence,
      borderline,
      response: responses[mode],
      unanswered: [],
      assessment,
    }
  }

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * A one-line summary of a classification in a language, e.g.
 * `agile (predictability 0.31, complexity 0.81) — Multidisciplinary pool team`, with the
 * borderline alternative or the open questions when there are any.
 *
 * @category utilities
 * @since 0.1.0
 */
export const summary =
  (language: Assessment.Language = 'en') =>
  (c: Classification): string => {
    if (c.mode === 'unclassified')
      return `unclassified — ${c.response.name[language]}: ${c.unanswered
        .map((x) => x.indicator)
        .join(', ')}`
    const head = `${c.mode} (predictability ${c.predictability.toFixed(2)}, complexity ${c.complexity.toFixed(
      2,
    )}) — ${c.response.name[language]}`
    return c.borderline === null
      ? head
      : `${head}; borderline on ${c.borderline.axes.join(' and ')}, alternative ${c.borderline.alternative}`
  }

