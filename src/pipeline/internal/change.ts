/**
 * The changes' codecs and constructors, for the `Replan` namespace, which re-exports them.
 * A change naming a member or request in full is read by the problem's own element decoders.
 *
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import type * as t from 'io-ts'
import {
  array,
  check,
  codec,
  fail,
  isObject,
  isoDate,
  keyed,
  nonEmptyString,
  number,
  object,
  optional,
  period,
  required,
  struct,
  type Decoder,
  type Result,
} from '../../classify/internal/classifyCodec.js'
import * as D from '../../staffing/internal/decodeProblem.js'
import type { IsoDate, Period } from '../../kernel/IsoDate.js'
import { field, issue, type Issue } from '../../kernel/Issue.js'
import {
  compareIds,
  MemberCodec,
  RequestCodec,
  type Member,
  type MemberId,
  type Request,
  type RequestId,
  type SlotId,
  } from '../Problem.js'
import { type Change, type ChangeJson, type SlotHours, changeTags } from './replanModel.js'

/** A decoder of the staffing-problem machinery, as a path-aware decoder. */
const fromProblemDecoder =
  <A>(what: string, decode: (c: D.Ctx, base: string, u: unknown) => A | undefined): Decoder<A> =>
  (u, path) => {
    try {
      const c = D.newCtx(false)
      const a = decode(c, path, u)
      const [first, ...rest] = c.issues
      if (first !== undefined) return E.left([first, ...rest])
      return a === undefined ? fail(path, 'type', `must be ${what}`) : E.right(a)
    } catch {
      return fail(path, 'type', 'the input could not be read (a getter or proxy threw)')
    }
  }

const decodeMember = fromProblemDecoder('a member object', D.decodeMemberAt)
const decodeRequest = fromProblemDecoder('a request object', D.decodeRequestAt)

const positive = number('a number > 0', (n) => n > 0)

/** `{ slot id: hours }`, each > 0; sorted by slot id. */
const decodeHours: Decoder<ReadonlyArray<SlotHours>> = (u, path) => {
  if (!isObject(u)) return fail(path, 'type', 'must be an object from slot id to hours')
  const keys = Object.keys(u).sort(compareIds)
  const issues: Array<Issue> = []
  const out: Array<SlotHours> = []
  for (const k of keys) {
    if (k === '') {
      issues.push(issue(field(path, k), 'range', 'a slot id must be a non-empty string'))
      continue
    }
    const h = positive(u[k], field(path, k))
    if (E.isLeft(h)) issues.push(...h.left)
    else out.push({ slot: k as SlotId, hours: h.right === 0 ? 0 : h.right })
  }
  return check(issues, out)
}

const id = <A extends string>(o: Readonly<Record<string, unknown>>, key: string, path: string): Result<A> =>
  E.map((s: string) => s as A)(required(nonEmptyString)(o, key, path))

const pair =
  <T extends 'pinAdded' | 'pinRemoved'>(tag: T) =>
  (o: Readonly<Record<string, unknown>>, path: string): Result<{ _tag: T; member: MemberId; slot: SlotId }> =>
    E.map((r: { member: MemberId; slot: SlotId }) => ({ _tag: tag, member: r.member, slot: r.slot }))(
      struct({ member: id<MemberId>(o, 'member', path), slot: id<SlotId>(o, 'slot', path) }),
    )

const bodies: Readonly<
  Record<
    Change['_tag'],
    {
      readonly keys: ReadonlyArray<string>
      readonly decode: (o: Readonly<Record<string, unknown>>, path: string) => Result<Change>
    }
  >
> = {
  memberLeaves: {
    keys: ['_tag', 'member', 'from'],
    decode: (o, path) =>
      E.map(
        (r: { member: MemberId; from: IsoDate }): Change => ({
          _tag: 'memberLeaves',
          member: r.member,
          from: r.from,
        }),
      )(struct({ member: id<MemberId>(o, 'member', path), from: required(isoDate)(o, 'from', path) })),
  },
  memberJoins: {
    keys: ['_tag', 'member'],
    decode: (o, path) =>
      E.map((member: Member): Change => ({ _tag: 'memberJoins', member }))(
        required(decodeMember)(o, 'member', path),
      ),
  },
  requestArrives: {
    keys: ['_tag', 'request'],
    decode: (o, path) =>
      E.map((request: Request): Change => ({ _tag: 'requestArrives', request }))(
        required(decodeRequest)(o, 'request', path),
      ),
  },
  requestCancelled: {
    keys: ['_tag', 'request'],
    decode: (o, path) =>
      E.map((request: RequestId): Change => ({ _tag: 'requestCancelled', request }))(
        id<RequestId>(o, 'request', path),
      ),
  },
  requestChanges: {
    keys: ['_tag', 'request', 'hours', 'period'],
    decode: (o, path) =>
      E.map(
        (r: {
          request: RequestId
          hours: O.Option<ReadonlyArray<SlotHours>>
          period: O.Option<Period>
        }): Change => ({
          _tag: 'requestChanges',
          request: r.request,
          hours: O.getOrElse((): ReadonlyArray<SlotHours> => [])(r.hours),
          period: O.toNullable(r.period),
        }),
      )(
        struct({
          request: id<RequestId>(o, 'request', path),
          hours: optional(decodeHours)(o, 'hours', path),
          period: optional(period)(o, 'period', path),
        }),
      ),
  },
  pinAdded: { keys: ['_tag', 'member', 'slot'], decode: pair('pinAdded') },
  pinRemoved: { keys: ['_tag', 'member', 'slot'], decode: pair('pinRemoved') },
}

/**
 * Decodes one change at a JSON path, collecting every issue with its path: an unknown `_tag`
 * (code `unknown`), an unknown key, a missing or malformed field, and — for `memberJoins` and
 * `requestArrives` — every issue the staffing-problem decoder finds in the member or request
 * on its own (references to roles and members are checked by {@link replan}).
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeChangeAt = (u: unknown, path: string): E.Either<NonEmptyArray<Issue>, Change> => {
  if (!isObject(u)) return fail(path, 'type', 'must be an object (a change)')
  const tag = Object.prototype.hasOwnProperty.call(u, '_tag') ? u['_tag'] : undefined
  if (typeof tag !== 'string')
    return fail(field(path, '_tag'), 'type', `required field "_tag" must be one of ${changeTags.join(', ')}`)
  if (!(changeTags as ReadonlyArray<string>).includes(tag))
    return fail(field(path, '_tag'), 'unknown', `"${tag}" is not one of ${changeTags.join(', ')}`)
  const body = bodies[tag as Change['_tag']]
  return keyed((o: Readonly<Record<string, unknown>>) => body.decode(o, path))(
    object(`${tag} change`, body.keys)(u, path),
  )
}

/**
 * Decodes one untrusted change, returning every issue with its path.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeChange = (u: unknown): E.Either<NonEmptyArray<Issue>, Change> => decodeChangeAt(u, '')

/**
 * Decodes an untrusted list of changes; issue paths start at `changes` (`changes[2].member`),
 * the same paths {@link replan} reports.
 *
 * @category codecs
 * @since 0.1.0
 */
export const decodeChanges = (u: unknown): E.Either<NonEmptyArray<Issue>, ReadonlyArray<Change>> =>
  array(decodeChangeAt)(u, 'changes')

/**
 * Encodes a change as JSON (see {@link ChangeJson}); {@link decodeChange} reads it back.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeChange = (c: Change): ChangeJson => {
  switch (c._tag) {
    case 'memberLeaves':
      return { _tag: c._tag, member: c.member, from: c.from }
    case 'memberJoins':
      return { _tag: c._tag, member: MemberCodec.encode(c.member) }
    case 'requestArrives':
      return { _tag: c._tag, request: RequestCodec.encode(c.request) }
    case 'requestCancelled':
      return { _tag: c._tag, request: c.request }
    case 'requestChanges': {
      const hours: Record<string, number> = Object.create(null) as Record<string, number>
      for (const h of c.hours) hours[h.slot] = h.hours
      return {
        _tag: c._tag,
        request: c.request,
        ...(c.hours.length > 0 ? { hours } : {}),
        ...(c.period === null ? {} : { period: { from: c.period.from, to: c.period.to } }),
      }
    }
    case 'pinAdded':
    case 'pinRemoved':
      return { _tag: c._tag, member: c.member, slot: c.slot }
  }
}

/**
 * The io-ts codec of a {@link Change}: `decode` is {@link decodeChange} (every issue an io-ts
 * error `path: message (code)`), `encode` is {@link encodeChange}.
 *
 * @category codecs
 * @since 0.1.0
 */
export const ChangeCodec: t.Type<Change, ChangeJson, unknown> = codec('Change', decodeChangeAt, encodeChange)

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * A member leaves from a date on (see {@link MemberLeaves}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const memberLeaves = (member: string, from: IsoDate): Change => ({
  _tag: 'memberLeaves',
  member: member as MemberId,
  from,
})

/**
 * A member joins the pool (see {@link MemberJoins}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const memberJoins = (member: Member): Change => ({ _tag: 'memberJoins', member })

/**
 * A request arrives (see {@link RequestArrives}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const requestArrives = (request: Request): Change => ({ _tag: 'requestArrives', request })

/**
 * A request is cancelled (see {@link RequestCancelled}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const requestCancelled = (request: string): Change => ({
  _tag: 'requestCancelled',
  request: request as RequestId,
})

/**
 * A request changes hours, period or both (see {@link RequestChanges}); `hours` maps slot ids
 * to their new hours.
 *
 * @category constructors
 * @since 0.1.0
 */
export const requestChanges = (
  request: string,
  change: { readonly hours?: Readonly<Record<string, number>>; readonly period?: Period },
): Change => ({
  _tag: 'requestChanges',
  request: request as RequestId,
  hours: Object.keys(change.hours ?? {})
    .sort(compareIds)
    .map((slot) => ({ slot: slot as SlotId, hours: (change.hours ?? {})[slot] as number })),
  period: change.period ?? null,
})

/**
 * A pin is added (see {@link PinAdded}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const pinAdded = (member: string, slot: string): Change => ({
  _tag: 'pinAdded',
  member: member as MemberId,
  slot: slot as SlotId,
})

/**
 * A pin is removed (see {@link PinRemoved}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const pinRemoved = (member: string, slot: string): Change => ({
  _tag: 'pinRemoved',
  member: member as MemberId,
  slot: slot as SlotId,
})

