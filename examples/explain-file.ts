/**
 * Explain a plan of a problem file: why each assignment, who would be next, why the open slots
 * are open and what would fill them.
 *
 *   npx tsx examples/explain-file.ts problem.json [--plan plan.json] [--k N]
 *
 * Reads a problem (JSON, the format of docs/scoring.md; `examples/sample-problem.json` is one)
 * and a plan (the plan JSON that `examples/solve-file.ts` prints, or any object with its
 * `assignments`, hand-edited ones included); without `--plan` it solves the problem first. Prints
 * the explanation JSON (docs/explanations.md) on stdout, with `k` moves per slot (default 3).
 * Bad arguments, an unreadable file, invalid JSON (as `file:line:column: …`), an invalid
 * problem or a plan that does not fit the problem print readable issues on stderr and exit
 * with status 1.
 */
import * as E from 'fp-ts/lib/Either.js'
import { decodeProblem, Explain, Issue, Plan, Solve } from 'wendbaar'
import { readJsonFile } from './read-json.js'

const usage = 'usage: npx tsx examples/explain-file.ts problem.json [--plan plan.json] [--k N]'

interface Args {
  readonly file: string
  readonly plan: string | undefined
  readonly k: number | undefined
}

const parseArgs = (argv: ReadonlyArray<string>): E.Either<string, Args> => {
  let file: string | undefined
  let plan: string | undefined
  let k: number | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--plan') {
      plan = argv[++i]
      if (plan === undefined) return E.left('--plan needs a file')
    } else if (arg === '--k') {
      const v = argv[++i]
      const n = v === undefined ? NaN : Number(v)
      if (!Number.isSafeInteger(n) || n < 0)
        return E.left(`--k needs a non-negative integer, got ${v ?? 'nothing'}`)
      k = n
    } else if (arg.startsWith('-')) return E.left(`unknown option ${arg}`)
    else if (file === undefined) file = arg
    else return E.left(`unexpected argument ${arg}`)
  }
  return file === undefined ? E.left('no problem file given') : E.right({ file, plan, k })
}

function fail(lines: ReadonlyArray<string>): never {
  for (const line of lines) console.error(line)
  process.exit(1)
}

/** The assignments of a plan file: `{ "assignments": [{ "slot", "member" }, …], … }`. */
const assignmentsOf = (file: string, json: unknown): ReadonlyArray<Plan.Assignment> => {
  const list =
    typeof json === 'object' && json !== null ? (json as { assignments?: unknown }).assignments : undefined
  if (!Array.isArray(list)) fail([`${file}: expected a plan object with an "assignments" array`])
  const bad: Array<string> = []
  const out: Array<Plan.Assignment> = []
  list.forEach((a: unknown, i) => {
    const decoded = Plan.AssignmentCodec.decode(a)
    if (E.isRight(decoded)) out.push(decoded.right)
    else bad.push(`${file}: assignments[${i}]: expected { "slot": "…", "member": "…" }`)
  })
  if (bad.length > 0) fail(bad)
  return out
}

const args = parseArgs(process.argv.slice(2))
if (E.isLeft(args)) fail([args.left, usage])
const { file, plan: planFile, k } = args.right

const read = readJsonFile(file)
if (E.isLeft(read)) fail([read.left])

// #region explain
const problem = decodeProblem(read.right)
if (E.isLeft(problem)) fail([`${file}: not a valid problem`, ...Issue.render(problem.left)])
let plan: Plan.Plan
if (planFile === undefined) plan = Solve.solve(problem.right)
else {
  const planJson = readJsonFile(planFile)
  if (E.isLeft(planJson)) fail([planJson.left])
  const given = Solve.planOf(problem.right, assignmentsOf(planFile, planJson.right))
  if (E.isLeft(given)) fail([`${planFile}: the plan does not fit the problem`, ...Issue.render(given.left)])
  plan = given.right
}
const explanation = Explain.explain(problem.right, plan, k === undefined ? {} : { k })
if (E.isLeft(explanation)) fail(Issue.render(explanation.left))
console.log(JSON.stringify(Explain.encodeExplanation(explanation.right), null, 2))
// #endregion explain
