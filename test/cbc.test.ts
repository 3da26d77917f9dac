/**
 * Reading CBC's output back (bench/references.ts): the status and plan from its solution file,
 * the dual bound from its log — on the three shapes CBC 2.10 prints.
 */
import { describe, expect, it } from 'vitest'
import { parseCbc } from '../bench/references.js'

describe('parseCbc', () => {
  it('reads an optimal plan, its non-zero columns by name, and the objective as the bound', () => {
    const solution = 'Optimal - objective value 136.00000000\n      1 v1                     1                       4\n     10 v10                    1                       4\n'
    const log = 'Result - Optimal solution found\n\nObjective value:                136.00000000\nEnumerated nodes:               0\n'
    const r = parseCbc(solution, log)
    expect(r.status).toBe('optimal')
    expect([...(r.values ?? new Map())]).toEqual([
      [1, 1],
      [10, 1],
    ])
    expect(r.dualBound).toBe(136)
  })

  it('keeps a time-limited integer plan with the bound from the log', () => {
    const solution = 'Stopped on time - objective value 2510.00000000\n      3 v3                     1                      -0\n'
    const log = 'Result - Stopped on time limit\n\nObjective value:                2510.00000000\nUpper bound:                    2522.000\nGap:                            0.00\n'
    const r = parseCbc(solution, log)
    expect(r.status).toBe('time limit')
    expect([...(r.values ?? new Map())]).toEqual([[3, 1]])
    expect(r.dualBound).toBe(2522)
  })

  it('takes no plan from the LP relaxation CBC writes when it found no integer solution', () => {
    const solution = 'Stopped on time (no integer solution - continuous used) - objective value 2522.00000000\n     16 v16                    1                      -0\n'
    const log = 'Result - Stopped on time limit\n\nNo feasible solution found\nUpper bound:                    2522.000\n'
    const r = parseCbc(solution, log)
    expect(r.status).toBe('time limit, no plan')
    expect(r.values).toBeNull()
    expect(r.dualBound).toBe(2522)
    expect(parseCbc(null, '').status).toBe('no result')
  })
})
