/**
 * Why a slot is open, beside the plan's reasons: the members behind each reason (nearest
 * first) and the single changes — relaxations — that would let a named member take it. Each
 * relaxation is checked before it is offered, by the rulebook: a small problem holding only
 * what the claim depends on (the member, its assignments, the request and its team) gets the
 * change through the problem decoder, is compiled, and the evaluator must find the plan with
 * the member on the slot valid. A move is the rulebook's state answering "m takes s".
 *
 * @internal
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import { compile } from '../Compile.js'
import * as Eligibility from '../../staffing/Eligibility.js'
import { compareScore } from '../../model/Evaluate.js'
import type { Relaxation, ReasonMembers } from './explainModel.js'
import { toDayNumber, type Period } from '../../kernel/IsoDate.js'
import { field, issue, type Issue } from '../../kernel/Issue.js'
import { reasonOrder, type ReasonCode } from '../../staffing/Plan.js'
import {
  decodeProblem,
  encodeProblem,
  type Member,
  type MemberId,
  type Problem,
  type Request,
  type Slot,
  type SlotId,
  type ValidProblem,
} from '../Problem.js'
import { compactOf } from '../../model/internal/compact.js'
import { moveOf, slotEntry } from './explainMove.js'
import { failuresOf, freeHours, nearest } from './explainRules.js'
import { chosenOf, type Ctx, memberId, slotId } from './explainState.js'
import { blocker, DETAIL_FREE } from './planState.js'
import { violationsCompact } from '../../model/internal/score.js'
import { State } from '../../model/internal/state.js'

/** Members listed per reason, and per unit relaxation. */
const MEMBERS_PER_REASON = 10
/** Relaxations offered per kind. */
const RELAXATIONS_PER_KIND = 3
/**
 * Members tried per kind of relaxation (nearest first): each try compiles a small problem, so an
 * explanation of a plan with many open slots stays fast.
 */
const TRIES_PER_KIND = 6

// -------------------------------------------------------------------------------------
// the members behind the reasons
// -------------------------------------------------------------------------------------

/** Where each member stands for slot `s`: its failing requirements and its reason. */
interface Standing {
  readonly member: number
  readonly failures: ReadonlyArray<Eligibility.Failure>
  readonly constraint: ReasonCode
  readonly detail: string
}

const standings = (ctx: Ctx, s: number): ReadonlyArray<Standing> => {
  const { request, slot } = slotEntry(ctx, s)
  return ctx.problem.members.map((member, m) => {
    const failures = failuresOf(ctx.problem, member, request, slot)
    const first = failures[0]
    if (first !== undefined)
      return { member: m, failures, constraint: first.constraint, detail: first.detail }
    const why = blocker(ctx.st, ctx.compiled.edgeOf(m, s))
    return why === null
      ? { member: m, failures, constraint: 'free', detail: DETAIL_FREE }
      : { member: m, failures, constraint: 'taken', detail: why }
  })
}

/** The reasons of open slot `s` in the plan's order, each with its nearest members. */
const reasonsOf = (ctx: Ctx, all: ReadonlyArray<Standing>): ReadonlyArray<ReasonMembers> => {
  const groups = new Map<string, Array<Standing>>()
  for (const x of all) {
    const key = `${x.constraint}\u0000${x.detail}`
    groups.set(key, [...(groups.get(key) ?? []), x])
  }
  const order = nearest(ctx.problem.members, (m) => (all[m] as Standing).failures)
  return [...groups.values()]
    .map((xs) => ({
      constraint: (xs[0] as Standing).constraint,
      count: xs.length,
      detail: (xs[0] as Standing).detail,
      members: xs
        .map((x) => x.member)
        .sort(order)
        .slice(0, MEMBERS_PER_REASON)
        .map((m) => memberId(ctx, m)),
    }))
    .sort(
      (a, b) =>
        reasonOrder.indexOf(a.constraint) - reasonOrder.indexOf(b.constraint) ||
        (a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0),
    )
}

// -------------------------------------------------------------------------------------
// applying a relaxation
// -------------------------------------------------------------------------------------

/** A relaxation applied to a problem's data (not yet decoded). */
const relaxed = (p: Problem, x: Relaxation): Problem => {
  switch (x._tag) {
    case 'hours':
      return {
        ...p,
        requests: p.requests.map((r) =>
          r.slots.some((s) => s.id === x.slot)
            ? { ...r, slots: r.slots.map((s) => (s.id === x.slot ? { ...s, hours: x.to } : s)) }
            : r,
        ),
      }
    case 'quality':
      return {
        ...p,
        members: p.members.map((m) =>
          m.id === x.member ? { ...m, qualities: { ...m.qualities, [x.quality]: x.to } } : m,
        ),
      }
    case 'unit':
      return { ...p, requests: p.requests.map((r) => (r.id === x.request ? { ...r, unit: null } : r)) }
    case 'exclusion':
      return {
        ...p,
        requests: p.requests.map((r) =>
          r.id === x.request ? { ...r, excluded: r.excluded.filter((m) => m !== x.member) } : r,
        ),
      }
    case 'availability':
      return {
        ...p,
        members: p.members.map((m) =>
          m.id === x.member && m.available !== null
            ? {
                ...m,
                available: m.available.map((w) => (w.from === x.from.from && w.to === x.from.to ? x.to : w)),
              }
            : m,
        ),
      }
    case 'move':
      return p
  }
}

/**
 * The problem with the relaxation applied, read back by the problem decoder; an id the
 * problem does not hold is an issue at its path under `relaxation`.
 *
 * @internal
 */
export const applyRelaxation = (
  problem: ValidProblem,
  x: Relaxation,
): E.Either<NonEmptyArray<Issue>, ValidProblem> => {
  const ix = Eligibility.index(problem)
  const at = (key: string, ok: boolean, what: string, value: string): ReadonlyArray<Issue> =>
    ok ? [] : [issue(field('relaxation', key), 'reference', `unknown ${what} ${JSON.stringify(value)}`)]
  const issues = [
    ...('member' in x ? at('member', ix.memberById.has(x.member), 'member', x.member) : []),
    ...('request' in x ? at('request', ix.requestById.has(x.request), 'request', x.request) : []),
    ...('slot' in x ? at('slot', ix.slotById.has(x.slot), 'slot', x.slot) : []),
  ]
  const [first, ...rest] = issues
  if (first !== undefined) return E.left([first, ...rest])
  return x._tag === 'move' ? E.right(problem) : decodeProblem(encodeProblem(relaxed(problem, x)))
}

// -------------------------------------------------------------------------------------
// checking a claim on a small problem
// -------------------------------------------------------------------------------------

/**
 * The part of the problem that "member m takes open slot s" depends on: the member, the
 * request's team, the member's requests and the request; their assignments and pins (and the
 * exclusions and `apart` pairs among these members).
 */
const localOf = (
  ctx: Ctx,
  m: number,
  s: number,
): { problem: Problem; pairs: ReadonlyArray<readonly [SlotId, MemberId]> } => {
  const { c, st, problem } = ctx
  const g = c.slotGroup[s]!
  const edges = new Set(chosenOf(ctx, m))
  for (let k = c.groupSlotStart[g]!; k < c.groupSlotStart[g + 1]!; k++) {
    const e = st.slotEdge[c.groupSlots[k]!]!
    if (e >= 0) edges.add(e)
  }
  const groups = new Set([g])
  const members = new Set([m])
  const pairs: Array<readonly [SlotId, MemberId]> = []
  for (const e of [...edges].sort((a, b) => a - b)) {
    groups.add(c.slotGroup[c.edgeSlot[e]!]!)
    members.add(c.edgeMember[e]!)
    pairs.push([slotId(ctx, c.edgeSlot[e]!), memberId(ctx, c.edgeMember[e]!)])
  }
  const ids = new Set([...members].map((x) => memberId(ctx, x) as string))
  const held = new Set(pairs.map(([a, b]) => `${a}\u0000${b}`))
  const byIndex = (xs: Set<number>): Array<number> => [...xs].sort((a, b) => a - b)
  return {
    problem: {
      ...problem,
      members: byIndex(members).map((i) => problem.members[i] as Member),
      requests: byIndex(groups).map((i) => {
        const r = problem.requests[i] as Request
        return { ...r, excluded: r.excluded.filter((x) => ids.has(x)) }
      }),
      history: [],
      pinned: problem.pinned.filter((p) => held.has(`${p.slot}\u0000${p.member}`)),
      previous: [],
      apart: problem.apart.filter(([a, b]) => ids.has(a) && ids.has(b)),
    },
    pairs,
  }
}

/**
 * The small problem with the relaxation applied, compiled, with the plan's pairs as edges (−1:
 * no edge). It is a valid problem by construction — a part of one, whose pins the plan keeps,
 * with a valid change (hours > 0, a level ≤ 5, a wider window) — so it skips the decoder that
 * {@link applyRelaxation} runs for the caller's problem.
 */
const localModel = (ctx: Ctx, m: number, s: number, x: Relaxation) => {
  const local = localOf(ctx, m, s)
  const compiled = compile(relaxed(local.problem, x) as ValidProblem)
  const edgeOf = ([slot, member]: readonly [SlotId, MemberId]): number => {
    const a = compiled.slotIndex.get(slot)
    const b = compiled.memberIndex.get(member)
    return a === undefined || b === undefined ? -1 : compiled.edgeOf(b, a)
  }
  return {
    compiled,
    c: compactOf(compiled.model),
    edges: local.pairs.map(edgeOf),
    edge: edgeOf([slotId(ctx, s), memberId(ctx, m)]),
  }
}

/** Whether, with the relaxation applied, the plan with member `m` on open slot `s` is valid. */
const claimHolds = (ctx: Ctx, m: number, s: number, x: Relaxation): boolean => {
  const local = localModel(ctx, m, s, x)
  if (local.edge < 0 || local.edges.some((e) => e < 0)) return false
  const chosen = Int32Array.from([...local.edges, local.edge]).sort()
  return violationsCompact(local.c, local.compiled.model, chosen).length === 0
}

/**
 * Member `m`'s room for open slot `s` in the plan: its free hours less its largest load over
 * the request's time points (read from the rulebook's state on the small problem where the
 * slot asks for exactly the member's free hours).
 */
const roomOf = (ctx: Ctx, m: number, s: number): number => {
  const member = ctx.problem.members[m] as Member
  const free = freeHours(member)
  if (!(free > 0)) return 0
  const local = localModel(ctx, m, s, { _tag: 'hours', slot: slotId(ctx, s), from: 0, to: free, members: [] })
  if (local.edge < 0 || local.edges.some((e) => e < 0)) return 0
  const st = new State(local.c)
  for (const e of local.edges) st.add(e)
  let load = 0
  for (let p = local.c.edgePointLo[local.edge]!; p < local.c.edgePointHi[local.edge]!; p++)
    load = Math.max(load, st.load[p]!)
  return free - load
}

// -------------------------------------------------------------------------------------
// relaxations
// -------------------------------------------------------------------------------------

/** The window of `member` that covers `period` after the fewest added days, and the days. */
const extension = (member: Member, period: Period): { from: Period; to: Period; days: number } | null => {
  let best: { from: Period; to: Period; days: number } | null = null
  for (const w of member.available ?? []) {
    const to = { from: w.from < period.from ? w.from : period.from, to: w.to > period.to ? w.to : period.to }
    const days = toDayNumber(w.from) - toDayNumber(to.from) + toDayNumber(to.to) - toDayNumber(w.to)
    if (best === null || days < best.days) best = { from: w, to, days }
  }
  return best
}

/** What every kind of relaxation of one open slot needs: the slot, the nearest-first order, and the checks. */
interface Kit {
  readonly ctx: Ctx
  readonly s: number
  readonly all: ReadonlyArray<Standing>
  readonly request: Request
  readonly slot: Slot
  /** Nearest first. */
  readonly order: (a: number, b: number) => number
  /** The members failing only `rule`, nearest first, a kind's tries. */
  readonly only: (rule: ReasonCode) => Array<number>
  /** The member's id, as the one named member. */
  readonly named: (m: number) => ReadonlyArray<MemberId>
  /** The first relaxations (in the given order) whose claim holds, at most a kind's worth. */
  readonly keep: <A extends Relaxation>(xs: ReadonlyArray<{ readonly m: number; readonly x: A }>) => Array<A>
}

/** The kit for open slot `s`. */
const kitOf = (ctx: Ctx, s: number, all: ReadonlyArray<Standing>): Kit => {
  const { request, slot } = slotEntry(ctx, s)
  const order = nearest(ctx.problem.members, (m) => (all[m] as Standing).failures)
  const only = (rule: ReasonCode): Array<number> =>
    all
      .filter((x) => x.failures.length === 1 && x.failures[0]?.constraint === rule)
      .map((x) => x.member)
      .sort(order)
      .slice(0, TRIES_PER_KIND)
  const named = (m: number): ReadonlyArray<MemberId> => [memberId(ctx, m)]
  const keep = <A extends Relaxation>(xs: ReadonlyArray<{ readonly m: number; readonly x: A }>): Array<A> => {
    const out: Array<A> = []
    for (const { m, x } of xs) {
      if (out.length === RELAXATIONS_PER_KIND) break
      if (claimHolds(ctx, m, s, x)) out.push(x)
    }
    return out
  }
  return { ctx, s, all, request, slot, order, only, named, keep }
}

/** The relaxations of open slot `s`: checked, smallest first within each kind. */
const relaxationsOf = (ctx: Ctx, s: number, all: ReadonlyArray<Standing>): ReadonlyArray<Relaxation> => {
  const k = kitOf(ctx, s, all)
  return [
    ...hoursRelaxations(k),
    ...qualityRelaxations(k),
    ...unitRelaxations(k),
    ...exclusionRelaxations(k),
    ...availabilityRelaxations(k),
    ...moveRelaxations(k).slice(0, RELAXATIONS_PER_KIND),
  ]
}

/** Fewer hours on the slot: for members short of hours on their own, or busy in the plan; one per distinct level. */
const hoursRelaxations = ({ ctx, s, all, slot, order, only }: Kit): Array<Relaxation> => {
  const busy = all.filter(
    (x) => x.constraint === 'taken' && ctx.st.limits(ctx.compiled.edgeOf(x.member, s)) === 'capacity',
  )
  const short = [...only('capacity'), ...busy.map((x) => x.member)].sort(order).slice(0, TRIES_PER_KIND)
  const rooms = short
    .map((m) => ({ m, to: Math.floor(roomOf(ctx, m, s) * 100 + 1e-6) / 100 }))
    .filter(
      ({ m, to }) => to >= 0.01 && to < slot.hours && claimHolds(ctx, m, s, hoursTo(ctx, s, slot.hours, to)),
    )
  const levels = [...new Set(rooms.map((r) => r.to))].sort((a, b) => b - a).slice(0, RELAXATIONS_PER_KIND)
  return levels.map((to) => ({
    ...hoursTo(ctx, s, slot.hours, to),
    members: rooms.filter((r) => r.to >= to).map((r) => memberId(ctx, r.m)),
  }))
}

/** A raised quality, for members short of exactly one quality; smallest rise first. */
const qualityRelaxations = ({ ctx, slot, order, only, named, keep }: Kit): Array<Relaxation> => {
  const members = ctx.problem.members
  const role = Eligibility.index(ctx.problem).roleById.get(slot.role)
  return keep(
    only('quality')
      .flatMap((m) => {
        const q = role === undefined ? [] : Eligibility.qualityShortfalls(role, members[m] as Member)
        return q.length === 1 && q[0] !== undefined
          ? [
              {
                m,
                x: {
                  _tag: 'quality' as const,
                  member: memberId(ctx, m),
                  quality: q[0].quality,
                  from: q[0].level,
                  to: q[0].min,
                  members: named(m),
                },
              },
            ]
          : []
      })
      .sort((a, b) => a.x.to - a.x.from - (b.x.to - b.x.from) || order(a.m, b.m)),
  )
}

/** The request's unit dropped, naming the members outside it for whom that is enough. */
const unitRelaxations = ({ ctx, s, request, only }: Kit): Array<Relaxation> => {
  const unitMembers =
    request.unit === null
      ? []
      : only('unit').filter((m) =>
          claimHolds(ctx, m, s, { _tag: 'unit', request: request.id, unit: request.unit ?? '', members: [] }),
        )
  return request.unit === null || unitMembers.length === 0
    ? []
    : [
        {
          _tag: 'unit',
          request: request.id,
          unit: request.unit,
          members: unitMembers.slice(0, MEMBERS_PER_REASON).map((m) => memberId(ctx, m)),
        },
      ]
}

/** An exclusion dropped, for members excluded from the request. */
const exclusionRelaxations = ({ ctx, request, only, named, keep }: Kit): Array<Relaxation> =>
  keep(
    only('excluded').map((m) => ({
      m,
      x: { _tag: 'exclusion' as const, request: request.id, member: memberId(ctx, m), members: named(m) },
    })),
  )

/** An availability window extended over the request's period; fewest added days first. */
const availabilityRelaxations = ({ ctx, request, order, only, named, keep }: Kit): Array<Relaxation> =>
  keep(
    only('availability')
      .flatMap((m) => {
        const ext = extension(ctx.problem.members[m] as Member, request.period)
        return ext === null
          ? []
          : [{ m, x: { _tag: 'availability' as const, member: memberId(ctx, m), ...ext, members: named(m) } }]
      })
      .sort((a, b) => a.x.days - b.x.days || order(a.m, b.m)),
  )

/** The valid moves of members busy elsewhere: fewest slots left first, then the best score. */
const moveRelaxations = ({ ctx, s, all, named }: Kit): Array<Relaxation> =>
  all
    .filter((x) => x.constraint === 'taken')
    .map((x) => moveOf(ctx, x.member, s))
    .flatMap((x) => (x.kind === 'valid' ? [x] : []))
    .sort((a, b) => a.leaves.length - b.leaves.length || compareScore(b, a) || a.member - b.member)
    .map(
      (x): Relaxation => ({
        _tag: 'move',
        member: memberId(ctx, x.member),
        leaves: x.leaves.map((l) => slotId(ctx, l)),
        delta: { filled: x.filled - ctx.filled + 0, soft: x.soft - ctx.soft + 0 },
        members: named(x.member),
      }),
    )

const hoursTo = (ctx: Ctx, s: number, from: number, to: number) => ({
  _tag: 'hours' as const,
  slot: slotId(ctx, s),
  from,
  to,
  members: [] as ReadonlyArray<MemberId>,
})

/**
 * Open slot `s` explained: the reasons with their members, and the relaxations.
 *
 * @internal
 */
export const openSlot = (
  ctx: Ctx,
  s: number,
): { readonly reasons: ReadonlyArray<ReasonMembers>; readonly relaxations: ReadonlyArray<Relaxation> } => {
  const all = standings(ctx, s)
  return { reasons: reasonsOf(ctx, all), relaxations: relaxationsOf(ctx, s, all) }
}
