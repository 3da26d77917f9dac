/**
 * Staff a problem file and print the plan.
 *
 *   npx tsx examples/solve-file.ts problem.json [--effort N] [--seed N]
 *
 * Reads a DESIGN §6 problem (JSON), solves it and prints the §8 plan JSON on stdout. Bad
 * arguments, an unreadable file, invalid JSON or an invalid problem print readable issues on
 * stderr and exit with status 1.
 */
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { decodeProblem, Issue, Plan, Solve } from 'wendbaar'

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

let text = ''
try {
  text = readFileSync(file, 'utf8')
} catch (e) {
  fail([`${file}: cannot read the file (${e instanceof Error ? e.message : String(e)})`])
}
let json: unknown
try {
  json = JSON.parse(text)
} catch (e) {
  fail([`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`])
}

// #region solve
const problem = decodeProblem(json)
if (E.isLeft(problem)) fail([`${file}: not a valid problem`, ...Issue.render(problem.left)])
const plan = Solve.solve(problem.right, {
  ...(effort === undefined ? {} : { effort }),
  ...(seed === undefined ? {} : { seed }),
})
console.log(JSON.stringify(Plan.encodePlan(plan), null, 2))
// #endregion solve
