import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { Assignment, Issue } from 'wendbaar/solver'
import { gapPercent, parseBestKnown, parseOptima, solveGapTimed } from '../bench/gap-data.js'
import { edgeList } from '../src/model/Model.js'
import { twoGapProblems } from './support/gapText.js'

// The instance files are read by the library (`Assignment`, test/Assignment.test.ts has the
// exact issues); the reference CSVs, gap percent and the bench's effort and timing are bench/'s.
type GapProblem = Assignment.GapProblem
type Sense = Assignment.Sense
const { assignmentOf, gapToModel, objectiveOf, senseOf } = Assignment
const parseGapFile = Assignment.parseGap
/** The messages of the infeasibilities found, or null when feasible (the checks below read them). */
const infeasibility = (p: GapProblem, a: ReadonlyArray<number>): string | null => {
  const v = Assignment.infeasibility(p, a)
  return v.length === 0 ? null : v.map((x) => x.message).join('; ')
}

const tiny = twoGapProblems

const right = <A>(e: E.Either<string | ReadonlyArray<Issue.Issue>, A>): A => {
  if (E.isLeft(e)) throw new Error(typeof e.left === 'string' ? e.left : Issue.render(e.left).join('\n'))
  return e.right
}
/** The issues of a Left as one text, for matching; a Right gives false. */
const left = <A>(e: E.Either<ReadonlyArray<Issue.Issue>, A>): string | false => E.isLeft(e) && Issue.render(e.left).join('\n')

/** Best Σ c over all feasible assignments, by enumeration (tiny problems only). */
const bruteForce = (p: GapProblem, sense: Sense): number | null => {
  let best: number | null = null
  const agentOf = new Array<number>(p.jobs).fill(0)
  const total = p.agents ** p.jobs
  for (let code = 0; code < total; code++) {
    let c = code
    for (let j = 0; j < p.jobs; j++) {
      agentOf[j] = c % p.agents
      c = Math.floor(c / p.agents)
    }
    if (infeasibility(p, agentOf) !== null) continue
    const v = objectiveOf(p, agentOf)
    if (best === null || (sense === 'max' ? v > best : v < best)) best = v
  }
  return best
}

describe('parseGapFile', () => {
  it('reads an OR-Library file with its problem count', () => {
    const problems = right(parseGapFile(tiny))
    expect(problems.length).toBe(2)
    const [p0, p1] = problems
    expect(p0).toEqual({
      _tag: 'GapProblem',
      agents: 2,
      jobs: 3,
      cost: [
        [6, 4, 5],
        [3, 7, 2],
      ],
      use: [
        [3, 2, 2],
        [2, 3, 1],
      ],
      capacity: [4, 4],
    })
    expect(p1?.agents).toBe(3)
    expect(p1?.jobs).toBe(4)
    expect(p1?.use[0]).toEqual([4, 2, 3, 7])
    expect(p1?.capacity).toEqual([6, 5, 6])
  })

  it('reads a Yagiura file (one problem, no count) whatever the line layout', () => {
    const one = '2 3\n6 4 5 3 7 2\n3 2 2 2 3 1\n4\n4\n'
    expect(right(parseGapFile(one))).toEqual([right(parseGapFile(tiny))[0]])
  })

  it('explains truncated, padded and non-numeric files', () => {
    expect(left(parseGapFile(tiny.trim().split(/\s+/).slice(0, -3).join(' ')))).toMatch(/problem 1 \(3 agents × 4 jobs\) needs 29 numbers/)
    expect(left(parseGapFile(`${tiny} 9`))).toMatch(/1 number\(s\) left over/)
    expect(left(parseGapFile(tiny.replace('6 4 5', '6 x 5')))).toMatch(/token 5 \(line 3\): "x" is not a number/)
    expect(E.isLeft(parseGapFile('  \n'))).toBe(true)
    expect(left(parseGapFile('1 0 3'))).toMatch(/the number of agents must be an integer ≥ 1, got 0/)
    expect(left(parseGapFile('1 1 1 5 -2 3'))).toMatch(/a\(0,0\) must be a finite number ≥ 0, got -2/)
  })
})

describe('CSV files', () => {
  it('parses optima.csv with empty cells as null', () => {
    const rows = right(
      parseOptima(
        'file,index,name,agents,jobs,max_optimum,min_optimum,min_best_known,min_best_bound\n' +
          'gap1.txt,0,c515-1,5,15,336,261,261,261\n' +
          'gapd.txt,5,d20200,20,200,,,12244,12235\n',
      ),
    )
    expect(rows).toEqual([
      { file: 'gap1.txt', index: 0, name: 'c515-1', agents: 5, jobs: 15, maxOptimum: 336, minOptimum: 261, minBestKnown: 261, minBestBound: 261 },
      { file: 'gapd.txt', index: 5, name: 'd20200', agents: 20, jobs: 200, maxOptimum: null, minOptimum: null, minBestKnown: 12244, minBestBound: 12235 },
    ])
    expect(E.isLeft(parseOptima('file,index\ngap1.txt,0\n'))).toBe(true)
  })

  it('parses best-known.csv, naming rows by the last part of the path', () => {
    const rows = right(
      parseBestKnown(
        'Path,Format,Dataset,Item number,Agent number,Best known bound,Optimum,Best known solution value\n' +
          'yagiura2004/e05100,orlibrary,yagiura2004,100,5,12681,12681,12681\n' +
          'yagiura2004/d20400,orlibrary,yagiura2004,400,20,24563,,24567\n',
      ),
    )
    expect(rows.map((r) => [r.name, r.jobs, r.agents, r.bound, r.optimum, r.bestKnown])).toEqual([
      ['e05100', 100, 5, 12681, 12681, 12681],
      ['d20400', 400, 20, 24563, null, 24567],
    ])
  })
})

describe('gapToModel', () => {
  const [p0, p1] = right(parseGapFile(tiny)) as [GapProblem, GapProblem]

  it('maps agents to members, jobs to slots and pairs to edges with signed values', () => {
    const max = gapToModel(p0, 'max')
    expect(max.timePoints).toBe(1)
    expect(max.members.map((m) => [m.id, m.capacity, m.category, m.overloadWeight])).toEqual([
      ['agent-0', 4, -1, 0],
      ['agent-1', 4, -1, 0],
    ])
    expect(max.slots.map((s) => [s.id, s.priority, s.group, s.from, s.to])).toEqual([
      ['job-0', 1, 0, 0, 0],
      ['job-1', 1, 0, 0, 0],
      ['job-2', 1, 0, 0, 0],
    ])
    expect(max.groups).toEqual([{ id: 'jobs', limit: 3 }])
    expect(edgeList(max).map((e) => [e.slot, e.member, e.hours, e.terms])).toEqual([
      [0, 0, 3, [6]],
      [0, 1, 2, [3]],
      [1, 0, 2, [4]],
      [1, 1, 3, [7]],
      [2, 0, 2, [5]],
      [2, 1, 1, [2]],
    ])
    const min = gapToModel(p0, 'min')
    expect(edgeList(min).map((e) => e.terms[0])).toEqual([-6, -3, -4, -7, -5, -2])
    expect(min.termNames.edge).toEqual(['value'])
    expect(min.categoryBonus).toBe(0)
  })

  it('leaves out pairs that can never fit and keeps edges sorted by (slot, member)', () => {
    const m = gapToModel(p1, 'max')
    expect(edgeList(m).length).toBe(11)
    expect(edgeList(m).some((e) => e.slot === 3 && e.member === 0)).toBe(false)
    const keys = edgeList(m).map((e) => e.slot * 1000 + e.member)
    expect(keys).toEqual([...keys].sort((a, b) => a - b))
  })

  it('pads ids so that id order is index order', () => {
    const big = right(
      Assignment.gapProblem({
        cost: Array.from({ length: 11 }, () => new Array<number>(12).fill(1)),
        use: Array.from({ length: 11 }, () => new Array<number>(12).fill(1)),
        capacity: new Array<number>(11).fill(12),
      }),
    )
    const m = gapToModel(big, 'max')
    const ids = m.members.map((x) => x.id)
    expect([...ids].sort()).toEqual(ids)
    const sids = m.slots.map((x) => x.id)
    expect([...sids].sort()).toEqual(sids)
    expect(sids[10]).toBe('job-10')
    expect(sids[2]).toBe('job-02')
  })
})

describe('checks and helpers', () => {
  const [p0] = right(parseGapFile(tiny)) as [GapProblem]

  it('objectiveOf and infeasibility read the raw data', () => {
    expect(objectiveOf(p0, [0, 1, 0])).toBe(6 + 7 + 5)
    expect(infeasibility(p0, [1, 0, 1])).toBeNull()
    expect(infeasibility(p0, [1, 1, 0])).toMatch(/agent 1 uses 5 of capacity 4/)
    expect(infeasibility(p0, [0, 1, 0])).toMatch(/agent 0 uses 5 of capacity 4/)
    expect(infeasibility(p0, [0, -1, 1])).toMatch(/job 1 is not assigned/)
  })

  it('assignmentOf reads chosen edges back into an agent per job', () => {
    const m = gapToModel(p0, 'max')
    expect(assignmentOf(m, [1, 3, 4])).toEqual([1, 1, 0])
    expect(assignmentOf(m, [])).toEqual([-1, -1, -1])
  })

  it('senseOf and gapPercent', () => {
    expect(senseOf('../shared/data/orlib-gap/gap12.txt')).toBe('max')
    expect(senseOf('gap1.txt')).toBe('max')
    expect(senseOf('gapa.txt')).toBe('min')
    expect(senseOf('/x/gap-yagiura/e05100')).toBe('min')
    expect(gapPercent(95, 100, 'max')).toBeCloseTo(5)
    expect(gapPercent(105, 100, 'min')).toBeCloseTo(5)
    expect(gapPercent(100, 100, 'min')).toBe(0)
  })
})

describe('solveGap (the bench\'s timed solve)', () => {
  const problems = right(parseGapFile(tiny))
  const now = (): number => 0

  for (const sense of ['max', 'min'] as const) {
    it(`reaches the enumerated optimum of the tiny problems (${sense})`, () => {
      problems.forEach((p) => {
        const r = solveGapTimed(p, sense, {}, now)
        expect(r.violations).toEqual([])
        expect(r.objective).toBe(bruteForce(p, sense))
        if (r.bound !== null) {
          if (sense === 'max') expect(r.bound).toBeGreaterThanOrEqual(r.objective - 1e-6)
          else expect(r.bound).toBeLessThanOrEqual(r.objective + 1e-6)
        }
      })
    })
  }

  const data = process.env['WENDBAAR_DATA'] ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/data')
  const gap1 = resolve(data, 'orlib-gap/gap1.txt')
  it.skipIf(!existsSync(gap1))('gap1 problem 0 reaches its published optimum 336 (max) and 261 (min)', () => {
    const p = right(parseGapFile(readFileSync(gap1, 'utf8')))[0] as GapProblem
    expect([p.agents, p.jobs]).toEqual([5, 15])
    const max = solveGapTimed(p, 'max', {}, now)
    expect(max.violations).toEqual([])
    expect(max.objective).toBe(336)
    const min = solveGapTimed(p, 'min', {}, now)
    expect(min.violations).toEqual([])
    expect(min.objective).toBe(261)
  })
})
