/**
 * Rules: which roles a request's temporary team needs, as serialisable data (see
 * [rules](../../docs/classification.md#rules) in the classification guide).
 *
 * A {@link Rule} names a role and a {@link Predicate} over the assessment and the work mode —
 * comparisons on indicators, mode membership, `all` / `any` / `not` — and may ask for one slot
 * per required discipline. Because rules are plain JSON, apps can store, edit and version them.
 * {@link deriveSlots} turns a classified request into role slots; every slot records the id of
 * the rule that produced it.
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as t from 'io-ts'
import * as Assessment from './Assessment.js'
import type * as Catalogue from './Catalogue.js'
import type { Classification, WorkMode } from './Classification.js'
import { modes } from './Classification.js'
import {
  array,
  byString,
  check,
  codec,
  fail,
  literal,
  nonEmptyString,
  number,
  keyed,
  object,
  optional,
  required,
  sortedUnique,
  struct,
  uniqueArray,
  type Result,
} from './internal/classifyCodec.js'
import { field, issue, type Issue } from '../kernel/Issue.js'
import { deepFreeze } from '../kernel/internal/freeze.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A comparison operator.
 *
 * @category model
 * @since 0.1.0
 */
export type Op = '>=' | '>' | '<=' | '<' | '=='

/**
 * The comparison operators.
 *
 * @category model
 * @since 0.1.0
 */
export const ops: ReadonlyArray<Op> = deepFreeze(['>=', '>', '<=', '<', '=='])

/**
 * Compares an indicator's raw answer (for `disciplines`, the count) with a value. An
 * unanswered indicator makes the comparison false.
 *
 * @category model
 * @since 0.1.0
 */
export interface Comparison {
  /** The indicator. */
  readonly indicator: Assessment.Indicator
  /** The operator. */
  readonly op: Op
  /** The value compared with. */
  readonly value: number
}

/**
 * Holds when the work mode is one of the listed modes.
 *
 * @category model
 * @since 0.1.0
 */
export interface ModeIn {
  /** The modes. */
  readonly mode: ReadonlyArray<WorkMode>
}

/**
 * Holds when every sub-predicate holds (`all: []` always holds).
 *
 * @category model
 * @since 0.1.0
 */
export interface All {
  /** The sub-predicates. */
  readonly all: ReadonlyArray<Predicate>
}

/**
 * Holds when some sub-predicate holds (`any: []` never holds).
 *
 * @category model
 * @since 0.1.0
 */
export interface Any {
  /** The sub-predicates. */
  readonly any: ReadonlyArray<Predicate>
}

/**
 * Holds when the sub-predicate does not.
 *
 * @category model
 * @since 0.1.0
 */
export interface Not {
  /** The negated predicate. */
  readonly not: Predicate
}

/**
 * A serialisable predicate over an assessment and its work mode. Its JSON form is exactly this
 * type, e.g. `{ "all": [{ "mode": ["agile"] }, { "indicator": "budgetImpact", "op": ">=", "value": 2 }] }`.
 *
 * @category model
 * @since 0.1.0
 */
export type Predicate = Comparison | ModeIn | All | Any | Not

/**
 * A rule: when `when` holds, the team needs a slot for `role` — or, with
 * `per: 'discipline'`, one slot per required discipline of the request.
 *
 * @category model
 * @since 0.1.0
 */
export interface Rule {
  /** Unique id; recorded on every slot the rule produces. */
  readonly id: string
  /** The role id (must exist in the catalogue). */
  readonly role: string
  /** When the rule applies. */
  readonly when: Predicate
  /** `'discipline'`: one slot per required discipline, each with that discipline. */
  readonly per?: 'discipline'
}

/**
 * What {@link deriveSlots} needs of a request: its id and its required disciplines.
 *
 * @category model
 * @since 0.1.0
 */
export interface SlotRequest {
  /** The request id (slot ids start with it). */
  readonly id: string
  /** The disciplines the request needs. */
  readonly disciplines: ReadonlyArray<string>
}

/**
 * A role slot derived by a rule.
 *
 * @category model
 * @since 0.1.0
 */
export interface DerivedSlot {
  /** `${request}/${role}`, or `${request}/${role}-${discipline}` for per-discipline rules. */
  readonly id: string
  /** The role. */
  readonly role: string
  /** Hours per week, from the catalogue's table for the mode. */
  readonly hours: number
  /** The discipline a member must have (per-discipline rules), else `null`. */
  readonly discipline: string | null
  /** The id of the rule that produced the slot (the smallest id when several did). */
  readonly rule: string
}

const poolModes: ReadonlyArray<WorkMode> = ['specialist', 'exploratory', 'agile']

/**
 * The default rules: every pool mode gets `direction` and one `content` slot per
 * required discipline; `budget` when `budgetImpact ≥ 2`; `politics` when
 * `politicalSensitivity ≥ 2`; `network` when `stakeholders ≥ 2`. (`standard` and
 * `unclassified` requests never get slots, whatever the rules.)
 *
 * @category constructors
 * @since 0.1.0
 */
export const defaultRules: ReadonlyArray<Rule> = deepFreeze([
  { id: 'budget-impact', role: 'budget', when: { indicator: 'budgetImpact', op: '>=', value: 2 } },
  {
    id: 'content-per-discipline',
    role: 'content',
    when: { mode: poolModes },
    per: 'discipline',
  },
  { id: 'direction-always', role: 'direction', when: { mode: poolModes } },
  { id: 'network-stakeholders', role: 'network', when: { indicator: 'stakeholders', op: '>=', value: 2 } },
  {
    id: 'politics-sensitivity',
    role: 'politics',
    when: { indicator: 'politicalSensitivity', op: '>=', value: 2 },
  },
])

/**
 * The deepest nesting of `all` / `any` / `not` that the decoder accepts.
 *
 * @category model
 * @since 0.1.0
 */
export const MAX_DEPTH = 32

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

const FORMS = ['indicator', 'mode', 'all', 'any', 'not'] as const

const decodePredicateDepth =
  (depth: number) =>
  (u: unknown, path: string): Result<Predicate> => {
    if (depth > MAX_DEPTH) return fail(path, 'range', `predicate nested deeper than ${MAX_DEPTH}`)
    if (typeof u !== 'object' || u === null || Array.isArray(u))
      return fail(path, 'type', 'a predicate must be an object: a comparison, mode, all, any or not')
    const o = u as Readonly<Record<string, unknown>>
    const forms = FORMS.filter((k) => Object.prototype.hasOwnProperty.call(o, k))
    if (forms.length !== 1)
      return fail(
        path,
        'type',
        forms.length === 0
          ? 'a predicate needs one of: indicator (with op, value), mode, all, any, not'
          : `a predicate has exactly one form, got ${forms.join(', ')}`,
      )
    const sub = decodePredicateDepth(depth + 1)
    switch (forms[0]) {
      case 'indicator':
        return keyed((ob: Readonly<Record<string, unknown>>) =>
          struct({
            indicator: required(literal(Assessment.indicators, 'unknown'))(ob, 'indicator', path),
            op: required(literal(ops))(ob, 'op', path),
            value: required(number('a finite number'))(ob, 'value', path),
          }),
        )(object('comparison', ['indicator', 'op', 'value'])(o, path))
      case 'mode':
        return keyed((ob: Readonly<Record<string, unknown>>) =>
          E.map((ms: ReadonlyArray<WorkMode>): ModeIn => ({
            mode: modes.filter((m) => ms.includes(m)),
          }))(required(array(literal(modes, 'unknown')))(ob, 'mode', path)),
        )(object('mode predicate', ['mode'])(o, path))
      case 'all':
        return keyed((ob: Readonly<Record<string, unknown>>) =>
          E.map((all: ReadonlyArray<Predicate>): All => ({ all }))(required(array(sub))(ob, 'all', path)),
        )(object('all predicate', ['all'])(o, path))
      case 'any':
        return keyed((ob: Readonly<Record<string, unknown>>) =>
          E.map((any: ReadonlyArray<Predicate>): Any => ({ any }))(required(array(sub))(ob, 'any', path)),
        )(object('any predicate', ['any'])(o, path))
      default:
        return keyed((ob: Readonly<Record<string, unknown>>) =>
          E.map((not: Predicate): Not => ({ not }))(required(sub)(ob, 'not', path)),
        )(object('not predicate', ['not'])(o, path))
    }
  }

/**
 * Decodes a predicate at a JSON path. Unknown indicator or mode names are `unknown` issues,
 * unknown operators `range` issues; mode lists are normalised to the fixed mode order.
 *
 * @category codecs
 * @since 0.1.0
 * @internal
 */
export const decodePredicateAt: (u: unknown, path: string) => E.Either<NonEmptyArray<Issue>, Predicate> =
  decodePredicateDepth(0)

const decodeRule = (u: unknown, path: string): Result<Rule> =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.map(
      (r: { id: string; role: string; when: Predicate; per: O.Option<'discipline'> }): Rule =>
        O.isSome(r.per)
          ? { id: r.id, role: r.role, when: r.when, per: r.per.value }
          : { id: r.id, role: r.role, when: r.when },
    )(
      struct({
        id: required(nonEmptyString)(o, 'id', path),
        role: required(nonEmptyString)(o, 'role', path),
        when: required(decodePredicateAt)(o, 'when', path),
        per: optional(literal(['discipline'] as const))(o, 'per', path),
      }),
    ),
  )(object('rule', ['id', 'role', 'when', 'per'])(u, path))

/**
 * Decodes a list of rules at a JSON path: shape, known indicators, operators and modes, unique
 * ids. The rules come out sorted by id.
 */
const decodeAt = (u: unknown, path: string): E.Either<NonEmptyArray<Issue>, ReadonlyArray<Rule>> =>
  E.map((rules: ReadonlyArray<Rule>) => [...rules].sort((a, b) => byString(a.id, b.id)))(
    uniqueArray(decodeRule, 'id', 'rule id')(u, path),
  )

/**
 * Decodes untrusted rules (a JSON array), returning every issue with its path.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decode = (u: unknown): E.Either<NonEmptyArray<Issue>, ReadonlyArray<Rule>> =>
  decodeAt(u, '')

/**
 * Decodes untrusted rules at a JSON path and checks them against a catalogue: every issue of
 * {@link decodeAt} plus a `reference` issue at `[i].role` for each rule naming a role the
 * catalogue does not have.
 */
const decodeForAt =
  (catalogue: Catalogue.Catalogue, path: string) =>
  (u: unknown): E.Either<NonEmptyArray<Issue>, ReadonlyArray<Rule>> => {
    const shape = decodeAt(u, path)
    const known = catalogue.roles.map((r) => r.id)
    const refs: ReadonlyArray<Issue> = Array.isArray(u)
      ? (u as ReadonlyArray<unknown>).flatMap((r, i): ReadonlyArray<Issue> => {
          const role = isRecord(r) ? r['role'] : undefined
          return typeof role === 'string' && role !== '' && !known.includes(role)
            ? [
                issue(
                  field(field(path, i), 'role'),
                  'reference',
                  `role "${role}" is not in the catalogue (${known.join(', ')})`,
                ),
              ]
            : []
        })
      : []
    return E.isLeft(shape) ? check([...shape.left, ...refs], []) : check(refs, shape.right)
  }

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

/**
 * Decodes untrusted rules and checks them against a catalogue: every role a rule names must be in the catalogue.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeFor =
  (catalogue: Catalogue.Catalogue) =>
  (u: unknown): E.Either<NonEmptyArray<Issue>, ReadonlyArray<Rule>> =>
    decodeForAt(catalogue, '')(u)

/**
 * Validates typed rules against a catalogue: known indicators, operators and modes, unique ids,
 * and roles that exist (paths index the given array). Returns the rules sorted by id.
 *
 * @category codecs
 * @since 0.1.0
 */
export const validate =
  (catalogue: Catalogue.Catalogue) =>
  (rules: ReadonlyArray<Rule>): E.Either<NonEmptyArray<Issue>, ReadonlyArray<Rule>> =>
    decodeFor(catalogue)(encode(rules))

/**
 * Encodes rules as JSON (the model is already its JSON form; this copies it).
 *
 * @category codecs
 * @since 0.1.0
 */
export const encode = (rules: ReadonlyArray<Rule>): ReadonlyArray<Rule> =>
  rules.map((r) => (r.per === undefined ? { id: r.id, role: r.role, when: r.when } : { ...r }))

/**
 * The io-ts codec of a list of rules (without the catalogue check; see {@link decodeFor}).
 *
 * @category codecs
 * @since 0.1.0
 */
export const RulesCodec: t.Type<ReadonlyArray<Rule>, ReadonlyArray<Rule>, unknown> = codec(
  'Rules',
  decodeAt,
  encode,
)

// -------------------------------------------------------------------------------------
// predicates / queries
// -------------------------------------------------------------------------------------

const compare = (op: Op, a: number, b: number): boolean => {
  switch (op) {
    case '>=':
      return a >= b
    case '>':
      return a > b
    case '<=':
      return a <= b
    case '<':
      return a < b
    default:
      return a === b
  }
}

/**
 * Whether a predicate holds for an assessment and a work mode.
 *
 * @category predicates
 * @since 0.1.0
 */
export const holds =
  (predicate: Predicate) =>
  (assessment: Assessment.Assessment, mode: WorkMode): boolean => {
    if ('indicator' in predicate) {
      const a = assessment[predicate.indicator]
      return a !== undefined && compare(predicate.op, a, predicate.value)
    }
    if ('mode' in predicate) return predicate.mode.includes(mode)
    if ('all' in predicate) return predicate.all.every((p) => holds(p)(assessment, mode))
    if ('any' in predicate) return predicate.any.some((p) => holds(p)(assessment, mode))
    return !holds(predicate.not)(assessment, mode)
  }

/**
 * The indicators a predicate reads, sorted and unique.
 *
 * @category predicates
 * @since 0.1.0
 */
export const indicatorsOf = (predicate: Predicate): ReadonlyArray<Assessment.Indicator> => {
  const go = (p: Predicate): ReadonlyArray<string> =>
    'indicator' in p
      ? [p.indicator]
      : 'mode' in p
        ? []
        : 'all' in p
          ? p.all.flatMap(go)
          : 'any' in p
            ? p.any.flatMap(go)
            : go(p.not)
  return sortedUnique(go(predicate)) as ReadonlyArray<Assessment.Indicator>
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/**
 * Derives the role slots of a classified request: for a pool mode (`specialist`,
 * `exploratory`, `agile`) every rule whose role is in the catalogue and whose predicate holds
 * produces its slot(s), with the hours of the catalogue's table for the mode; `standard` and
 * `unclassified` requests get none. When two rules produce the same slot id, the slot records
 * the smallest rule id. Slots come out sorted by id.
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#derive-slots}
 *
 * @category combinators
 * @since 0.1.0
 */
export const deriveSlots =
  (catalogue: Catalogue.Catalogue, rules: ReadonlyArray<Rule>) =>
  (request: SlotRequest, classification: Classification): ReadonlyArray<DerivedSlot> => {
    const mode = classification.mode
    if (mode === 'standard' || mode === 'unclassified') return []
    const disciplines = sortedUnique(request.disciplines)
    const out = new Map<string, DerivedSlot>()
    const sorted = [...rules].sort((a, b) => byString(a.id, b.id))
    for (const rule of sorted) {
      const role = catalogue.roles.find((r) => r.id === rule.role)
      if (role === undefined || !holds(rule.when)(classification.assessment, mode)) continue
      const hours = role.hours[mode]
      const made: ReadonlyArray<DerivedSlot> =
        rule.per === 'discipline'
          ? disciplines.map((d) => ({
              id: `${request.id}/${role.id}-${d}`,
              role: role.id,
              hours,
              discipline: d,
              rule: rule.id,
            }))
          : [{ id: `${request.id}/${role.id}`, role: role.id, hours, discipline: null, rule: rule.id }]
      for (const s of made) if (!out.has(s.id)) out.set(s.id, s)
    }
    return [...out.values()].sort((a, b) => byString(a.id, b.id))
  }

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

const symbol: Readonly<Record<Op, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' }

/**
 * Renders a predicate as readable text, e.g. `budgetImpact ≥ 2`, `mode ∈ {agile}`,
 * `(a) and (b)`, `not (a)`; `all: []` reads `always` and `any: []` reads `never`.
 *
 * @category utilities
 * @since 0.1.0
 */
export const show = (predicate: Predicate): string => {
  if ('indicator' in predicate) return `${predicate.indicator} ${symbol[predicate.op]} ${predicate.value}`
  if ('mode' in predicate) return `mode ∈ {${predicate.mode.join(', ')}}`
  if ('all' in predicate)
    return predicate.all.length === 0
      ? 'always'
      : predicate.all.length === 1
        ? show(predicate.all[0]!)
        : predicate.all.map((p) => `(${show(p)})`).join(' and ')
  if ('any' in predicate)
    return predicate.any.length === 0
      ? 'never'
      : predicate.any.length === 1
        ? show(predicate.any[0]!)
        : predicate.any.map((p) => `(${show(p)})`).join(' or ')
  return `not (${show(predicate.not)})`
}
