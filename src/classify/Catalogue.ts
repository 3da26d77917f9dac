/**
 * The role catalogue: the building blocks a temporary team is made of (see
 * [the five roles](../../docs/concepts.md#the-five-roles) in the concepts guide and
 * [roles](../../docs/classification.md#roles-the-catalogue) in the classification guide).
 *
 * A role answers one of the questions asked up front — who directs? who budgets? who aligns
 * with the council? who delivers the subject-matter content? who builds the network? — and
 * carries its quality requirements and the hours per week it takes in each work mode. The
 * {@link defaultCatalogue} holds the five roles of the concept with Dutch and English labels;
 * apps can supply their own through {@link decode}.
 *
 * @since 0.1.0
 * @module
 */
import type { RoleJson } from '../staffing/Problem.js'
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as t from 'io-ts'
import type { Language, Text } from './Assessment.js'
import type { ClassifiedMode } from './Classification.js'
import {
  byString,
  codec,
  integer,
  nonEmptyString,
  number,
  keyed,
  object,
  required,
  struct,
  uniqueArray,
  withDefault,
  type Result,
} from './internal/classifyCodec.js'
import type { Issue } from '../kernel/Issue.js'
import type { QualityLevel } from '../staffing/Problem.js'
import { deepFreeze } from '../kernel/internal/freeze.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The modes that staff a team from the pool, each with its own hours per role.
 *
 * @category model
 * @since 0.1.0
 */
export type PoolMode = Exclude<ClassifiedMode, 'standard'>

/**
 * The pool modes, in their fixed order.
 *
 * @category model
 * @since 0.1.0
 */
export const poolModes: ReadonlyArray<PoolMode> = deepFreeze(['specialist', 'exploratory', 'agile'])

/**
 * A quality requirement of a role: members need `level ≥ min`; `weight` is its share of the
 * fit term (see the [scoring reference](../../docs/scoring.md#the-score)).
 *
 * @category model
 * @since 0.1.0
 */
export interface Requirement {
  /** Quality name (open vocabulary, e.g. `leadership`). */
  readonly quality: string
  /** Minimum level 0..5. */
  readonly min: QualityLevel
  /** Relative weight, > 0. */
  readonly weight: number
}

/**
 * A role of the catalogue.
 *
 * @category model
 * @since 0.1.0
 */
export interface CatalogueRole {
  /** Unique id, used as the role id of the staffing problem and in slot ids. */
  readonly id: string
  /** Name, in nl and en. */
  readonly name: Text
  /** The question the role answers, in nl and en. */
  readonly question: Text
  /** Quality requirements, sorted by quality name, unique. */
  readonly qualities: ReadonlyArray<Requirement>
  /** Hours per week per pool mode (each > 0). */
  readonly hours: Readonly<Record<PoolMode, number>>
}

/**
 * A role catalogue: roles sorted by id, ids unique.
 *
 * @category model
 * @since 0.1.0
 */
export interface Catalogue {
  /** The roles, sorted by id. */
  readonly roles: ReadonlyArray<CatalogueRole>
}

/**
 * A quality requirement in JSON form, as in a staffing problem's role qualities: `min`
 * defaults to 0, `weight` to 1.
 *
 * @category model
 * @since 0.1.0
 */
export interface RequirementJson {
  /** Quality name. */
  readonly quality: string
  /** Minimum level 0..5 (default 0). */
  readonly min?: number
  /** Relative weight > 0 (default 1). */
  readonly weight?: number
}

/**
 * A catalogue role in JSON form.
 *
 * @category model
 * @since 0.1.0
 */
export interface CatalogueRoleJson {
  /** Unique id. */
  readonly id: string
  /** Name, in nl and en. */
  readonly name: Text
  /** The question the role answers, in nl and en. */
  readonly question: Text
  /** Quality requirements (default []). */
  readonly qualities?: ReadonlyArray<RequirementJson>
  /** Hours per week per pool mode, each > 0. */
  readonly hours: Readonly<Record<PoolMode, number>>
}

/**
 * The five default roles of the concept (regie, begroten, afstemmen met de politiek,
 * (vak)inhoud leveren, netwerk bouwen; see [the five roles](../../docs/concepts.md#the-five-roles)).
 *
 * Hours per week per mode: an `exploratory` probe is small and short, `specialist` work leans
 * on content expertise, an `agile` pool team is the heaviest. The `content` role carries no
 * discipline itself: the rules set one per content slot, from the request's disciplines.
 *
 * @category constructors
 * @since 0.1.0
 */
export const defaultCatalogue: Catalogue = deepFreeze({
  roles: [
    {
      id: 'budget',
      name: { nl: 'Begroten', en: 'Budgeting' },
      question: { nl: 'Wie begroot?', en: 'Who budgets?' },
      qualities: [
        { quality: 'analysis', min: 2, weight: 1 },
        { quality: 'financial-acumen', min: 3, weight: 2 },
      ],
      hours: { specialist: 4, exploratory: 2, agile: 6 },
    },
    {
      id: 'content',
      name: { nl: '(Vak)inhoud leveren', en: 'Content expertise' },
      question: { nl: 'Wie levert de (vak)inhoud?', en: 'Who delivers the subject-matter content?' },
      qualities: [
        { quality: 'analysis', min: 2, weight: 1 },
        { quality: 'expertise', min: 3, weight: 2 },
      ],
      hours: { specialist: 16, exploratory: 8, agile: 20 },
    },
    {
      id: 'direction',
      name: { nl: 'Regie', en: 'Direction' },
      question: { nl: 'Wie voert de regie?', en: 'Who directs?' },
      qualities: [
        { quality: 'collaboration', min: 2, weight: 1 },
        { quality: 'leadership', min: 3, weight: 2 },
      ],
      hours: { specialist: 4, exploratory: 4, agile: 8 },
    },
    {
      id: 'network',
      name: { nl: 'Netwerk bouwen', en: 'Network building' },
      question: { nl: 'Wie bouwt het netwerk dat nodig is?', en: 'Who builds the network that is needed?' },
      qualities: [
        { quality: 'communication', min: 2, weight: 1 },
        { quality: 'networking', min: 3, weight: 2 },
      ],
      hours: { specialist: 4, exploratory: 4, agile: 8 },
    },
    {
      id: 'politics',
      name: { nl: 'Afstemmen met de politiek', en: 'Political alignment' },
      question: {
        nl: 'Wie stemt af met de politiek?',
        en: 'Who aligns with the council and politics?',
      },
      qualities: [
        { quality: 'communication', min: 2, weight: 1 },
        { quality: 'political-sensitivity', min: 3, weight: 2 },
      ],
      hours: { specialist: 4, exploratory: 2, agile: 6 },
    },
  ],
})

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * The JSON form of a catalogue. `min` defaults to 0 and `weight` to 1, as in a staffing
 * problem's role qualities.
 *
 * @category codecs
 * @since 0.1.0
 */
export interface CatalogueJson {
  /** The roles. */
  readonly roles: ReadonlyArray<CatalogueRoleJson>
}

const decodeText = (u: unknown, path: string): Result<Text> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    struct({ nl: required(nonEmptyString)(o, 'nl', path), en: required(nonEmptyString)(o, 'en', path) }),
  )(object('text (nl, en)', ['nl', 'en'])(u, path))

const positive = number('a number > 0', (n) => n > 0)

const decodeRequirement = (u: unknown, path: string): Result<Requirement> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.map(
      (r: { quality: string; min: number; weight: number }): Requirement => ({
        quality: r.quality,
        min: r.min as QualityLevel,
        weight: r.weight,
      }),
    )(
      struct({
        quality: required(nonEmptyString)(o, 'quality', path),
        min: withDefault(integer(0, 5), 0)(o, 'min', path),
        weight: withDefault(positive, 1)(o, 'weight', path),
      }),
    ),
  )(object('quality requirement', ['quality', 'min', 'weight'])(u, path))

const decodeRequirements = (u: unknown, path: string): Result<ReadonlyArray<Requirement>> =>
  E.map((rs: ReadonlyArray<Requirement>) => [...rs].sort((a, b) => byString(a.quality, b.quality)))(
    uniqueArray(decodeRequirement, 'quality', 'quality')(u, path),
  )

const decodeHours = (u: unknown, path: string): Result<Readonly<Record<PoolMode, number>>> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    struct({
      specialist: required(positive)(o, 'specialist', path),
      exploratory: required(positive)(o, 'exploratory', path),
      agile: required(positive)(o, 'agile', path),
    }),
  )(object('hours per mode', poolModes)(u, path))

const decodeRole = (u: unknown, path: string): Result<CatalogueRole> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    struct({
      id: required(nonEmptyString)(o, 'id', path),
      name: required(decodeText)(o, 'name', path),
      question: required(decodeText)(o, 'question', path),
      qualities: withDefault(decodeRequirements, [])(o, 'qualities', path),
      hours: required(decodeHours)(o, 'hours', path),
    }),
  )(object('role', ['id', 'name', 'question', 'qualities', 'hours'])(u, path))

/**
 * Decodes a catalogue at a JSON path: shape, ranges, unique role ids and unique qualities per
 * role; roles come out sorted by id.
 */
const decodeAt = (u: unknown, path: string): E.Either<NonEmptyArray<Issue>, Catalogue> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.map((roles: ReadonlyArray<CatalogueRole>): Catalogue => ({
      roles: [...roles].sort((a, b) => byString(a.id, b.id)),
    }))(required(uniqueArray(decodeRole, 'id', 'role id'))(o, 'roles', path)),
  )(object('catalogue', ['roles'])(u, path))

/**
 * Decodes an untrusted catalogue, returning every issue with its path.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decode = (u: unknown): E.Either<NonEmptyArray<Issue>, Catalogue> => decodeAt(u, '')

/**
 * Encodes a catalogue as JSON (every field explicit).
 *
 * @category codecs
 * @since 0.1.0
 */
export const encode = (c: Catalogue): CatalogueJson => ({
  roles: c.roles.map((r) => ({
    id: r.id,
    name: { nl: r.name.nl, en: r.name.en },
    question: { nl: r.question.nl, en: r.question.en },
    qualities: r.qualities.map((q) => ({ quality: q.quality, min: q.min, weight: q.weight })),
    hours: { specialist: r.hours.specialist, exploratory: r.hours.exploratory, agile: r.hours.agile },
  })),
})

/**
 * The io-ts codec of a catalogue.
 *
 * @category codecs
 * @since 0.1.0
 */
export const CatalogueCodec: t.Type<Catalogue, CatalogueJson, unknown> = codec(
  'Catalogue',
  decodeAt,
  encode,
)

// -------------------------------------------------------------------------------------
// predicates / queries
// -------------------------------------------------------------------------------------

/**
 * The role with an id, if the catalogue has it.
 *
 * @category predicates
 * @since 0.1.0
 */
export const role =
  (id: string) =>
  (c: Catalogue): O.Option<CatalogueRole> =>
    O.fromNullable(c.roles.find((r) => r.id === id))

/**
 * The ids of the catalogue's roles, sorted.
 *
 * @category predicates
 * @since 0.1.0
 */
export const roleIds = (c: Catalogue): ReadonlyArray<string> => c.roles.map((r) => r.id)

/**
 * The hours per week a role takes in a mode: `none` for `standard` and `unclassified`
 * (no pool staffing).
 *
 * @category predicates
 * @since 0.1.0
 */
export const hoursFor =
  (mode: ClassifiedMode | 'unclassified') =>
  (r: CatalogueRole): O.Option<number> =>
    mode === 'standard' || mode === 'unclassified' ? O.none : O.some(r.hours[mode])

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/**
 * The catalogue's roles as the `roles` array of a staffing problem (id, name in the chosen
 * language, qualities), ready for `decodeProblem`; the format is in the
 * [scoring reference](../../docs/scoring.md#the-staffing-problem-json).
 *
 * @category utilities
 * @since 0.1.0
 */
export const toProblemRoles = (
  c: Catalogue,
  language: Language = 'en',
): ReadonlyArray<RoleJson> =>
  c.roles.map((r) => ({
    id: r.id,
    name: r.name[language],
    qualities: r.qualities.map((q) => ({ quality: q.quality, min: q.min, weight: q.weight })),
  }))
