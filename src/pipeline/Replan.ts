/**
 * Replanning: what changed between two plans, how to carry a problem forward when the world
 * changes, and how much a new plan disrupts the old one.
 *
 * - {@link diff} compares two plans: the assignments added, removed and changed, the people
 *   affected and the change of every score term.
 * - {@link replan} applies {@link Change}s (a member leaves or joins, a request arrives, is
 *   cancelled or changes, a pin is added or removed) to a problem and returns the next problem,
 *   with the current plan as its `previous` plan so that solving it keeps what it can.
 * - {@link disruption} counts the assignments a new plan changes, split into those the changes
 *   themselves force and the rest.
 * - {@link toLines} says it in words, in Dutch or English.
 *
 * Everything here is plain data and the figures come from the plans' own scores, so they agree
 * with the evaluator. See the replanning guide (`docs/replanning.md`) for a walk-through.
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import * as Eligibility from '../staffing/Eligibility.js'
import * as D from '../staffing/internal/decodeProblem.js'
import type { IsoDate, Period } from '../kernel/IsoDate.js'
import { previousDay } from '../kernel/IsoDate.js'
import { field, issue, type Issue } from '../kernel/Issue.js'
import type { Assignment, Plan, Terms } from '../staffing/Plan.js'
import {
  compareIds,
  decodeProblem,
  encodeProblem,
  MemberCodec,
  RequestCodec,
  type Member,
  type MemberId,
  type Request,
  type SlotId,
  type SlotMember,
  type ValidProblem,
} from './Problem.js'
import { type Change, type MemberJoins, type MemberLeaves, type PinAdded, type PinRemoved, type RequestArrives, type RequestCancelled, type RequestChanges, type Disrupted, type Disruption, type DropReason, type DroppedPin, type ForcedCause, type PlanDiff, type Reassignment, type Replanned } from './internal/replanModel.js'
import { termNames } from '../staffing/Plan.js'


// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

export * from './internal/replanModel.js'
export * from './internal/change.js'
export { toLines } from './internal/replanWords.js'

// -------------------------------------------------------------------------------------
// queries
// -------------------------------------------------------------------------------------

/** Slot → member of a plan (a slot listed twice: the last one counts). */
const holders = (plan: Plan): ReadonlyMap<SlotId, MemberId> => {
  const out = new Map<SlotId, MemberId>()
  for (const a of plan.assignments) out.set(a.slot, a.member)
  return out
}


/** `y − x`, with `-0` read as `0` (so a zero change prints and compares as 0). */
const minus = (y: number, x: number): number => y - x + 0

/**
 * The difference from `before` to `after`: assignments added, removed and changed (each list
 * sorted by slot id), the people affected (sorted ids) and the score change `after − before`
 * for filled, soft and each term. The plans' own scores are used, so the change agrees with
 * the evaluator. `diff(p, p)` is empty ({@link isEmpty}), and `diff(b, a)` mirrors
 * `diff(a, b)`: added and removed swap, each change runs the other way, the delta is negated.
 *
 * @category queries
 * @since 0.1.0
 */
export const diff = (before: Plan, after: Plan): PlanDiff => {
  const b = holders(before)
  const a = holders(after)
  const slots = [...new Set([...b.keys(), ...a.keys()])].sort(compareIds)
  const added: Array<Assignment> = []
  const removed: Array<Assignment> = []
  const changed: Array<Reassignment> = []
  const people = new Set<MemberId>()
  for (const slot of slots) {
    const x = b.get(slot)
    const y = a.get(slot)
    if (x === y) continue
    if (x !== undefined) people.add(x)
    if (y !== undefined) people.add(y)
    if (x === undefined && y !== undefined) added.push({ slot, member: y })
    else if (x !== undefined && y === undefined) removed.push({ slot, member: x })
    else if (x !== undefined && y !== undefined) changed.push({ slot, from: x, to: y })
  }
  const terms = {} as Record<keyof Terms, number>
  for (const k of termNames) terms[k] = minus(after.score.terms[k], before.score.terms[k])
  return {
    _tag: 'PlanDiff',
    added,
    removed,
    changed,
    people: [...people].sort(compareIds),
    delta: {
      filled: minus(after.score.filled, before.score.filled),
      soft: minus(after.score.soft, before.score.soft),
      terms,
    },
  }
}

/**
 * Whether a diff shows no change at all: no assignment added, removed or changed and every
 * score figure unchanged.
 *
 * @category queries
 * @since 0.1.0
 */
export const isEmpty = (d: PlanDiff): boolean =>
  d.added.length === 0 &&
  d.removed.length === 0 &&
  d.changed.length === 0 &&
  d.delta.filled === 0 &&
  d.delta.soft === 0 &&
  termNames.every((k) => d.delta.terms[k] === 0)

/**
 * Why an old assignment cannot stay in `problem`, on its own (`none` when it could).
 * The order: the slot gone, the member gone, the slot pinned to another member, then the first
 * eligibility rule the member fails for the slot alone (`Eligibility.check`, capacity included).
 */
const forcedCause = (
  problem: ValidProblem,
  pins: ReadonlyMap<SlotId, MemberId>,
  a: Assignment,
): O.Option<{ readonly cause: ForcedCause; readonly detail: string }> => {
  const ix = Eligibility.index(problem)
  const entry = ix.slotById.get(a.slot)
  if (entry === undefined) return O.some({ cause: 'slot-gone', detail: `slot ${a.slot} no longer exists` })
  const member = ix.memberById.get(a.member)
  if (member === undefined)
    return O.some({ cause: 'member-gone', detail: `member ${a.member} is no longer in the pool` })
  const pinned = pins.get(a.slot)
  if (pinned !== undefined && pinned !== a.member)
    return O.some({ cause: 'pinned', detail: `slot ${a.slot} is pinned to ${pinned}` })
  return O.map((f: Eligibility.Failure) => ({ cause: f.constraint as ForcedCause, detail: f.detail }))(
    Eligibility.check(problem, member, entry.request, entry.slot),
  )
}

/**
 * How much `after` disrupts `before`, judged in `problem` (the problem `after` was made for,
 * say the result of {@link replan}). `changed` counts the assignments of `before` that `after`
 * does not keep (the slot now open, held by someone else, or gone); `forced` those among them
 * the problem itself rules out — the slot or member gone, the slot pinned to another member,
 * or the member failing an eligibility rule for the slot on their own (capacity included:
 * fewer free hours than the slot asks); and `beyond = changed − forced`, the changes the new
 * plan chose. Assignments blocked only in combination with others (a new pin of the same
 * member elsewhere, say) count as `beyond`.
 *
 * @category queries
 * @since 0.1.0
 */
export const disruption = (problem: ValidProblem, before: Plan, after: Plan): Disruption => {
  const a = holders(after)
  const pins = new Map<SlotId, MemberId>(problem.pinned.map((p) => [p.slot, p.member]))
  const out: Array<Disrupted> = []
  for (const [slot, member] of [...holders(before)].sort((x, y) => compareIds(x[0], y[0]))) {
    const now = a.get(slot) ?? null
    if (now === member) continue
    const why = forcedCause(problem, pins, { slot, member })
    out.push({
      slot,
      member,
      now,
      cause: O.isSome(why) ? why.value.cause : null,
      detail: O.isSome(why) ? why.value.detail : '',
    })
  }
  const forced = out.filter((d) => d.cause !== null).length
  return { _tag: 'Disruption', changed: out.length, forced, beyond: out.length - forced, assignments: out }
}

// -------------------------------------------------------------------------------------
// combinators
// -------------------------------------------------------------------------------------

/** Where an element of the next problem came from: the old problem, or change `i`. */
type Origin = number | null

interface Pin {
  readonly pin: SlotMember
  readonly origin: Origin
}

/** The problem being edited, change by change. */
interface Draft {
  readonly members: Map<string, { member: Member; readonly origin: Origin }>
  readonly requests: Map<string, { request: Request; readonly origin: Origin }>
  /** Slot id → the request that owns it. */
  readonly slotOwner: Map<string, string>
  pins: Array<Pin>
  readonly dropped: Array<DroppedPin>
  readonly issues: Array<Issue>
}

/** Availability of a member who is gone from `from` on: every window ends the day before. */
const leave = (available: ReadonlyArray<Period> | null, from: IsoDate): ReadonlyArray<Period> => {
  const last = previousDay(from)
  if (O.isNone(last)) return []
  const windows = available ?? [{ from: '0001-01-01' as IsoDate, to: last.value }]
  return windows
    .filter((w) => w.from <= last.value)
    .map((w) => (w.to <= last.value ? w : { from: w.from, to: last.value }))
}

const unknownId = (d: Draft, path: string, what: string, value: string): void => {
  d.issues.push(issue(path, 'reference', `unknown ${what} ${JSON.stringify(value)}`))
}

const dropPins = (d: Draft, drop: (p: Pin) => O.Option<{ reason: DropReason; detail: string }>): void => {
  const keep: Array<Pin> = []
  for (const p of d.pins) {
    const why = drop(p)
    if (O.isNone(why)) keep.push(p)
    else if (p.origin === null) d.dropped.push({ ...p.pin, ...why.value })
  }
  d.pins = keep
}

/** Applies change `i` to the draft, recording issues at `changes[i]…`. */
const apply = (d: Draft, c: Change, i: number): void => {
  const path = field('changes', i)
  switch (c._tag) {
    case 'memberLeaves':
      return memberLeaves(d, c, path)
    case 'memberJoins':
      return memberJoins(d, c, path, i)
    case 'requestArrives':
      return requestArrives(d, c, path, i)
    case 'requestCancelled':
      return requestCancelled(d, c, path)
    case 'requestChanges':
      return requestChanges(d, c, path)
    case 'pinAdded':
    case 'pinRemoved':
      return pinChange(d, c, path, i)
  }
}

/** A member leaves: every availability window ends the day before. */
const memberLeaves = (d: Draft, c: MemberLeaves, path: string): void => {
  const entry = d.members.get(c.member)
  if (entry === undefined) return unknownId(d, field(path, 'member'), 'member', c.member)
  entry.member = { ...entry.member, available: leave(entry.member.available, c.from) }
}

/** A member joins the pool (a taken id is an issue). */
const memberJoins = (d: Draft, c: MemberJoins, path: string, i: number): void => {
  if (d.members.has(c.member.id)) {
    d.issues.push(
      issue(
        field(field(path, 'member'), 'id'),
        'duplicate',
        `member ${JSON.stringify(c.member.id)} is already in the pool`,
      ),
    )
    return
  }
  d.members.set(c.member.id, { member: c.member, origin: i })
}

/** A request arrives (a taken id is an issue) and owns its slots not taken yet. */
const requestArrives = (d: Draft, c: RequestArrives, path: string, i: number): void => {
  if (d.requests.has(c.request.id)) {
    d.issues.push(
      issue(
        field(field(path, 'request'), 'id'),
        'duplicate',
        `request ${JSON.stringify(c.request.id)} already exists`,
      ),
    )
    return
  }
  d.requests.set(c.request.id, { request: c.request, origin: i })
  // a slot id that is taken already is reported by the problem decoder, at this change
  for (const s of c.request.slots) if (!d.slotOwner.has(s.id)) d.slotOwner.set(s.id, c.request.id)
}

/** A request is cancelled: its slots go, and the old pins on them are dropped. */
const requestCancelled = (d: Draft, c: RequestCancelled, path: string): void => {
  const entry = d.requests.get(c.request)
  if (entry === undefined) return unknownId(d, field(path, 'request'), 'request', c.request)
  d.requests.delete(c.request)
  const gone = new Set<string>()
  for (const s of entry.request.slots) {
    if (d.slotOwner.get(s.id) === c.request) {
      d.slotOwner.delete(s.id)
      gone.add(s.id)
    }
  }
  dropPins(d, (p) =>
    gone.has(p.pin.slot)
      ? O.some({ reason: 'cancelled', detail: `request ${c.request} was cancelled` })
      : O.none,
  )
}

/** A request changes its period or slot hours (a slot not its own is an issue). */
const requestChanges = (d: Draft, c: RequestChanges, path: string): void => {
  const entry = d.requests.get(c.request)
  if (entry === undefined) return unknownId(d, field(path, 'request'), 'request', c.request)
  const mine = new Set(entry.request.slots.map((s) => s.id as string))
  let ok = true
  for (const h of c.hours) {
    if (!mine.has(h.slot)) {
      ok = false
      d.issues.push(
        issue(
          field(field(path, 'hours'), h.slot),
          'reference',
          `${JSON.stringify(h.slot)} is not a slot of request ${JSON.stringify(c.request)}`,
        ),
      )
    }
  }
  if (!ok) return
  const hours = new Map(c.hours.map((h) => [h.slot as string, h.hours]))
  entry.request = {
    ...entry.request,
    period: c.period ?? entry.request.period,
    slots: entry.request.slots.map((s) => (hours.has(s.id) ? { ...s, hours: hours.get(s.id) as number } : s)),
  }
}

/** A pin is added (replacing the slot's pin) or removed (a pin that is not there is an issue). */
const pinChange = (d: Draft, c: PinAdded | PinRemoved, path: string, i: number): void => {
  const hasMember = d.members.has(c.member)
  const hasSlot = d.slotOwner.has(c.slot)
  if (!hasMember) unknownId(d, field(path, 'member'), 'member', c.member)
  if (!hasSlot) unknownId(d, field(path, 'slot'), 'slot', c.slot)
  if (!hasMember || !hasSlot) return
  const held = d.pins.find((p) => p.pin.slot === c.slot)
  if (c._tag === 'pinAdded') {
    if (held?.pin.member === c.member) return
    dropPins(d, (p) =>
      p.pin.slot === c.slot
        ? O.some({ reason: 'replaced', detail: `slot ${c.slot} is now pinned to ${c.member}` })
        : O.none,
    )
    d.pins.push({ pin: { member: c.member, slot: c.slot }, origin: i })
    return
  }
  if (held === undefined || held.pin.member !== c.member) {
    d.issues.push(
      issue(path, 'reference', `there is no pin of ${JSON.stringify(c.member)} on slot ${JSON.stringify(c.slot)}`),
    )
    return
  }
  d.pins = d.pins.filter((p) => p !== held)
}

/** The JSON path of element `index` of a section, with what follows it, or `undefined`. */
const splitPath = (
  path: string,
  section: string,
): { readonly index: number; readonly rest: string } | undefined => {
  const m = new RegExp(`^${section}\\[(\\d+)\\](.*)$`).exec(path)
  return m === null ? undefined : { index: Number(m[1]), rest: m[2] ?? '' }
}

/**
 * Replans: applies `changes`, in order, to `problem` and returns the next problem, with
 * `plan`'s assignments as its `previous` plan (pairs whose slot or member is gone are left
 * out), so that solving it keeps what it can through the continuity term.
 *
 * The next problem is built as JSON (`encodeProblem`, the edits, then `decodeProblem`), so
 * the one decoder validates it, pins included. What happens to the rest:
 * - History is left as it is: a cancelled request never finished, and finished teams are
 *   recorded by `Learn.recordOutcome`. `apart` pairs, exclusions and the policy stay too.
 * - Pins the changes make impossible are dropped and listed in `droppedPins`: pins on a
 *   cancelled request (`cancelled`), a pin replaced by a `pinAdded` on the same slot
 *   (`replaced`), and pins that break a hard constraint after the changes (`broken`: a member
 *   who leaves before the request ends, a slot's hours beyond the member's time, a new pin
 *   that needs the same hours — the newest decision wins). Pins added by the changes are
 *   never dropped: one that breaks a hard constraint is an issue at its change.
 *
 * Fails with every issue found, each at its path: a change naming an unknown member, request
 * or slot (`changes[2].member`, code `reference`), a joining member or arriving request whose
 * id exists (`changes[0].member.id`, `duplicate`), a slot of `requestChanges.hours` that is
 * not the request's, a `pinRemoved` without such a pin, anything the problem decoder finds in
 * a joining member or arriving request (`changes[1].request.slots[0].role`), and a plan
 * assignment naming a slot or member unknown to `problem` (`plan.assignments[3].slot`).
 * Deterministic: the same arguments give a deep-equal result.
 *
 * @category combinators
 * @since 0.1.0
 */
export const replan = (
  problem: ValidProblem,
  plan: Plan,
  changes: ReadonlyArray<Change>,
): E.Either<NonEmptyArray<Issue>, Replanned> => {
  const d = draftOf(problem)
  checkPlanIds(d, problem, plan)
  changes.forEach((c, i) => apply(d, c, i))
  if (d.issues.length > 0) return E.left(d.issues as NonEmptyArray<Issue>)
  return decodeNext(d, nextJson(problem, plan, d))
}

/** The draft of the next problem: the old problem, nothing changed yet. */
const draftOf = (problem: ValidProblem): Draft => ({
  members: new Map(problem.members.map((m) => [m.id as string, { member: m, origin: null }])),
  requests: new Map(problem.requests.map((r) => [r.id as string, { request: r, origin: null }])),
  slotOwner: new Map(
    problem.requests.flatMap((r) => r.slots.map((s) => [s.id as string, r.id as string] as const)),
  ),
  pins: problem.pinned.map((pin) => ({ pin, origin: null })),
  dropped: [],
  issues: [],
})

/** Issues for plan assignments naming a slot or member unknown to the problem. */
const checkPlanIds = (d: Draft, problem: ValidProblem, plan: Plan): void => {
  const ix = Eligibility.index(problem)
  plan.assignments.forEach((a, k) => {
    const at = field(field('plan', 'assignments'), k)
    if (!ix.slotById.has(a.slot)) unknownId(d, field(at, 'slot'), 'slot', a.slot)
    if (!ix.memberById.has(a.member)) unknownId(d, field(at, 'member'), 'member', a.member)
  })
}

/** The edited problem as JSON, given its pins, and where its members and requests came from. */
interface NextJson {
  readonly json: (pins: ReadonlyArray<Pin>) => unknown
  readonly memberOrigins: ReadonlyArray<Origin>
  readonly requestOrigins: ReadonlyArray<Origin>
}

/** The next problem's JSON: the draft's members and requests, the plan's surviving pairs as `previous`. */
const nextJson = (problem: ValidProblem, plan: Plan, d: Draft): NextJson => {
  const members = [...d.members.values()]
  const requests = [...d.requests.values()]
  // the plan's pairs whose slot and member are still there (a slot listed twice: the last counts)
  const previous = [...holders(plan)]
    .filter(([slot, member]) => d.slotOwner.has(slot) && d.members.has(member))
    .map(([slot, member]) => D.encodeSlotMember({ member, slot }))
  const base = encodeProblem(problem)
  return {
    json: (pins) => ({
      ...base,
      members: members.map((e) => MemberCodec.encode(e.member)),
      requests: requests.map((e) => RequestCodec.encode(e.request)),
      pinned: pins.map((p) => D.encodeSlotMember(p.pin)),
      previous,
    }),
    memberOrigins: members.map((e) => e.origin),
    requestOrigins: requests.map((e) => e.origin),
  }
}

/** An issue in a joining member, an arriving request or an added pin, moved to its change's path. */
const remapIssue =
  (next: NextJson, pins: ReadonlyArray<Pin>) =>
  (x: Issue): Issue => {
    const at = (section: string, origins: ReadonlyArray<Origin>, key: string | null): Issue | undefined => {
      const p = splitPath(x.path, section)
      const origin = p === undefined ? null : origins[p.index] ?? null
      if (p === undefined || origin === null) return undefined
      const change = field('changes', origin)
      return { ...x, path: `${key === null ? change : field(change, key)}${p.rest}` }
    }
    return (
      at('members', next.memberOrigins, 'member') ??
      at('requests', next.requestOrigins, 'request') ??
      at(
        'pinned',
        pins.map((p) => p.origin),
        null,
      ) ??
      x
    )
  }

/**
 * Decodes the next problem; pins of the old problem that now break a hard constraint are
 * dropped and the rest decoded again (each round drops at least one pin, so this ends).
 */
const decodeNext = (d: Draft, next: NextJson): E.Either<NonEmptyArray<Issue>, Replanned> => {
  let pins: ReadonlyArray<Pin> = d.pins
  for (;;) {
    const decoded = decodeProblem(next.json(pins))
    if (E.isRight(decoded)) {
      const droppedPins = [...d.dropped].sort(
        (x, y) => compareIds(x.slot, y.slot) || compareIds(x.member, y.member),
      )
      return E.right({ _tag: 'Replanned', problem: decoded.right, droppedPins })
    }
    const broken = new Map<number, Array<string>>()
    const rest: Array<Issue> = []
    for (const x of decoded.left) {
      const p = splitPath(x.path, 'pinned')
      if (x.code === 'pin' && p !== undefined && pins[p.index]?.origin === null)
        broken.set(p.index, [...(broken.get(p.index) ?? []), x.message])
      else rest.push(remapIssue(next, pins)(x))
    }
    const [first, ...more] = rest
    if (first !== undefined) return E.left([first, ...more])
    if (broken.size === 0) return E.left(decoded.left)
    for (const [k, messages] of broken) {
      const p = pins[k] as Pin
      d.dropped.push({ ...p.pin, reason: 'broken', detail: messages.join('; ') })
    }
    pins = pins.filter((_, k) => !broken.has(k))
  }
}
