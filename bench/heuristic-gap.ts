/**
 * Scratch bench of the primal heuristic on the OR-Library GAP sets and the Yagiura files:
 * `npx tsx bench/heuristic-gap.ts [--effort=N] [files…]` prints per file the mean and worst
 * gap % to the published optimum (or best known) and the mean CPU ms per problem.
 */
import { existsSync, readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { compact } from '../src/model/internal/compact.js'
import { improve } from '../src/solver/internal/heuristic.js'
import { Assignment, Issue } from 'wendbaar/solver'
import { gapPercent, parseOptima } from './gap-data.js'

const { assignmentOf, gapToModel, objectiveOf, senseOf } = Assignment

const dir = '../shared/data/orlib-gap'
const args = process.argv.slice(2)
const effortArg = args.find((a) => a.startsWith('--effort='))
const effort = effortArg !== undefined ? Number(effortArg.slice(9)) : 2e7
const files = args.filter((a) => !a.startsWith('--'))
if (!existsSync(dir)) process.exit(0)
const optima = parseOptima(readFileSync(`${dir}/optima.csv`, 'utf8'))
if (E.isLeft(optima)) throw new Error(optima.left)
for (const name of files.length > 0 ? files : ['gap1', 'gap6', 'gap12', 'gapa', 'gapb', 'gapc', 'gapd']) {
  const parsed = Assignment.parseGap(readFileSync(`${dir}/${name}.txt`, 'utf8'))
  if (E.isLeft(parsed)) throw new Error(Issue.render(parsed.left).join('\n'))
  const sense = senseOf(name)
  let worst = 0
  let sum = 0
  let cpuSum = 0
  let infeasible = 0
  parsed.right.forEach((p, i) => {
    const row = optima.right.find((r) => r.file === `${name}.txt` && r.index === i)
    const ref = sense === 'max' ? row?.maxOptimum : (row?.minOptimum ?? row?.minBestKnown)
    const model = gapToModel(p, sense)
    const cpu0 = process.cpuUsage()
    const r = improve(compact(model), { effort, seed: 1 })
    const cpu = process.cpuUsage(cpu0)
    cpuSum += (cpu.user + cpu.system) / 1000
    const edges: Array<number> = []
    for (const e of r.slotEdge) if (e >= 0) edges.push(e)
    const agentOf = assignmentOf(model, edges)
    if (agentOf.some((a) => a < 0)) {
      infeasible++
      return
    }
    const obj = objectiveOf(p, agentOf)
    const g = ref === undefined || ref === null ? NaN : gapPercent(obj, ref, sense)
    sum += g
    if (g > worst) worst = g
  })
  const n = parsed.right.length
  process.stdout.write(
    `${name}: ${n} problems, unfilled ${infeasible}, mean gap ${(sum / n).toFixed(3)} %, worst ${worst.toFixed(3)} %, cpu ${(cpuSum / n).toFixed(0)} ms each\n`,
  )
}
