/**
 * The exact MILP references of `npm run bench` on the generated S and M cases: HiGHS (WASM, the
 * `highs` dev dependency, in this Node process) and CBC (Debian's `coinor-cbc`, a native
 * binary). Both solve the same LP text — the exact scoring MILP of test/support/milp.ts in
 * CPLEX LP format, which CBC's LP reader takes as it is — lexicographically: stage 1 maximises
 * the filled priority, stage 2 the soft score subject to filled ≥ stage 1's plan; each stage is
 * time-limited. The plan is mapped onto the compiled model's edges and re-scored with
 * wendbaar's evaluator, so both references are judged by the same rulebook as our solver.
 *
 * Each reference runs in a child process of the bench (see bench/run.ts); {@link runReference}
 * is that child's work, {@link findCbc} the parent's check that CBC is there.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** The generated case sizes. */
export type Size = 'S' | 'M' | 'L' | 'XL'

/** The reference solvers. */
export type ReferenceName = 'HiGHS' | 'CBC'

/** What a reference child reports. */
export interface ReferenceResult {
  readonly kind: 'reference'
  readonly solver: ReferenceName
  readonly size: Size
  readonly seed: number
  readonly columns: number
  readonly rows: number
  /** Building the MILP and its first LP text (ms). */
  readonly buildMs: number
  /** Both stages, wall clock (ms); for CBC this includes reading the LP file. */
  readonly solveMs: number
  /** Plan re-scored by wendbaar's evaluator (null when the reference found no plan). */
  readonly filled: number | null
  readonly soft: number | null
  /** The reference's proven bounds on filled (stage 1) and on soft (stage 2), if any. */
  readonly boundFilled: number | null
  readonly boundSoft: number | null
  /** `optimal`, or the stages' statuses when not both optimal. */
  readonly status: string
  readonly violations: number | null
  /** Peak RSS: of this Node child for HiGHS (it runs inside it); of the CBC process for CBC. */
  readonly maxRssBytes: number | null
}

/** One stage: status, column values by variable number (null without an integer plan), dual bound. */
interface Stage {
  readonly status: string
  readonly values: Float64Array | null
  readonly dualBound: number | null
  readonly ms: number
  readonly maxRssBytes: number | null
}

// -------------------------------------------------------------------------------------
// HiGHS
// -------------------------------------------------------------------------------------

/**
 * Runs one LP text through a fresh HiGHS instance (`highsStage` of test/support/milp.ts). A WASM
 * abort (the 2 GB heap running out, typically) is caught and reported as the stage's status,
 * so that the other stage's plan survives it.
 */
const highsStage = async (lp: string, seconds: number): Promise<Stage> => {
  const milp = await import('../test/support/milp.js')
  const t0 = performance.now()
  try {
    const { status, values, dualBound } = milp.highsStage(await milp.loadHighs(), lp, seconds)
    return { status, values, dualBound, ms: performance.now() - t0, maxRssBytes: null }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e)
    return {
      status: /abort/i.test(msg) ? 'aborted (WASM heap?)' : `error: ${msg.slice(0, 80)}`,
      values: null,
      dualBound: null,
      ms: performance.now() - t0,
      maxRssBytes: null,
    }
  }
}

// -------------------------------------------------------------------------------------
// CBC
// -------------------------------------------------------------------------------------

/** The CBC binary, or null with the reason. Installs Debian's coinor-cbc when running as root. */
export const findCbc = (log: (line: string) => void): { readonly path: string | null; readonly why: string } => {
  const which = (): string | null => {
    const r = spawnSync('sh', ['-c', 'command -v cbc'], { encoding: 'utf8' })
    const path = r.status === 0 ? r.stdout.trim() : ''
    return path === '' ? null : path
  }
  const found = which()
  if (found !== null) return { path: found, why: '' }
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get'))
    return { path: null, why: 'cbc not found (install coinor-cbc, or run the bench as root on Debian to have it installed)' }
  const apt = (args: ReadonlyArray<string>): boolean => {
    log(`bench: cbc is missing; running apt-get ${args.join(' ')}`)
    const r = spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 })
    return r.status === 0
  }
  // the package lists may be empty on a fresh machine: update once if the install fails
  if (!apt(['install', '-y', '-qq', 'coinor-cbc'])) {
    apt(['update', '-qq'])
    apt(['install', '-y', '-qq', 'coinor-cbc'])
  }
  const after = which()
  return after === null ? { path: null, why: 'cbc not found and apt-get install -y coinor-cbc failed' } : { path: after, why: '' }
}

/** Peak RSS (VmHWM) of a running process from /proc, or null where there is no /proc. */
const peakRss = (pid: number | undefined): number | null => {
  if (pid === undefined) return null
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m === null ? null : Number(m[1]) * 1024
  } catch {
    return null
  }
}

/**
 * What CBC printed, read back: the status and integer plan from its solution file (the first
 * line, e.g. `Optimal - objective value 136`, then `index name value reduced-cost` for the
 * non-zero columns) and the dual bound from its log (`Upper bound:` when maximising, or the
 * objective when optimal). A solution file that says "no integer solution - continuous used"
 * holds the LP relaxation: no plan.
 */
export const parseCbc = (
  solution: string | null,
  log: string,
): { readonly status: string; readonly values: Map<number, number> | null; readonly dualBound: number | null } => {
  const lines = (solution ?? '').split('\n')
  const head = (lines[0] ?? '').trim()
  const result = /^Result - (.*)$/m.exec(log)?.[1]?.trim() ?? ''
  const status = /^Optimal\b/.test(head)
    ? 'optimal'
    : /no integer solution/.test(head) || /No feasible solution found/.test(log)
      ? 'time limit, no plan'
      : /^Stopped on time/.test(head)
        ? 'time limit'
        : /infeasible/i.test(head)
          ? 'infeasible'
          : head !== ''
            ? head.replace(/ - objective value.*$/, '')
            : result !== ''
              ? result
              : 'no result'
  const planned = status === 'optimal' || status === 'time limit'
  const values = new Map<number, number>()
  if (planned)
    for (const line of lines.slice(1)) {
      const m = /^\s*\d+\s+v(\d+)\s+(\S+)/.exec(line)
      if (m !== null) values.set(Number(m[1]), Number(m[2]))
    }
  const number = (label: string): number | null => {
    const m = new RegExp(`^${label}:\\s+(\\S+)`, 'm').exec(log)
    const v = m === null ? NaN : Number(m[1])
    return Number.isFinite(v) ? v : null
  }
  const objective = number('Objective value')
  const dualBound = status === 'optimal' ? objective : (number('Upper bound') ?? number('Lower bound'))
  return { status, values: planned ? values : null, dualBound }
}

/** Solves one LP text with CBC: `cbc file.lp -timeMode elapsed -sec N -ratio 0 -solve -solu out`. */
const cbcStage = (cbc: string, lp: string, seconds: number, vars: number): Promise<Stage> =>
  new Promise((done) => {
    const dir = mkdtempSync(join(tmpdir(), 'wendbaar-cbc-'))
    const lpFile = join(dir, 'model.lp')
    const solFile = join(dir, 'model.sol')
    writeFileSync(lpFile, lp)
    const t0 = performance.now()
    const p = spawn(cbc, [lpFile, '-timeMode', 'elapsed', '-sec', String(seconds), '-ratio', '0', '-solve', '-solu', solFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let log = ''
    p.stdout.on('data', (d: Buffer) => (log += d.toString()))
    p.stderr.on('data', (d: Buffer) => (log += d.toString()))
    // CBC checks its time limit only in the branch and bound: reading the LP and the root LP
    // of a large model can take longer, so the child is killed well after the limit
    let rss: number | null = null
    const poll = setInterval(() => (rss = peakRss(p.pid) ?? rss), 200)
    const killer = setTimeout(() => p.kill('SIGKILL'), (3 * seconds + 120) * 1000)
    const finish = (why: string | null): void => {
      clearInterval(poll)
      clearTimeout(killer)
      const ms = performance.now() - t0
      const solution = existsSync(solFile) ? readFileSync(solFile, 'utf8') : null
      rmSync(dir, { recursive: true, force: true })
      if (why !== null) {
        done({ status: why, values: null, dualBound: null, ms, maxRssBytes: rss })
        return
      }
      const r = parseCbc(solution, log)
      let values: Float64Array | null = null
      if (r.values !== null) {
        values = new Float64Array(vars)
        for (const [v, x] of r.values) if (v < vars) values[v] = x
      }
      done({ status: r.status, values, dualBound: r.dualBound, ms, maxRssBytes: rss })
    }
    p.on('error', (e) => finish(`error: ${e.message.slice(0, 80)}`))
    p.on('close', (code, signal) => finish(signal === 'SIGKILL' ? `killed after ${3 * seconds + 120} s` : code === 0 ? null : `cbc exit ${code ?? signal}`))
  })

// -------------------------------------------------------------------------------------
// the lexicographic solve, for either reference
// -------------------------------------------------------------------------------------

/**
 * The reference child's work: generates the case, builds the MILP, runs both stages with the
 * given solver (`cbc` is the binary's path, for CBC) and re-scores the plan with wendbaar's
 * evaluator.
 */
export const runReference = async (solver: ReferenceName, size: Size, seed: number, seconds: number, cbc: string | null): Promise<ReferenceResult> => {
  const { preset } = await import('../test/support/generate.js')
  const { decodeProblem } = await import('../src/pipeline/Problem.js')
  const { compile } = await import('../src/pipeline/Compile.js')
  const { evaluate, violations } = await import('../src/model/Evaluate.js')
  const milp = await import('../test/support/milp.js')
  const p = decodeProblem(preset(size, seed))
  if (E.isLeft(p)) throw new Error(`the generated ${size} problem (seed ${seed}) does not decode`)
  const problem = p.right
  const compiled = compile(problem)
  const t0 = performance.now()
  const model = milp.buildMilp(problem)
  const lp1 = milp.renderLp(model, 'filled')
  const buildMs = performance.now() - t0
  if (solver === 'CBC' && cbc === null) throw new Error('no cbc binary')
  const stage = (lp: string): Promise<Stage> => (solver === 'HiGHS' ? highsStage(lp, seconds) : cbcStage(cbc as string, lp, seconds, model.vars))
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
  const s1 = await stage(lp1)
  let edges = s1.values === null ? null : edgesOf(s1.values)
  let status = s1.status
  let boundSoft: number | null = null
  let solveMs = s1.ms
  let rss = s1.maxRssBytes
  if (edges !== null) {
    const filled = evaluate(compiled.model)(edges).filled
    const s2 = await stage(milp.renderLp(model, 'soft', filled))
    solveMs += s2.ms
    if (s2.maxRssBytes !== null) rss = Math.max(rss ?? 0, s2.maxRssBytes)
    if (s2.values !== null) edges = edgesOf(s2.values)
    boundSoft = s2.dualBound === null ? null : s2.dualBound + model.softConstant
    status = s1.status !== 'optimal' ? `${s1.status}, ${s2.status}` : s2.status
  }
  const score = edges === null ? null : evaluate(compiled.model)(edges)
  return {
    kind: 'reference',
    solver,
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
    maxRssBytes: solver === 'HiGHS' ? process.resourceUsage().maxRSS * 1024 : rss,
  }
}
