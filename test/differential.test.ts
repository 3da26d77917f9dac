/**
 * The differential suite of the one rulebook, over 2,000 generated problems with one-decimal
 * hours and committed hours, pins at exactly full capacity (and a tenth over), tight capacity,
 * `apart` pairs and per-request limits 1–3 (test/support/decimal.ts):
 *
 * - decoding accepts exactly the problems whose pins pass an independent check written in the
 *   test suite (test/support/independent.ts) — and the library's own pin check asks the evaluator;
 * - every solved plan keeps every pin and breaks nothing, by the model's evaluator and by the
 *   independent check, and scores what the independent scorer says;
 * - the incremental state equals the full evaluator after every step of random move sequences,
 *   and refuses exactly the additions the evaluator would call a violation.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { compile } from '../src/pipeline/Compile.js'
import { evaluate, violations } from '../src/model/Evaluate.js'
import { decodeProblem } from '../src/pipeline/Problem.js'
import { solve } from '../src/pipeline/Solve.js'
import { compact } from '../src/model/internal/compact.js'
import { evaluateCompact } from '../src/model/internal/score.js'
import { NEG, State } from '../src/model/internal/state.js'
import type { ValidModel } from '../src/model/Model.js'
import { decimalProblem } from './support/decimal.js'
import { ctxOf, directScore, directViolations, firstRule, type Pairs } from './support/independent.js'
import { prng } from './support/prng.js'
import { decode } from './support/staffing.js'

const PROBLEMS = 2000
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))

/** Whether the pins of a problem keep every hard constraint, read directly on the domain. */
const pinsHold = (json: unknown): boolean => {
  const p = decode({ ...(json as object), pinned: [] })
  const ctx = ctxOf(p)
  const pins = (json as { pinned: ReadonlyArray<{ member: string; slot: string }> }).pinned
  const pairs: Pairs = pins.map((x) => [x.slot, x.member] as const)
  for (const [s, m] of pairs) {
    const entry = ctx.slot.get(s)!
    if (firstRule(ctx, ctx.member.get(m)!, entry.request, entry.slot) !== null) return false
  }
  return directViolations(ctx, pairs).length === 0
}

describe('the differential suite (one-decimal hours, pins at full capacity)', () => {
  const seeds = Array.from({ length: PROBLEMS }, (_, i) => i + 1)

  it('decoding accepts exactly the problems whose pins hold, and every solved plan keeps them and breaks nothing', () => {
    let accepted = 0
    let fullPins = 0
    for (const seed of seeds) {
      const json = decimalProblem(seed)
      const decoded = decodeProblem(json)
      const hold = pinsHold(json)
      if (E.isRight(decoded) !== hold)
        expect({ seed, decoded: E.isRight(decoded) ? 'accepted' : decoded.left, hold }).toBeNull()
      if (E.isLeft(decoded)) {
        // everything but the pins is valid by construction
        expect(decoded.left.every((i) => i.code === 'pin' && /^pinned\[\d+\]$/.test(i.path))).toBe(true)
        continue
      }
      accepted++
      const p = decoded.right
      const ctx = ctxOf(p)
      for (const pin of p.pinned) {
        const m = ctx.member.get(pin.member)!
        if (ctx.slot.get(pin.slot)!.slot.hours === Math.round((m.capacity - m.committed) * 10) / 10) fullPins++
      }
      const plan = solve(p, { effort: 20_000, exact: false })
      const pairs: Pairs = plan.assignments.map((a) => [a.slot, a.member] as const)
      for (const pin of p.pinned) expect(pairs).toContainEqual([pin.slot, pin.member])
      expect(directViolations(ctx, pairs)).toEqual([])
      const c = compile(p)
      const edges = plan.assignments.map((a) => c.edgeOf(c.memberIndex.get(a.member)!, c.slotIndex.get(a.slot)!))
      expect(edges.every((e) => e >= 0)).toBe(true)
      expect(violations(c.model)(edges)).toEqual([])
      const direct = directScore(ctx, pairs)
      expect(plan.score.filled).toBe(direct.filled)
      expect(close(plan.score.soft, direct.soft)).toBe(true)
    }
    // the suite exercises both sides and the exact-fit pins
    expect(accepted).toBeGreaterThan(PROBLEMS * 0.3)
    expect(accepted).toBeLessThan(PROBLEMS * 0.95)
    expect(fullPins).toBeGreaterThan(200)
  })

  it('the incremental state equals the full evaluator after every step of random moves', () => {
    let steps = 0
    let refused = 0
    for (const seed of seeds) {
      const json = decimalProblem(seed)
      const model: ValidModel = compile(decode({ ...json, pinned: [] })).model
      const c = compact(model)
      const full = evaluate(model)
      const check = violations(model)
      const st = new State(c)
      const r = prng(seed * 7919)
      for (let k = 0; k < 40 && c.nEdges > 0; k++) {
        const e = r.int(0, c.nEdges - 1)
        const s = c.edgeSlot[e]!
        const before = st.soft
        if (st.slotEdge[s]! >= 0) {
          // a removal is checked against the evaluator below
          st.remove(s)
        } else {
          const predicted = st.evalAdd(e)
          const wouldBreak = check([...st.edges(), e]).length > 0
          // the state refuses exactly what the evaluator calls a violation
          expect(predicted === NEG).toBe(wouldBreak)
          expect(st.block(e) === 'none').toBe(!wouldBreak)
          if (predicted === NEG) {
            refused++
            continue
          }
          st.add(e)
          expect(close(st.soft - before, predicted)).toBe(true)
        }
        steps++
        const edges = Array.from(st.edges())
        const want = full(edges)
        const got = st.score(model.termNames)
        expect(got.filled).toBe(want.filled)
        expect(close(got.soft, want.soft)).toBe(true)
        for (const [name, v] of Object.entries(want.terms)) expect(close(got.terms[name]!, v)).toBe(true)
        expect(evaluateCompact(c, model.termNames, st.edges())).toEqual(want)
        expect(check(edges)).toEqual([])
      }
    }
    expect(steps).toBeGreaterThan(PROBLEMS * 10)
    expect(refused).toBeGreaterThan(PROBLEMS)
  })
})
