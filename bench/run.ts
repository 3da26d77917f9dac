/**
 * `npm run bench` — the benchmark table of issue 5.
 *
 *   npm run bench -- [--only S,M,L,XL,gap,gapad,yagiura] [--seeds N] [--seed K]
 *                    [--skip-highs] [--highs-seconds N] [--effort N] [--time-limit MS]
 *                    [--markdown]
 *
 * Generated problems (test/support/generate.ts presets, seeded): S (40 members / ~40 slots,
 * N seeds, default 5, with a median row), M (1,000 / ~800), L (10,000 / ~8,000) and XL
 * (100,000 / ~80,000 with units). Each case runs in its own child process so that its peak
 * RSS (`process.resourceUsage().maxRSS`: generation + decode + compile + solve) is its own.
 * For S and M, HiGHS solves the exact §7 MILP (test/support/milp.ts) of the same instance in
 * another child, time-limited (`--highs-seconds`, default 60); its plan is re-scored with
 * wendbaar's evaluator and compared lexicographically (filled, then soft) with ours.
 * HiGHS (WASM, 2 GB heap) is never run on L or XL.
 *
 * Then the published GAP sets (../shared/data, or $WENDBAAR_DATA): OR-Library gap1–12
 * (maximisation, against `max_optimum`), gapa–d (minimisation, against `min_optimum` or the
 * best known value) and the Yagiura files (against the best known value). Missing data gives a
 * "skipped" row.
 *
 * Rows print as they complete; `--markdown` repeats the table in markdown at the end, and a
 * list of issue-5 targets (met / missed) follows the table.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { Assignment, Issue } from 'wendbaar/solver'
import { gapPercent, parseBestKnown, parseOptima, solveGapTimed, type Sense } from './gap-data.js'
import { duration, int, markdown, mb, median, ms, num, ofBound, pct, plainHeader, plainLine, plainSection, type Column, type Row } from './table.js'

const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, '..')
const thisFile = fileURLToPath(import.meta.url)

// -------------------------------------------------------------------------------------
// options
// -------------------------------------------------------------------------------------

type CaseName = 'S' | 'M' | 'L' | 'XL' | 'gap' | 'gapad' | 'yagiura'
const allCases: ReadonlyArray<CaseName> = ['S', 'M', 'L', 'XL', 'gap', 'gapad', 'yagiura']

interface Options {
  readonly only: ReadonlySet<CaseName>
  readonly seeds: number
  readonly seed: number
  readonly highs: boolean
  readonly highsSeconds: number
  readonly effort: number | null
  readonly timeLimit: number | null
  readonly markdown: boolean
}

const usage = `usage: npm run bench -- [--only ${allCases.join(',')}] [--seeds N] [--seed K] [--skip-highs]
                     [--highs-seconds N] [--effort N] [--time-limit MS] [--markdown]`

const parseOptions = (argv: ReadonlyArray<string>): E.Either<string, Options> => {
  let only: Set<CaseName> = new Set(allCases)
  let seeds = 5
  let seed = 1
  let highs = true
  let highsSeconds = 60
  let effort: number | null = null
  let timeLimit: number | null = null
  let md = false
  const int = (flag: string, v: string | undefined, min: number): E.Either<string, number> => {
    const n = v === undefined ? NaN : Number(v)
    return Number.isInteger(n) && n >= min ? E.right(n) : E.left(`${flag} needs an integer ≥ ${min}, got ${v ?? 'nothing'}`)
  }
  // the integer flags: the least value each takes and where it goes
  const intFlags: Readonly<Record<string, { readonly min: number; readonly set: (n: number) => void }>> = {
    '--seeds': { min: 1, set: (n) => (seeds = n) },
    '--seed': { min: 0, set: (n) => (seed = n) },
    '--highs-seconds': { min: 1, set: (n) => (highsSeconds = n) },
    '--effort': { min: 1, set: (n) => (effort = n) },
    '--time-limit': { min: 1, set: (n) => (timeLimit = n) },
  }
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k] as string
    const v = argv[k + 1]
    const flag = Object.hasOwn(intFlags, a) ? intFlags[a] : undefined
    if (flag !== undefined) {
      k++
      const n = int(a, v, flag.min)
      if (E.isLeft(n)) return n
      flag.set(n.right)
      continue
    }
    switch (a) {
      case '--only': {
        k++
        const names = (v ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')
        const wrong = names.filter((s) => !allCases.some((c) => c.toLowerCase() === s.toLowerCase()))
        if (names.length === 0 || wrong.length > 0) {
          return E.left(`--only takes a comma-separated list of ${allCases.join(', ')}; got "${v ?? ''}"`)
        }
        only = new Set(allCases.filter((c) => names.some((s) => s.toLowerCase() === c.toLowerCase())))
        break
      }
      case '--skip-highs':
        highs = false
        break
      case '--markdown':
        md = true
        break
      default:
        return E.left(`unknown argument "${a}"`)
    }
  }
  return E.right({ only, seeds, seed, highs, highsSeconds, effort, timeLimit, markdown: md })
}

// -------------------------------------------------------------------------------------
// child processes: one generated case each
// -------------------------------------------------------------------------------------

type Size = 'S' | 'M' | 'L' | 'XL'

/** What the "ours" child reports. */
interface OursResult {
  readonly kind: 'ours'
  readonly size: Size
  readonly seed: number
  readonly members: number
  readonly slots: number
  readonly edges: number
  readonly generateMs: number
  readonly decodeMs: number
  readonly compileMs: number
  readonly solveMs: number
  readonly filled: number
  readonly soft: number
  readonly bound: { readonly filled: number; readonly soft: number } | null
  readonly optimal: boolean
  readonly violations: number
  readonly maxRssBytes: number
  /** S and M: solve ms of the warm-up run (another seed, same process, cold JIT); null otherwise. */
  readonly coldSolveMs: number | null
  readonly stats: Readonly<Record<string, number>>
}

/** What the "highs" child reports. */
interface HighsResult {
  readonly kind: 'highs'
  readonly size: Size
  readonly seed: number
  readonly columns: number
  readonly rows: number
  readonly buildMs: number
  readonly solveMs: number
  /** Plan re-scored by wendbaar's evaluator (null when HiGHS found no plan). */
  readonly filled: number | null
  readonly soft: number | null
  readonly boundFilled: number | null
  readonly boundSoft: number | null
  readonly status: string
  readonly violations: number | null
  readonly maxRssBytes: number
}

interface ChildFailure {
  readonly kind: 'failure'
  readonly message: string
}

const solveOptions = (seed: number, effort: number | null, timeLimit: number | null): Record<string, unknown> => ({
  seed,
  ...(effort !== null ? { effort } : {}),
  ...(timeLimit !== null ? { timeLimit, clock: () => performance.now() } : {}),
})

const runOursChild = async (size: Size, seed: number, effort: number | null, timeLimit: number | null): Promise<OursResult> => {
  const { preset } = await import('../test/support/generate.js')
  const { decodeProblem } = await import('../src/Problem.js')
  const { compile } = await import('../src/Compile.js')
  const { solveModel } = await import('../src/Solver.js')
  const { violations } = await import('../src/Evaluate.js')
  // S and M: one warm-up run on another seed first, so that the timed run measures the solver
  // rather than V8's first compilation of it (a server solves many problems in one process).
  let coldSolveMs: number | null = null
  if (size === 'S' || size === 'M') {
    const warm = decodeProblem(preset(size, seed + 1000))
    if (E.isRight(warm)) {
      const c = compile(warm.right)
      const w0 = performance.now()
      solveModel(solveOptions(seed + 1000, effort, timeLimit))(c.model)
      coldSolveMs = performance.now() - w0
    }
  }
  const t0 = performance.now()
  const json = preset(size, seed)
  const t1 = performance.now()
  const decoded = decodeProblem(json)
  const t2 = performance.now()
  if (E.isLeft(decoded)) {
    throw new Error(`the generated ${size} problem (seed ${seed}) does not decode: ${decoded.left.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`)
  }
  const compiled = compile(decoded.right)
  const t3 = performance.now()
  const solution = solveModel(solveOptions(seed, effort, timeLimit))(compiled.model)
  const t4 = performance.now()
  const bad = violations(compiled.model)(solution.edges).length
  return {
    kind: 'ours',
    size,
    seed,
    members: compiled.model.members.length,
    slots: compiled.model.slots.length,
    edges: compiled.model.edges.length,
    generateMs: t1 - t0,
    decodeMs: t2 - t1,
    compileMs: t3 - t2,
    solveMs: t4 - t3,
    filled: solution.score.filled,
    soft: solution.score.soft,
    bound: solution.bound,
    optimal: solution.optimal,
    violations: bad,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    coldSolveMs,
    stats: solution.stats,
  }
}

/** One HiGHS stage: status, column values by variable number (null without a primal solution), dual bound. */
interface HighsStage {
  readonly status: string
  readonly values: Float64Array | null
  readonly dualBound: number | null
  readonly ms: number
}

/**
 * Runs one LP text through a fresh HiGHS instance ({@link highsStage} of test/support/milp.ts).
 * A WASM abort (the 2 GB heap running out, typically) is caught and reported as the stage's
 * status, so that the other stage's plan survives it.
 */
const highsStage = async (lp: string, seconds: number): Promise<HighsStage> => {
  const milp = await import('../test/support/milp.js')
  const t0 = performance.now()
  try {
    const { status, values, dualBound } = milp.highsStage(await milp.loadHighs(), lp, seconds)
    return { status, values, dualBound, ms: performance.now() - t0 }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    return { status: /abort/i.test(msg) ? 'aborted (WASM heap?)' : `error: ${msg.slice(0, 80)}`, values: null, dualBound: null, ms: performance.now() - t0 }
  }
}

const runHighsChild = async (size: Size, seed: number, seconds: number): Promise<HighsResult> => {
  const { preset } = await import('../test/support/generate.js')
  const { decodeProblem } = await import('../src/Problem.js')
  const { compile } = await import('../src/Compile.js')
  const { evaluate, violations } = await import('../src/Evaluate.js')
  const milp = await import('../test/support/milp.js')
  const p = decodeProblem(preset(size, seed))
  if (E.isLeft(p)) throw new Error(`the generated ${size} problem (seed ${seed}) does not decode`)
  const problem = p.right
  const compiled = compile(problem)
  const t0 = performance.now()
  const model = milp.buildMilp(problem)
  const lp1 = milp.renderLp(model, 'filled')
  const buildMs = performance.now() - t0
  // x variables → compiled-model edges
  const edgesOf = (values: Float64Array): Array<number> => {
    const edges: Array<number> = []
    for (const x of model.xs) {
      if ((values[x.var] ?? 0) <= 0.5) continue
      const si = compiled.slotIndex.get(model.slotIds[x.slot] as never)
      const mi = compiled.memberIndex.get((problem.members[x.member] as { readonly id: string }).id as never)
      const e = si === undefined || mi === undefined ? -1 : compiled.edgeOf(mi, si)
      if (e >= 0) edges.push(e)
    }
    return edges.sort((a, b) => a - b)
  }
  const s1 = await highsStage(lp1, seconds)
  let edges = s1.values === null ? null : edgesOf(s1.values)
  let status = s1.status
  let boundSoft: number | null = null
  let solveMs = s1.ms
  if (edges !== null) {
    const filled = evaluate(compiled.model)(edges).filled
    const s2 = await highsStage(milp.renderLp(model, 'soft', filled), seconds)
    solveMs += s2.ms
    if (s2.values !== null) edges = edgesOf(s2.values)
    boundSoft = s2.dualBound === null ? null : s2.dualBound + model.softConstant
    status = s1.status !== 'optimal' ? `${s1.status}, ${s2.status}` : s2.status
  }
  const score = edges === null ? null : evaluate(compiled.model)(edges)
  return {
    kind: 'highs',
    size,
    seed,
    columns: model.vars,
    rows: model.rows.length,
    buildMs,
    solveMs,
    filled: score === null ? null : score.filled,
    soft: score === null ? null : score.soft,
    boundFilled: s1.dualBound,
    boundSoft,
    status,
    violations: edges === null ? null : violations(compiled.model)(edges).length,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  }
}

const childMain = async (argv: ReadonlyArray<string>): Promise<void> => {
  const arg = (name: string): string | undefined => {
    const k = argv.indexOf(name)
    return k >= 0 ? argv[k + 1] : undefined
  }
  const kind = arg('--child')
  const size = arg('--size') as Size
  const seed = Number(arg('--seed'))
  const effort = arg('--effort') === undefined ? null : Number(arg('--effort'))
  const timeLimit = arg('--time-limit') === undefined ? null : Number(arg('--time-limit'))
  let out: OursResult | HighsResult | ChildFailure
  try {
    out =
      kind === 'highs'
        ? await runHighsChild(size, seed, Number(arg('--seconds')))
        : await runOursChild(size, seed, effort, timeLimit)
  } catch (e) {
    out = { kind: 'failure', message: e instanceof Error ? e.message : String(e) }
  }
  process.stdout.write(`\nRESULT ${JSON.stringify(out)}\n`)
}

/** Runs this file as a child in the given mode and returns its RESULT line. */
const child = (args: ReadonlyArray<string>, killAfterMs: number): Promise<OursResult | HighsResult | ChildFailure> =>
  new Promise((done) => {
    const p = spawn(
      process.execPath,
      ['--max-old-space-size=16384', '--import', 'tsx', thisFile, ...args],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => p.kill('SIGKILL'), killAfterMs)
    p.on('close', (code, signal) => {
      clearTimeout(timer)
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '))
      if (line !== undefined) {
        done(JSON.parse(line.slice('RESULT '.length)) as OursResult | HighsResult | ChildFailure)
        return
      }
      const why = signal === 'SIGKILL' ? `killed after ${ms(killAfterMs)}` : `exit ${code ?? signal}`
      const last = stderr.trim().split('\n').slice(-3).join(' / ')
      done({ kind: 'failure', message: `child ${why}${last === '' ? '' : `: ${last}`}` })
    })
  })

// -------------------------------------------------------------------------------------
// the table
// -------------------------------------------------------------------------------------

const columns: ReadonlyArray<Column> = [
  { title: 'case', width: 14, align: 'left' },
  { title: 'members', width: 7, align: 'right' },
  { title: 'slots', width: 6, align: 'right' },
  { title: 'edges', width: 10, align: 'right' },
  { title: 'decode ms', width: 9, align: 'right' },
  { title: 'compile ms', width: 10, align: 'right' },
  { title: 'solve ms', width: 8, align: 'right' },
  { title: 'peak RSS', width: 9, align: 'right' },
  { title: 'filled / bound', width: 15, align: 'right' },
  { title: 'soft / bound', width: 21, align: 'right' },
  { title: 'proven', width: 6, align: 'left' },
  { title: 'vs reference', width: 40, align: 'left' },
]

const rows: Array<Row> = []
const sections = new Map<number, string>()
const out = (s: string): void => {
  process.stdout.write(`${s}\n`)
}
const addRow = (row: Row): void => {
  rows.push(row)
  out(plainLine(columns, row))
}
const section = (title: string): void => {
  sections.set(rows.length, title)
  out(plainSection(columns, title))
}

interface Target {
  readonly name: string
  readonly target: string
  readonly result: string
  readonly met: boolean | null
}
const targets: Array<Target> = []

const tol = (a: number, b: number): number => 1e-6 * Math.max(1, Math.abs(a), Math.abs(b))

/** Lexicographic comparison of our (filled, soft) with HiGHS's: "better", "equal" or "worse". */
const versus = (
  ours: { readonly filled: number; readonly soft: number },
  highs: { readonly filled: number; readonly soft: number },
): 'better' | 'equal' | 'worse' => {
  if (Math.abs(ours.filled - highs.filled) > tol(ours.filled, highs.filled)) return ours.filled > highs.filled ? 'better' : 'worse'
  if (Math.abs(ours.soft - highs.soft) > tol(ours.soft, highs.soft)) return ours.soft > highs.soft ? 'better' : 'worse'
  return 'equal'
}

/** Our plan is at least HiGHS's, lexicographically (a HiGHS run without a plan counts as worse than any plan). */
const notWorseThanHighs = (p: { readonly ours: OursResult; readonly highs: HighsResult }): boolean =>
  p.highs.filled === null || versus(p.ours, { filled: p.highs.filled, soft: p.highs.soft ?? -Infinity }) !== 'worse'

/** Relative gap in % between a value and its upper bound (max sense). */
const boundGap = (v: number, bound: number | null | undefined): number | null =>
  bound === null || bound === undefined ? null : (100 * (bound - v)) / Math.max(Math.abs(bound), 1e-9)

const oursRow = (label: string, r: OursResult): Row => {
  const filledGap = boundGap(r.filled, r.bound?.filled)
  return [
    label,
    int(r.members),
    int(r.slots),
    int(r.edges),
    ms(r.decodeMs),
    ms(r.compileMs),
    ms(r.solveMs),
    mb(r.maxRssBytes),
    ofBound(r.filled, r.bound?.filled),
    ofBound(r.soft, r.bound?.soft),
    r.optimal ? 'yes' : 'no',
    [
      filledGap === null ? 'no bound' : `filled gap ${pct(filledGap)}`,
      r.bound === null ? '' : `soft gap ${pct(boundGap(r.soft, r.bound.soft))}`,
      r.violations === 0 ? '' : `${r.violations} VIOLATIONS`,
      r.coldSolveMs === null ? '' : `cold-JIT solve ${duration(r.coldSolveMs)}`,
    ]
      .filter((s) => s !== '')
      .join('; '),
  ]
}

const highsRow = (label: string, h: HighsResult, ours: OursResult | null): Row => {
  let vs = h.status
  if (ours !== null && h.filled !== null && h.soft !== null) {
    const cmp = versus(ours, { filled: h.filled, soft: h.soft })
    const ratio = h.solveMs / Math.max(ours.solveMs, 1e-3)
    vs = `${h.status}; ours ${cmp === 'worse' ? '<' : cmp === 'equal' ? '=' : '>'} HiGHS; ${ratio >= 10 ? int(ratio) : ratio.toFixed(1)}× faster`
  } else if (h.filled === null) {
    vs = `${h.status}; HiGHS found no plan${ours !== null ? '; ours > HiGHS' : ''}`
  }
  if (h.violations !== null && h.violations > 0) vs += `; ${h.violations} VIOLATIONS`
  return [
    label,
    '',
    `${int(h.rows)}r`,
    `${int(h.columns)}c`,
    '',
    ms(h.buildMs),
    ms(h.solveMs),
    mb(h.maxRssBytes),
    ofBound(h.filled, h.boundFilled),
    ofBound(h.soft, h.boundSoft),
    h.status.toLowerCase() === 'optimal' ? 'yes' : 'no',
    vs,
  ]
}

const failureRow = (label: string, f: ChildFailure): Row => [label, '', '', '', '', '', '', '', '', '', '', `FAILED: ${f.message.slice(0, 200)}`]

// -------------------------------------------------------------------------------------
// generated cases
// -------------------------------------------------------------------------------------

const runGenerated = async (size: Size, o: Options): Promise<void> => {
  const seeds = size === 'S' ? Array.from({ length: o.seeds }, (_, k) => o.seed + k) : [o.seed]
  const withHighs = o.highs && (size === 'S' || size === 'M')
  const ours: Array<OursResult> = []
  const pairs: Array<{ readonly ours: OursResult; readonly highs: HighsResult }> = []
  for (const seed of seeds) {
    const label = `${size} #${seed}`
    const args = ['--child', 'ours', '--size', size, '--seed', String(seed)]
    if (o.effort !== null) args.push('--effort', String(o.effort))
    if (o.timeLimit !== null) args.push('--time-limit', String(o.timeLimit))
    const r = await child(args, 60 * 60_000)
    if (r.kind !== 'ours') {
      addRow(failureRow(label, r.kind === 'failure' ? r : { kind: 'failure', message: 'unexpected result' }))
      continue
    }
    ours.push(r)
    addRow(oursRow(label, r))
    if (withHighs) {
      const h = await child(['--child', 'highs', '--size', size, '--seed', String(seed), '--seconds', String(o.highsSeconds)], (3 * o.highsSeconds + 300) * 1000)
      if (h.kind === 'highs') {
        addRow(highsRow(`${label} HiGHS`, h, r))
        pairs.push({ ours: r, highs: h })
      } else addRow(failureRow(`${label} HiGHS`, h.kind === 'failure' ? h : { kind: 'failure', message: 'unexpected result' }))
    }
  }
  if (size === 'S' && ours.length > 1) {
    const optimal = ours.filter((r) => r.optimal).length
    const atLeast = pairs.filter((p) => notWorseThanHighs(p)).length
    addRow([
      `S median (${ours.length})`,
      int(median(ours.map((r) => r.members))),
      int(median(ours.map((r) => r.slots))),
      int(median(ours.map((r) => r.edges))),
      ms(median(ours.map((r) => r.decodeMs))),
      ms(median(ours.map((r) => r.compileMs))),
      ms(median(ours.map((r) => r.solveMs))),
      mb(median(ours.map((r) => r.maxRssBytes))),
      '',
      '',
      `${optimal}/${ours.length}`,
      [
        `max solve ${duration(Math.max(...ours.map((r) => r.solveMs)))}`,
        pairs.length > 0 ? `≥ HiGHS ${atLeast}/${pairs.length}` : '',
        pairs.length > 0 ? `HiGHS median ${duration(median(pairs.map((p) => p.highs.solveMs)))}` : '',
      ]
        .filter((s) => s !== '')
        .join('; '),
    ])
  }
  // targets
  if (ours.length === 0) return
  const maxMs = Math.max(...ours.map((r) => r.solveMs))
  const clean = ours.every((r) => r.violations === 0)
  const filledGaps = ours.map((r) => boundGap(r.filled, r.bound?.filled))
  const worstGap = filledGaps.some((g) => g === null) ? null : Math.max(...(filledGaps as Array<number>))
  const notWorse = pairs.filter((p) => notWorseThanHighs(p)).length
  switch (size) {
    case 'S': {
      const optimal = ours.filter((r) => r.optimal).length
      targets.push({
        name: 'S',
        target: 'proven optimal, ≤ 50 ms each (solve, warm)',
        result: `${optimal}/${ours.length} proven optimal, max solve ${duration(maxMs)}${clean ? '' : ', VIOLATIONS'}`,
        met: optimal === ours.length && maxMs <= 50 && clean,
      })
      break
    }
    case 'M': {
      const r = ours[0] as OursResult
      const p = pairs[0]
      const ratio = p === undefined ? null : p.highs.solveMs / Math.max(r.solveMs, 1e-3)
      targets.push({
        name: 'M',
        target: '≤ 2 s (solve, warm); ≥ HiGHS lexicographically; filled gap ≤ 1 %',
        result:
          `solve ${duration(r.solveMs)}; filled gap ${pct(worstGap)}; ` +
          (p === undefined
            ? withHighs
              ? 'HiGHS failed (see its row)'
              : 'HiGHS not run'
            : `vs HiGHS ${o.highsSeconds} s/stage (${p.highs.status}): ${notWorse === 1 ? '≥' : '<'}, ${ratio === null ? '—' : int(ratio)}× faster`),
        met: r.solveMs <= 2000 && worstGap !== null && worstGap <= 1 && clean && (p === undefined ? null : notWorse === 1) !== false,
      })
      break
    }
    case 'L':
      targets.push({
        name: 'L',
        target: '≤ 20 s (solve), reported gap ≤ 2 %',
        result: `solve ${duration(maxMs)} (decode+compile+solve ${duration(Math.max(...ours.map((r) => r.decodeMs + r.compileMs + r.solveMs)))}); filled gap ${pct(worstGap)}`,
        met: maxMs <= 20_000 && worstGap !== null && worstGap <= 2 && clean,
      })
      break
    case 'XL': {
      const rss = Math.max(...ours.map((r) => r.maxRssBytes))
      targets.push({
        name: 'XL',
        target: '≤ 3 min (decode+compile+solve), peak RSS ≤ 8 GB',
        result: `decode+compile+solve ${duration(Math.max(...ours.map((r) => r.decodeMs + r.compileMs + r.solveMs)))}, solve ${duration(maxMs)}; peak RSS ${mb(rss)}; filled gap ${pct(worstGap)}`,
        met: Math.max(...ours.map((r) => r.decodeMs + r.compileMs + r.solveMs)) <= 180_000 && rss <= 8 * 2 ** 30 && clean,
      })
      break
    }
  }
}

// -------------------------------------------------------------------------------------
// published GAP sets
// -------------------------------------------------------------------------------------

const dataRoot = (): string => process.env['WENDBAAR_DATA'] ?? resolve(repoRoot, '../shared/data')

const skipped = (label: string, why: string): void => {
  addRow([label, '', '', '', '', '', '', '', '', '', '', `skipped: ${why}`])
}

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

const solveAll = (file: string, sense: Sense, o: Options): E.Either<string, { readonly parseMs: number; readonly solved: ReadonlyArray<Solved> }> => {
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
      edges: Assignment.gapToModel(problem, sense).edges.length,
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
  o: Options,
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

const runOrlibMax = (o: Options): void => {
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

const runOrlibMin = (o: Options): void => {
  section('OR-Library gapa–d (minimise, vs min_optimum)')
  const dir = resolve(dataRoot(), 'orlib-gap')
  const optima = references(dir, 'optima.csv', parseOptima, 'gapa–d', 'mean gap ≤ 0.5 %, each ≤ 10 s')
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
    target: 'mean gap ≤ 0.5 % to the optimum, each ≤ 10 s',
    result: `mean gap ${pct(mean)} over ${gaps.length}/${count} (max ${pct(gaps.length === 0 ? null : Math.max(...gaps))}), max ${duration(worstMs)}${failed > 0 ? `, ${failed} without a feasible plan` : ''}`,
    met: count === 24 && failed === 0 && mean !== null && mean <= 0.5 && worstMs <= 10_000,
  })
}

const runYagiura = (o: Options): void => {
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
    target: '(no target; reported)',
    result: `mean gap ${pct(mean)} over ${gaps.length}/${files.length} files, max ${duration(worstMs)}`,
    met: null,
  })
}

// -------------------------------------------------------------------------------------
// main
// -------------------------------------------------------------------------------------

const legend = `Generated cases: seeded presets of test/support/generate.ts; decode = decodeProblem, compile = Compile.compile,
solve = solveModel (S, M: timed after one warm-up solve of seed+1000 in the same process; that
first, cold-JIT solve time is shown too); peak RSS = maxRSS of the case's own child process (generation + decode + compile + solve).
"filled gap" = (bound.filled − filled) / bound.filled. HiGHS rows: rows/columns of the exact §7 MILP, compile ms = LP
build, its plan re-scored by wendbaar's evaluator; "ours > / = / < HiGHS" compares (filled, soft) lexicographically,
"× faster" = HiGHS time / our solve time. GAP rows: members = agents, slots = jobs, decode ms = file parse,
solve ms = map + validate + solve (max over the file's problems), soft = Σ c in the file's sense (≥ bound: lower bound
when minimising).`

const main = async (): Promise<void> => {
  const argv = process.argv.slice(2)
  if (argv.includes('--child')) return childMain(argv)
  if (argv.includes('--help') || argv.includes('-h')) {
    out(usage)
    return
  }
  const parsed = parseOptions(argv)
  if (E.isLeft(parsed)) {
    process.stderr.write(`bench: ${parsed.left}\n${usage}\n`)
    process.exit(1)
  }
  const o = parsed.right
  const started = performance.now()
  out(`wendbaar bench — node ${process.version}, ${new Date().toISOString()}`)
  out(
    `options: only ${[...o.only].join(',')}; S seeds ${o.seed}..${o.seed + o.seeds - 1}; ` +
      `HiGHS ${o.highs ? `${o.highsSeconds} s limit` : 'skipped'}; effort ${o.effort ?? 'default'}` +
      `${o.timeLimit === null ? '' : `; time limit ${o.timeLimit} ms`}`,
  )
  out('')
  out(plainHeader(columns))
  const sizes = (['S', 'M', 'L', 'XL'] as const).filter((s) => o.only.has(s))
  if (sizes.length > 0) section('generated problems')
  for (const size of sizes) await runGenerated(size, o)
  if (o.only.has('gap')) runOrlibMax(o)
  if (o.only.has('gapad')) runOrlibMin(o)
  if (o.only.has('yagiura')) runYagiura(o)
  out('')
  out(legend)
  out('')
  out('issue-5 targets:')
  for (const t of targets) {
    out(`  ${t.met === null ? '[ -- ]' : t.met ? '[ met ]' : '[MISS ]'} ${t.name.padEnd(8)} ${t.target} → ${t.result}`)
  }
  if (o.markdown) {
    out('')
    out(markdown(columns, rows, sections))
    out('')
    out('| case | target | result | met |')
    out('| --- | --- | --- | --- |')
    for (const t of targets) out(`| ${t.name} | ${t.target} | ${t.result} | ${t.met === null ? '—' : t.met ? 'yes' : 'no'} |`)
  }
  out('')
  out(`bench finished in ${duration(performance.now() - started)}`)
}

void main()
