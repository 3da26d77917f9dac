/**
 * The staffing problem: roles, pool members, requests with role slots, history, pins, the
 * previous plan, `apart` pairs and the policy — and {@link decode} (also named
 * {@link decodeProblem}), the only way in for untrusted JSON. The format is in the
 * [scoring reference](../../docs/scoring.md#the-staffing-problem-json).
 *
 * A decoded {@link ValidProblem} is normalised: every default is filled in, every array
 * is sorted by id (so input order never matters), sets are de-duplicated, and open-keyed records
 * (qualities, preferences) are prototype-free objects. Every other object is closed: a key the
 * format does not define (a typo such as `policy.weights.fitt`) is reported with code `unknown`
 * at its path, never ignored. The pins alone must keep every hard constraint: decoding compiles
 * them and asks the solver's own evaluator.
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as t from 'io-ts'
import { type Issue, issue, withIds } from '../kernel/Issue.js'
import { encodeProblem, type ValidProblem } from '../staffing/Problem.js'
import * as D from '../staffing/internal/decodeProblem.js'
import { pinIssues } from './internal/pins.js'

export * from '../staffing/Problem.js'

// -------------------------------------------------------------------------------------
// codecs
// -------------------------------------------------------------------------------------

/**
 * Decodes untrusted input (parsed JSON) into a {@link ValidProblem}, applying every rule of
 * problem format ([scoring reference](../../docs/scoring.md#the-staffing-problem-json)): shape, ranges, unique ids (slot ids across the whole problem), references,
 * real dates and `from ≤ to`, at most one pin and one previous entry per slot, `apart` pairs of
 * two different members — and finally the pins alone against every hard constraint
 * (eligibility, capacity over time, `maxSlotsPerMemberPerRequest`, `apart`).
 *
 * Every issue found is returned, each with its JSON path (`members[3].qualities.leadership`),
 * a readable label naming the ids on that path (`members[3] (m04).qualities.leadership`) and its
 * code, in document order with the pin issues last. A pin that breaks a hard constraint
 * gets an issue with code `pin` at its path (`pinned[2]`) whose message names the constraint;
 * pins that involve a member, request, slot or role with an issue of its own are not checked
 * (nor any pin when the policy has an issue). Never throws; runs in time linear in the input
 * (plus sorting). Conventions:
 * - `-0` is read as `0`; `NaN` and `±Infinity` are out of range.
 * - Optional fields may be absent; the nullable ones (`unit`, `units`, `available`,
 *   `discipline`, `rotationSince`) may also be `null`. `history`, `pinned`, `previous`,
 *   `apart` and `policy` may be absent; `roles`, `members` and `requests` are required.
 * - Names (ids, disciplines, units, goals, quality names) are non-empty strings.
 *   `preferences` keys are role ids and must exist.
 * - Every fixed-shape object (the root, a role and its qualities, a member and its
 *   `available` windows, a request, its `period` and its slots, a history, `pinned` or
 *   `previous` entry, `policy` and `policy.weights`) may hold only the keys the format defines: any
 *   other own key is an issue with code `unknown` at the key's path
 *   (`policy.weights.fitt: unknown key "fitt"; expected one of fit, preference, …`), so a
 *   typo never falls back to a default silently. A member's `qualities` and `preferences` are
 *   open-keyed records and take any name.
 * - Identical repeats in set-like lists (units, goals, excluded, windows, history, pinned,
 *   previous, apart, a role's qualities) are dropped; a second, different pin or previous
 *   entry for one slot, or a role quality listed twice with different values, is a `conflict`.
 * - Only own properties are read, so `__proto__`, `constructor` or `toString` work as ids and
 *   quality names, and `Object.prototype` is never touched.
 *
 * The result is normalised: defaults filled in, arrays sorted by id (code-unit order), sets
 * de-duplicated and sorted, disciplines in input order without duplicates, records
 * prototype-free. Decoding a shuffled input gives a deep-equal result.
 *
 * @example
 * import { Problem } from 'wendbaar'
 * const result = Problem.decodeProblem(JSON.parse(text))
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeProblem = (u: unknown): E.Either<NonEmptyArray<Issue>, ValidProblem> => {
  try {
    const r = D.decodeProblemUnsafe(u, pinIssues)
    return E.isLeft(r) ? E.left(withIds(u)(r.left) as unknown as NonEmptyArray<Issue>) : r
  } catch {
    // Only a hostile JavaScript value (a throwing getter or proxy) can get here; JSON cannot.
    return E.left([issue('', 'type', 'the input could not be read (a getter or proxy threw)')])
  }
}

/**
 * io-ts codec of the whole problem: `decode` is {@link decodeProblem} (issues rendered as
 * io-ts errors), `encode` is {@link encodeProblem}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ProblemCodec: t.Type<ValidProblem, unknown, unknown> = new t.Type<
  ValidProblem,
  unknown,
  unknown
>(
  'Problem',
  (u): u is ValidProblem => E.isRight(decodeProblem(u)),
  (u, ctx) => {
    const r = decodeProblem(u)
    return E.isRight(r) ? t.success(r.right) : t.failures(D.toErrors(u, ctx, r.left))
  },
  encodeProblem,
)

/**
 * {@link decodeProblem}, under the name every module's decoder has.
 *
 * @alias
 * @category codecs
 * @since 0.1.0
 */
export const decode: (u: unknown) => E.Either<NonEmptyArray<Issue>, ValidProblem> = decodeProblem

/**
 * {@link encodeProblem}, under the name every module's encoder has.
 *
 * @alias
 * @category codecs
 * @since 0.1.0
 */
export const encode = encodeProblem

/**
 * {@link ProblemCodec}, under the name every module's codec has.
 *
 * @alias
 * @category codecs
 * @since 0.1.0
 */
export const Codec: t.Type<ValidProblem, unknown, unknown> = ProblemCodec
