/**
 * Explain as properties, over generated problems (test/support/generate.ts, small sizes, every
 * feature: units, availability, pins, apart pairs, history, previous plans, random policies):
 *
 * - over 1,000 solved plans and hand-edited variants of half of them (every other unpinned
 *   assignment dropped, through `Solve.planOf`): the contributions add up to the plan's terms, term by
 *   term (1e-9 relative); every delta listed — alternatives, candidates, relaxation moves — is
 *   the difference of two re-evaluations, by `evaluatePlan` and by the independent checker;
 *   every relaxation, applied, makes each named member valid for the slot;
 * - on tiny problems, by brute force over every plan: whyNot never answers `ineligible` for a
 *   pair some valid plan has, and every move leaves a smallest set (the one that loses least),
 *   or is blocked only when no set of the member's assignments would do.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { Explain, Issue, type Plan, type Problem } from 'wendbaar'
import { compareScore } from '../src/model/Evaluate.js'
import { decodeProblem } from '../src/pipeline/Problem.js'
import { evaluatePlan, planOf, solve } from '../src/pipeline/Solve.js'
import { generateProblem } from './support/generate.js'
import { ctxOf, directScore, directViolations, firstRule, type Pairs } from './support/independent.js'
import { prng } from './support/prng.js'

const PROBLEMS = 1000
const terms = ['fit', 'preference', 'learning', 'continuity', 'diversity', 'rotation', 'balance'] as const
const close = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))

const right = <A>(r: E.Either<ReadonlyArray<Issue.Issue>, A>): A => {
  if (E.isLeft(r)) throw new Error(Issue.render(r.left).join('\n'))
  return r.right
}

/** A small generated problem (or null when its random pins do not hold). */
const small = (seed: number, size: 'small' | 'tiny'): Problem.ValidProblem | null => {
  const r = prng(seed * 31 + 7)
  const tiny = size === 'tiny'
  const json = generateProblem({
    seed,
    members: tiny ? r.int(2, 4) : r.int(3, 9),
    requests: tiny ? r.int(1, 3) : r.int(1, 4),
    slotsPerRequest: tiny ? [1, 2] : [1, 3],
    units: r.int(0, 2),
    unitlessShare: 0.3,
    pinShare: r.pick([0, 0.1, 0.25]),
    tightness: r.pick([1, 1.5, 2.5]),
  })
  const p = decodeProblem(json)
  return E.isRight(p) ? p.right : null
}

const pairsOf = (plan: Plan.Plan): Pairs => plan.assignments.map((a) => [a.slot, a.member] as const)
const toInput = (pairs: Pairs) => pairs.map(([slot, member]) => ({ slot, member }))

/** Checks a valid move's delta by both re-evaluations. */
const checkMove = (
  p: Problem.ValidProblem,
  plan: Plan.Plan,
  x: Explain.ValidMove,
  score: ReturnType<typeof evaluatePlan>,
): void => {
  const next: Pairs = [
    ...pairsOf(plan).filter(([s]) => s !== x.slot && !x.displaced.includes(s as Problem.SlotId)),
    [x.slot, x.member],
  ]
  const after = right(score(toInput(next)))
  const ok1 =
    after.filled - plan.score.filled === x.delta.filled && close(after.soft - plan.score.soft, x.delta.soft)
  const ctx = ctxOf(p)
  const d0 = directScore(ctx, pairsOf(plan))
  const d1 = directScore(ctx, next)
  const ok2 =
    directViolations(ctx, next).length === 0 &&
    d1.filled - d0.filled === x.delta.filled &&
    Math.abs(d1.soft - d0.soft - x.delta.soft) <= 1e-9 * Math.max(1, Math.abs(d1.soft))
  if (!ok1 || !ok2) expect({ move: x, evaluatePlan: after, direct: [d0, d1] }).toBeNull()
}

/** Every check of an explanation of `plan`; returns how many deltas and relaxations it checked. */
const checkPlan = (p: Problem.ValidProblem, plan: Plan.Plan): { moves: number; relaxations: number } => {
  const x = right(Explain.explain(p, plan))
  const score = evaluatePlan(p)
  for (const k of terms) {
    const sum = x.assignments.reduce((a, y) => a + y.contribution[k], 0)
    if (!close(sum, plan.score.terms[k])) expect({ term: k, sum, plan: plan.score.terms[k] }).toBeNull()
  }
  let moves = 0
  let relaxations = 0
  for (const a of x.assignments)
    for (const m of a.alternatives)
      if (m.status === 'valid') {
        checkMove(p, plan, m, score)
        moves++
      }
  for (const u of x.unfilled) {
    for (const m of u.candidates)
      if (m.status === 'valid') {
        checkMove(p, plan, m, score)
        moves++
      }
    for (const r of u.relaxations) {
      const q = right(Explain.apply(p, r))
      const leaves: ReadonlyArray<string> = r._tag === 'move' ? r.leaves : []
      for (const m of r.members) {
        const next: Pairs = [...pairsOf(plan).filter(([s]) => !leaves.includes(s)), [u.slot, m]]
        if (E.isLeft(evaluatePlan(q)(toInput(next))) || directViolations(ctxOf(q), next).length > 0)
          expect({ slot: u.slot, relaxation: r, member: m }).toBeNull()
      }
      if (r._tag === 'move')
        checkMove(
          p,
          plan,
          {
            _tag: 'Move',
            status: 'valid',
            member: r.member,
            slot: u.slot,
            delta: r.delta,
            displaced: r.leaves,
          },
          score,
        )
      relaxations++
    }
  }
  return { moves, relaxations }
}

describe('Explain over generated problems', () => {
  it('adds up, re-evaluates and relaxes correctly on 1,000 solved plans and hand-edited variants', () => {
    let solved = 0
    let edited = 0
    let moves = 0
    let relaxations = 0
    for (let seed = 1; solved < PROBLEMS; seed++) {
      const p = small(seed, 'small')
      if (p === null) continue
      const plan = solve(p, { effort: 20_000, exact: false })
      const a = checkPlan(p, plan)
      solved++
      moves += a.moves
      relaxations += a.relaxations
      // hand-edited (every second problem): every other unpinned assignment dropped
      if (solved % 2 === 0) continue
      const pinned = new Set(p.pinned.map((x) => `${x.slot} ${x.member}`))
      const kept = plan.assignments.filter((y, i) => pinned.has(`${y.slot} ${y.member}`) || i % 2 === 0)
      if (kept.length === plan.assignments.length) continue
      const b = checkPlan(p, right(planOf(p, kept)))
      edited++
      moves += b.moves
      relaxations += b.relaxations
    }
    expect(solved).toBe(PROBLEMS)
    // the generator must exercise what is tested
    expect(edited).toBeGreaterThan(200)
    expect(moves).toBeGreaterThan(1000)
    expect(relaxations).toBeGreaterThan(200)
  })
})

describe('Explain by brute force on tiny problems', () => {
  /** Every valid plan of a tiny problem, by the independent checker. */
  const validPlans = (p: Problem.ValidProblem): ReadonlyArray<Pairs> => {
    const ctx = ctxOf(p)
    const slots = p.requests.flatMap((r) => r.slots.map((s) => ({ s, r })))
    const options = slots.map(({ s, r }) => [
      null,
      ...p.members.filter((m) => firstRule(ctx, m, r, s) === null).map((m) => m.id as string),
    ])
    const out: Array<Pairs> = []
    const walk = (i: number, acc: Array<readonly [string, string]>): void => {
      if (i === slots.length) {
        if (directViolations(ctx, acc).length === 0) out.push([...acc])
        return
      }
      for (const m of options[i] ?? []) {
        if (m !== null) acc.push([slots[i]?.s.id as string, m])
        walk(i + 1, acc)
        if (m !== null) acc.pop()
      }
    }
    walk(0, [])
    return out
  }

  it('never calls a pair ineligible that some valid plan has, and leaves smallest sets', () => {
    let problems = 0
    let pairsSeen = 0
    let setsChecked = 0
    for (let seed = 1; problems < 500; seed++) {
      const p = small(seed + 100_000, 'tiny')
      if (p === null) continue
      const slotCount = p.requests.reduce((n, r) => n + r.slots.length, 0)
      if (slotCount > 5) continue
      problems++
      const plans = validPlans(p)
      const possible = new Set(plans.flatMap((x) => x.map(([s, m]) => `${s} ${m}`)))
      const plan = solve(p, { effort: 20_000, exact: false })
      const ctx = ctxOf(p)
      const current = pairsOf(plan)
      const before = directScore(ctx, current)
      for (const r of p.requests)
        for (const s of r.slots)
          for (const m of p.members) {
            const w = right(Explain.whyNot(p, plan, m.id, s.id))
            if (w.answer === 'ineligible' && possible.has(`${s.id} ${m.id}`)) expect({ seed, w }).toBeNull()
            if (possible.has(`${s.id} ${m.id}`)) pairsSeen++
            if (w.move === null || w.move.status === 'ineligible') continue
            // brute force over the sets of m's other assignments
            const base = current.filter(([x]) => x !== s.id)
            const own = base.filter(([, y]) => y === m.id).map(([x]) => x)
            let smallest = Infinity
            let best: { filled: number; soft: number } | null = null
            for (let mask = 0; mask < 1 << own.length; mask++) {
              const leave = own.filter((_, i) => mask & (1 << i))
              const next: Pairs = [...base.filter(([x]) => !leave.includes(x)), [s.id, m.id]]
              if (directViolations(ctx, next).length > 0) continue
              const sc = directScore(ctx, next)
              if (leave.length < smallest) {
                smallest = leave.length
                best = sc
              } else if (leave.length === smallest && best !== null && compareScore(sc, best) > 0) best = sc
            }
            if (w.move.status === 'blocked') {
              if (smallest !== Infinity) expect({ seed, w, smallest }).toBeNull()
              continue
            }
            setsChecked++
            const got = { filled: before.filled + w.move.delta.filled, soft: before.soft + w.move.delta.soft }
            if (w.move.displaced.length !== smallest || best === null || compareScore(got, best) !== 0)
              expect({ seed, w, smallest, best, got }).toBeNull()
          }
    }
    expect(pairsSeen).toBeGreaterThan(200)
    expect(setsChecked).toBeGreaterThan(200)
  })
})
