/**
 * The generalized assignment problem on wendbaar's solver core.
 *
 *   npx tsx examples/gap.ts <file> [--sense max|min] [--effort N] [--seed N] [--index K]
 *
 * Reads an OR-Library GAP file (`gap1.txt` … `gapd.txt`, leading problem count) or a Yagiura
 * file (one problem, no count), maps every problem onto the solver model — agents become
 * members with a capacity, jobs become slots that must all be filled, a(i,j) becomes the
 * edge's hours and c(i,j) its value (−c(i,j) when minimising) — solves it, and prints one
 * JSON line per problem:
 *
 *   {"index":0,"agents":5,"jobs":15,"objective":336,"feasible":true,"ms":12}
 *
 * `objective` is Σ c(i,j) of the chosen assignment; `feasible` is checked against the raw file
 * (every job assigned, every capacity held). The sense defaults to `max` for gap1..gap12 and
 * `min` for everything else. Without a file it solves a small built-in sample.
 * The data: `../shared/data/orlib-gap`, `../shared/data/gap-yagiura` (see its README).
 * Everything comes from the package's `Assignment` module (`wendbaar/solver`); the linear
 * assignment files (`assign*.txt`) have their own example, `examples/lap.ts`.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { Assignment, Issue, Solver } from 'wendbaar/solver'

type Sense = Assignment.Sense

const usage = 'usage: npx tsx examples/gap.ts <file> [--sense max|min] [--effort N] [--seed N] [--index K]'

// Two tiny problems in OR-Library layout (count, then per problem: m n, c rows, a rows, b).
const sample = `2
2 3
6 4 5
3 7 2
3 2 2
2 3 1
4 4
3 4
5 1 8 3
2 6 4 7
3 3 3 3
4 2 3 5
1 4 2 3
3 2 4 1
6 5 6`

interface Args {
  readonly file: string | null
  readonly sense: Sense | null
  readonly effort: number | null
  readonly seed: number | null
  readonly index: number | null
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
      options: { sense: { type: 'string' }, effort: { type: 'string' }, seed: { type: 'string' }, index: { type: 'string' } },
    })
  } catch (e) {
    return E.left((e as Error).message)
  }
  const { values: v, positionals } = parsed
  if (positionals.length > 1) return E.left(`only one file, please (got ${positionals.map((f) => `"${f}"`).join(' and ')})`)
  if (v.sense !== undefined && v.sense !== 'max' && v.sense !== 'min') return E.left(`--sense must be "max" or "min", got "${v.sense}"`)
  return pipe(
    E.Do,
    E.bind('effort', () => count('effort', v.effort, 1)),
    E.bind('seed', () => count('seed', v.seed, 0)),
    E.bind('index', () => count('index', v.index, 0)),
    E.map((n) => ({ file: positionals[0] ?? null, sense: (v.sense ?? null) as Sense | null, ...n })),
  )
}

/** A readable error on stderr (with the usage line for argument errors) and exit status 1. */
const fail = (message: string, showUsage = false): never => {
  process.stderr.write(`gap: ${message}\n${showUsage ? `${usage}\n` : ''}`)
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
  if (file === null) {
    process.stderr.write('gap: no file given, solving the built-in sample (2 problems)\n')
  } else {
    try {
      text = readFileSync(file, 'utf8')
    } catch (e) {
      return fail(`cannot read "${file}": ${(e as NodeJS.ErrnoException).code ?? String(e)}`)
    }
  }
  const parsed = Assignment.parseGap(text)
  if (E.isLeft(parsed)) return fail(`${file ?? 'sample'}: ${Issue.render(parsed.left).join('; ')}`)
  const problems = parsed.right
  const sense = args.right.sense ?? (file === null ? 'max' : Assignment.senseOf(file))
  const { index } = args.right
  if (index !== null && index >= problems.length) {
    return fail(`--index ${index} is out of range: the file has ${problems.length} problem(s)`, true)
  }

  const options: Solver.SolveOptions = {
    ...(args.right.effort !== null ? { effort: args.right.effort } : {}),
    ...(args.right.seed !== null ? { seed: args.right.seed } : {}),
  }
  problems.forEach((problem, k) => {
    if (index !== null && k !== index) return
    const t0 = performance.now()
    // A parsed problem is checked: its model is valid by construction and goes straight to the solver.
    // the solver's default effort adapts to the model's size (Solver.defaultEffortOf)
    const result = Assignment.solveGap(problem, sense, options)
    const ms = Math.round(performance.now() - t0)
    process.stdout.write(
      `${JSON.stringify({
        index: k,
        agents: problem.agents,
        jobs: problem.jobs,
        objective: result.objective,
        feasible: result.violations.length === 0,
        ms,
      })}\n`,
    )
  })
}

main()
