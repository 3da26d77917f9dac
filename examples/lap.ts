/**
 * The linear assignment problem on wendbaar's solver core.
 *
 *   npx tsx examples/lap.ts <file> [--layout auto|dense|sparse] [--exact] [--effort N] [--seed N]
 *
 * Reads an OR-Library linear assignment file — dense (`assign100.txt` … : n, then the n × n
 * costs row by row) or sparse (`assignp800.txt`: n, then one line `i j c` per allowed arc,
 * 1-based) — maps it onto the solver model (rows become members that take one slot each,
 * columns become slots that must all be filled, c(i,j) becomes the edge's value −c(i,j)),
 * solves it, and prints one JSON line:
 *
 *   {"size":100,"arcs":10000,"objective":305,"bound":305,"optimal":true,"feasible":true,"ms":560}
 *
 * `objective` is the total cost of the assignment found; `bound` the solver's lower bound on
 * the least cost (null when it has none); `feasible` is checked against the raw file (every
 * column taken by exactly one row, on an allowed arc). `--exact` asks for the branch and bound
 * even beyond the sizes where the solver tries it by itself (60 slots, 2,500 edges); on
 * assignment problems it is the better choice. Without a file it solves a small built-in sample.
 * The data: `../shared/data/orlib-assign` (see its README).
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { Assignment, Issue, type Solver } from 'wendbaar/solver'

const usage = 'usage: npx tsx examples/lap.ts <file> [--layout auto|dense|sparse] [--exact] [--effort N] [--seed N]'

// A 4 × 4 dense sample: the least cost is 1 + 2 + 3 + 4 = 10 (the diagonal of the cheap ones).
const sample = `4
1 9 9 8
9 9 3 9
8 2 9 9
9 9 9 4`

interface Args {
  readonly file: string | null
  readonly layout: Assignment.LapLayout
  readonly exact: boolean
  readonly effort: number | null
  readonly seed: number | null
}

/** An integer flag's value (`null` when absent), or why it is not one. */
const count = (flag: string, v: string | undefined, min: number): E.Either<string, number | null> => {
  if (v === undefined) return E.right(null)
  const n = Number(v)
  return Number.isInteger(n) && n >= min ? E.right(n) : E.left(`--${flag} needs an integer ≥ ${min}, got "${v}"`)
}

const readArgs = (argv: Array<string>): E.Either<string, Args> => {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { layout: { type: 'string' }, exact: { type: 'boolean' }, effort: { type: 'string' }, seed: { type: 'string' } },
    })
  } catch (e) {
    return E.left((e as Error).message)
  }
  const { values: v, positionals } = parsed
  if (positionals.length > 1) return E.left(`only one file, please (got ${positionals.map((f) => `"${f}"`).join(' and ')})`)
  const layout = v.layout ?? 'auto'
  if (layout !== 'auto' && layout !== 'dense' && layout !== 'sparse')
    return E.left(`--layout must be "auto", "dense" or "sparse", got "${layout}"`)
  return pipe(
    E.Do,
    E.bind('effort', () => count('effort', v.effort, 1)),
    E.bind('seed', () => count('seed', v.seed, 0)),
    E.map((n) => ({ file: positionals[0] ?? null, layout, exact: v.exact === true, ...n })),
  )
}

/** A readable error on stderr (with the usage line for argument errors) and exit status 1. */
const fail = (message: string, showUsage = false): never => {
  process.stderr.write(`lap: ${message}\n${showUsage ? `${usage}\n` : ''}`)
  process.exit(1)
}

const main = (): void => {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${usage}\n`)
    return
  }
  const args = readArgs(process.argv.slice(2))
  if (E.isLeft(args)) return fail(args.left, true)
  const { file } = args.right
  let text = sample
  if (file === null) process.stderr.write('lap: no file given, solving the built-in 4 × 4 sample\n')
  else {
    try {
      text = readFileSync(file, 'utf8')
    } catch (e) {
      return fail(`cannot read "${file}": ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
    }
  }
  const parsed = Assignment.parseLap(text, args.right.layout)
  if (E.isLeft(parsed)) return fail(`${file ?? 'sample'}: ${Issue.render(parsed.left).join('; ')}`)
  const problem = parsed.right

  const options: Solver.SolveOptions = {
    ...(args.right.exact ? { exact: true } : {}),
    ...(args.right.effort !== null ? { effort: args.right.effort } : {}),
    ...(args.right.seed !== null ? { seed: args.right.seed } : {}),
  }
  const t0 = performance.now()
  const result = Assignment.solveLap(problem, options)
  const ms = Math.round(performance.now() - t0)
  process.stdout.write(
    `${JSON.stringify({
      size: problem.size,
      arcs: problem.arcs.length,
      objective: result.objective,
      bound: result.bound === null ? null : Math.round(result.bound * 1e6) / 1e6,
      optimal: result.optimal,
      feasible: result.violations.length === 0,
      ms,
    })}\n`,
  )
}

main()
