/**
 * Solve options: checked by `Solver.decodeOptions` and `Solve.solveEither`, and in `solve` each
 * bad field falls back to its documented default — never a hang, never a throw.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { encodePlan } from '../src/staffing/Plan.js'
import { sampleProblemJson } from '../src/samples/Sample.js'
import { decodeOptions, defaultEffort, defaultExactEffort, solveModel } from '../src/solver/Solver.js'
import { solve, solveEither } from '../src/pipeline/Solve.js'
import { domainLikeModel } from './support/modelArb.js'
import { decode } from './support/staffing.js'
import { edgeList } from '../src/model/Model.js'

const sample = decode(sampleProblemJson)
const paths = (u: unknown): ReadonlyArray<string> => {
  const r = decodeOptions(u)
  return E.isLeft(r) ? r.left.map((i) => `${i.path} ${i.code}`) : []
}
const json = (x: unknown): string => JSON.stringify(encodePlan(x as never))

describe('decodeOptions', () => {
  it('accepts the empty options and fills the defaults', () => {
    expect(decodeOptions(undefined)).toEqual(E.right({ effort: null, seed: 1, exact: null, time: null, initial: [] }))
    expect(decodeOptions({})).toEqual(decodeOptions(undefined))
  })
  it('reports every bad field with its path', () => {
    expect(paths({ effort: NaN })).toEqual(['effort range'])
    expect(paths({ effort: -1, seed: 1.5, exact: 'yes' })).toEqual(['effort range', 'seed range', 'exact range'])
    expect(paths({ effort: Infinity })).toEqual(['effort range'])
    expect(paths({ timeLimit: 10 })).toEqual(['timeLimit range'])
    expect(paths({ clock: 5, timeLimit: 10 })).toEqual(['clock range', 'timeLimit range'])
    expect(paths({ clock: () => 0, timeLimit: NaN })).toEqual(['timeLimit range'])
    expect(paths({ initial: [1, -2] })).toEqual(['initial range'])
    expect(paths({ efort: 10 })).toEqual(['efort unknown'])
    expect(paths(7)).toEqual([' type'])
  })
  it('keeps good fields as they are', () => {
    const clock = (): number => 0
    expect(decodeOptions({ effort: 10, seed: 3, exact: true, clock, timeLimit: 5 })).toEqual(
      E.right({ effort: 10, seed: 3, exact: true, time: { clock, limit: 5 }, initial: [] }),
    )
  })
})

describe('solveModel with bad options', () => {
  const model = domainLikeModel(5, 12, 12)
  it('an effort of NaN comes back at once, as the default effort', () => {
    const bad = solveModel({ effort: NaN, exact: false })(model)
    expect(bad).toEqual(solveModel({ exact: false })(model))
    expect(bad.stats.steps).toBeLessThanOrEqual(defaultEffort + edgeList(model).length * 10)
    expect(solveModel({ effort: NaN })(model).stats.steps).toBeLessThanOrEqual(defaultExactEffort + 1e6)
  })
  it('negative, fractional and infinite efforts and bad seeds fall back to the defaults', () => {
    const base = solveModel({ exact: false })(model)
    for (const effort of [-1, 2.5, Infinity, -Infinity]) expect(solveModel({ effort, exact: false })(model)).toEqual(base)
    expect(solveModel({ seed: NaN, exact: false })(model)).toEqual(base)
  })
  it('a time limit without a clock is a type error, and ignored', () => {
    // @ts-expect-error a time limit needs a clock
    const plan = solveModel({ timeLimit: 1, exact: false })(model)
    expect(plan).toEqual(solveModel({ exact: false })(model))
  })
  it('a clock that is not a function is ignored; one that throws or returns NaN ends the run early', () => {
    // @ts-expect-error the clock must be a function
    expect(solveModel({ clock: 5, timeLimit: 1, exact: false })(model)).toEqual(solveModel({ exact: false })(model))
    const throwing = (): number => {
      throw new Error('no time')
    }
    for (const clock of [throwing, () => NaN]) {
      const early = solveModel({ clock, timeLimit: 1_000_000, exact: false })(model)
      expect(early.edges.length).toBeGreaterThan(0)
      expect(early.stats.steps).toBeLessThan(solveModel({ exact: false })(model).stats.steps)
    }
  })
})

describe('solve and solveEither', () => {
  it('solve applies the documented defaults; solveEither reports the issues instead', () => {
    const base = solve(sample, { effort: 50_000 })
    const bad = { effort: 50_000, seed: -3, timeLimit: 5 }
    expect(json(solve(sample, bad as never))).toBe(json(base))
    const r = solveEither(sample, bad)
    expect(E.isLeft(r) && r.left.map((i) => i.path)).toEqual(['seed', 'timeLimit'])
  })
  it('solveEither solves with good options', () => {
    const r = solveEither(sample, { effort: 50_000 })
    expect(E.isRight(r) && json(r.right)).toBe(json(solve(sample, { effort: 50_000 })))
  })
  it('a warm start is an option like any other: valid entries seed the search, bad ones are issues in solveEither', () => {
    const first = solve(sample, { effort: 50_000 })
    const warm = solve(sample, { effort: 50_000, initial: first.assignments })
    expect(warm.score.filled).toBeGreaterThanOrEqual(first.score.filled)
    expect(json(solve(sample, { effort: 50_000, initial: first.assignments }))).toBe(json(warm))
    const r = solveEither(sample, {
      effort: 50_000,
      initial: [{ slot: 'nope', member: 'm01' }, { slot: first.assignments[0]!.slot, member: 'zz' }],
    })
    expect(E.isLeft(r) && r.left.map((i) => `${i.path} ${i.code}`)).toEqual([
      'initial[0].slot reference',
      'initial[1].member reference',
    ])
    // solve itself skips them
    expect(solve(sample, { effort: 50_000, initial: [{ slot: 'nope', member: 'm01' }] }).score.filled).toBeGreaterThan(0)
  })
})
