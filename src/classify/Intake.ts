/**
 * Intake: the first half of the pipeline in one step (see
 * [the pipeline](../../docs/concepts.md#the-pipeline)). Requests with their assessments come in;
 * each is classified; standard requests are routed to standing teams, requests with open
 * questions are sent back, and the rest become the role slots of a staffing problem, ready for
 * `decodeProblem` and the solver. The [classification guide](../../docs/classification.md#intake)
 * shows the input and the result; the problem's format is in the
 * [scoring reference](../../docs/scoring.md#the-staffing-problem-json).
 *
 * @since 0.1.0
 * @module
 */
import type { PeriodJson, RequestJson, RoleJson, SlotJson } from '../staffing/Problem.js'
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as t from 'io-ts'
import * as Assessment from './Assessment.js'
import * as Catalogue from './Catalogue.js'
import * as Classification from './Classification.js'
import {
  array,
  byString,
  codec,
  integer,
  keyed,
  literal,
  nonEmptyString,
  object,
  optional,
  period,
  required,
  sortedUnique,
  string,
  struct,
  uniqueArray,
  withDefault,
  type Result,
} from './internal/classifyCodec.js'
import type { Period } from '../kernel/IsoDate.js'
import type { Issue } from '../kernel/Issue.js'
import * as Rules from './Rules.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A request as it arrives at the intake desk, with its assessment.
 *
 * @category model
 * @since 0.1.0
 */
export interface IntakeRequest {
  /** Unique id; the slot ids start with it. */
  readonly id: string
  /** Title (defaults to the id). */
  readonly title: string
  /** Priority, an integer 1..5 (default 1). */
  readonly priority: number
  /** The unit or region of the request, or `null` when any member may serve. */
  readonly unit: string | null
  /** The inclusive period in which the team would work. */
  readonly period: Period
  /** The disciplines the request needs, sorted and unique (one content slot each). */
  readonly disciplines: ReadonlyArray<string>
  /** Member ids who may not serve on it, sorted and unique. */
  readonly excluded: ReadonlyArray<string>
  /** The answers to the sense-making questions. */
  readonly assessment: Assessment.Assessment
}

/**
 * The extra parts of a staffing problem that intake does not produce itself (history, pins, the
 * previous plan, `apart` pairs and the staffing policy). They are copied into the problem as
 * given; `decodeProblem` checks them.
 *
 * @category model
 * @since 0.1.0
 */
export interface Staffing {
  /** The problem's `history`. */
  readonly history?: unknown
  /** The problem's `pinned`. */
  readonly pinned?: unknown
  /** The problem's `previous`. */
  readonly previous?: unknown
  /** The problem's `apart`. */
  readonly apart?: unknown
  /** The problem's `policy` (the staffing policy, not the classification policy). */
  readonly policy?: unknown
}

/**
 * Everything intake needs, decoded and normalised.
 *
 * @category model
 * @since 0.1.0
 */
export interface Intake {
  /** The requests, sorted by id. */
  readonly requests: ReadonlyArray<IntakeRequest>
  /** The pool: the problem's `members` JSON, passed through unchanged. */
  readonly pool: ReadonlyArray<unknown>
  /** The role catalogue (default: {@link Catalogue.defaultCatalogue}). */
  readonly catalogue: Catalogue.Catalogue
  /** The rules, sorted by id (default: {@link Rules.defaultRules}). */
  readonly rules: ReadonlyArray<Rules.Rule>
  /** The classification policy (default: {@link Classification.defaultPolicy}). */
  readonly policy: Classification.Policy
  /** Extra parts of the staffing problem, copied into it. */
  readonly staffing: Staffing
  /** The language of the role names in the problem (default `en`). */
  readonly language: Assessment.Language
}

/**
 * A request with its classification.
 *
 * @category model
 * @since 0.1.0
 */
export interface Routed {
  /** The request. */
  readonly request: IntakeRequest
  /** Its classification. */
  readonly classification: Classification.Classification
}

/**
 * A request for a pool team, with its classification and derived slots.
 *
 * @category model
 * @since 0.1.0
 */
export interface Staffed extends Routed {
  /** The role slots the rules derived, sorted by id. */
  readonly slots: ReadonlyArray<Rules.DerivedSlot>
}

/**
 * The staffing problem JSON that intake produces (the format is in the
 * [scoring reference](../../docs/scoring.md#the-staffing-problem-json)).
 *
 * @category model
 * @since 0.1.0
 */
export interface ProblemJson extends Staffing {
  /** The catalogue's roles. */
  readonly roles: ReadonlyArray<RoleJson>
  /** The pool, as given. */
  readonly members: ReadonlyArray<unknown>
  /** The requests that need a pool team and got at least one slot, sorted by id. */
  readonly requests: ReadonlyArray<RequestJson>
}

/**
 * The result of intake.
 *
 * @category model
 * @since 0.1.0
 */
export interface IntakeResult {
  /** Standard requests: routed to standing teams, no pool staffing. */
  readonly standard: ReadonlyArray<Routed>
  /** Requests with open questions: answer them first (see `classification.unanswered`). */
  readonly unclassified: ReadonlyArray<Routed>
  /** Requests for a pool team (specialist, exploratory, agile), with their slots. */
  readonly staffed: ReadonlyArray<Staffed>
  /** The staffing problem for the staffed requests, ready for `decodeProblem`. */
  readonly problem: ProblemJson
}

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * The JSON form of an intake request.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface IntakeRequestJson {
  /** Unique id. */
  readonly id: string
  /** Title (default: the id). */
  readonly title?: string
  /** Priority, integer 1..5 (default 1). */
  readonly priority?: number
  /** Unit (default: none). */
  readonly unit?: string | null
  /** Period (ISO dates). */
  readonly period: PeriodJson
  /** Required disciplines (default []). */
  readonly disciplines?: ReadonlyArray<string>
  /** Excluded member ids (default []). */
  readonly excluded?: ReadonlyArray<string>
  /** The assessment (default {}: every question open). */
  readonly assessment?: Assessment.AssessmentJson
}

/**
 * The JSON form of an intake.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface IntakeJson {
  /** The requests. */
  readonly requests: ReadonlyArray<IntakeRequestJson>
  /** The pool: the problem's `members` (default []). */
  readonly pool?: ReadonlyArray<unknown>
  /** A role catalogue (default: the built-in one). */
  readonly catalogue?: Catalogue.CatalogueJson
  /** Rules (default: the built-in ones). */
  readonly rules?: ReadonlyArray<Rules.Rule>
  /** Classification policy (default: {@link Classification.defaultPolicy}). */
  readonly policy?: Classification.PolicyJson
  /** Extra parts of the staffing problem, copied into it. */
  readonly staffing?: Staffing
  /** Language of role names in the problem (default `en`). */
  readonly language?: Assessment.Language
}

const strings = (u: unknown, path: string): Result<ReadonlyArray<string>> =>
  E.map(sortedUnique)(array(nonEmptyString)(u, path))

/**
 * Decodes an intake request at a JSON path, collecting every issue.
 *
 * @category codecs
 * @since 0.1.0
 * @internal
 */
export const decodeRequestAt = (u: unknown, path: string): E.Either<NonEmptyArray<Issue>, IntakeRequest> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.map(
      (r: {
        id: string
        title: O.Option<string>
        priority: number
        unit: O.Option<string>
        period: Period
        disciplines: ReadonlyArray<string>
        excluded: ReadonlyArray<string>
        assessment: Assessment.Assessment
      }): IntakeRequest => ({
        id: r.id,
        title: O.getOrElse(() => r.id)(r.title),
        priority: r.priority,
        unit: O.toNullable(r.unit),
        period: r.period,
        disciplines: r.disciplines,
        excluded: r.excluded,
        assessment: r.assessment,
      }),
    )(
      struct({
        id: required(nonEmptyString)(o, 'id', path),
        title: optional(string)(o, 'title', path),
        priority: withDefault(integer(1, 5), 1)(o, 'priority', path),
        unit: optional(nonEmptyString, true)(o, 'unit', path),
        period: required(period)(o, 'period', path),
        disciplines: withDefault(strings, [])(o, 'disciplines', path),
        excluded: withDefault(strings, [])(o, 'excluded', path),
        assessment: withDefault(Assessment.decodeAt, Assessment.empty)(o, 'assessment', path),
      }),
    ),
  )(
    object('request', [
      'id',
      'title',
      'priority',
      'unit',
      'period',
      'disciplines',
      'excluded',
      'assessment',
    ])(u, path),
  )

/**
 * Encodes an intake request as JSON (every field explicit; `unit` omitted when `null`).
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeRequest = (r: IntakeRequest): IntakeRequestJson => ({
  id: r.id,
  title: r.title,
  priority: r.priority,
  ...(r.unit === null ? {} : { unit: r.unit }),
  period: { from: r.period.from, to: r.period.to },
  disciplines: [...r.disciplines],
  excluded: [...r.excluded],
  assessment: Assessment.encode(r.assessment),
})

/**
 * The io-ts codec of an intake request.
 *
 * @category codecs
 * @since 0.1.0
 */
export const RequestCodec: t.Type<IntakeRequest, IntakeRequestJson, unknown> = codec(
  'IntakeRequest',
  decodeRequestAt,
  encodeRequest,
)

const decodeStaffing = (u: unknown, path: string): Result<Staffing> =>
  keyed((o: Readonly<Record<string, unknown>>) => {
    const out: Record<string, unknown> = {}
    for (const k of ['history', 'pinned', 'previous', 'apart', 'policy'])
      if (Object.prototype.hasOwnProperty.call(o, k) && o[k] !== undefined) out[k] = o[k]
    return E.right(out as Staffing)
  })(object('staffing', ['history', 'pinned', 'previous', 'apart', 'policy'])(u, path))

const anyArray = (u: unknown, path: string): Result<ReadonlyArray<unknown>> =>
  array((x: unknown) => E.right(x))(u, path)

/**
 * Decodes an untrusted intake: requests (unique ids), pool, catalogue, rules (checked against
 * the catalogue), policy, staffing extras and language — every issue with its path.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decode = (u: unknown): E.Either<NonEmptyArray<Issue>, Intake> =>
  keyed((o: Readonly<Record<string, unknown>>) => {
    const catalogue = withDefault(Catalogue.decodeAt, Catalogue.defaultCatalogue)(o, 'catalogue', '')
    // Rules are checked against the catalogue when it decoded; the default rules too (a
    // custom catalogue without their roles is an issue at `rules[i].role`).
    const given = Object.prototype.hasOwnProperty.call(o, 'rules') && o['rules'] !== undefined
    const rawRules: unknown = given ? o['rules'] : Rules.encode(Rules.defaultRules)
    const rules = E.isRight(catalogue)
      ? Rules.decodeForAt(catalogue.right, 'rules')(rawRules)
      : Rules.decodeAt(rawRules, 'rules')
    return E.map(
      (r: {
        requests: ReadonlyArray<IntakeRequest>
        pool: ReadonlyArray<unknown>
        catalogue: Catalogue.Catalogue
        rules: ReadonlyArray<Rules.Rule>
        policy: Classification.Policy
        staffing: Staffing
        language: Assessment.Language
      }): Intake => ({
        ...r,
        requests: [...r.requests].sort((a, b) => byString(a.id, b.id)),
      }),
    )(
      struct({
        requests: required(uniqueArray(decodeRequestAt, 'id', 'request id'))(o, 'requests', ''),
        pool: withDefault(anyArray, [])(o, 'pool', ''),
        catalogue,
        rules,
        policy: withDefault(Classification.decodePolicyAt, Classification.defaultPolicy)(o, 'policy', ''),
        staffing: withDefault(decodeStaffing, {})(o, 'staffing', ''),
        language: withDefault(literal(['nl', 'en'] as const), 'en')(o, 'language', ''),
      }),
    )
  })(object('intake', ['requests', 'pool', 'catalogue', 'rules', 'policy', 'staffing', 'language'])(u, ''))

/**
 * Encodes an intake as JSON (every part explicit).
 *
 * @category codecs
 * @since 0.1.0
 */
export const encode = (i: Intake): IntakeJson => ({
  requests: i.requests.map(encodeRequest),
  pool: i.pool,
  catalogue: Catalogue.encode(i.catalogue),
  rules: Rules.encode(i.rules),
  policy: Classification.encodePolicy(i.policy),
  staffing: { ...i.staffing },
  language: i.language,
})

/**
 * The io-ts codec of an intake.
 *
 * @category codecs
 * @since 0.1.0
 */
export const IntakeCodec: t.Type<Intake, IntakeJson, unknown> = codec('Intake', (u) => decode(u), encode)

// -------------------------------------------------------------------------------------
// predicates / queries
// -------------------------------------------------------------------------------------

/**
 * The assessment intake classifies: the request's own, with `disciplines` defaulting to the
 * number of required disciplines when it is unanswered.
 *
 * @category predicates
 * @since 0.1.0
 */
export const assessmentOf = (r: IntakeRequest): Assessment.Assessment =>
  Assessment.withDefaultDisciplines(r.disciplines.length)(r.assessment)

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Classifies and routes a decoded intake: total and deterministic (requests in id order).
 *
 * @category combinators
 * @since 0.1.0
 */
export const route = (intake: Intake): IntakeResult => {
  const classify = Classification.classify(intake.policy)
  const derive = Rules.deriveSlots(intake.catalogue, intake.rules)
  const standard: Array<Routed> = []
  const unclassified: Array<Routed> = []
  const staffed: Array<Staffed> = []
  const requests = [...intake.requests].sort((a, b) => byString(a.id, b.id))
  for (const request of requests) {
    const classification = classify(assessmentOf(request))
    if (classification.mode === 'standard') standard.push({ request, classification })
    else if (classification.mode === 'unclassified') unclassified.push({ request, classification })
    else staffed.push({ request, classification, slots: derive(request, classification) })
  }
  const problem: ProblemJson = {
    roles: Catalogue.toProblemRoles(intake.catalogue, intake.language),
    members: intake.pool,
    requests: staffed
      .filter((s) => s.slots.length > 0)
      .map(
        ({ request: r, slots }): RequestJson => ({
          id: r.id,
          title: r.title,
          priority: r.priority,
          ...(r.unit === null ? {} : { unit: r.unit }),
          period: { from: r.period.from, to: r.period.to },
          excluded: r.excluded,
          slots: slots.map(
            (s): SlotJson =>
              s.discipline === null
                ? { id: s.id, role: s.role, hours: s.hours }
                : { id: s.id, role: s.role, hours: s.hours, discipline: s.discipline },
          ),
        }),
      ),
    ...intake.staffing,
  }
  return { standard, unclassified, staffed, problem }
}

/**
 * Runs intake on an {@link IntakeJson} — typed, or parsed from JSON text and still unchecked:
 * {@link decode}, then {@link route}.
 *
 * From `examples/classify.ts`:
 *
 * {@includeCode ../../examples/classify.ts#intake}
 *
 * @category combinators
 * @since 0.1.0
 */
export const run = (input: unknown): E.Either<NonEmptyArray<Issue>, IntakeResult> =>
  E.map(route)(decode(input))
