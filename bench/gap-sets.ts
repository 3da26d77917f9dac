/**
 * The published GAP sets of `npm run bench` (../shared/data, or $WENDBAAR_DATA): OR-Library
 * gap1–12 (maximisation, against `max_optimum`), gapa–d (minimisation, against `min_optimum`
 * or the best known value) and the Yagiura files (against the best known value). Each file is
 * read by the library (`Assignment.parseGap`) and each problem solved by `solveGapTimed`
 * (bench/gap-data.ts). Missing data gives a "skipped" row.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { Assignment, Issue } from 'wendbaar/solver'
import { gapPercent, parseBestKnown, parseOptima, solveGapTimed, type Sense } from './gap-data.js'
import { addRow, section, skipped, targets } from './report.js'
import { dataRoot, solveOptions, type SolveFlags } from './shared.js'
import { duration, int, ms, num, ofBound, pct } from './table.js'
import { edgeList } from '../src/model/Model.js'

interface Solved {
  readonly problem: Assignment.GapProblem
  readonly assigned: number
  readonly objective: number
  readonly feasible: boolean
  readonly ms: number
  readonly optimal: boolean
  readonly bound: number | null
  readonly edges: number
}

const solveAll = (file: string, sense: Sense, o: SolveFlags): E.Either<string, { readonly parseMs: number; readonly solved: ReadonlyArray<Solved> }> => {
  const t0 = performance.now()
  const parsed = Assignment.parseGap(readFileSync(file, 'utf8'))
  const parseMs = performance.now() - t0
  if (E.isLeft(parsed)) return E.left(Issue.render(parsed.left).slice(0, 3).join('; '))
  const solved: Array<Solved> = []
  for (const problem of parsed.right) {
    const r = solveGapTimed(problem, sense, solveOptions(o.seed, o.effort, o.timeLimit), () => performance.now())
    solved.push({
      problem,
      assigned: r.assigned,
      objective: r.objective,
      feasible: r.violations.length === 0,
      ms: r.ms,
      optimal: r.optimal,
      bound: r.bound,
      edges: edgeList(Assignment.gapToModel(problem, sense)).length,
    })
  }
  return E.right({ parseMs, solved })
}

const loadCsv = <A>(path: string, parse: (t: string) => E.Either<string, A>): E.Either<string, A> => {
  if (!existsSync(path)) return E.left(`${path} not found`)
  const r = parse(readFileSync(path, 'utf8'))
  return E.isLeft(r) ? E.left(`${basename(path)}: ${r.left}`) : r
}

/**
 * The reference CSV of a data set in `dir`, or null after a "skipped" row (and a skipped
 * target, when `target` is given) when the folder or the CSV is missing.
 */
const references = <A>(
  dir: string,
  csv: string,
  parse: (t: string) => E.Either<string, A>,
  label: string,
  target: string | null,
): A | null => {
  const refs = loadCsv(resolve(dir, csv), parse)
  if (existsSync(dir) && E.isRight(refs)) return refs.right
  skipped(label, `data not found (${E.isLeft(refs) ? refs.left : dir})`)
  if (target !== null) targets.push({ name: label, target, result: 'skipped: data not found', met: null })
  return null
}

/** Solves the GAP file `name` of `dir`; a missing file gives a "skipped" row, a failure an "ERROR" row, and both null. */
const solveFile = (
  dir: string,
  name: string,
  label: string,
  sense: Sense,
  o: SolveFlags,
): { readonly parseMs: number; readonly solved: ReadonlyArray<Solved> } | null => {
  const file = resolve(dir, name)
  if (!existsSync(file)) {
    skipped(label, `${name} not found`)
    return null
  }
  const r = solveAll(file, sense, o)
  if (E.isLeft(r)) {
    addRow([label, '', '', '', '', '', '', '', '', '', '', `ERROR: ${r.left}`])
    return null
  }
  return r.right
}

export const runOrlibMax = (o: SolveFlags): void => {
  section('OR-Library gap1–12 (maximise, vs max_optimum)')
  const dir = resolve(dataRoot(), 'orlib-gap')
  const optima = references(dir, 'optima.csv', parseOptima, 'gap1–12', 'all 60 at the published optimum, each ≤ 1 s')
  if (optima === null) return
  let total = 0
  let atOpt = 0
  let worstMs = 0
  let infeasible = 0
  for (let k = 1; k <= 12; k++) {
    const name = `gap${k}.txt`
    const run = solveFile(dir, name, `gap${k}`, 'max', o)
    if (run === null) continue
    const refs = run.solved.map((_, i) => optima.find((row) => row.file === name && row.index === i)?.maxOptimum ?? null)
    const hits = run.solved.filter((s, i) => s.feasible && refs[i] !== null && s.objective === refs[i]).length
    const gaps = run.solved.map((s, i) => (refs[i] === null || refs[i] === undefined || !s.feasible ? null : gapPercent(s.objective, refs[i] as number, 'max')))
    const known = gaps.filter((g): g is number => g !== null)
    const maxMs = Math.max(...run.solved.map((s) => s.ms))
    const first = run.solved[0] as Solved
    const sumObj = run.solved.reduce((a, s) => a + s.objective, 0)
    const bounds = run.solved.map((s) => s.bound)
    const sumBound = bounds.every((b) => b !== null) ? (bounds as Array<number>).reduce((a, b) => a + b, 0) : null
    const jobs = run.solved.reduce((a, s) => a + s.problem.jobs, 0)
    const feasible = run.solved.filter((s) => s.feasible).length
    total += run.solved.length
    atOpt += hits
    infeasible += run.solved.length - feasible
    worstMs = Math.max(worstMs, maxMs)
    addRow([
      `gap${k} (${run.solved.length})`,
      int(first.problem.agents),
      int(first.problem.jobs),
      int(first.edges),
      ms(run.parseMs),
      '',
      ms(maxMs),
      '',
      `${int(run.solved.reduce((a, s) => a + s.assigned, 0))} / ${int(jobs)}`,
      ofBound(sumObj, sumBound),
      `${run.solved.filter((s) => s.optimal).length}/${run.solved.length}`,
      `${hits}/${run.solved.length} at optimum; worst gap ${pct(known.length === 0 ? null : Math.max(...known))}${feasible < run.solved.length ? `; ${run.solved.length - feasible} INFEASIBLE` : ''}`,
    ])
  }
  targets.push({
    name: 'gap1–12',
    target: 'all 60 at the published optimum, each ≤ 1 s',
    result: `${atOpt}/${total} at optimum, max ${duration(worstMs)}${infeasible > 0 ? `, ${infeasible} infeasible` : ''}`,
    met: total === 60 && atOpt === 60 && worstMs <= 1000,
  })
}

export const runOrlibMin = (o: SolveFlags): void => {
  section('OR-Library gapa–d (minimise, vs min_optimum)')
  const dir = resolve(dataRoot(), 'orlib-gap')
  const optima = references(dir, 'optima.csv', parseOptima, 'gapa–d', 'mean gap ≤ 0.1 %, max ≤ 0.5 %, each ≤ 10 s')
  if (optima === null) return
  const gaps: Array<number> = []
  let worstMs = 0
  let count = 0
  let failed = 0
  for (const letter of ['a', 'b', 'c', 'd']) {
    const name = `gap${letter}.txt`
    const run = solveFile(dir, name, `gap${letter}`, 'min', o)
    if (run === null) continue
    run.solved.forEach((s, i) => {
      const row = optima.find((x) => x.file === name && x.index === i)
      const ref = row?.minOptimum ?? row?.minBestKnown ?? null
      const refName = row?.minOptimum !== null && row?.minOptimum !== undefined ? 'opt' : 'best known'
      const gap = ref === null || !s.feasible ? null : gapPercent(s.objective, ref, 'min')
      count++
      if (gap !== null) gaps.push(gap)
      else failed++
      worstMs = Math.max(worstMs, s.ms)
      addRow([
        `${row?.name ?? `gap${letter} #${i}`}`,
        int(s.problem.agents),
        int(s.problem.jobs),
        int(s.edges),
        i === 0 ? ms(run.parseMs) : '',
        '',
        ms(s.ms),
        '',
        `${int(s.assigned)} / ${int(s.problem.jobs)}`,
        `${num(s.objective)} ≥ ${num(s.bound)}`,
        s.optimal ? 'yes' : 'no',
        `${s.feasible ? '' : 'INFEASIBLE; '}${refName} ${ref === null ? '—' : int(ref)}: gap ${pct(gap)}`,
      ])
    })
  }
  const mean = gaps.length === 0 ? null : gaps.reduce((a, b) => a + b, 0) / gaps.length
  targets.push({
    name: 'gapa–d',
    target: 'mean gap ≤ 0.1 % (max ≤ 0.5 %) to the optimum, each ≤ 10 s',
    result: `mean gap ${pct(mean)} over ${gaps.length}/${count} (max ${pct(gaps.length === 0 ? null : Math.max(...gaps))}), max ${duration(worstMs)}${failed > 0 ? `, ${failed} without a feasible plan` : ''}`,
    met: count === 24 && failed === 0 && mean !== null && mean <= 0.1 && Math.max(...gaps) <= 0.5 && worstMs <= 10_000,
  })
}

export const runYagiura = (o: SolveFlags): void => {
  section('Yagiura et al. (minimise, vs best known)')
  const dir = resolve(dataRoot(), 'gap-yagiura')
  const best = references(dir, 'best-known.csv', parseBestKnown, 'yagiura', null)
  if (best === null) return
  const files = readdirSync(dir)
    .filter((f) => /^[a-z]\d+$/.test(f))
    .sort()
  const gaps: Array<number> = []
  let worstMs = 0
  for (const f of files) {
    const run = solveFile(dir, f, f, 'min', o)
    if (run === null) continue
    const s = run.solved[0] as Solved
    const row = best.find((x) => x.name === f)
    const ref = row?.bestKnown ?? row?.optimum ?? null
    const gap = ref === null || !s.feasible ? null : gapPercent(s.objective, ref, 'min')
    if (gap !== null) gaps.push(gap)
    worstMs = Math.max(worstMs, s.ms)
    addRow([
      f,
      int(s.problem.agents),
      int(s.problem.jobs),
      int(s.edges),
      ms(run.parseMs),
      '',
      ms(s.ms),
      '',
      `${int(s.assigned)} / ${int(s.problem.jobs)}`,
      `${num(s.objective)} ≥ ${num(s.bound)}`,
      s.optimal ? 'yes' : 'no',
      `${s.feasible ? '' : 'INFEASIBLE; '}best known ${ref === null ? '—' : int(ref)}${row?.optimum !== null && row?.optimum !== undefined ? ' (opt)' : ''}: gap ${pct(gap)}`,
    ])
  }
  const mean = gaps.length === 0 ? null : gaps.reduce((a, b) => a + b, 0) / gaps.length
  targets.push({
    name: 'Yagiura',
    target: 'mean gap ≤ 0.5 % to the best known',
    result: `mean gap ${pct(mean)} over ${gaps.length}/${files.length} files, max ${duration(worstMs)}`,
    met: mean !== null && gaps.length === files.length && mean <= 0.5,
  })
}

