/**
 * Moves on a plan held in the rulebook's state: "member m takes slot s" — the slot's holder
 * leaves it, and m leaves the smallest set of its other assignments that makes the plan valid
 * again (ties: the set after which the plan scores best, then slot ids) — with the exact score
 * after the move, or what blocks it (a pin, an `apart` partner on the request). Every test of
 * a hard constraint and every score is the state's: nothing here re-derives a rule or a term.
 *
 * @internal
 * @since 0.1.0
 */
import * as O from 'fp-ts/lib/Option.js'
import * as Eligibility from '../../staffing/Eligibility.js'
import { compareScore } from '../../model/Evaluate.js'
import type { Blocker, Candidates, Move } from './explainModel.js'
import type { Member, Request, Slot } from '../Problem.js'
import { failuresOf, nearest } from './explainRules.js'
import { evaluateCompact } from '../../model/internal/score.js'
import { chosenOf, type Ctx, holderOf, memberId, slotId, slotsInGroup } from './explainState.js'
import { NEG } from '../../model/internal/state.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** What blocks a move, by index: a pin (member on slot) or an `apart` partner and its slots. @internal */
export type BlockerIx =
  | { readonly kind: 'pin'; readonly member: number; readonly slot: number }
  | { readonly kind: 'apart'; readonly member: number; readonly slots: ReadonlyArray<number> }

/** The outcome of "m takes s", by index; `filled` and `soft` are the plan's score after it. @internal */
export type MoveIx =
  | {
      readonly kind: 'valid'
      readonly member: number
      readonly slot: number
      readonly edge: number
      /** The slots m leaves, ascending. */
      readonly leaves: ReadonlyArray<number>
      readonly filled: number
      readonly soft: number
    }
  | {
      readonly kind: 'held'
      readonly member: number
      readonly slot: number
      readonly filled: number
      readonly soft: number
    }
  | {
      readonly kind: 'blocked'
      readonly member: number
      readonly slot: number
      readonly blockers: ReadonlyArray<BlockerIx>
    }
  | { readonly kind: 'ineligible'; readonly member: number; readonly slot: number }

/**
 * Most sets of a member's own assignments tried for one move. A member rarely holds more than
 * a handful of assignments that overlap a slot, so the exhaustive search by size almost always
 * fits; beyond it, a greedy set (largest hours first, then put back what is not needed) stands
 * in for the smallest one.
 */
const MAX_SETS = 2048

// -------------------------------------------------------------------------------------
// moves
// -------------------------------------------------------------------------------------

/** The outcome of "member m takes slot s" on the plan (the state is left as it was). @internal */
export const moveOf = (ctx: Ctx, m: number, s: number): MoveIx => {
  const { c, st, trial } = ctx
  const e = ctx.compiled.edgeOf(m, s)
  if (e < 0) return { kind: 'ineligible', member: m, slot: s }
  const held = st.slotEdge[s]!
  if (held >= 0 && c.edgeMember[held] === m)
    return { kind: 'held', member: m, slot: s, filled: ctx.filled, soft: ctx.soft }
  const g = c.slotGroup[s]!

  // what no set of m's own assignments can help: a pinned holder, an apart partner on the request
  const blockers: Array<BlockerIx> = []
  if (held >= 0 && c.edgeForced[held]) blockers.push({ kind: 'pin', member: c.edgeMember[held]!, slot: s })
  trial.begin()
  if (held >= 0) trial.remove(s)
  if (st.conflictIn(m, g))
    for (let k = c.conflictStart[m]!; k < c.conflictStart[m + 1]!; k++) {
      const b = c.conflictAdj[k]!
      if (st.serves(b, g)) blockers.push({ kind: 'apart', member: b, slots: slotsInGroup(ctx, b, g) })
    }

  // m's own assignments that can stand in the way: on the request, or sharing a time point
  const lo = c.edgePointLo[e]!
  const hi = c.edgePointHi[e]!
  const relevant = chosenOf(ctx, m).filter(
    (x) => c.slotGroup[c.edgeSlot[x]!] === g || (c.edgePointLo[x]! < hi && lo < c.edgePointHi[x]!),
  )
  const free = relevant.filter((x) => !c.edgeForced[x]).map((x) => c.edgeSlot[x]!)
  if (blockers.length === 0) {
    for (const x of free) trial.remove(x)
    if (st.limits(e) !== 'none')
      for (const x of relevant)
        if (c.edgeForced[x]) blockers.push({ kind: 'pin', member: m, slot: c.edgeSlot[x]! })
  }
  trial.undo()
  if (blockers.length > 0) return { kind: 'blocked', member: m, slot: s, blockers }

  // the smallest set of m's free assignments to leave, then the best score, then slot ids
  const attempt = (leaves: ReadonlyArray<number>): { filled: number; soft: number } | null => {
    trial.begin()
    if (held >= 0) trial.remove(s)
    for (const x of leaves) trial.remove(x)
    let out: { filled: number; soft: number } | null = null
    if (st.limits(e) === 'none') {
      trial.add(e)
      out = { filled: st.filled, soft: st.soft }
    }
    trial.undo()
    return out
  }
  let budget = MAX_SETS
  for (let size = 0; size <= free.length; size++) {
    const sets = combinations(free.length, size)
    if (sets > budget) break
    budget -= sets
    let best: { leaves: ReadonlyArray<number>; filled: number; soft: number } | null = null
    forEachCombination(free.length, size, (ix) => {
      const leaves = ix.map((i) => free[i]!)
      const score = attempt(leaves)
      if (score !== null && (best === null || compareScore(score, best) > 0)) best = { leaves, ...score }
    })
    if (best !== null) return valid(m, s, e, best)
  }
  return valid(m, s, e, greedy(free, ctx, attempt))
}

const valid = (
  m: number,
  s: number,
  e: number,
  x: { readonly leaves: ReadonlyArray<number>; readonly filled: number; readonly soft: number },
): MoveIx => ({
  kind: 'valid',
  member: m,
  slot: s,
  edge: e,
  leaves: x.leaves,
  filled: x.filled,
  soft: x.soft,
})

/** A small set when the exhaustive search is too large: largest hours first, then put back what is not needed. */
const greedy = (
  free: ReadonlyArray<number>,
  ctx: Ctx,
  attempt: (leaves: ReadonlyArray<number>) => { filled: number; soft: number } | null,
): { leaves: ReadonlyArray<number>; filled: number; soft: number } => {
  const hoursOf = (s: number): number => ctx.c.edgeHours[ctx.st.slotEdge[s]!]!
  const order = [...free].sort((a, b) => hoursOf(b) - hoursOf(a) || a - b)
  let leaves: Array<number> = []
  for (const x of order) {
    leaves.push(x)
    if (attempt(leaves) !== null) break
  }
  for (const x of [...leaves].reverse()) {
    const fewer = leaves.filter((y) => y !== x)
    if (attempt(fewer) !== null) leaves = fewer
  }
  leaves.sort((a, b) => a - b)
  return { leaves, ...(attempt(leaves) ?? { filled: -Infinity, soft: -Infinity }) }
}

// -------------------------------------------------------------------------------------
// ranking
// -------------------------------------------------------------------------------------

/** The after-score of a valid or held move, else null. @internal */
export const scoreOf = (x: MoveIx): { readonly filled: number; readonly soft: number } | null =>
  x.kind === 'valid' || x.kind === 'held' ? x : null

/**
 * The moves of every member with an edge to slot `s`, ranked: valid ones (the holder's "move"
 * included) by score after the move, descending, then member index; then blocked ones by
 * member index. @internal
 */
export const rankedMoves = (ctx: Ctx, s: number): Array<MoveIx> => {
  const { c } = ctx
  const moves: Array<MoveIx> = []
  for (let j = c.slotEdgeStart[s]!; j < c.slotEdgeStart[s + 1]!; j++)
    moves.push(moveOf(ctx, c.edgeMember[c.slotEdges[j]!]!, s))
  return rank(moves)
}

/** Valid and held moves by score after, descending, then member index; then blocked ones by member index. */
const rank = (moves: Array<MoveIx>): Array<MoveIx> =>
  moves.sort((a, b) => {
    const x = scoreOf(a)
    const y = scoreOf(b)
    if (x !== null && y !== null) return compareScore(y, x) || a.member - b.member
    if (x !== null) return -1
    if (y !== null) return 1
    return a.member - b.member
  })

/** The public form of a move (a holder's own move is valid with delta 0). @internal */
export const toMove = (ctx: Ctx, x: MoveIx): Move => {
  const member = memberId(ctx, x.member)
  const slot = slotId(ctx, x.slot)
  switch (x.kind) {
    case 'valid':
    case 'held': {
      const displaced = x.kind === 'valid' ? x.leaves.map((s) => slotId(ctx, s)) : []
      const delta = { filled: x.filled - ctx.filled + 0, soft: x.soft - ctx.soft + 0 }
      return { _tag: 'Move', status: 'valid', member, slot, delta, displaced }
    }
    case 'blocked':
      return {
        _tag: 'Move',
        status: 'blocked',
        member,
        slot,
        blockedBy: x.blockers.map((b) => toBlocker(ctx, b)),
      }
    case 'ineligible': {
      const { request, slot: s } = slotEntry(ctx, x.slot)
      const f = Eligibility.check(ctx.problem, ctx.problem.members[x.member] as Member, request, s)
      const { constraint, detail } = O.isSome(f)
        ? f.value
        : { constraint: 'capacity' as const, detail: 'not a candidate' }
      return { _tag: 'Move', status: 'ineligible', member, slot, constraint, detail }
    }
  }
}

const toBlocker = (ctx: Ctx, b: BlockerIx): Blocker =>
  b.kind === 'pin'
    ? { _tag: 'pin', member: memberId(ctx, b.member), slot: slotId(ctx, b.slot) }
    : { _tag: 'apart', member: memberId(ctx, b.member), slots: b.slots.map((s) => slotId(ctx, s)) }

/** The slot and request of slot index `s`. @internal */
export const slotEntry = (ctx: Ctx, s: number): { readonly request: Request; readonly slot: Slot } => ({
  request: ctx.problem.requests[ctx.compiled.slotRequest[s]!] as Request,
  slot: ctx.compiled.slots[s]!,
})

/**
 * Every member ranked for slot `s` ({@link rankedMoves}, then the members without an edge,
 * nearest first), the first `k` as public moves; `skip` leaves one member out (the holder,
 * for alternatives). @internal
 */
export const candidatesOf = (ctx: Ctx, s: number, k: number, skip = -1): Candidates => {
  const ranked = rankedMoves(ctx, s).filter((x) => x.member !== skip)
  const valid = ranked.filter((x) => scoreOf(x) !== null).length
  const n = ctx.problem.members.length
  const ineligible =
    n -
    ctx.c.slotEdgeStart[s + 1]! +
    ctx.c.slotEdgeStart[s]! -
    (skip >= 0 && ctx.compiled.edgeOf(skip, s) < 0 ? 1 : 0)
  const moves = ranked.slice(0, k).map((x) => toMove(ctx, x))
  if (moves.length < k && ineligible > 0) {
    const { request, slot } = slotEntry(ctx, s)
    const members = ctx.problem.members
    const out: Array<number> = []
    const failing = new Map<number, ReadonlyArray<Eligibility.Failure>>()
    for (let m = 0; m < n; m++)
      if (m !== skip && ctx.compiled.edgeOf(m, s) < 0) {
        out.push(m)
        failing.set(m, failuresOf(ctx.problem, members[m] as Member, request, slot))
      }
    out.sort(nearest(members, (m) => failing.get(m) ?? []))
    for (const m of out.slice(0, k - moves.length))
      moves.push(toMove(ctx, { kind: 'ineligible', member: m, slot: s }))
  }
  const h = holderOf(ctx, s)
  return {
    _tag: 'Candidates',
    slot: slotId(ctx, s),
    holder: h < 0 ? null : memberId(ctx, h),
    counts: { valid, blocked: ranked.length - valid, ineligible },
    moves,
  }
}

/**
 * The first `k` moves of slot `s`'s ranking ({@link candidatesOf}'s `moves`, without the
 * counts), found fast: a move that leaves no slot open keeps more priority filled than any move
 * that does, so when at least `k` members can step in without leaving anything (the state's
 * `evalAdd` says which), the first `k` are among them and nobody else needs a look. @internal
 */
export const bestMoves = (ctx: Ctx, s: number, k: number, skip = -1): ReadonlyArray<Move> => {
  const { c, st, trial } = ctx
  if (k <= 0) return []
  const held = st.slotEdge[s]!
  if (held < 0 || !c.edgeForced[held]) {
    const holder = held < 0 ? -1 : c.edgeMember[held]!
    trial.begin()
    if (held >= 0) trial.remove(s)
    const soft = st.soft
    const quick: Array<{ readonly member: number; readonly filled: number; readonly soft: number }> = []
    if (holder >= 0 && holder !== skip) quick.push({ member: holder, filled: ctx.filled, soft: ctx.soft })
    for (let j = c.slotEdgeStart[s]!; j < c.slotEdgeStart[s + 1]!; j++) {
      const e = c.slotEdges[j]!
      const m = c.edgeMember[e]!
      if (m === skip || m === holder) continue
      const d = st.evalAdd(e)
      if (d !== NEG) quick.push({ member: m, filled: st.filled + c.slotPriority[s]!, soft: soft + d })
    }
    trial.undo()
    if (quick.length >= k) {
      const first = quick.sort((a, b) => compareScore(b, a) || a.member - b.member).slice(0, k)
      return rank(first.map((x) => moveOf(ctx, x.member, s))).map((x) => toMove(ctx, x))
    }
  }
  return candidatesOf(ctx, s, k, skip).moves
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/** C(n, k), saturating at the set budget. */
const combinations = (n: number, k: number): number => {
  let r = 1
  for (let i = 0; i < k; i++) {
    r = (r * (n - i)) / (i + 1)
    if (r > MAX_SETS) return MAX_SETS + 1
  }
  return Math.round(r)
}

/** Calls `visit` with every k-subset of 0..n−1 as ascending indices, in lexicographic order. */
const forEachCombination = (n: number, k: number, visit: (ix: ReadonlyArray<number>) => void): void => {
  const ix = Array.from({ length: k }, (_, i) => i)
  if (k > n) return
  for (;;) {
    visit(ix)
    let i = k - 1
    while (i >= 0 && ix[i] === n - k + i) i--
    if (i < 0) return
    ix[i]!++
    for (let j = i + 1; j < k; j++) ix[j] = ix[j - 1]! + 1
  }
}

/**
 * The delta of a valid move re-evaluated from scratch: the plan's edges and the edges after the
 * move (holder out, `leaves` out, edge `e` in), each scored by the full evaluator. @internal
 */
export const reevaluated = (
  ctx: Ctx,
  s: number,
  e: number,
  leaves: ReadonlyArray<number>,
): { filled: number; soft: number } => {
  const { c, st } = ctx
  const before = st.edges()
  const out = new Set([st.slotEdge[s]!, ...leaves.map((x) => st.slotEdge[x]!)])
  const after = Int32Array.from([...Array.from(before).filter((x) => !out.has(x)), e]).sort()
  const names = ctx.compiled.model.termNames
  const x = evaluateCompact(c, names, before)
  const y = evaluateCompact(c, names, after)
  return { filled: y.filled - x.filled + 0, soft: y.soft - x.soft + 0 }
}
