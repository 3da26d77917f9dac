import * as E from 'fp-ts/lib/Either.js'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Assignment, Issue, Model } from 'wendbaar/solver'
import { renderedIssues } from './support/issues.js'
import { twoGapProblems } from './support/gapText.js'
import { edgeList } from '../src/model/Model.js'

type GapProblem = Assignment.GapProblem
type LapProblem = Assignment.LapProblem

const right = <A>(e: E.Either<ReadonlyArray<Issue.Issue>, A>): A => {
  if (E.isLeft(e)) throw new Error(Issue.render(e.left).join('\n'))
  return e.right
}
/** The rendered issues of a Left (a Right fails the test). */
const issuesOf = renderedIssues


const small = (): GapProblem =>
  right(
    Assignment.gapProblem({
      cost: [
        [6, 4, 5],
        [3, 7, 2],
      ],
      use: [
        [3, 2, 2],
        [2, 3, 1],
      ],
      capacity: [4, 4],
    }),
  )

// -------------------------------------------------------------------------------------
// GAP: constructors and parsing
// -------------------------------------------------------------------------------------

describe('gapProblem', () => {
  it('brands checked data with its sizes', () => {
    const p = small()
    expect([p._tag, p.agents, p.jobs]).toEqual(['GapProblem', 2, 3])
    expect(p.capacity).toEqual([4, 4])
  })

  it('names every bad number and ragged row by its JSON path', () => {
    expect(issuesOf(Assignment.gapProblem({ cost: [[1, Number.NaN]], use: [[-1, 2]], capacity: [-3] }))).toEqual([
      'cost[0][1]: c(0,1) must be a finite number, got NaN (range)',
      'use[0][0]: a(0,0) must be a finite number ≥ 0, got -1 (range)',
      'capacity[0]: b(0) must be a finite number ≥ 0, got -3 (range)',
    ])
    expect(issuesOf(Assignment.gapProblem({ cost: [[1, 2], [3]], use: [[1, 2]], capacity: [5, 5] }))).toEqual([
      'cost[1]: must have one entry per job (2), got 1 (range)',
      'use: must have one row per agent (2), got 1 (range)',
    ])
    expect(issuesOf(Assignment.gapProblem({ cost: [], use: [], capacity: [] }))).toEqual(['capacity: needs at least one agent (range)'])
    expect(issuesOf(Assignment.gapProblem({ cost: [[]], use: [[]], capacity: [1] }))).toEqual(['cost[0]: needs at least one job (range)'])
  })
})

describe('parseGap', () => {
  it('reads an OR-Library text with its problem count', () => {
    const [p0, p1, ...rest] = right(Assignment.parseGap(twoGapProblems))
    expect(rest).toEqual([])
    expect(p0).toEqual(small())
    expect([p1?.agents, p1?.jobs, p1?.use[0], p1?.capacity]).toEqual([3, 4, [4, 2, 3, 7], [6, 5, 6]])
  })

  it('reads a one-problem Yagiura text, whatever the line breaks', () => {
    expect(right(Assignment.parseGap('2 3\n6 4 5 3 7 2\n3 2 2 2 3 1\n4\n4\n'))).toEqual([small()])
    expect(right(Assignment.parseGap('\t2 3 6 4 5 3 7 2 3 2 2 2 3 1 4 4'))).toEqual([small()])
  })

  it('lists every token that is not a number, with its line', () => {
    expect(issuesOf(Assignment.parseGap(twoGapProblems.replace('6 4 5', '6 x 5').replace('6 5 6', '6 5 0x6')))).toEqual([
      'token 5 (line 3): "x" is not a number (type)',
      'token 46 (line 15): "0x6" is not a number (type)',
    ])
    expect(issuesOf(Assignment.parseGap(' \n\t'))).toEqual(['(root): the text is empty: expected a GAP problem count or an "agents jobs" line (type)'])
  })

  it('explains a wrong count, bad sizes, a truncated text and numbers left over', () => {
    expect(issuesOf(Assignment.parseGap('0 2 3'))).toEqual([
      'token 1 (line 1): the first number must be the problem count (an integer ≥ 1), or the text must be one problem without it; got 0 (range)',
    ])
    expect(issuesOf(Assignment.parseGap('1\n0 2.5 3'))).toEqual([
      'token 2 (line 2): problem 0: the number of agents must be an integer ≥ 1, got 0 (range)',
      'token 3 (line 2): problem 0: the number of jobs must be an integer ≥ 1, got 2.5 (range)',
    ])
    const cut = twoGapProblems.trim().split(/\s+/).slice(0, -3).join(' ')
    expect(issuesOf(Assignment.parseGap(cut))).toEqual([
      'end of text (line 1): problem 1 (3 agents × 4 jobs) needs 29 numbers from token 18 (line 1), but the text has only 26 left (type)',
    ])
    expect(issuesOf(Assignment.parseGap(`${twoGapProblems}9 9`))).toEqual([
      'token 47 (line 16): the text declares 2 problem(s) but has 2 number(s) left over after them (type)',
    ])
    expect(issuesOf(Assignment.parseGap('2\n1 1 5 1 3'))).toEqual(['end of text (line 2): problem 1: the text ends before its size line "agents jobs" (type)'])
  })

  it('collects the range issues of every problem before failing', () => {
    const text = twoGapProblems.replace('3 2 2\n', '3 -2 2\n').replace('6 5 6', '6 -5 6')
    expect(issuesOf(Assignment.parseGap(text))).toEqual([
      'token 11 (line 5): problem 0: a(0,1) must be a finite number ≥ 0, got -2 (range)',
      'token 45 (line 15): problem 1: b(1) must be a finite number ≥ 0, got -5 (range)',
    ])
  })

  it('reports infinite numbers (1e999) as out of range', () => {
    expect(issuesOf(Assignment.parseGap('1 1 1e999 1 1'))).toEqual([
      'token 3 (line 1): problem 0: c(0,0) must be a finite number, got Infinity (range)',
    ])
  })
})

// -------------------------------------------------------------------------------------
// LAP: constructors and parsing
// -------------------------------------------------------------------------------------

describe('lapProblem', () => {
  it('sorts the arcs by (column, row)', () => {
    const p = right(
      Assignment.lapProblem({
        size: 2,
        arcs: [
          { row: 1, col: 1, cost: 2 },
          { row: 1, col: 0, cost: 5 },
          { row: 0, col: 0, cost: 4 },
        ],
      }),
    )
    expect(p._tag).toBe('LapProblem')
    expect(p.arcs).toEqual([
      { row: 0, col: 0, cost: 4 },
      { row: 1, col: 0, cost: 5 },
      { row: 1, col: 1, cost: 2 },
    ])
  })

  it('names bad sizes, indices, costs and duplicate arcs by their JSON paths', () => {
    expect(issuesOf(Assignment.lapProblem({ size: 0, arcs: [] }))).toEqual(['size: must be an integer ≥ 1, got 0 (range)'])
    expect(issuesOf(Assignment.lapProblem({ size: 2, arcs: [{ row: 0, col: 0, cost: 1 }] }))).toEqual([
      'size: the size 2 exceeds the number of arcs (1): some row has no arc, so no assignment exists (range)',
    ])
    expect(
      issuesOf(
        Assignment.lapProblem({
          size: 2,
          arcs: [
            { row: 2, col: 0.5, cost: Number.POSITIVE_INFINITY },
            { row: 0, col: 0, cost: 1 },
          ],
        }),
      ),
    ).toEqual([
      'arcs[0].row: row must be an integer in 0..1, got 2 (range)',
      'arcs[0].col: column must be an integer in 0..1, got 0.5 (range)',
      'arcs[0].cost: cost must be a finite number, got Infinity (range)',
    ])
    expect(
      issuesOf(
        Assignment.lapProblem({
          size: 2,
          arcs: [
            { row: 1, col: 0, cost: 1 },
            { row: 0, col: 1, cost: 1 },
            { row: 1, col: 0, cost: 3 },
          ],
        }),
      ),
    ).toEqual(['arcs[2]: arc (row 1, column 0) appears twice (also at arcs[0]) (duplicate)'])
  })
})

describe('parseLap', () => {
  it('reads a dense text (n, then the n × n costs row by row)', () => {
    const p = right(Assignment.parseLap('2\n4 1\n2 8\n'))
    expect(p.size).toBe(2)
    expect(p.arcs).toEqual([
      { row: 0, col: 0, cost: 4 },
      { row: 1, col: 0, cost: 2 },
      { row: 0, col: 1, cost: 1 },
      { row: 1, col: 1, cost: 8 },
    ])
  })

  it('reads a sparse text (n, then 1-based triples i j c)', () => {
    const p = right(Assignment.parseLap('3\n 1 2 7\n 3 1 5\n 2 3 1\n 2 2 4\n'))
    expect(p.arcs).toEqual([
      { row: 2, col: 0, cost: 5 },
      { row: 0, col: 1, cost: 7 },
      { row: 1, col: 1, cost: 4 },
      { row: 1, col: 2, cost: 1 },
    ])
  })

  it('takes the layout as told when n² numbers could be either', () => {
    // 3 and then 9 numbers: dense by default, three arcs when told "sparse"
    const text = '3\n1 1 5 2 2 6 3 3 7'
    expect(right(Assignment.parseLap(text)).arcs.length).toBe(9)
    expect(right(Assignment.parseLap(text, 'sparse')).arcs).toEqual([
      { row: 0, col: 0, cost: 5 },
      { row: 1, col: 1, cost: 6 },
      { row: 2, col: 2, cost: 7 },
    ])
  })

  it('explains bad texts by position, with 1-based indices for sparse files', () => {
    expect(issuesOf(Assignment.parseLap(''))).toEqual(['(root): the text is empty: expected the size n (type)'])
    expect(issuesOf(Assignment.parseLap('2.5 1 2'))).toEqual(['token 1 (line 1): the size n must be an integer ≥ 1, got 2.5 (range)'])
    expect(issuesOf(Assignment.parseLap('2\n1 2\n3 z'))).toEqual(['token 5 (line 3): "z" is not a number (type)'])
    expect(issuesOf(Assignment.parseLap('2\n1 2 3 4 5'))).toEqual([
      'end of text (line 2): after n = 2, expected 4 costs (a dense file) or triples "i j c" (a sparse file); got 5 number(s) (type)',
    ])
    expect(issuesOf(Assignment.parseLap('2\n1 2 3 4 5', 'sparse'))).toEqual([
      'end of text (line 2): a sparse file needs triples "i j c" after n; 5 number(s) is not a multiple of 3 (type)',
    ])
    expect(issuesOf(Assignment.parseLap('1000000000\n1 1 5'))).toEqual([
      'token 1 (line 1): the size 1000000000 exceeds the number of arcs (1): some row has no arc, so no assignment exists (range)',
    ])
    expect(issuesOf(Assignment.parseLap('2\n1 2 3', 'dense'))).toEqual(['end of text (line 2): a dense file of size 2 needs 4 costs after n, got 3 (type)'])
    expect(issuesOf(Assignment.parseLap('3\n1 2 3\n4 1 5\n2 0 1', 'sparse'))).toEqual([
      'token 5 (line 3): row must be an integer in 1..3, got 4 (range)',
      'token 9 (line 4): column must be an integer in 1..3, got 0 (range)',
    ])
    expect(issuesOf(Assignment.parseLap('3\n1 2 3\n3 1 5\n1 2 9\n2 3 1'))).toEqual([
      'token 8 (line 4): arc (row 1, column 2) appears twice (also at token 2 (line 2)) (duplicate)',
    ])
  })
})

// -------------------------------------------------------------------------------------
// mapping
// -------------------------------------------------------------------------------------

/** Small GAP data: 1..4 agents × 1..5 jobs, integer numbers, some pairs that never fit. */
const gapInputArb = fc
  .record({ m: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 5 }) })
  .chain(({ m, n }) =>
    fc.record({
      cost: fc.array(fc.array(fc.integer({ min: -20, max: 50 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
      use: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m }),
      capacity: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: m, maxLength: m }),
    }),
  )

/** Small LAP data: size 1..5, a random subset of arcs (each kept with probability ~0.7). */
const lapInputArb = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc
    .array(fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 30 })), { minLength: n * n, maxLength: n * n })
    .map((cells) => ({
      size: n,
      arcs: cells.flatMap(([a, b, c, cost], k) => (a || b || c ? [{ row: Math.floor(k / n), col: k % n, cost }] : [])),
    }))
    // fewer arcs than rows is an issue of its own (tested above)
    .filter((input) => input.arcs.length >= input.size),
)

describe('gapToModel', () => {
  const [p0, p1] = right(Assignment.parseGap(twoGapProblems)) as [GapProblem, GapProblem]

  it('maps agents to members, jobs to slots and fitting pairs to edges with signed values', () => {
    const max = Assignment.gapToModel(p0, 'max')
    expect(max.members.map((m) => [m.id, m.capacity, m.category, m.overloadWeight])).toEqual([
      ['agent-0', 4, -1, 0],
      ['agent-1', 4, -1, 0],
    ])
    expect(max.slots.map((s) => [s.id, s.priority, s.group])).toEqual([
      ['job-0', 1, 0],
      ['job-1', 1, 0],
      ['job-2', 1, 0],
    ])
    expect(max.groups).toEqual([{ id: 'jobs', limit: 3 }])
    expect(edgeList(max).map((e) => [e.slot, e.member, e.hours, ...e.terms])).toEqual([
      [0, 0, 3, 6],
      [0, 1, 2, 3],
      [1, 0, 2, 4],
      [1, 1, 3, 7],
      [2, 0, 2, 5],
      [2, 1, 1, 2],
    ])
    expect(edgeList(Assignment.gapToModel(p0, 'min')).map((e) => e.terms[0])).toEqual([-6, -3, -4, -7, -5, -2])
    expect(edgeList(Assignment.gapToModel(p1, 'max')).some((e) => e.slot === 3 && e.member === 0)).toBe(false)
  })

  it('writes zero costs as +0, never −0', () => {
    const p = right(Assignment.gapProblem({ cost: [[0]], use: [[1]], capacity: [1] }))
    expect(Object.is(edgeList(Assignment.gapToModel(p, 'min'))[0]?.terms[0], 0)).toBe(true)
  })

  it('makes models that Model.decodeModel accepts as they are', () => {
    fc.assert(
      fc.property(gapInputArb, fc.constantFrom<Assignment.Sense>('max', 'min'), (input, sense) => {
        const model = Assignment.gapToModel(right(Assignment.gapProblem(input)), sense)
        // a model with an edge table is not JSON: its codec writes edge objects, which decode to the same model
        expect(Model.decodeModel(JSON.parse(JSON.stringify(Model.ModelCodec.encode(model))))).toEqual(E.right({ ...model, edges: edgeList(model) }))
        expect(Model.decodeModel(model)).toEqual(E.right(model))
      }),
      { numRuns: 100 },
    )
  })
})

describe('lapToModel', () => {
  it('maps rows to one-slot members, columns to slots and arcs to edges of value −c', () => {
    const p = right(Assignment.parseLap('2\n4 1\n2 8'))
    const m = Assignment.lapToModel(p)
    expect(m.members.map((x) => [x.id, x.capacity])).toEqual([
      ['row-0', 1],
      ['row-1', 1],
    ])
    expect(m.slots.map((s) => s.id)).toEqual(['col-0', 'col-1'])
    expect(edgeList(m).map((e) => [e.slot, e.member, e.hours, ...e.terms])).toEqual([
      [0, 0, 1, -4],
      [0, 1, 1, -2],
      [1, 0, 1, -1],
      [1, 1, 1, -8],
    ])
  })

  it('makes models that Model.decodeModel accepts as they are', () => {
    fc.assert(
      fc.property(lapInputArb, (input) => {
        const model = Assignment.lapToModel(right(Assignment.lapProblem(input)))
        // a model with an edge table is not JSON: its codec writes edge objects, which decode to the same model
        expect(Model.decodeModel(JSON.parse(JSON.stringify(Model.ModelCodec.encode(model))))).toEqual(E.right({ ...model, edges: edgeList(model) }))
        expect(Model.decodeModel(model)).toEqual(E.right(model))
      }),
      { numRuns: 100 },
    )
  })
})

// -------------------------------------------------------------------------------------
// queries
// -------------------------------------------------------------------------------------

describe('objectiveOf and infeasibility', () => {
  it('GAP: sums c over assigned jobs and lists every broken rule', () => {
    const p = small()
    expect(Assignment.objectiveOf(p, [0, 1, 0])).toBe(6 + 7 + 5)
    expect(Assignment.objectiveOf(p, [0, -1, 5])).toBe(6)
    expect(Assignment.infeasibility(p, [1, 0, 1])).toEqual([])
    expect(Assignment.infeasibility(p, [0, 1, 0])).toEqual([
      { _tag: 'Infeasibility', kind: 'capacity', job: null, agent: 0, message: 'agent 0 uses 5 of capacity 4' },
    ])
    expect(Assignment.infeasibility(p, [0, -1, 2, 1]).map((v) => [v.kind, v.job, v.agent, v.message])).toEqual([
      ['length', null, null, 'expected one entry per job (3), got 4'],
      ['unassigned', 1, null, 'job 1 is not assigned'],
      ['agent', 2, null, 'job 2 is given to agent 2, which does not exist (0..1)'],
    ])
  })

  it('LAP: sums the arcs used and flags missing arcs and rows taking two columns', () => {
    const p = right(Assignment.parseLap('3\n1 1 5\n1 2 7\n2 2 4\n2 3 1\n3 1 5\n3 3 2'))
    expect(Assignment.objectiveOf(p, [0, 1, 2])).toBe(5 + 4 + 2)
    expect(Assignment.infeasibility(p, [0, 1, 2])).toEqual([])
    expect(Assignment.infeasibility(p, [0, 0, 1]).map((v) => [v.kind, v.job, v.agent, v.message])).toEqual([
      ['capacity', null, 0, 'row 0 takes 2 columns'],
    ])
    expect(Assignment.objectiveOf(p, [1, 0, 2])).toBe(7 + 2)
    expect(Assignment.infeasibility(p, [1, 0, 2]).map((v) => [v.kind, v.job, v.agent])).toEqual([['arc', 0, 1]])
  })

  it('assignmentOf reads chosen edges back into an agent per job', () => {
    const m = Assignment.gapToModel(small(), 'max')
    expect(Assignment.assignmentOf(m, [1, 3, 4])).toEqual([1, 1, 0])
    expect(Assignment.assignmentOf(m, [99])).toEqual([-1, -1, -1])
  })

  it('senseOf follows the OR-Library names', () => {
    expect(['gap1.txt', 'data/orlib-gap/gap12.txt', 'gapa.txt', 'x\\gap-yagiura\\e05100', 'gap1b'].map(Assignment.senseOf)).toEqual([
      'max',
      'max',
      'min',
      'min',
      'min',
    ])
  })
})

// -------------------------------------------------------------------------------------
// solving
// -------------------------------------------------------------------------------------

/** Best Σ c over all feasible GAP assignments, by enumeration; null when none is feasible. */
const gapBrute = (p: GapProblem, sense: Assignment.Sense): number | null => {
  let best: number | null = null
  const a = new Array<number>(p.jobs).fill(0)
  for (let code = 0; code < p.agents ** p.jobs; code++) {
    let c = code
    for (let j = 0; j < p.jobs; j++) {
      a[j] = c % p.agents
      c = Math.floor(c / p.agents)
    }
    if (Assignment.infeasibility(p, a).length > 0) continue
    const v = Assignment.objectiveOf(p, a)
    if (best === null || (sense === 'max' ? v > best : v < best)) best = v
  }
  return best
}

/** Least cost over all perfect LAP assignments, by enumerating permutations; null when none. */
const lapBrute = (p: LapProblem): number | null => {
  let best: number | null = null
  const perm: Array<number> = []
  const used = new Array<boolean>(p.size).fill(false)
  const go = (j: number): void => {
    if (j === p.size) {
      if (Assignment.infeasibility(p, perm).length === 0) {
        const v = Assignment.objectiveOf(p, perm)
        if (best === null || v < best) best = v
      }
      return
    }
    for (let i = 0; i < p.size; i++)
      if (!used[i]) {
        used[i] = true
        perm[j] = i
        go(j + 1)
        used[i] = false
      }
    perm.length = j
  }
  go(0)
  return best
}

describe('solveGap and solveLap', () => {
  it('reach the enumerated GAP optimum, proven, with a bound equal to it', () => {
    fc.assert(
      fc.property(gapInputArb, fc.constantFrom<Assignment.Sense>('max', 'min'), (input, sense) => {
        const p = right(Assignment.gapProblem(input))
        const r = Assignment.solveGap(p, sense)
        const best = gapBrute(p, sense)
        expect(r.optimal).toBe(true)
        if (best === null) {
          expect(r.violations.length).toBeGreaterThan(0)
          expect(r.bound).toBeNull()
        } else {
          expect(r.violations).toEqual([])
          expect(r.objective).toBe(best)
          expect(r.bound).toBeCloseTo(best, 6)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('reach the enumerated LAP optimum whenever a perfect assignment exists', () => {
    fc.assert(
      fc.property(lapInputArb, (input) => {
        const p = right(Assignment.lapProblem(input))
        const r = Assignment.solveLap(p)
        const best = lapBrute(p)
        if (best === null) expect(r.violations.length).toBeGreaterThan(0)
        else {
          expect(r.violations).toEqual([])
          expect(r.objective).toBe(best)
          expect(r.assigned).toBe(p.size)
          expect(r.optimal).toBe(true)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('give the same result for the same problem and options', () => {
    const p = right(Assignment.parseGap(twoGapProblems))[1] as GapProblem
    const a = Assignment.solveGap(p, 'max', { seed: 7 })
    const b = Assignment.solveGap(p, 'max', { seed: 7 })
    expect(b).toEqual(a)
    expect(a.objective).toBe(gapBrute(p, 'max'))
  })
})
