/**
 * The linear assignment section of `npm run bench`: OR-Library assign100–400 (dense) and
 * assignp800 (sparse), against the optima of `assignopt.txt`, solved in this process by
 * wendbaar's solver through `Assignment.solveLap` — with the solver's default options, and with
 * `exact: true` (the branch and bound the solver runs by itself only up to 60 slots and 2,500
 * edges) — and by a dedicated Hungarian-algorithm solver (the `munkres` dev dependency, dense
 * O(n³); the sparse file's missing arcs get a cost no optimal assignment pays).
 *
 * Both solvers are warmed up once on a small random instance first, so that the times measure
 * the algorithms rather than V8's first compilation. Times include mapping the parsed problem
 * (onto the model, or into a dense matrix) and reading the assignment back.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { munkres } from 'munkres'
import { Assignment, Issue } from 'wendbaar/solver'
import { out, targets } from './report.js'
import { dataRoot, solveOptions, type SolveFlags } from './shared.js'
import { duration, int, markdown, ms, plainHeader, plainLine, plainSection, type Column, type Row } from './table.js'

const files: ReadonlyArray<string> = ['assign100', 'assign200', 'assign300', 'assign400', 'assignp800']

/** The target: our solver at the optimum in at most this multiple of the Hungarian time. */
const targetRatio = 3

const columns: ReadonlyArray<Column> = [
  { title: 'instance', width: 10, align: 'left' },
  { title: 'n', width: 4, align: 'right' },
  { title: 'arcs', width: 7, align: 'right' },
  { title: 'optimum', width: 7, align: 'right' },
  { title: 'ours', width: 15, align: 'right' },
  { title: 'ours ms', width: 7, align: 'right' },
  { title: 'exact: true', width: 15, align: 'right' },
  { title: 'exact ms', width: 8, align: 'right' },
  { title: 'Hungarian', width: 9, align: 'right' },
  { title: 'Hung. ms', width: 8, align: 'right' },
  { title: 'ours/Hung.', width: 10, align: 'right' },
  { title: 'exact/Hung.', width: 11, align: 'right' },
  { title: 'notes', width: 30, align: 'left' },
]

const rows: Array<Row> = []
const addRow = (row: Row): void => {
  rows.push(row)
  out(plainLine(columns, row))
}

/** `assignopt.txt`: lines `name value` (a header line and blank lines are skipped). */
const parseOptima = (text: string): ReadonlyMap<string, number> => {
  const m = new Map<string, number>()
  for (const line of text.split(/\r?\n/)) {
    const [name, value] = line.trim().split(/\s+/)
    const v = Number(value)
    if (name !== undefined && name !== '' && Number.isFinite(v)) m.set(name, v)
  }
  return m
}

/** What one solver gave on one instance. */
interface Run {
  readonly objective: number
  readonly feasible: boolean
  readonly ms: number
  readonly optimal: boolean
  readonly bound: number | null
}

/** The Hungarian algorithm on the dense matrix of the problem (missing arcs at a prohibitive cost). */
const hungarian = (p: Assignment.LapProblem): Run => {
  const t0 = performance.now()
  let max = 0
  for (const a of p.arcs) max = Math.max(max, Math.abs(a.cost))
  // more than any assignment on real arcs can cost: never chosen when a perfect one exists
  const prohibitive = (max + 1) * p.size + 1
  const matrix = Array.from({ length: p.size }, () => new Array<number>(p.size).fill(prohibitive))
  for (const a of p.arcs) (matrix[a.row] as Array<number>)[a.col] = a.cost
  const assignment = new Array<number>(p.size).fill(-1)
  for (const [row, col] of munkres(matrix)) assignment[col] = row
  const ms = performance.now() - t0
  return {
    objective: Assignment.objectiveOf(p, assignment),
    feasible: Assignment.infeasibility(p, assignment).length === 0,
    ms,
    optimal: true,
    bound: null,
  }
}

const ours = (p: Assignment.LapProblem, options: Parameters<typeof Assignment.solveLap>[1]): Run => {
  const t0 = performance.now()
  const r = Assignment.solveLap(p, options)
  const ms = performance.now() - t0
  return { objective: r.objective, feasible: r.violations.length === 0, ms, optimal: r.optimal, bound: r.bound }
}

/** A small random dense problem, the same every run, for the warm-up. */
const warmUpProblem = (n: number): Assignment.LapProblem | null => {
  let x = 12345
  const next = (): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    return x % 100
  }
  const arcs = Array.from({ length: n * n }, (_, k) => ({ row: Math.floor(k / n), col: k % n, cost: next() }))
  const p = Assignment.lapProblem({ size: n, arcs })
  return E.isRight(p) ? p.right : null
}

const ratio = (a: number, b: number): string => {
  const r = a / Math.max(b, 1e-3)
  return `${r >= 10 ? int(r) : r.toFixed(1)}×`
}

/** Our objective against the optimum: the value, and `(+x %)` when above it. */
const versusOptimum = (r: Run, opt: number | undefined): string =>
  !r.feasible ? 'INFEASIBLE' : opt === undefined || r.objective === opt ? int(r.objective) : `${int(r.objective)} (+${((100 * (r.objective - opt)) / opt).toFixed(1)} %)`

/** Runs the section: prints its own table (and returns its markdown), pushes the LAP target. */
export const runLap = (o: SolveFlags): string => {
  const dir = resolve(dataRoot(), 'orlib-assign')
  out('')
  out(plainSection(columns, 'linear assignment: OR-Library assign*, vs assignopt.txt (minimise)'))
  out(plainHeader(columns))
  const optPath = resolve(dir, 'assignopt.txt')
  if (!existsSync(optPath)) {
    addRow(['lap', '', '', '', '', '', '', '', '', '', '', '', `skipped: ${optPath} not found`])
    targets.push({ name: 'LAP', target: `at the optimum, ≤ ${targetRatio}× the Hungarian time`, result: 'skipped: data not found', met: null })
    return markdown(columns, rows)
  }
  const optima = parseOptima(readFileSync(optPath, 'utf8'))
  const base = solveOptions(o.seed, o.effort, o.timeLimit)
  const warm = warmUpProblem(60)
  if (warm !== null) {
    ours(warm, base)
    ours(warm, { ...base, exact: true })
    hungarian(warm)
  }
  const results: Array<{ readonly name: string; readonly opt: number | undefined; readonly ours: Run; readonly exact: Run; readonly hung: Run }> = []
  for (const name of files) {
    const file = resolve(dir, `${name}.txt`)
    if (!existsSync(file)) {
      addRow([name, '', '', '', '', '', '', '', '', '', '', '', `skipped: ${file} not found`])
      continue
    }
    const parsed = Assignment.parseLap(readFileSync(file, 'utf8'))
    if (E.isLeft(parsed)) {
      addRow([name, '', '', '', '', '', '', '', '', '', '', '', `ERROR: ${Issue.render(parsed.left).slice(0, 2).join('; ')}`])
      continue
    }
    const p = parsed.right
    const opt = optima.get(name)
    const a = ours(p, base)
    const x = ours(p, { ...base, exact: true })
    const h = hungarian(p)
    results.push({ name, opt, ours: a, exact: x, hung: h })
    const notes = [
      h.objective !== opt ? `Hungarian ≠ optimum!` : '',
      a.bound === null ? '' : `bound ${int(Math.ceil(a.bound - 1e-6))}`,
      x.optimal ? 'exact: proven' : x.bound === null ? '' : `exact bound ${int(Math.ceil(x.bound - 1e-6))}`,
    ]
      .filter((s) => s !== '')
      .join('; ')
    addRow([
      name,
      int(p.size),
      int(p.arcs.length),
      opt === undefined ? '—' : int(opt),
      versusOptimum(a, opt),
      ms(a.ms),
      versusOptimum(x, opt),
      ms(x.ms),
      h.feasible ? int(h.objective) : 'INFEASIBLE',
      ms(h.ms),
      ratio(a.ms, h.ms),
      ratio(x.ms, h.ms),
      notes,
    ])
  }
  const atOpt = (r: Run, opt: number | undefined): boolean => r.feasible && opt !== undefined && r.objective === opt
  const meets = (r: Run, h: Run, opt: number | undefined): boolean => atOpt(r, opt) && r.ms <= targetRatio * h.ms
  const count = (f: (x: (typeof results)[number]) => boolean): number => results.filter(f).length
  targets.push({
    name: 'LAP',
    target: `assign100–400, assignp800 at the optimum, ≤ ${targetRatio}× the Hungarian (munkres) time`,
    result:
      `default options: ${count((r) => atOpt(r.ours, r.opt))}/${results.length} at the optimum, ` +
      `${count((r) => meets(r.ours, r.hung, r.opt))}/${results.length} both; ` +
      `exact: true: ${count((r) => atOpt(r.exact, r.opt))}/${results.length} at the optimum, ${count((r) => meets(r.exact, r.hung, r.opt))}/${results.length} both; ` +
      `Hungarian max ${duration(Math.max(0, ...results.map((r) => r.hung.ms)))}`,
    met: results.length === files.length && results.every((r) => meets(r.ours, r.hung, r.opt) || meets(r.exact, r.hung, r.opt)),
  })
  return markdown(columns, rows)
}
