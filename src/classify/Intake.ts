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
import type {
  HistoryEntry,
  Member,
  MemberId,
  MemberJson,
  PeriodJson,
  Policy,
  ProblemJson,
  RequestJson,
  SlotJson,
  SlotMember,
} from '../staffing/Problem.js'
import {
  decodeApartAt,
  decodeHistoryAt,
  decodeMemberAt,
  decodePolicyAt as decodeStaffingPolicyAt,
  decodeSlotMemberAt,
} from '../staffing/internal/elements.js'
import { encodeHistory, encodeMember, encodePolicy, encodeSlotMember } from '../staffing/internal/encode.js'
import { type Ctx, newCtx } from '../staffing/internal/reading.js'
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
  rooted,
  sortedUnique,
  string,
  struct,
  uniqueArray,
  withDefault,
  type Decoder,
  fail,
  type Result,
} from './internal/classifyCodec.js'
import type { Period } from '../kernel/IsoDate.js'
import { type Issue, withIds } from '../kernel/Issue.js'
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
 * previous plan, `apart` pairs and the staffing policy), decoded for their shape and ranges. They
 * are copied into the problem; `decodeProblem` checks the ids they name.
 *
 * @category model
 * @since 0.1.0
 */
export interface Staffing {
  /** The problem's `history`. */
  readonly history?: ReadonlyArray<HistoryEntry>
  /** The problem's `pinned`. */
  readonly pinned?: ReadonlyArray<SlotMember>
  /** The problem's `previous`. */
  readonly previous?: ReadonlyArray<SlotMember>
  /** The problem's `apart` pairs (each pair in id order). */
  readonly apart?: ReadonlyArray<readonly [MemberId, MemberId]>
  /** The problem's `policy` (the staffing policy, not the classification policy), defaults filled. */
  readonly policy?: Policy
}

/**
 * The JSON form of {@link Staffing}: the same fields as in a staffing problem's JSON.
 *
 * @category codecs
 * @since 0.1.0
 */
export type StaffingJson = Pick<ProblemJson, 'history' | 'pinned' | 'previous' | 'apart' | 'policy'>

/**
 * Everything intake needs, decoded and normalised.
 *
 * @category model
 * @since 0.1.0
 */
export interface Intake {
  /** The requests, sorted by id. */
  readonly requests: ReadonlyArray<IntakeRequest>
  /** The pool, in the order given: each member decoded for its shape and ranges (`decodeProblem` checks the ids). */
  readonly pool: ReadonlyArray<Member>
  /** The role catalogue (default: {@link Catalogue.defaultCatalogue}). */
  readonly catalogue: Catalogue.Catalogue
  /** The rules, sorted by id (default: {@link Rules.defaultRules}). */
  readonly rules: ReadonlyArray<Rules.Rule>
  /** The classification policy (default: {@link Classification.defaultClassificationPolicy}). */
  readonly policy: Classification.ClassificationPolicy
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
  /** The staffing problem for the staffed requests, ready for `decodeProblem` (the format is in the
   * [scoring reference](../../docs/scoring.md#the-staffing-problem-json)). */
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
  readonly pool?: ReadonlyArray<MemberJson>
  /** A role catalogue (default: the built-in one). */
  readonly catalogue?: Catalogue.CatalogueJson
  /** Rules (default: the built-in ones). */
  readonly rules?: ReadonlyArray<Rules.Rule>
  /** Classification policy (default: {@link Classification.defaultClassificationPolicy}). */
  readonly policy?: Classification.ClassificationPolicyJson
  /** Extra parts of the staffing problem, copied into it. */
  readonly staffing?: StaffingJson
  /** Language of role names in the problem (default `en`). */
  readonly language?: Assessment.Language
}

const strings = (u: unknown, path: string): Result<ReadonlyArray<string>> =>
  E.map(sortedUnique)(array(nonEmptyString)(u, path))

/**
 * Decodes an intake request at a JSON path, collecting every issue.
 */
const decodeRequestAt = (u: unknown, path: string): E.Either<NonEmptyArray<Issue>, IntakeRequest> =>
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
        assessment: withDefault(rooted(Assessment.decode), Assessment.empty)(o, 'assessment', path),
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
export const encodeIntakeRequest = (r: IntakeRequest): IntakeRequestJson => ({
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
 * Decodes an untrusted intake request, collecting every issue with its path.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeIntakeRequest = (u: unknown): E.Either<NonEmptyArray<Issue>, IntakeRequest> =>
  decodeRequestAt(u, '')

/**
 * The io-ts codec of an intake request.
 *
 * @category codecs
 * @since 0.1.0
 */
export const IntakeRequestCodec: t.Type<IntakeRequest, IntakeRequestJson, unknown> = codec(
  'IntakeRequest',
  decodeRequestAt,
  encodeIntakeRequest,
)

/**
 * One element decoder of the staffing problem as a decoder of this kit: shape and ranges only
 * (no registries, so ids and references are left to `decodeProblem`).
 */
const element =
  <A>(decodeAt: (c: Ctx, base: string, u: unknown) => A | undefined, what: string): Decoder<A> =>
  (u, path) => {
    try {
      const c = newCtx(false)
      const a = decodeAt(c, path, u)
      const [first, ...rest] = c.issues
      return first !== undefined ? E.left([first, ...rest]) : a === undefined ? fail(path, 'type', `must be ${what}`) : E.right(a)
    } catch {
      return fail(path, 'type', 'the input could not be read (a getter or proxy threw)')
    }
  }

const decodeStaffing = (u: unknown, path: string): Result<Staffing> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.map((r: {
      history: O.Option<ReadonlyArray<HistoryEntry>>
      pinned: O.Option<ReadonlyArray<SlotMember>>
      previous: O.Option<ReadonlyArray<SlotMember>>
      apart: O.Option<ReadonlyArray<readonly [MemberId, MemberId]>>
      policy: O.Option<Policy>
    }): Staffing => {
      const out: { -readonly [K in keyof Staffing]: Staffing[K] } = {}
      if (O.isSome(r.history)) out.history = r.history.value
      if (O.isSome(r.pinned)) out.pinned = r.pinned.value
      if (O.isSome(r.previous)) out.previous = r.previous.value
      if (O.isSome(r.apart)) out.apart = r.apart.value
      if (O.isSome(r.policy)) out.policy = r.policy.value
      return out
    })(
      struct({
        history: optional(array(element(decodeHistoryAt, 'a history entry')))(o, 'history', path),
        pinned: optional(array(element(decodeSlotMemberAt, 'a pair { member, slot }')))(o, 'pinned', path),
        previous: optional(array(element(decodeSlotMemberAt, 'a pair { member, slot }')))(o, 'previous', path),
        apart: optional(array(element(decodeApartAt, 'a pair [member, member]')))(o, 'apart', path),
        policy: optional(element(decodeStaffingPolicyAt, 'a policy object'))(o, 'policy', path),
      }),
    ),
  )(object('staffing', ['history', 'pinned', 'previous', 'apart', 'policy'])(u, path))

const encodeStaffing = (x: Staffing): StaffingJson => ({
  ...(x.history === undefined ? {} : { history: x.history.map(encodeHistory) }),
  ...(x.pinned === undefined ? {} : { pinned: x.pinned.map(encodeSlotMember) }),
  ...(x.previous === undefined ? {} : { previous: x.previous.map(encodeSlotMember) }),
  ...(x.apart === undefined ? {} : { apart: x.apart.map(([a, b]): readonly [string, string] => [a, b]) }),
  ...(x.policy === undefined ? {} : { policy: encodePolicy(x.policy) }),
})

/**
 * Decodes an untrusted intake: requests (unique ids), pool, catalogue, rules (checked against
 * the catalogue), policy, staffing extras and language — every issue with its path, and with the
 * readable label of the ids along it (`pool[3] (m04).capacity`, see `Issue.withIds`).
 *
 * @category codecs
 * @since 0.1.0
 */
export const decode = (u: unknown): E.Either<NonEmptyArray<Issue>, Intake> =>
  E.mapLeft((issues: NonEmptyArray<Issue>) => withIds(u)(issues) as unknown as NonEmptyArray<Issue>)(decodeUnlabelled(u))

/** {@link decode} without the labels. */
const decodeUnlabelled = (u: unknown): E.Either<NonEmptyArray<Issue>, Intake> =>
  keyed((o: Readonly<Record<string, unknown>>) => {
    const catalogue = withDefault(rooted(Catalogue.decode), Catalogue.defaultCatalogue)(o, 'catalogue', '')
    // Rules are checked against the catalogue when it decoded; the default rules too (a
    // custom catalogue without their roles is an issue at `rules[i].role`).
    const given = Object.prototype.hasOwnProperty.call(o, 'rules') && o['rules'] !== undefined
    const rawRules: unknown = given ? o['rules'] : Rules.encode(Rules.defaultRules)
    const rules = E.isRight(catalogue)
      ? rooted(Rules.decodeFor(catalogue.right))(rawRules, 'rules')
      : rooted(Rules.decode)(rawRules, 'rules')
    return E.map(
      (r: {
        requests: ReadonlyArray<IntakeRequest>
        pool: ReadonlyArray<Member>
        catalogue: Catalogue.Catalogue
        rules: ReadonlyArray<Rules.Rule>
        policy: Classification.ClassificationPolicy
        staffing: Staffing
        language: Assessment.Language
      }): Intake => ({
        ...r,
        requests: [...r.requests].sort((a, b) => byString(a.id, b.id)),
      }),
    )(
      struct({
        requests: required(uniqueArray(decodeRequestAt, 'id', 'request id'))(o, 'requests', ''),
        pool: withDefault(array(element(decodeMemberAt, 'a member object')), [])(o, 'pool', ''),
        catalogue,
        rules,
        policy: withDefault(rooted(Classification.decodeClassificationPolicy), Classification.defaultClassificationPolicy)(o, 'policy', ''),
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
  requests: i.requests.map(encodeIntakeRequest),
  pool: i.pool.map(encodeMember),
  catalogue: Catalogue.encode(i.catalogue),
  rules: Rules.encode(i.rules),
  policy: Classification.encodeClassificationPolicy(i.policy),
  staffing: encodeStaffing(i.staffing),
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
    members: intake.pool.map(encodeMember),
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
    ...encodeStaffing(intake.staffing),
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
