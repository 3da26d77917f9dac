/**
 * The pin check of `decodeProblem`: the pins alone must keep every hard constraint. It asks
 * the one rulebook — the pins are compiled into a model of their own (their members, their
 * slots) and the model's evaluator lists what they break — and puts each broken constraint
 * in words at the pins that break it. A pin the compiler gives no edge (the member may not
 * fill the slot on their own) is named with the first rule it fails.
 *
 * @internal
 * @since 0.1.0
 */
import * as O from 'fp-ts/lib/Option.js'
import { compile, type Compiled } from '../Compile.js'
import * as Eligibility from '../../staffing/Eligibility.js'
import { violations } from '../../model/Evaluate.js'
import type { ModelEdge } from '../../model/Model.js'
import { edgeAt } from '../../model/internal/edges.js'
import type { Member, MemberId, Problem, Request, Slot, SlotId, SlotMember, ValidProblem } from '../../staffing/Problem.js'
import { formatHours } from '../../kernel/internal/tolerance.js'

/**
 * A pin that breaks a hard constraint, in words.
 *
 * @internal
 */
export interface PinIssue {
  /** The pinned slot (one pin per slot). */
  readonly slot: SlotId
  /** What it breaks. */
  readonly message: string
}

const quote = (s: string): string => JSON.stringify(s)

/** A member's pins needing `load` hours on `date`, beyond the free hours. */
const capacityWords = (member: Member, load: number, date: string): string =>
  `the pins of ${quote(member.id)} need ${formatHours(load)} h on ${date} but only ` +
  `${formatHours(member.capacity - member.committed)} h are free (capacity ${formatHours(member.capacity)}, ` +
  `committed ${formatHours(member.committed)}) (capacity)`

/**
 * The issues of the pins for which `include` holds (the others involve an element with an
 * issue of its own), checked together against every hard constraint. `problem` is decoded but
 * for the pins (ids unique, references resolved).
 *
 * @internal
 */
export const pinIssues = (
  problem: Problem,
  include: (member: Member, request: Request, slot: Slot) => boolean,
): ReadonlyArray<PinIssue> => {
  const ix = Eligibility.index(problem)
  const pins: Array<SlotMember> = []
  for (const p of problem.pinned) {
    const member = ix.memberById.get(p.member)
    const entry = ix.slotById.get(p.slot)
    if (member !== undefined && entry !== undefined && include(member, entry.request, entry.slot)) pins.push(p)
  }
  if (pins.length === 0) return []
  const own = pinsProblem(problem, pins)
  // decoded but for the pins, which is all the compiler needs
  const compiled = compile(own as ValidProblem)
  return [...edgelessPins(problem, compiled, pins), ...brokenConstraints(own, compiled)]
}

/** The pins' own problem: their members, their slots, the pairs kept apart among them. */
const pinsProblem = (problem: Problem, pins: ReadonlyArray<SlotMember>): Problem => {
  const members = new Set<string>(pins.map((p) => p.member))
  const slots = new Set<string>(pins.map((p) => p.slot))
  const requests = problem.requests
    .filter((r) => r.slots.some((s) => slots.has(s.id)))
    .map((r) => ({ ...r, slots: r.slots.filter((s) => slots.has(s.id)) }))
  return {
    ...problem,
    members: problem.members.filter((m) => members.has(m.id)),
    requests,
    history: [],
    previous: [],
    pinned: pins,
    apart: problem.apart.filter(([a, b]) => members.has(a) && members.has(b)),
  }
}

/** The pins the compiler gives no edge, each named with the first eligibility rule it fails. */
const edgelessPins = (problem: Problem, compiled: Compiled, pins: ReadonlyArray<SlotMember>): Array<PinIssue> => {
  const ix = Eligibility.index(problem)
  const out: Array<PinIssue> = []
  for (const i of compiled.unforced) {
    const p = pins[i] as SlotMember
    const member = ix.memberById.get(p.member) as Member
    const entry = ix.slotById.get(p.slot)
    const f = entry === undefined ? O.none : Eligibility.check(problem, member, entry.request, entry.slot)
    if (entry === undefined || O.isNone(f)) continue
    const { constraint, detail } = f.value
    out.push({
      slot: p.slot,
      message:
        constraint === 'capacity'
          ? capacityWords(member, entry.slot.hours, entry.request.period.from)
          : `pinning ${quote(p.member)} to ${quote(p.slot)} breaks eligibility (${constraint}: ${detail})`,
    })
  }
  return out
}

/** The hard constraints the forced edges break (capacity, group limit, apart), in words at the pins that break them. */
const brokenConstraints = (own: Problem, compiled: Compiled): Array<PinIssue> => {
  const model = compiled.model
  const out: Array<PinIssue> = []
  const request = (g: number): Request => own.requests[g] as Request
  // the forced edges of a member serving a group, or active at a time point
  const pinsOf = (m: number, keep: (edge: ModelEdge) => boolean): Array<SlotId> =>
    model.forced
      .map((e) => edgeAt(model, e) as ModelEdge)
      .filter((edge) => edge.member === m && keep(edge))
      .map((edge) => compiled.slotIds[edge.slot] as SlotId)
  const inGroup = (g: number) => (edge: ModelEdge) => compiled.slotRequest[edge.slot] === g
  const overloaded = new Set<number>()
  for (const v of violations(model)(model.forced)) {
    if (v.kind === 'capacity') {
      // the first date a member's pins need too much, as the old check did
      if (overloaded.has(v.member)) continue
      overloaded.add(v.member)
      const member = own.members[v.member] as Member
      const active = (edge: ModelEdge): boolean => {
        const s = model.slots[edge.slot]
        return s !== undefined && s.from <= v.point && v.point <= s.to
      }
      for (const slot of pinsOf(v.member, active))
        out.push({ slot, message: capacityWords(member, v.load, compiled.timePoints[v.point] ?? '') })
    } else if (v.kind === 'group') {
      const id = compiled.memberIds[v.member] as MemberId
      for (const slot of pinsOf(v.member, inGroup(v.group)))
        out.push({
          slot,
          message: `${quote(id)} is pinned to ${v.count} slots of request ${quote(request(v.group).id)}, more than ${v.limit} (maxSlotsPerMemberPerRequest)`,
        })
    } else if (v.kind === 'conflict') {
      const [a, b] = v.members
      const ida = compiled.memberIds[a] as MemberId
      const idb = compiled.memberIds[b] as MemberId
      for (const slot of [...pinsOf(a, inGroup(v.group)), ...pinsOf(b, inGroup(v.group))])
        out.push({
          slot,
          message: `${quote(ida)} and ${quote(idb)} must stay apart but are both pinned to request ${quote(request(v.group).id)} (apart)`,
        })
    }
  }
  return out
}
