/**
 * Staff a problem file and print the plan.
 *
 *   npx tsx examples/solve-file.ts problem.json [--effort N] [--seed N]
 *
 * Reads a problem (JSON, the format of docs/scoring.md; `examples/sample-problem.json` is one),
 * solves it and prints the plan JSON on stdout. Bad arguments, an unreadable file, invalid JSON
 * (as `file:line:column: …`) or an invalid problem print readable issues on stderr and exit with
 * status 1.
 */
import * as E from 'fp-ts/lib/Either.js'
import { decodeProblem, Issue, Plan, Solve } from 'wendbaar'
import { readJsonFile } from './read-json.js'

const usage = 'usage: npx tsx examples/solve-file.ts problem.json [--effort N] [--seed N]'

interface Args {
  readonly file: string
  readonly effort: number | undefined
  readonly seed: number | undefined
}

const parseArgs = (argv: ReadonlyArray<string>): E.Either<string, Args> => {
  let file: string | undefined
  let effort: number | undefined
  let seed: number | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--effort' || arg === '--seed') {
      const v = argv[++i]
      const n = v === undefined ? NaN : Number(v)
      if (!Number.isSafeInteger(n) || n < (arg === '--effort' ? 1 : 0))
        return E.left(`${arg} needs ${arg === '--effort' ? 'a positive' : 'a non-negative'} integer, got ${v ?? 'nothing'}`)
      if (arg === '--effort') effort = n
      else seed = n
    } else if (arg.startsWith('-')) return E.left(`unknown option ${arg}`)
    else if (file === undefined) file = arg
    else return E.left(`unexpected argument ${arg}`)
  }
  return file === undefined ? E.left('no problem file given') : E.right({ file, effort, seed })
}

function fail(lines: ReadonlyArray<string>): never {
  for (const line of lines) console.error(line)
  process.exit(1)
}

const args = parseArgs(process.argv.slice(2))
if (E.isLeft(args)) fail([args.left, usage])
const { file, effort, seed } = args.right

const read = readJsonFile(file)
if (E.isLeft(read)) fail([read.left])
const json = read.right

// #region solve
const problem = decodeProblem(json)
if (E.isLeft(problem)) fail([`${file}: not a valid problem`, ...Issue.render(problem.left)])
const plan = Solve.solve(problem.right, {
  ...(effort === undefined ? {} : { effort }),
  ...(seed === undefined ? {} : { seed }),
})
console.log(JSON.stringify(Plan.encodePlan(plan), null, 2))
// #endregion solve
