/**
 * The orders the library breaks ties with, so the same input gives the same output whatever
 * the order of its arrays: ids compare by UTF-16 code units (the order `Array.prototype.sort`
 * uses by default, independent of locale), and scores lexicographically (see
 * `Evaluate.OrdScore`).
 *
 * @since 0.1.0
 * @module
 */
import * as Eq from 'fp-ts/lib/Eq.js'
import * as Ord from 'fp-ts/lib/Ord.js'
import { deepFreeze } from './internal/freeze.js'

/**
 * Compares two strings by UTF-16 code units: negative, 0 or positive.
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#order}
 *
 * @category utilities
 * @since 0.1.0
 */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The order of ids (code units), as an fp-ts `Ord`.
 *
 * @category instances
 * @since 0.1.0
 */
export const OrdId: Ord.Ord<string> = deepFreeze(Ord.fromCompare((a, b) => (compareIds(a, b) < 0 ? -1 : a === b ? 0 : 1)))

/**
 * Equality of ids, as an fp-ts `Eq`.
 *
 * @category instances
 * @since 0.1.0
 */
export const EqId: Eq.Eq<string> = deepFreeze(Eq.fromEquals((a, b) => a === b))
