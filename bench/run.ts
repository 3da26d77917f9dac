/**
 * `npm run bench` — the benchmark table.
 *
 *   npm run bench -- [--only S,M,L,XL,small,gap,gapad,yagiura,lap,explain,replan] [--seeds N] [--seed K]
 *                    [--skip-highs] [--highs-seconds N] [--skip-cbc] [--cbc-seconds N]
 *                    [--effort N] [--time-limit MS] [--markdown]
 *
 * Generated problems (test/support/generate.ts presets, seeded): S (40 members / ~40 slots,
 * N seeds, default 5, with a median row), M (1,000 / ~800), L (10,000 / ~8,000) and XL
 * (100,000 / ~80,000 with units). Each case runs in its own child process so that its peak
 * RSS (`process.resourceUsage().maxRSS`: generation + decode + compile + solve) is its own.
 * For S and M, two exact MILP solvers solve the scoring MILP (test/support/milp.ts) of the
 * same instance, each in another child (bench/references.ts): HiGHS (WASM, `--highs-seconds`
 * per stage, default 60) and CBC (Debian's coinor-cbc, on the same LP text, `--cbc-seconds`,
 * default 60; installed with apt-get when missing and the bench runs as root, otherwise
 * skipped). Their plans are re-scored with wendbaar's evaluator and compared lexicographically
 * (filled, then soft) with ours. Neither runs on L or XL.
 *
 * Then the published GAP sets (bench/gap-sets.ts) and the linear assignment problems
 * (bench/lap.ts: OR-Library assign*, ours against the Hungarian algorithm, in its own table).
 * Missing data gives a "skipped" row. Then, each in its own process: 200 random small problems
 * solved in-process (bench/small.ts; run it alone for the full 1,000), the explanations
 * (bench/explain.ts) and replanning (bench/replan.ts).
 *
 * Rows print as they complete; `--markdown` repeats the table in markdown at the end, and a
 * list of the targets (met / missed) follows the table.
 */
import { spawn, spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { runOrlibMax, runOrlibMin, runYagiura } from './gap-sets.js'
import { runLap } from './lap.js'
import { findCbc, runReference, type ReferenceName, type ReferenceResult, type Size } from './references.js'
import { addRow, columns, out, rows, section, sections, targets } from './report.js'
import { repoRoot, solveOptions } from './shared.js'
import { duration, int, markdown, mb, median, ms, ofBound, pct, plainHeader, type Row } from './table.js'
import { edgeList } from '../src/model/Model.js'

const thisFile = fileURLToPath(import.meta.url)

// -------------------------------------------------------------------------------------
// options
// -------------------------------------------------------------------------------------

type CaseName = 'S' | 'M' | 'L' | 'XL' | 'small' | 'gap' | 'gapad' | 'yagiura' | 'lap' | 'explain' | 'replan'
const allCases: ReadonlyArray<CaseName> = ['S', 'M', 'L', 'XL', 'small', 'gap', 'gapad', 'yagiura', 'lap', 'explain', 'replan']

interface Options {
  readonly only: ReadonlySet<CaseName>
  readonly seeds: number
  readonly seed: number
  readonly highs: boolean
  readonly highsSeconds: number
  readonly cbc: boolean
  readonly cbcSeconds: number
  readonly effort: number | null
  readonly timeLimit: number | null
  readonly markdown: boolean
}

const usage = `usage: npm run bench -- [--only ${allCases.join(',')}] [--seeds N] [--seed K] 
                     [--skip-highs] [--highs-seconds N] [--skip-cbc] [--cbc-seconds N]
                     [--effort N] [--time-limit MS] [--markdown]`

const parseOptions = (argv: ReadonlyArray<string>): E.Either<string, Options> => {
  let only: Set<CaseName> = new Set(allCases)
  let seeds = 5
  let seed = 1
  let highs = true
  let highsSeconds = 60
  let cbc = true
  let cbcSeconds = 60
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
    '--cbc-seconds': { min: 1, set: (n) => (cbcSeconds = n) },
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
      case '--skip-cbc':
        cbc = false
        break
      case '--markdown':
        md = true
        break
      default:
        return E.left(`unknown argument "${a}"`)
    }
  }
  return E.right({ only, seeds, seed, highs, highsSeconds, cbc, cbcSeconds, effort, timeLimit, markdown: md })
}

// -------------------------------------------------------------------------------------
// child processes: one generated case each
// -------------------------------------------------------------------------------------

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
  readonly stats: object
}

interface ChildFailure {
  readonly kind: 'failure'
  readonly message: string
}

const runOursChild = async (size: Size, seed: number, effort: number | null, timeLimit: number | null): Promise<OursResult> => {
  const { preset } = await import('../test/support/generate.js')
  const { decodeProblem } = await import('../src/pipeline/Problem.js')
  const { compile } = await import('../src/pipeline/Compile.js')
  const { solveModel } = await import('../src/solver/Solver.js')
  const { violations } = await import('../src/model/Evaluate.js')
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
    edges: edgeList(compiled.model).length,
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
  let out: OursResult | ReferenceResult | ChildFailure
  try {
    out =
      kind === 'HiGHS' || kind === 'CBC'
        ? await runReference(kind, size, seed, Number(arg('--seconds')), arg('--cbc') ?? null)
        : await runOursChild(size, seed, effort, timeLimit)
  } catch (e) {
    out = { kind: 'failure', message: e instanceof Error ? e.message : String(e) }
  }
  process.stdout.write(`\nRESULT ${JSON.stringify(out)}\n`)
}

/** Runs this file as a child in the given mode and returns its RESULT line. */
const child = (args: ReadonlyArray<string>, killAfterMs: number): Promise<OursResult | ReferenceResult | ChildFailure> =>
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
        done(JSON.parse(line.slice('RESULT '.length)) as OursResult | ReferenceResult | ChildFailure)
        return
      }
      const why = signal === 'SIGKILL' ? `killed after ${ms(killAfterMs)}` : `exit ${code ?? signal}`
      const last = stderr.trim().split('\n').slice(-3).join(' / ')
      done({ kind: 'failure', message: `child ${why}${last === '' ? '' : `: ${last}`}` })
    })
  })

const tol = (a: number, b: number): number => 1e-6 * Math.max(1, Math.abs(a), Math.abs(b))

/** Lexicographic comparison of our (filled, soft) with a reference's: "better", "equal" or "worse". */
const versus = (
  ours: { readonly filled: number; readonly soft: number },
  ref: { readonly filled: number; readonly soft: number },
): 'better' | 'equal' | 'worse' => {
  if (Math.abs(ours.filled - ref.filled) > tol(ours.filled, ref.filled)) return ours.filled > ref.filled ? 'better' : 'worse'
  if (Math.abs(ours.soft - ref.soft) > tol(ours.soft, ref.soft)) return ours.soft > ref.soft ? 'better' : 'worse'
  return 'equal'
}

/** Our plan and a reference's on the same instance. */
interface Pair {
  readonly ours: OursResult
  readonly ref: ReferenceResult
}

/** Our plan is at least the reference's, lexicographically (a reference without a plan counts as worse than any plan). */
const notWorse = (p: Pair): boolean => p.ref.filled === null || versus(p.ours, { filled: p.ref.filled, soft: p.ref.soft ?? -Infinity }) !== 'worse'

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

const referenceRow = (label: string, h: ReferenceResult, ours: OursResult | null): Row => {
  let vs = h.status
  const name = h.solver
  if (ours !== null && h.filled !== null && h.soft !== null) {
    const cmp = versus(ours, { filled: h.filled, soft: h.soft })
    const ratio = h.solveMs / Math.max(ours.solveMs, 1e-3)
    vs = `${h.status}; ours ${cmp === 'worse' ? '<' : cmp === 'equal' ? '=' : '>'} ${name}; ${ratio >= 10 ? int(ratio) : ratio.toFixed(1)}× faster`
  } else if (h.filled === null) {
    vs = `${h.status}; ${name} found no plan${ours !== null ? `; ours > ${name}` : ''}`
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

/** The reference solvers to run on S and M, with the CBC binary when CBC is among them. */
interface References {
  readonly solvers: ReadonlyArray<{ readonly name: ReferenceName; readonly seconds: number }>
  readonly cbc: string | null
}

/** Runs one reference child on a generated case; its row follows ours. */
const runReferenceChild = async (name: ReferenceName, seconds: number, cbc: string | null, size: Size, seed: number, label: string, r: OursResult): Promise<Pair | null> => {
  const args = ['--child', name, '--size', size, '--seed', String(seed), '--seconds', String(seconds)]
  if (cbc !== null) args.push('--cbc', cbc)
  const h = await child(args, (6 * seconds + 600) * 1000)
  if (h.kind === 'reference') {
    addRow(referenceRow(`${label} ${name}`, h, r))
    return { ours: r, ref: h }
  }
  addRow(failureRow(`${label} ${name}`, h.kind === 'failure' ? h : { kind: 'failure', message: 'unexpected result' }))
  return null
}

const runGenerated = async (size: Size, o: Options, refs: References): Promise<void> => {
  const seeds = size === 'S' ? Array.from({ length: o.seeds }, (_, k) => o.seed + k) : [o.seed]
  const solvers = size === 'S' || size === 'M' ? refs.solvers : []
  const ours: Array<OursResult> = []
  const pairs: Array<Pair> = []
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
    for (const { name, seconds } of solvers) {
      const p = await runReferenceChild(name, seconds, name === 'CBC' ? refs.cbc : null, size, seed, label, r)
      if (p !== null) pairs.push(p)
    }
  }
  const of = (name: ReferenceName): ReadonlyArray<Pair> => pairs.filter((p) => p.ref.solver === name)
  if (size === 'S' && ours.length > 1) {
    const optimal = ours.filter((r) => r.optimal).length
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
        ...solvers.flatMap(({ name }) => {
          const ps = of(name)
          return ps.length === 0
            ? []
            : [`≥ ${name} ${ps.filter(notWorse).length}/${ps.length}`, `${name} median ${duration(median(ps.map((p) => p.ref.solveMs)))}`]
        }),
      ].join('; '),
    ])
  }
  // targets
  if (ours.length === 0) return
  const maxMs = Math.max(...ours.map((r) => r.solveMs))
  const clean = ours.every((r) => r.violations === 0)
  const filledGaps = ours.map((r) => boundGap(r.filled, r.bound?.filled))
  const worstGap = filledGaps.some((g) => g === null) ? null : Math.max(...(filledGaps as Array<number>))
  const softGaps = ours.map((r) => boundGap(r.soft, r.bound?.soft))
  const worstSoftGap = softGaps.some((g) => g === null) ? null : Math.max(...(softGaps as Array<number>))
  /** The plan's own soft gap: this round asks M ≤ 3 %, L ≤ 5 %. */
  const softTarget = (limit: number): void => {
    targets.push({
      name: `${size} soft`,
      target: `the plan's own soft gap ≤ ${limit} % (bound from the solver's relaxation)`,
      result: `soft gap ${pct(worstSoftGap)}`,
      met: worstSoftGap !== null && worstSoftGap <= limit,
    })
  }
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
      // against each reference run: HiGHS is the target's; CBC is reported beside it
      const against = (name: ReferenceName): string => {
        const run = solvers.find((x) => x.name === name)
        if (run === undefined) return `${name} not run`
        const p = of(name)[0]
        if (p === undefined) return `${name} failed (see its row)`
        return `vs ${name} ${run.seconds} s/stage (${p.ref.status}): ${notWorse(p) ? '≥' : '<'}, ${int(p.ref.solveMs / Math.max(r.solveMs, 1e-3))}× faster`
      }
      const highs = of('HiGHS')[0]
      targets.push({
        name: 'M',
        target: '≤ 2 s (solve, warm); ≥ HiGHS lexicographically; filled gap ≤ 1 %',
        result: [`solve ${duration(r.solveMs)}`, `filled gap ${pct(worstGap)}`, against('HiGHS'), against('CBC')].join('; '),
        met: r.solveMs <= 2000 && worstGap !== null && worstGap <= 1 && clean && (highs === undefined ? null : notWorse(highs)) !== false,
      })
      softTarget(3)
      break
    }
    case 'L':
      targets.push({
        name: 'L',
        target: '≤ 20 s (solve), reported gap ≤ 2 %',
        result: `solve ${duration(maxMs)} (decode+compile+solve ${duration(Math.max(...ours.map((r) => r.decodeMs + r.compileMs + r.solveMs)))}); filled gap ${pct(worstGap)}`,
        met: maxMs <= 20_000 && worstGap !== null && worstGap <= 2 && clean,
      })
      softTarget(5)
      break
    case 'XL': {
      const rss = Math.max(...ours.map((r) => r.maxRssBytes))
      const total = Math.max(...ours.map((r) => r.decodeMs + r.compileMs + r.solveMs))
      targets.push({
        name: 'XL',
        target: '≤ 60 s (decode+compile+solve), peak RSS ≤ 1.5 GB',
        result: `decode+compile+solve ${duration(total)}, solve ${duration(maxMs)}; peak RSS ${mb(rss)}; filled gap ${pct(worstGap)}`,
        met: total <= 60_000 && rss <= 1.5 * 2 ** 30 && clean,
      })
      break
    }
  }
}

/** Problems of the small-problem case in a bench run (`npx tsx bench/small.ts` runs 1,000). */
const SMALL_N = 200

/** The small-problem target, read from bench/small.ts's summary line. */
const smallTarget = (text: string): void => {
  const m = /proven (\d+)\/(\d+) \(([\d.]+) %\); solve median ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms/.exec(text)
  targets.push({
    name: 'small',
    target: '≥ 99.5 % of random 40-member problems proven optimal, p95 ≤ 50 ms (solve, in-process)',
    result:
      m === null
        ? 'no summary (see the section above)'
        : `${m[1]}/${m[2]} proven (${m[3]} %); median ${m[4]} ms, p95 ${m[5]} ms, max ${m[6]} ms`,
    met: m === null ? false : Number(m[3]) >= 99.5 && Number(m[5]) <= 50,
  })
}

// -------------------------------------------------------------------------------------
// main
// -------------------------------------------------------------------------------------

const legend = `Generated cases: seeded presets of test/support/generate.ts; decode = decodeProblem, compile = Compile.compile,
solve = solveModel (S, M: timed after one warm-up solve of seed+1000 in the same process; that
first, cold-JIT solve time is shown too); peak RSS = maxRSS of the case's own child process (generation + decode + compile + solve).
"filled gap" = (bound.filled − filled) / bound.filled. HiGHS rows: rows/columns of the exact MILP of the scoring model, compile ms = LP
build, its plan re-scored by wendbaar's evaluator; "ours > / = / < HiGHS" compares (filled, soft) lexicographically,
"× faster" = HiGHS time / our solve time. CBC rows: the same LP text solved by CBC (wall-clock time limit per stage,
solve ms includes CBC reading the LP file; peak RSS = the cbc process's). GAP rows: members = agents, slots = jobs, decode ms = file parse,
solve ms = map + solve (max over the file's problems), soft = Σ c in the file's sense (≥ bound: lower bound
when minimising). LAP table: ours = Assignment.solveLap with the default options (the exact search only runs by itself up
to 60 slots / 2,500 edges), exact: true = the same with the branch and bound forced; Hungarian = munkres on the dense
cost matrix; ms include mapping and reading back, after one warm-up of each solver; "+x %" = above the optimum.`

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
  // CBC: only where it runs (S, M), found or installed first
  const sizes = (['S', 'M', 'L', 'XL'] as const).filter((s) => o.only.has(s))
  let cbc: string | null = null
  let cbcNote = o.cbc ? 'not needed' : 'skipped (--skip-cbc)'
  if (o.cbc && (o.only.has('S') || o.only.has('M'))) {
    const found = findCbc(out)
    cbc = found.path
    cbcNote = found.path === null ? `skipped: ${found.why}` : `${o.cbcSeconds} s limit (${found.path})`
    if (found.path === null) out(`bench: CBC ${cbcNote}`)
  }
  const refs: References = {
    solvers: [
      ...(o.highs ? [{ name: 'HiGHS' as const, seconds: o.highsSeconds }] : []),
      ...(cbc !== null ? [{ name: 'CBC' as const, seconds: o.cbcSeconds }] : []),
    ],
    cbc,
  }
  out(
    `options: only ${[...o.only].join(',')}; S seeds ${o.seed}..${o.seed + o.seeds - 1}; ` +
      `HiGHS ${o.highs ? `${o.highsSeconds} s limit` : 'skipped'}; CBC ${cbcNote}; effort ${o.effort ?? 'default'}` +
      `${o.timeLimit === null ? '' : `; time limit ${o.timeLimit} ms`}`,
  )
  const mainTable = sizes.length > 0 || o.only.has('gap') || o.only.has('gapad') || o.only.has('yagiura')
  if (mainTable) {
    out('')
    out(plainHeader(columns))
  }
  if (sizes.length > 0) section('generated problems')
  for (const size of sizes) await runGenerated(size, o, refs)
  if (o.only.has('gap')) runOrlibMax(o)
  if (o.only.has('gapad')) runOrlibMin(o)
  if (o.only.has('yagiura')) runYagiura(o)
  const lapMarkdown = o.only.has('lap') ? runLap(o) : null
  // the explanation and replanning rows: scripts of their own, each in a process of its own
  const scripts = [
    ['small', 'bench/small.ts', ['--n', String(SMALL_N), '--worst', '3']],
    ['explain', 'bench/explain.ts', []],
    ['replan', 'bench/replan.ts', []],
  ] as const
  for (const [name, script, args] of scripts) {
    if (!o.only.has(name)) continue
    out('')
    section(`${name} (${[script, ...args].join(' ')})`)
    const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(repoRoot, script), ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 30 * 60_000,
    })
    out(r.status === 0 ? r.stdout.trimEnd() : `${name} bench FAILED (${r.status ?? r.signal}): ${r.stderr.trim()}`)
    if (name === 'small') smallTarget(r.status === 0 ? r.stdout : '')
  }
  out('')
  out(legend)
  out('')
  out('targets (this round\'s, and the standing ones):')
  for (const t of targets) {
    out(`  ${t.met === null ? '[ -- ]' : t.met ? '[ met ]' : '[MISS ]'} ${t.name.padEnd(8)} ${t.target} → ${t.result}`)
  }
  if (o.markdown) {
    if (mainTable) {
      out('')
      out(markdown(columns, rows, sections))
    }
    if (lapMarkdown !== null) {
      out('')
      out(lapMarkdown)
    }
    out('')
    out('| case | target | result | met |')
    out('| --- | --- | --- | --- |')
    for (const t of targets) out(`| ${t.name} | ${t.target} | ${t.result} | ${t.met === null ? '—' : t.met ? 'yes' : 'no'} |`)
  }
  out('')
  out(`bench finished in ${duration(performance.now() - started)}`)
}

void main()
