/**
 * Properties of `solve` over many random problems (the seeded §6 generator of
 * test/support/generate.ts, every feature on): no hard constraint is broken — checked both by
 * the model's `violations` and by an independent check written directly on the domain —;
 * the reported score is `evaluatePlan` of the assignments and matches an independent §7
 * computation; every unfilled slot is listed with reasons that partition the pool (and agree
 * with an independent count per rule; no member is ever `free`); shuffling every input array
 * gives the byte-identical plan JSON; pins always hold. Hand-edited plans (a solved plan with
 * some assignments dropped) go through `planOf` with the same checks, `free` included.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { compile } from '../src/pipeline/Compile.js'
import { violations } from '../src/model/Evaluate.js'
import { encodePlan, type Plan, type ReasonCode, type Score } from '../src/staffing/Plan.js'
import type { ValidProblem } from '../src/pipeline/Problem.js'
import { evaluatePlan, planOf, solve } from '../src/pipeline/Solve.js'
import { generateProblem, shuffleProblem, type GenerateParams } from './support/generate.js'
import { prng } from './support/prng.js'
import { ctxOf, directScore, directViolations, firstRule, type Pairs } from './support/independent.js'
import { decode } from './support/staffing.js'
import { close } from './support/issues.js'

const PROBLEMS = 1000
const EFFORT = 30_000


// -------------------------------------------------------------------------------------
// the checks
// -------------------------------------------------------------------------------------

const checkPlan = (p: ValidProblem, plan: Plan, fromSolve: boolean): void => {
  const ctx = ctxOf(p)
  const pairs: Pairs = plan.assignments.map((a) => [a.slot, a.member] as const)

  // no hard constraint broken: the model's evaluator and the direct check
  const c = compile(p)
  const edges = plan.assignments.map((a) => c.edgeOf(c.memberIndex.get(a.member)!, c.slotIndex.get(a.slot)!))
  expect(edges.every((e) => e >= 0)).toBe(true)
  expect(violations(c.model)(edges)).toEqual([])
  expect(directViolations(ctx, pairs)).toEqual([])
  for (const pin of p.pinned) expect(pairs).toContainEqual([pin.slot, pin.member])

  // the reported score is evaluatePlan's, and §7's
  expect(evaluatePlan(p)(plan.assignments)).toEqual(E.right(plan.score))
  const direct = directScore(ctx, pairs)
  expect(plan.score.filled).toBe(direct.filled)
  for (const k of Object.keys(direct.terms) as Array<keyof Score['terms']>) {
    if (!close(plan.score.terms[k], direct.terms[k])) expect([k, plan.score.terms[k]]).toEqual([k, direct.terms[k]])
  }
  expect(close(plan.score.soft, direct.soft)).toBe(true)
  if (plan.bound !== null) {
    expect(plan.bound.filled).toBeGreaterThanOrEqual(plan.score.filled)
    if (plan.bound.filled === plan.score.filled) expect(plan.bound.soft).toBeGreaterThanOrEqual(plan.score.soft - 1e-6)
  }

  // sorted; every slot once; reasons partition the pool and agree with a direct count
  const ids = (xs: ReadonlyArray<{ slot: string }>): Array<string> => xs.map((x) => x.slot)
  const sorted = (xs: Array<string>): Array<string> => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  expect(ids(plan.assignments)).toEqual(sorted(ids(plan.assignments)))
  expect(ids(plan.unfilled)).toEqual(sorted(ids(plan.unfilled)))
  expect(sorted([...ids(plan.assignments), ...ids(plan.unfilled)])).toEqual(sorted([...ctx.slot.keys()]))
  const order: ReadonlyArray<ReasonCode> = ['unit', 'quality', 'discipline', 'excluded', 'availability', 'capacity', 'taken', 'free']
  for (const u of plan.unfilled) {
    const { slot, request } = ctx.slot.get(u.slot)!
    const expected = new Map<ReasonCode, number>()
    for (const m of p.members) {
      let rule = firstRule(ctx, m, request, slot)
      if (rule === null) rule = directViolations(ctx, [...pairs, [u.slot, m.id]]).length === 0 ? 'free' : 'taken'
      expected.set(rule, (expected.get(rule) ?? 0) + 1)
    }
    const got = new Map<ReasonCode, number>()
    for (const r of u.reasons) got.set(r.constraint, (got.get(r.constraint) ?? 0) + r.count)
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected))
    expect(u.reasons.reduce((a, r) => a + r.count, 0)).toBe(p.members.length)
    const keys = u.reasons.map((r) => [order.indexOf(r.constraint), r.detail] as const)
    const again = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    expect(keys).toEqual(again)
    if (fromSolve) expect(got.get('free') ?? 0).toBe(0)
  }
}

const paramsOf = (seed: number): GenerateParams => {
  const rng = prng(seed * 7919)
  const large = seed % 25 === 0
  return {
    seed,
    members: large ? rng.int(30, 80) : rng.int(2, 24),
    requests: large ? rng.int(10, 25) : rng.int(1, 8),
    slotsPerRequest: [1, rng.int(1, 5)],
    units: rng.chance(0.5) ? 0 : rng.int(1, 3),
    disciplines: rng.int(1, 6),
    qualities: rng.int(1, 6),
    roles: rng.int(1, 5),
    pinShare: rng.pick([0, 0.05, 0.2]),
    tightness: rng.pick([0.5, 1, 2, 3]),
  }
}

describe('solve: properties over random problems', () => {
  const seeds = Array.from({ length: PROBLEMS }, (_, i) => i + 1)

  it.each(seeds)('problem %i: valid, scored by §7, reasons partition the pool, byte-identical when shuffled', (seed) => {
    const json = generateProblem(paramsOf(seed))
    const p = decode(json)
    const plan = solve(p, { effort: EFFORT, seed })
    checkPlan(p, plan, true)
    const shuffled = decode(shuffleProblem(json, seed + 1_000_000))
    expect(JSON.stringify(encodePlan(solve(shuffled, { effort: EFFORT, seed })))).toBe(JSON.stringify(encodePlan(plan)))

    // a hand-edited plan: drop some unpinned assignments
    const rng = prng(seed + 77)
    const pinned = new Set(p.pinned.map((x) => x.slot as string))
    const kept = plan.assignments.filter((a) => pinned.has(a.slot) || rng.chance(0.6))
    const edited = planOf(p, rng.shuffle(kept))
    expect(E.isRight(edited)).toBe(true)
    if (E.isRight(edited)) {
      expect(edited.right.assignments).toEqual(kept)
      expect(edited.right.bound).toBeNull()
      checkPlan(p, edited.right, false)
    }
  })
})
