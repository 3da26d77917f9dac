/**
 * Building checked GAP and LAP problems from plain data, every issue at its path — for the
 * `Assignment` namespace and its text readers.
 *
 * @internal
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type Issue, type Issues, field, issue } from '../../kernel/Issue.js'
import { type GapInput, type GapProblem, type LapArc, type LapInput, type LapProblem } from './assignmentModel.js'

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

export const failed = (issues: ReadonlyArray<Issue>): E.Either<Issues, never> => E.left(issues as Issues)

export const isCount = (x: number): boolean => Number.isInteger(x) && x >= 1

/**
 * The range checks of a GAP problem, shared by {@link gapProblem} and {@link parseGap}: every
 * c finite, every a and b finite and ≥ 0. `where` names the position of a number.
 */
export const gapRangeIssues = (
  m: number,
  n: number,
  cost: (i: number, j: number) => number,
  use: (i: number, j: number) => number,
  capacity: (i: number) => number,
  where: (what: 'cost' | 'use' | 'capacity', i: number, j: number) => string,
  label: string,
): Array<Issue> => {
  const out: Array<Issue> = []
  // in the order of the text: the costs, the uses, the capacities
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      const c = cost(i, j)
      if (!Number.isFinite(c)) out.push(issue(where('cost', i, j), 'range', `${label}c(${i},${j}) must be a finite number, got ${c}`))
    }
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      const a = use(i, j)
      if (!(Number.isFinite(a) && a >= 0))
        out.push(issue(where('use', i, j), 'range', `${label}a(${i},${j}) must be a finite number ≥ 0, got ${a}`))
    }
  for (let i = 0; i < m; i++) {
    const b = capacity(i)
    if (!(Number.isFinite(b) && b >= 0))
      out.push(issue(where('capacity', i, -1), 'range', `${label}b(${i}) must be a finite number ≥ 0, got ${b}`))
  }
  return out
}

export const brandGap = (cost: GapInput['cost'], use: GapInput['use'], capacity: GapInput['capacity']): GapProblem =>
  ({ _tag: 'GapProblem', agents: capacity.length, jobs: (cost[0] ?? []).length, cost, use, capacity }) as unknown as GapProblem

/**
 * Checks hand-made GAP data and brands it as a {@link GapProblem}: at least one agent and one
 * job, `cost` and `use` with one row per capacity and the same number of jobs in every row,
 * every number finite, uses and capacities ≥ 0. Issues name JSON paths (`use[1][2]`).
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../../examples/api.ts#gap}
 *
 * @category constructors
 * @since 0.1.0
 */
export const gapProblem = (input: GapInput): E.Either<Issues, GapProblem> => {
  const out: Array<Issue> = []
  const m = input.capacity.length
  if (m === 0) out.push(issue('capacity', 'range', 'needs at least one agent'))
  const n = (input.cost[0] ?? []).length
  if (m > 0 && n === 0) out.push(issue(field('cost', 0), 'range', 'needs at least one job'))
  for (const name of ['cost', 'use'] as const) {
    const rows = input[name]
    if (rows.length !== m) out.push(issue(name, 'range', `must have one row per agent (${m}), got ${rows.length}`))
    rows.forEach((row, i) => {
      if (row.length !== n) out.push(issue(field(name, i), 'range', `must have one entry per job (${n}), got ${row.length}`))
    })
  }
  if (out.length > 0) return failed(out)
  const at = (rows: ReadonlyArray<ReadonlyArray<number>>) => (i: number, j: number): number => (rows[i] as ReadonlyArray<number>)[j] as number
  const ranges = gapRangeIssues(
    m,
    n,
    at(input.cost),
    at(input.use),
    (i) => input.capacity[i] as number,
    (what, i, j) => (what === 'capacity' ? field(what, i) : field(field(what, i), j)),
    '',
  )
  if (ranges.length > 0) return failed(ranges)
  // copies: the caller's arrays may change later, the checked problem must not
  const copy = (rows: ReadonlyArray<ReadonlyArray<number>>) => rows.map((row) => [...row])
  return E.right(brandGap(copy(input.cost), copy(input.use), [...input.capacity]))
}

/**
 * Checks LAP arcs; `where(k, key)` names arc k's field (k in input order); `base` is the first
 * index as the input writes it (0, or 1 in the text files), for the messages.
 */
export const lapArcIssues = (
  size: number,
  arcs: ReadonlyArray<LapArc>,
  where: (k: number, key: 'row' | 'col' | 'cost' | null) => string,
  base: 0 | 1,
): { readonly issues: Array<Issue>; readonly order: Array<number> } => {
  const out: Array<Issue> = []
  arcs.forEach((a, k) => {
    for (const key of ['row', 'col'] as const) {
      const x = a[key]
      if (!(Number.isInteger(x) && x >= 0 && x < size))
        out.push(
          issue(where(k, key), 'range', `${key === 'row' ? 'row' : 'column'} must be an integer in ${base}..${size - 1 + base}, got ${x + base}`),
        )
    }
    if (!Number.isFinite(a.cost)) out.push(issue(where(k, 'cost'), 'range', `cost must be a finite number, got ${a.cost}`))
  })
  if (out.length > 0) return { issues: out, order: [] }
  const order = arcs.map((_, k) => k)
  order.sort((x, y) => {
    const a = arcs[x] as LapArc
    const b = arcs[y] as LapArc
    return a.col - b.col || a.row - b.row || x - y
  })
  for (let q = 1; q < order.length; q++) {
    const a = arcs[order[q - 1] as number] as LapArc
    const b = arcs[order[q] as number] as LapArc
    if (a.row === b.row && a.col === b.col)
      out.push(
        issue(
          where(order[q] as number, null),
          'duplicate',
          `arc (row ${b.row + base}, column ${b.col + base}) appears twice (also at ${where(order[q - 1] as number, null)})`,
        ),
      )
  }
  return { issues: out, order }
}

/**
 * A size above the number of arcs leaves a row without any: no assignment exists, and the size
 * alone (not bounded by the input's length) would make the model as large as it says.
 */
export const tooFewArcs = (size: number, arcs: number): string =>
  `the size ${size} exceeds the number of arcs (${arcs}): some row has no arc, so no assignment exists`

export const brandLap = (size: number, arcs: ReadonlyArray<LapArc>): LapProblem =>
  ({ _tag: 'LapProblem', size, arcs }) as unknown as LapProblem

/**
 * Checks hand-made LAP data and brands it as a {@link LapProblem}: `size` an integer ≥ 1 and
 * at most the number of arcs (each row needs one), every arc with integer row and column in `0..size−1` and a finite cost, no (row, column)
 * twice. The arcs come out sorted by (column, row). Issues name JSON paths (`arcs[3].col`).
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../../examples/api.ts#lap}
 *
 * @category constructors
 * @since 0.1.0
 */
export const lapProblem = (input: LapInput): E.Either<Issues, LapProblem> => {
  if (!isCount(input.size)) return failed([issue('size', 'range', `must be an integer ≥ 1, got ${input.size}`)])
  if (input.size > input.arcs.length) return failed([issue('size', 'range', tooFewArcs(input.size, input.arcs.length))])
  const { issues, order } = lapArcIssues(input.size, input.arcs, (k, key) =>
    key === null ? field('arcs', k) : field(field('arcs', k), key), 0,
  )
  if (issues.length > 0) return failed(issues)
  return E.right(
    brandLap(
      input.size,
      order.map((k) => {
        const a = input.arcs[k] as LapArc
        return { row: a.row, col: a.col, cost: a.cost }
      }),
    ),
  )
}

