/**
 * Edge tables: a model's edges as typed-array columns are the same model as its edge objects —
 * decoded by the same rules (issues at the same kind of paths), solved to the same plan, scored
 * the same — and the producers (compile, the GAP and LAP mappings) write them.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Assignment, Evaluate, Model, Solver } from 'wendbaar/solver'
import { compile } from '../src/pipeline/Compile.js'
import { decodeProblem } from '../src/pipeline/Problem.js'
import { smallModelArb } from './support/modelArb.js'
import { pathCodePairs } from './support/issues.js'
import { generateProblem, oracleParams } from './support/generate.js'

const base: Model.Model = {
  timePoints: 2,
  slots: [
    { id: 'a', priority: 1, group: 0, from: 0, to: 1 },
    { id: 'b', priority: 2, group: 0, from: 1, to: 1 },
  ],
  members: [
    { id: 'x', capacity: 10, category: 0, base: 0, threshold: 8, overloadWeight: 1 },
    { id: 'y', capacity: 10, category: -1, base: 0, threshold: 8, overloadWeight: 0 },
  ],
  groups: [{ id: 'g', limit: 1 }],
  edges: {
    member: Int32Array.of(0, 1, 0),
    slot: Int32Array.of(0, 0, 1),
    hours: Float64Array.of(6, 6, 6),
    terms: Float64Array.of(1, 2, 3),
  },
  termNames: { edge: ['v'], category: 'c', pair: 'p', overload: 'o' },
  forced: [],
  forbidden: [],
  conflicts: [],
  pairPenalties: [],
  categoryBonus: 1,
}

const table = (over: Partial<Model.EdgeTable>): Model.Model => ({ ...base, edges: { ...(base.edges as Model.EdgeTable), ...over } })
const issues = (u: unknown) => pathCodePairs(Model.decodeModel(u))

describe('an edge table', () => {
  it('decodes as it is, and reads like its edge objects', () => {
    const r = Model.decodeModel(base)
    expect(E.isRight(r) && r.right.edges).toBe(base.edges)
    expect(Model.edgeCount(base)).toBe(3)
    expect(Model.edgeAt(base, 2)).toEqual({ member: 0, slot: 1, hours: 6, terms: [3] })
    expect(Model.edgeAt(base, 3)).toBeUndefined()
    expect(Model.edgeList(base)).toEqual([
      { member: 0, slot: 0, hours: 6, terms: [1] },
      { member: 1, slot: 0, hours: 6, terms: [2] },
      { member: 0, slot: 1, hours: 6, terms: [3] },
    ])
    expect(Model.toEdgeTable({ ...base, edges: Model.edgeList(base) })).toEqual(base.edges)
  })

  it('is checked by the same rules, with paths', () => {
    expect(issues(table({ member: Int32Array.of(0, 1, 5) }))).toEqual([['edges[2].member', 'reference']])
    expect(issues(table({ slot: Int32Array.of(0, 1, 0), member: Int32Array.of(0, 0, 1) }))).toEqual([['edges[2]', 'range']])
    expect(issues(table({ member: Int32Array.of(0, 0, 0) }))).toEqual([['edges[1]', 'duplicate']])
    expect(issues(table({ hours: Float64Array.of(6, -1, NaN) }))).toEqual([
      ['edges[1].hours', 'range'],
      ['edges[2].hours', 'range'],
    ])
    expect(issues(table({ terms: Float64Array.of(1, Infinity, 3) }))).toEqual([['edges[1].terms[0]', 'range']])
    expect(issues(table({ terms: Float64Array.of(1, 2) }))).toEqual([['edges.terms', 'range']])
    expect(issues(table({ hours: Float64Array.of(6, 6) }))).toEqual([['edges', 'range']])
    // a plain array where a typed array belongs is a type issue at its column
    expect(issues({ ...base, edges: { ...(base.edges as Model.EdgeTable), member: [0, 1, 0] } })).toEqual([['edges.member', 'type']])
    expect(issues(table({ member: Int32Array.of(0, 1, 0) }))).toEqual([])
  })

  it('encodes as edge objects, so an encoded model is plain JSON', () => {
    const json = JSON.parse(JSON.stringify(Model.ModelCodec.encode(base)))
    expect(json.edges).toEqual(Model.edgeList(base))
    expect(Model.decodeModel(json)).toEqual(E.right({ ...base, edges: Model.edgeList(base) }))
  })

  it('gives the same plan, bound and score as the same edges as objects', () => {
    fc.assert(
      fc.property(smallModelArb, fc.boolean(), fc.integer({ min: 0, max: 50 }), (model, exact, seed) => {
        const objects: Model.ValidModel = { ...model, edges: Model.edgeList(model) }
        const typed = Model.decodeModel({ ...model, edges: Model.toEdgeTable(model) })
        if (E.isLeft(typed)) throw new Error('an edge table of a valid model decodes')
        const options = { exact, seed, effort: 20_000 }
        const a = Solver.solveModel(options)(objects)
        const b = Solver.solveModel(options)(typed.right)
        expect(b).toEqual(a)
        expect(Evaluate.evaluate(typed.right)(b.edges)).toEqual(Evaluate.evaluate(objects)(a.edges))
      }),
      { numRuns: 150 },
    )
  })
})

describe('the producers write edge tables', () => {
  it('compile: one row per eligible pair, the same as the edge objects it used to write', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const d = decodeProblem(generateProblem(oracleParams(seed)))
      if (E.isLeft(d)) throw new Error('oracle problems decode')
      const c = compile(d.right)
      expect(Array.isArray(c.model.edges)).toBe(false)
      const list = Model.edgeList(c.model)
      expect(list.length).toBe(Model.edgeCount(c.model))
      list.forEach((e, i) => expect(c.edgeOf(e.member, e.slot)).toBe(i))
      expect(Model.decodeModel(c.model)).toEqual(E.right(c.model))
    }
  })

  it('the GAP and LAP mappings', () => {
    const gap = Assignment.gapProblem({ cost: [[1, 2], [3, 4]], use: [[1, 1], [1, 9]], capacity: [2, 2] })
    const lap = Assignment.lapProblem({ size: 2, arcs: [{ row: 0, col: 0, cost: 1 }, { row: 1, col: 0, cost: 2 }, { row: 1, col: 1, cost: 3 }] })
    if (E.isLeft(gap) || E.isLeft(lap)) throw new Error('valid inputs')
    const g = Assignment.gapToModel(gap.right, 'min')
    const l = Assignment.lapToModel(lap.right)
    expect(Array.isArray(g.edges) || Array.isArray(l.edges)).toBe(false)
    expect(Model.edgeList(g).map((e) => [e.slot, e.member, e.hours, e.terms[0]])).toEqual([
      [0, 0, 1, -1],
      [0, 1, 1, -3],
      [1, 0, 1, -2],
    ])
    expect(Model.edgeList(l).map((e) => [e.slot, e.member, e.terms[0]])).toEqual([
      [0, 0, -1],
      [0, 1, -2],
      [1, 1, -3],
    ])
  })
})
