/**
 * The explanations' view of a plan: the problem compiled once, the plan held in the rulebook's
 * incremental {@link State}, and a {@link Trial} that applies changes to that state and undoes
 * them exactly — every float the state keeps (its sums, the touched members' loads and peaks)
 * is restored bit for bit, so any sequence of questions leaves the state as it was and the
 * answers never depend on the questions asked before.
 *
 * @internal
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import { compile, type Compiled } from '../Compile.js'
import * as Eligibility from '../../staffing/Eligibility.js'
import { field, issue, type Issue } from '../../kernel/Issue.js'
import type { Member, MemberId, SlotId, ValidProblem } from '../Problem.js'
import { type Compact, compactOf } from '../../model/internal/compact.js'
import { violationsCompact } from '../../model/internal/score.js'
import { State } from '../../model/internal/state.js'

// -------------------------------------------------------------------------------------
// the context
// -------------------------------------------------------------------------------------

/** A (slot, member) pair as a plan holds it. @internal */
export interface Pair {
  readonly slot: string
  readonly member: string
}

/** The compiled problem and the plan in the rulebook's state, with its score at rest. @internal */
export interface Ctx {
  readonly problem: ValidProblem
  readonly compiled: Compiled
  readonly c: Compact
  readonly st: State
  readonly trial: Trial
  /** The plan's score as the state holds it at rest. */
  readonly filled: number
  readonly soft: number
}

/** Compiled problems, kept per problem object (compiling is the one-off cost of a question). */
const compiledCache = new WeakMap<ValidProblem, { readonly compiled: Compiled; readonly c: Compact }>()

const compiledOf = (problem: ValidProblem): { readonly compiled: Compiled; readonly c: Compact } => {
  const hit = compiledCache.get(problem)
  if (hit !== undefined) return hit
  const compiled = compile(problem)
  const built = { compiled, c: compactOf(compiled.model) }
  compiledCache.set(problem, built)
  return built
}

/** Contexts, kept per problem and plan object: the state is restored after every question. */
const ctxCache = new WeakMap<ValidProblem, WeakMap<object, Ctx>>()

/**
 * The context of a plan's assignments on a problem, or every issue with its path under `at`
 * (`plan.assignments[2].member`): an unknown slot or member, a slot assigned twice, a member
 * who may not fill a slot, a hard constraint broken.
 *
 * @internal
 */
export const contextOf = (
  problem: ValidProblem,
  plan: { readonly assignments: ReadonlyArray<Pair> },
  at: string,
): E.Either<NonEmptyArray<Issue>, Ctx> => {
  const perProblem = ctxCache.get(problem) ?? new WeakMap<object, Ctx>()
  ctxCache.set(problem, perProblem)
  const hit = perProblem.get(plan)
  if (hit !== undefined) return E.right(hit)
  const { compiled, c } = compiledOf(problem)
  const issues: Array<Issue> = []
  const edges: Array<number> = []
  const seen = new Set<number>()
  const assignments = Array.isArray(plan?.assignments) ? plan.assignments : null
  if (assignments === null)
    return E.left([issue(field(at, 'assignments'), 'type', 'expected an array of assignments')])
  assignments.forEach((a, i) => {
    const path = field(field(at, 'assignments'), i)
    const s = compiled.slotIndex.get(a?.slot as SlotId)
    const m = compiled.memberIndex.get(a?.member as MemberId)
    if (s === undefined)
      issues.push(issue(field(path, 'slot'), 'reference', `unknown slot ${JSON.stringify(a?.slot)}`))
    if (m === undefined)
      issues.push(issue(field(path, 'member'), 'reference', `unknown member ${JSON.stringify(a?.member)}`))
    if (s === undefined || m === undefined) return
    if (seen.has(s))
      return void issues.push(
        issue(field(path, 'slot'), 'duplicate', `slot ${a.slot} is assigned more than once`),
      )
    seen.add(s)
    const e = compiled.edgeOf(m, s)
    if (e >= 0) return void edges.push(e)
    const entry = Eligibility.index(problem).slotById.get(a.slot as SlotId)
    const f =
      entry === undefined
        ? O.none
        : Eligibility.check(problem, problem.members[m] as Member, entry.request, entry.slot)
    const why = O.isSome(f) ? `${f.value.constraint}: ${f.value.detail}` : 'not a candidate'
    issues.push(issue(path, 'conflict', `member ${a.member} cannot fill slot ${a.slot} (${why})`))
  })
  if (issues.length === 0) {
    edges.sort((x, y) => x - y)
    for (const v of violationsCompact(c, compiled.model, Int32Array.from(edges)))
      issues.push(issue(field(at, 'assignments'), v.kind === 'forced' ? 'pin' : 'conflict', v.message))
  }
  const [first, ...rest] = issues
  if (first !== undefined) return E.left([first, ...rest])
  const st = new State(c)
  for (const e of edges) st.add(e)
  const ctx: Ctx = { problem, compiled, c, st, trial: new Trial(st), filled: st.filled, soft: st.soft }
  perProblem.set(plan, ctx)
  return E.right(ctx)
}

// -------------------------------------------------------------------------------------
// queries on the state
// -------------------------------------------------------------------------------------

/** The member holding slot `s`, or −1. @internal */
export const holderOf = (ctx: Ctx, s: number): number => {
  const e = ctx.st.slotEdge[s]!
  return e < 0 ? -1 : ctx.c.edgeMember[e]!
}

/** Member `m`'s chosen edges, ascending (so by slot). @internal */
export const chosenOf = (ctx: Ctx, m: number): Array<number> => {
  const { st } = ctx
  const out: Array<number> = []
  for (let e = st.aHead[m]!; e >= 0; e = st.aNext[e]!) out.push(e)
  return out.sort((a, b) => a - b)
}

/** The slots of group `g` that member `m` holds, ascending. @internal */
export const slotsInGroup = (ctx: Ctx, m: number, g: number): Array<number> =>
  chosenOf(ctx, m)
    .map((e) => ctx.c.edgeSlot[e]!)
    .filter((s) => ctx.c.slotGroup[s] === g)

/** Slot id of slot index `s`. @internal */
export const slotId = (ctx: Ctx, s: number): SlotId => ctx.compiled.slotIds[s] as SlotId

/** Member id of member index `m`. @internal */
export const memberId = (ctx: Ctx, m: number): MemberId => ctx.compiled.memberIds[m] as MemberId

// -------------------------------------------------------------------------------------
// the trial: apply, read, undo exactly
// -------------------------------------------------------------------------------------

/**
 * Changes to a {@link State} that are undone exactly: slots emptied and edges added are
 * reversed, then every float the state keeps is put back as it was (float sums do not undo
 * bit for bit by subtraction).
 *
 * @internal
 */
export class Trial {
  private readonly st: State
  private readonly ops: Array<number> = []
  private readonly stamp: Int32Array
  private epoch = 0
  private readonly touched: Array<number> = []
  private readonly loads: Array<number> = []
  private readonly peaks: Array<number> = []
  private readonly terms: Float64Array
  private filled = 0
  private value = 0
  private category = 0
  private pair = 0
  private overload = 0
  private open = false

  constructor(st: State) {
    this.st = st
    this.stamp = new Int32Array(st.c.nMembers)
    this.terms = new Float64Array(st.c.nTerms)
  }

  /** Starts a trial (one at a time). */
  begin(): void {
    const st = this.st
    this.open = true
    this.epoch++
    this.ops.length = 0
    this.touched.length = 0
    this.loads.length = 0
    this.peaks.length = 0
    this.terms.set(st.termSum)
    this.filled = st.filled
    this.value = st.value
    this.category = st.category
    this.pair = st.pair
    this.overload = st.overload
  }

  private touch(m: number): void {
    if (this.stamp[m] === this.epoch) return
    this.stamp[m] = this.epoch
    const c = this.st.c
    this.touched.push(m)
    this.peaks.push(this.st.peak[m]!)
    for (let p = c.memberPointStart[m]!; p < c.memberPointStart[m + 1]!; p++)
      this.loads.push(this.st.load[p]!)
  }

  /** Empties slot `s` (filled). */
  remove(s: number): void {
    const e = this.st.slotEdge[s]!
    this.touch(this.st.c.edgeMember[e]!)
    this.st.remove(s)
    this.ops.push(-1 - e)
  }

  /** Adds edge `e` (its slot open, the addition feasible). */
  add(e: number): void {
    this.touch(this.st.c.edgeMember[e]!)
    this.st.add(e)
    this.ops.push(e)
  }

  /** Undoes the trial: the state is exactly as at {@link begin}. */
  undo(): void {
    if (!this.open) return
    const st = this.st
    const c = st.c
    for (let i = this.ops.length - 1; i >= 0; i--) {
      const op = this.ops[i]!
      if (op >= 0) st.remove(c.edgeSlot[op]!)
      else st.add(-1 - op)
    }
    let k = 0
    this.touched.forEach((m, i) => {
      st.peak[m] = this.peaks[i]!
      for (let p = c.memberPointStart[m]!; p < c.memberPointStart[m + 1]!; p++) st.load[p] = this.loads[k++]!
    })
    st.termSum.set(this.terms)
    st.filled = this.filled
    st.value = this.value
    st.category = this.category
    st.pair = this.pair
    st.overload = this.overload
    this.open = false
  }
}
