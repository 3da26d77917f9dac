/**
 * Issues: the errors-as-data that every decoder of wendbaar returns.
 *
 * An {@link Issue} names *where* (a JSON path such as `members[3].qualities.leadership`),
 * *what* (a stable machine-readable {@link IssueCode}) and *why* (a human sentence).
 * Decoders collect every issue they find and return them as a non-empty array on the left
 * of an `Either`; {@link render} turns them into readable lines.
 *
 * @since 0.1.0
 * @module
 */
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * The stable codes an {@link Issue} can carry.
 *
 * - `type`: the value has the wrong JSON type or shape.
 * - `range`: a number or string is outside its allowed range (or not an integer, or not finite).
 * - `date`: a string is not a real calendar date in `YYYY-MM-DD` form.
 * - `period`: a period or window has `from` after `to`.
 * - `duplicate`: an id that must be unique appears twice.
 * - `reference`: a reference names a role, member or slot that does not exist.
 * - `conflict`: two entries contradict each other (two pins on one slot, a member apart from itself, …).
 * - `pin`: the pins break a hard constraint of the scoring model.
 * - `unknown`: a name the schema does not know (an unknown indicator, say).
 *
 * @category model
 * @since 0.1.0
 */
export type IssueCode =
  | 'type'
  | 'range'
  | 'date'
  | 'period'
  | 'duplicate'
  | 'reference'
  | 'conflict'
  | 'pin'
  | 'unknown'

/**
 * One problem found in an input, with the JSON path where it was found.
 *
 * @category model
 * @since 0.1.0
 */
export interface Issue {
  /** Discriminant. */
  readonly _tag: 'Issue'
  /** JSON path from the root of the input, e.g. `requests[0].slots[2].hours` (`""` for the root). */
  readonly path: string
  /** Machine-readable kind of issue. */
  readonly code: IssueCode
  /** Human-readable explanation, in English. */
  readonly message: string
}

/**
 * A non-empty list of issues: the left side of every decoder in wendbaar.
 *
 * @category model
 * @since 0.1.0
 */
export type Issues = NonEmptyArray<Issue>

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Builds an {@link Issue}.
 *
 * @category constructors
 * @since 0.1.0
 */
export const issue = (path: string, code: IssueCode, message: string): Issue => ({
  _tag: 'Issue',
  path,
  code,
  message,
})

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * Extends a JSON path with an object key or an array index: `field(path, 'a')` gives `path.a`,
 * `field(path, 3)` gives `path[3]`, and awkward keys are quoted: `path["odd key"]`.
 *
 * @category utilities
 * @since 0.1.0
 */
export const field = (path: string, key: string | number): string =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : IDENT.test(key)
      ? path === ''
        ? key
        : `${path}.${key}`
      : `${path}[${JSON.stringify(key)}]`

/**
 * Renders issues as readable lines, one per issue: `path: message (code)`.
 *
 * @example
 * import { Issue } from 'wendbaar'
 * Issue.render([Issue.issue('members[0].capacity', 'range', 'must be > 0')])
 * // => ['members[0].capacity: must be > 0 (range)']
 *
 * @category utilities
 * @since 0.1.0
 */
export const render = (issues: ReadonlyArray<Issue>): ReadonlyArray<string> =>
  issues.map((i) => `${i.path === '' ? '(root)' : i.path}: ${i.message} (${i.code})`)
