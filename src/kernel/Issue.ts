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
  /**
   * The path with the id of every element it passes through, for people reading a large file:
   * `members[3] (m04).capacity`. Set by decoders that know the input ({@link withIds}); absent
   * when no element on the path has an id.
   */
  readonly label?: string
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

const hasOwn = Object.prototype.hasOwnProperty

/** The segments of a path built by {@link field}: names, indices and quoted keys. */
const segments = (path: string): ReadonlyArray<string | number> | null => {
  const out: Array<string | number> = []
  const re = /\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y
  let i = 0
  while (i < path.length) {
    re.lastIndex = i
    const m = re.exec(path)
    if (m === null) return null
    if (m[1] !== undefined) out.push(m[1])
    else if (m[2] !== undefined) out.push(Number(m[2]))
    else out.push(JSON.parse(m[3] as string) as string)
    i = re.lastIndex
  }
  return out
}

/** The own property `key` of `u`, or undefined (for any value, hostile ones included). */
const child = (u: unknown, key: string | number): unknown => {
  try {
    if (typeof u !== 'object' || u === null) return undefined
    return hasOwn.call(u, key) ? (u as Record<string | number, unknown>)[key] : undefined
  } catch {
    return undefined
  }
}

/** The readable label of a path in `input`, or undefined when no element on it has an id. */
const labelOf = (input: unknown, path: string): string | undefined => {
  const segs = segments(path)
  if (segs === null) return undefined
  let u = input
  let label = ''
  let named = false
  for (const s of segs) {
    label = field(label, s)
    u = child(u, s)
    const id = typeof s === 'number' ? child(u, 'id') : undefined
    if (typeof id === 'string' && id !== '') {
      label += ` (${id.length > 40 ? `${id.slice(0, 37)}…` : id})`
      named = true
    }
  }
  return named ? label : undefined
}

/**
 * Adds to each issue the readable {@link Issue.label} of its path in `input`: the id of every
 * array element the path passes through, e.g. `members[3] (m04).capacity`. Paths are kept as
 * they are (machine-readable); an issue whose path names no element with an id gets no label.
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#issue-with-ids}
 *
 * @category utilities
 * @since 0.1.0
 */
export const withIds =
  (input: unknown) =>
  <I extends Issue>(issues: ReadonlyArray<I>): Array<I> =>
    issues.map((i) => {
      const label = labelOf(input, i.path)
      return label === undefined ? i : { ...i, label }
    })

/**
 * Renders issues as readable lines, one per issue: `path: message (code)`, with the issue's
 * readable label (ids named, see {@link withIds}) in place of the path when it has one.
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../examples/api.ts#issue-render}
 *
 * @category utilities
 * @since 0.1.0
 */
export const render = (issues: ReadonlyArray<Issue>): ReadonlyArray<string> =>
  issues.map((i) => `${i.path === '' ? '(root)' : (i.label ?? i.path)}: ${i.message} (${i.code})`)
