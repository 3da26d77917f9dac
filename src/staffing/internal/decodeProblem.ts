/**
 * The assembly behind `Problem.decodeProblem`: one linear walk over the untrusted input that
 * reads each section with the element decoders (elements.ts, on the primitive readers of
 * reading.ts), registers ids, checks references, and finally hands the pins to the check it is
 * given (the pipeline's, which asks the solver's evaluator). Every issue is collected with its
 * JSON path.
 *
 * @internal
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import { issue } from '../../kernel/Issue.js'
import type { Issue } from '../../kernel/Issue.js'
import type {
  HistoryEntry,
  Member,
  MemberId,
  Problem,
  Request,
  Role,
  Slot,
  SlotMember,
  ValidProblem,
} from '../Problem.js'

import {
  type Ctx,
  KEYS,
  type Obj,
  array,
  compareIds,
  defaultPolicy,
  get,
  isObj,
  kind,
  newCtx,
  quote,
  register,
  report,
  unknownKeys,
} from './reading.js'
import {
  compareHistory,
  decodeApartAt,
  decodeHistoryAt,
  decodeMemberAt,
  decodePolicyAt,
  decodeRequestAt,
  decodeRoleAt,
  decodeSlotMemberAt,
} from './elements.js'

export * from './reading.js'
export * from './elements.js'
export * from './encode.js'

/** Reads one top-level section as an array of elements, reporting per element. */
export const section = <A>(
  c: Ctx,
  root: Obj,
  key: string,
  required: boolean,
  decode: (c: Ctx, base: string, u: unknown, i: number) => A | undefined,
): Array<A> => {
  const u = get(root, key)
  const out: Array<A> = []
  if (u === undefined && !required) return out
  const xs = array(c, '', key, u)
  if (xs === undefined) {
    c.incomplete = true
    return out
  }
  for (let i = 0; i < xs.length; i++) {
    const a = decode(c, `${key}[${i}]`, xs[i], i)
    if (a !== undefined) out.push(a)
  }
  return out
}

/** Pairs (member, slot) with at most one entry per slot; identical duplicates are dropped. */
export const slotMembers = (
  c: Ctx,
  root: Obj,
  key: 'pinned' | 'previous',
  paths: Map<string, string>,
): Array<SlotMember> => {
  const bySlot = new Map<string, SlotMember>()
  section(c, root, key, false, (c, base, u) => {
    const p = decodeSlotMemberAt(c, base, u)
    if (p === undefined) return undefined
    const prior = bySlot.get(p.slot)
    if (prior === undefined) {
      bySlot.set(p.slot, p)
      paths.set(p.slot, base)
    } else if (prior.member !== p.member) {
      report(
        c,
        base,
        'conflict',
        `slot ${quote(p.slot)} already has ${quote(prior.member)} in ${paths.get(p.slot) ?? key}`,
      )
    }
    return undefined
  })
  return [...bySlot.values()].sort((a, b) => compareIds(a.slot, b.slot))
}

/**
 * The pin check the decoder is given: the issues of the pins for which `include` holds,
 * checked together against every hard constraint (by the solver's rulebook).
 */
export type PinCheck = (
  problem: Problem,
  include: (member: Member, request: Request, slot: Slot) => boolean,
) => ReadonlyArray<{ readonly slot: string; readonly message: string }>

/**
 * Decodes a problem, checking its pins with `checkPins`: every issue with its path, or the
 * valid problem.
 */
export const decodeProblemUnsafe = (u: unknown, checkPins: PinCheck): E.Either<NonEmptyArray<Issue>, ValidProblem> => {
  if (!isObj(u)) return E.left([issue('', 'type', `expected a problem object, got ${kind(u)}`)])
  const c = newCtx(true)
  unknownKeys(c, '', undefined, u, KEYS.root)
  const dirty: Dirty = {
    roles: new Set<string>(),
    members: new Set<string>(),
    requests: new Set<string>(),
    slots: new Set<string>(),
  }
  const roles = rolesSection(c, u, dirty)
  const members = membersSection(c, u, dirty)
  const requests = requestsSection(c, u, dirty)
  const history = historySection(c, u)
  const pinPath = new Map<string, string>()
  const pinned = slotMembers(c, u, 'pinned', pinPath)
  const previous = slotMembers(c, u, 'previous', new Map())
  const apart = apartSection(c, u)
  const beforePolicy = c.issues.length
  const policy = decodePolicyAt(c, 'policy', get(u, 'policy')) ?? defaultPolicy
  const policyClean = c.issues.length === beforePolicy
  const byId = <A extends { readonly id: string }>(x: A, y: A) => compareIds(x.id, y.id)
  const problem: Problem = {
    roles: roles.sort(byId),
    members: members.sort(byId),
    requests: requests.sort(byId),
    history,
    pinned,
    previous,
    apart,
    policy,
  }
  // the pins alone against the hard constraints (none if the policy is broken)
  if (policyClean) reportPins(c, problem, dirty, pinPath, checkPins)
  if (c.issues.length > 0) return E.left(c.issues as NonEmptyArray<Issue>)
  return E.right(problem as ValidProblem)
}

// A section whose ids could not all be read leaves its references unchecked: an unknown
// name there may well be the id that failed, and a second issue would only confuse.
// Ids of elements with an issue of their own (duplicates included) are dirty: pins that
// involve one are not checked against the hard constraints, every other pin is.

/** The ids of elements with an issue of their own, per registry. */
interface Dirty {
  readonly roles: Set<string>
  readonly members: Set<string>
  readonly requests: Set<string>
  readonly slots: Set<string>
}

/** The roles, registered (the registry dropped when an id could not be read). */
const rolesSection = (c: Ctx, u: Obj, dirty: Dirty): Array<Role> => {
  const roles = section(c, u, 'roles', true, (c, base, x) => {
    const before = c.issues.length
    const r = decodeRoleAt(c, base, x)
    if (r === undefined || r.id === '') c.incomplete = true
    else register(c, c.roles, r.id, base, 'role')
    if (r !== undefined && c.issues.length > before) dirty.roles.add(r.id)
    return r
  })
  if (c.incomplete) c.roles = undefined
  c.incomplete = false
  return roles
}

/** The members, registered (the registry dropped when an id could not be read). */
const membersSection = (c: Ctx, u: Obj, dirty: Dirty): Array<Member> => {
  const members = section(c, u, 'members', true, (c, base, x) => {
    const before = c.issues.length
    const m = decodeMemberAt(c, base, x)
    if (m === undefined || m.id === '') c.incomplete = true
    else register(c, c.members, m.id, base, 'member')
    if (m !== undefined && c.issues.length > before) dirty.members.add(m.id)
    return m
  })
  if (c.incomplete) c.members = undefined
  c.incomplete = false
  return members
}

/** The requests, registered with their slots (the slot registry dropped when a request could not be read). */
const requestsSection = (c: Ctx, u: Obj, dirty: Dirty): Array<Request> => {
  const requests = section(c, u, 'requests', true, (c, base, x) => {
    const before = c.issues.length
    const r = decodeRequestAt(c, base, x)
    if (r === undefined) c.incomplete = true
    else register(c, c.requests, r.id, base, 'request')
    if (r !== undefined && c.issues.length > before) {
      dirty.requests.add(r.id)
      // a duplicated slot id makes the other request that holds it ambiguous too
      for (const s of r.slots) dirty.slots.add(s.id)
    }
    return r
  })
  if (c.incomplete) c.slots = undefined
  c.incomplete = false
  return requests
}

/** The history, sorted, identical entries once. */
const historySection = (c: Ctx, u: Obj): Array<HistoryEntry> => {
  const history = section(c, u, 'history', false, decodeHistoryAt).sort(compareHistory)
  let nh = 0
  for (const h of history) {
    const prev = history[nh - 1]
    if (prev === undefined || compareHistory(prev, h) !== 0) history[nh++] = h
  }
  history.length = nh
  return history
}

/** The `apart` pairs, sorted, each once. */
const apartSection = (c: Ctx, u: Obj): Array<readonly [MemberId, MemberId]> => {
  const apartByKey = new Map<string, readonly [MemberId, MemberId]>()
  section(c, u, 'apart', false, (c, base, x) => {
    const pair = decodeApartAt(c, base, x)
    if (pair !== undefined) apartByKey.set(JSON.stringify(pair), pair)
    return undefined
  })
  return [...apartByKey.values()].sort((x, y) => compareIds(x[0], y[0]) || compareIds(x[1], y[1]))
}

/**
 * The pins' issues, for every pin whose member, request, slot and role are sound, at the pins'
 * paths: in the order of the pins in the input, each pin's issues in the order found.
 */
const reportPins = (c: Ctx, problem: Problem, dirty: Dirty, pinPath: ReadonlyMap<string, string>, checkPins: PinCheck): void => {
  const found = checkPins(
    problem,
    (member, request, slot) =>
      !(
        dirty.members.has(member.id) ||
        dirty.requests.has(request.id) ||
        dirty.slots.has(slot.id) ||
        dirty.roles.has(slot.role) ||
        c.roles === undefined ||
        !c.roles.has(slot.role)
      ),
  )
  const order = (slot: string): number => {
    const path = pinPath.get(slot) ?? ''
    return Number(path.slice(path.indexOf('[') + 1, -1))
  }
  const sorted = found.map((f, i) => ({ f, i })).sort((x, y) => order(x.f.slot) - order(y.f.slot) || x.i - y.i)
  for (const { f } of sorted) c.issues.push(issue(pinPath.get(f.slot) ?? 'pinned', 'pin', f.message))
}
