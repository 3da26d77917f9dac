import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Evaluate, Solver } from 'wendbaar/solver'
import { bruteForce, naiveViolates, smallModelArb } from './support/modelArb.js'
import { close } from './support/issues.js'


describe('solveModel properties (random small models)', () => {
  it('never breaks a hard constraint, keeps forced edges, reports the evaluator score', () => {
    fc.assert(
      fc.property(smallModelArb, fc.boolean(), fc.integer({ min: 0, max: 5000 }), (m, exact, effort) => {
        const sol = Solver.solveModel({ exact, effort })(m)
        expect(Evaluate.violations(m)(sol.edges)).toEqual([])
        expect(naiveViolates(m, sol.edges)).toBe(false)
        for (const f of m.forced) expect(sol.edges).toContain(f)
        expect(sol.score).toEqual(Evaluate.evaluate(m)(sol.edges))
        expect([...sol.edges]).toEqual([...sol.edges].sort((a, b) => a - b))
        for (const v of Object.values(sol.stats)) expect(typeof v === 'boolean' || Number.isInteger(v)).toBe(true)
        expect(sol.stats.exact).toBe(exact)
      }),
      { numRuns: 300 },
    )
  })

  it('is deterministic: the same model and options give the identical solution', () => {
    fc.assert(
      fc.property(smallModelArb, fc.integer({ min: 0, max: 100 }), fc.boolean(), (m, seed, exact) => {
        const a = Solver.solveModel({ seed, exact, effort: 20_000 })(m)
        const b = Solver.solveModel({ seed, exact, effort: 20_000 })(structuredClone(m))
        expect(JSON.stringify(b)).toBe(JSON.stringify(a))
      }),
      { numRuns: 150 },
    )
  })

  it('exact mode reaches the brute-force lexicographic optimum and proves it (bound = score)', () => {
    fc.assert(
      fc.property(smallModelArb, (m) => {
        const sol = Solver.solveModel({ exact: true })(m)
        const best = bruteForce(m)
        expect(sol.optimal).toBe(true)
        expect(close(sol.score.filled, best.filled)).toBe(true)
        expect(close(sol.score.soft, best.soft)).toBe(true)
        expect(sol.bound).toEqual({ filled: sol.score.filled, soft: sol.score.soft })
      }),
      { numRuns: 300 },
    )
  })

  it('reports a valid bound whatever the mode or budget', () => {
    fc.assert(
      fc.property(smallModelArb, fc.boolean(), fc.integer({ min: 0, max: 3000 }), (m, exact, effort) => {
        const sol = Solver.solveModel({ exact, effort })(m)
        const best = bruteForce(m)
        const b = sol.bound
        expect(b).not.toBeNull()
        if (b === null) return
        expect(b.filled).toBeGreaterThanOrEqual(best.filled - 1e-6)
        expect(b.filled).toBeGreaterThanOrEqual(sol.score.filled)
        expect(b.soft).toBeGreaterThanOrEqual(sol.score.soft - 1e-9)
        // every plan at least as filled as the solution is at most bound.soft
        if (sol.score.filled >= best.filled - 1e-9) expect(b.soft).toBeGreaterThanOrEqual(best.soft - 1e-6)
        if (sol.optimal) {
          expect(close(sol.score.filled, best.filled)).toBe(true)
          expect(close(sol.score.soft, best.soft)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })
})
