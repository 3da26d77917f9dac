/**
 * Small decoding kit shared by the classification modules (Assessment, Classification,
 * Catalogue, Rules, Intake): decoders that collect every {@link Issue} with its JSON path, and
 * a bridge that wraps such a decoder as an io-ts codec.
 *
 * @internal
 * @since 0.1.0
 */
import { compareIds as byString } from '../../kernel/Order.js'
import { sequenceS } from 'fp-ts/lib/Apply.js'
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as NEA from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import * as t from 'io-ts'
import * as IsoDate from '../../kernel/IsoDate.js'
import { field, issue, type Issue, type IssueCode } from '../../kernel/Issue.js'

/** @internal */
export type Result<A> = E.Either<NonEmptyArray<Issue>, A>

/** A decoder: an unknown value and the JSON path where it was found. @internal */
export type Decoder<A> = (u: unknown, path: string) => Result<A>

/** The validation applicative: collects every issue. @internal */
export const V = E.getApplicativeValidation(NEA.getSemigroup<Issue>())

/** Runs several results at once, collecting every issue. @internal */
export const struct = sequenceS(V)

/** A path relative to `base`, made absolute: `a` and `b[0]` give `a.b[0]`; `a` and `[0]` give `a[0]`. */
const joinPath = (base: string, rel: string): string =>
  rel === '' ? base : base === '' ? rel : rel.startsWith('[') ? `${base}${rel}` : `${base}.${rel}`

/**
 * A decoder at a JSON path, made from a module's public `decode` (which reports paths from the
 * root of its input): every issue's path is put under the path, so a module's decoder serves
 * inside a larger document without a path-taking variant of its own.
 *
 * @internal
 */
export const rooted =
  <A>(decode: (u: unknown) => Result<A>): Decoder<A> =>
  (u, path) =>
    path === '' ? decode(u) : E.mapLeft(NEA.map((i: Issue): Issue => ({ ...i, path: joinPath(path, i.path) })))(decode(u))

/** A failure with a single issue. @internal */
export const fail = <A = never>(path: string, code: IssueCode, message: string): Result<A> =>
  E.left([issue(path, code, message)])

/** Concatenates issue lists into a result, or succeeds with `a`. @internal */
export const check = <A>(issues: ReadonlyArray<Issue>, a: A): Result<A> =>
  issues.length > 0 ? E.left(issues as NonEmptyArray<Issue>) : E.right(a)

/** Whether `u` is a plain JSON object (not an array, not null). @internal */
export const isObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u)

const own = (o: Readonly<Record<string, unknown>>, k: string): boolean =>
  Object.prototype.hasOwnProperty.call(o, k)

/** An object checked for unknown keys: the object and the issues for its unknown keys. @internal */
export interface Checked {
  readonly o: Readonly<Record<string, unknown>>
  readonly extra: ReadonlyArray<Issue>
}

/**
 * Checks an object with a fixed set of known keys: fails only when `u` is not an object; every
 * other key becomes an `unknown` issue that {@link keyed} adds to the issues of the body, so
 * both kinds are reported together.
 *
 * @internal
 */
export const object =
  (name: string, known: ReadonlyArray<string>) =>
  (u: unknown, path: string): Result<Checked> => {
    if (!isObject(u)) return fail(path, 'type', `must be an object (${name})`)
    const unknownKeys = Object.keys(u)
      .filter((k) => !known.includes(k))
      .sort()
    return E.right({
      o: u,
      extra: unknownKeys.map((k) =>
        issue(field(path, k), 'unknown', `unknown field "${k}" in ${name}; known: ${known.join(', ')}`),
      ),
    })
  }

/** Decodes the fields of a {@link Checked} object, adding its unknown-key issues. @internal */
export const keyed =
  <A>(body: (o: Readonly<Record<string, unknown>>) => Result<A>) =>
  (r: Result<Checked>): Result<A> => {
    if (E.isLeft(r)) return r
    const out = body(r.right.o)
    return r.right.extra.length === 0
      ? out
      : E.left([...r.right.extra, ...(E.isLeft(out) ? out.left : [])] as NonEmptyArray<Issue>)
  }

/**
 * The value of an optional key: `none` when absent (or `null` when `nullable`), else the decoded value.
 *
 * @internal
 */
export const optional =
  <A>(decoder: Decoder<A>, nullable = false) =>
  (o: Readonly<Record<string, unknown>>, key: string, path: string): Result<O.Option<A>> => {
    if (!own(o, key) || o[key] === undefined || (nullable && o[key] === null)) return E.right(O.none)
    return E.map(O.some<A>)(decoder(o[key], field(path, key)))
  }

/** The value of a key with a default when absent. @internal */
export const withDefault =
  <A>(decoder: Decoder<A>, fallback: A) =>
  (o: Readonly<Record<string, unknown>>, key: string, path: string): Result<A> =>
    E.map(O.getOrElse(() => fallback))(optional(decoder)(o, key, path))

/** The value of a required key. @internal */
export const required =
  <A>(decoder: Decoder<A>) =>
  (o: Readonly<Record<string, unknown>>, key: string, path: string): Result<A> =>
    own(o, key) && o[key] !== undefined
      ? decoder(o[key], field(path, key))
      : fail(field(path, key), 'type', `required field "${key}" is missing`)

/** A finite number satisfying `ok`, described by `what`. @internal */
export const number =
  (what: string, ok: (n: number) => boolean = () => true): Decoder<number> =>
  (u, path) =>
    typeof u !== 'number'
      ? fail(path, 'type', `must be a number (${what})`)
      : !Number.isFinite(u) || !ok(u)
        ? fail(path, 'range', `must be ${what}, got ${String(u)}`)
        : E.right(u)

/** An integer in `[min, max]`. @internal */
export const integer = (min: number, max: number): Decoder<number> =>
  number(
    max === Infinity ? `an integer ≥ ${min}` : `an integer ${min}..${max}`,
    (n) => Number.isInteger(n) && n >= min && n <= max,
  )

/** A non-empty string. @internal */
export const nonEmptyString: Decoder<string> = (u, path) =>
  typeof u !== 'string'
    ? fail(path, 'type', 'must be a string')
    : u.length === 0
      ? fail(path, 'range', 'must be a non-empty string')
      : E.right(u)

/** Any string. @internal */
export const string: Decoder<string> = (u, path) =>
  typeof u === 'string' ? E.right(u) : fail(path, 'type', 'must be a string')

/** One of a fixed list of string literals; other strings get `code`. @internal */
export const literal =
  <L extends string>(values: ReadonlyArray<L>, code: IssueCode = 'range'): Decoder<L> =>
  (u, path) =>
    typeof u !== 'string'
      ? fail(path, 'type', `must be one of ${values.join(', ')}`)
      : (values as ReadonlyArray<string>).includes(u)
        ? E.right(u as L)
        : fail(path, code, `"${u}" is not one of ${values.join(', ')}`)

/** An array whose elements are all decoded (every issue collected). @internal */
export const array =
  <A>(decoder: Decoder<A>): Decoder<ReadonlyArray<A>> =>
  (u, path) => {
    if (!Array.isArray(u)) return fail(path, 'type', 'must be an array')
    const issues: Array<Issue> = []
    const out: Array<A> = []
    u.forEach((x: unknown, i) => {
      const r = decoder(x, field(path, i))
      if (E.isLeft(r)) issues.push(...r.left)
      else out.push(r.right)
    })
    return check(issues, out)
  }

/**
 * An array of objects with a unique string key (`id`, say): element issues and duplicate keys
 * (reported at `[i].key` of each later occurrence, from the raw input) are collected together.
 *
 * @internal
 */
export const uniqueArray =
  <A>(decoder: Decoder<A>, key: string, what: string): Decoder<ReadonlyArray<A>> =>
  (u, path) => {
    const elements = array(decoder)(u, path)
    if (!Array.isArray(u)) return elements
    const ids = (u as ReadonlyArray<unknown>).map((x) => (isObject(x) ? x[key] : undefined))
    const seen = new Set<string>()
    const dups: Array<Issue> = []
    ids.forEach((id, i) => {
      if (typeof id !== 'string' || id === '') return
      if (seen.has(id)) dups.push(issue(field(field(path, i), key), 'duplicate', `duplicate ${what} "${id}"`))
      seen.add(id)
    })
    return E.isLeft(elements) ? check([...elements.left, ...dups], []) : check(dups, elements.right)
  }

/** An ISO date. @internal */
export const isoDate: Decoder<IsoDate.IsoDate> = (u, path) =>
  typeof u !== 'string'
    ? fail(path, 'type', 'must be a date string YYYY-MM-DD')
    : O.match(
        () => fail<IsoDate.IsoDate>(path, 'date', `"${u}" is not a real date in YYYY-MM-DD form`),
        (d: IsoDate.IsoDate) => E.right<NonEmptyArray<Issue>, IsoDate.IsoDate>(d),
      )(IsoDate.parse(u))

/** An inclusive period `{ from, to }` with `from ≤ to`. @internal */
export const period: Decoder<IsoDate.Period> = (u, path) =>
  keyed((o: Readonly<Record<string, unknown>>) =>
    E.chain((p: IsoDate.Period) =>
      p.from <= p.to
        ? E.right(p)
        : fail<IsoDate.Period>(path, 'period', `from (${p.from}) is after to (${p.to})`),
    )(struct({ from: required(isoDate)(o, 'from', path), to: required(isoDate)(o, 'to', path) })),
  )(object('period', ['from', 'to'])(u, path))

/** Code-unit order of strings (locale-independent). @internal */
export { byString }

/** Sorted, de-duplicated copy of a list of strings. @internal */
export const sortedUnique = (xs: ReadonlyArray<string>): ReadonlyArray<string> =>
  Array.from(new Set(xs)).sort(byString)

/**
 * Wraps a path-aware decoder as an io-ts codec: `validate` reports one io-ts error per issue
 * (message `path: message (code)`), `encode` is given.
 *
 * @internal
 */
export const codec = <A, O>(
  name: string,
  decoder: Decoder<A>,
  encode: (a: A) => O,
): t.Type<A, O, unknown> =>
  new t.Type<A, O, unknown>(
    name,
    (u): u is A => E.isRight(decoder(u, '')),
    (u, c) =>
      E.match(
        (issues: NonEmptyArray<Issue>) =>
          t.failures<A>(
            issues.map((i) => ({
              value: u,
              context: c,
              message: `${i.path === '' ? '(root)' : i.path}: ${i.message} (${i.code})`,
            })),
          ),
        (a: A) => t.success(a),
      )(decoder(u, '')),
    encode,
  )
