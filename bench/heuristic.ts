/**
 * Scratch bench of the primal heuristic (src/internal/heuristic.ts) on generated models:
 * `npx tsx bench/heuristic.ts [size…]` with sizes S, M, L, XL (default S M). Prints, per size,
 * the model's size, compact/construct/search times, filled and soft after the construction
 * alone and after the search, the steps spent and the peak RSS.
 */
import { compact } from '../src/model/internal/compact.js'
import { improve } from '../src/solver/internal/heuristic.js'
import { heurModel, type HeurModelOptions } from '../test/support/heurModels.js'

const sizes: Record<string, HeurModelOptions> = {
  S: { members: 40, slots: 40, degree: 12, timePoints: 6 },
  M: { members: 1000, slots: 800, degree: 50, timePoints: 20 },
  Mt: { members: 1000, slots: 800, degree: 50, timePoints: 20, tightness: 0.4 },
  L: { members: 10000, slots: 8000, degree: 40, timePoints: 40, units: 10 },
  XL: { members: 100000, slots: 80000, degree: 30, timePoints: 60, units: 50 },
}
const args = process.argv.slice(2)
const effortArg = args.find((a) => a.startsWith('--effort='))
const wanted = args.filter((a) => !a.startsWith('--'))
const effort = effortArg !== undefined ? Number(effortArg.slice(9)) : 2e8
for (const name of wanted.length > 0 ? wanted : ['S', 'M']) {
  const o = sizes[name]
  if (o === undefined) continue
  let t = performance.now()
  const model = heurModel(1, o)
  const tGen = performance.now() - t
  t = performance.now()
  const c = compact(model)
  const tCompact = performance.now() - t
  t = performance.now()
  const r0 = improve(c, { effort: 0, seed: 1 })
  const tConstruct = performance.now() - t
  t = performance.now()
  const cpu0 = process.cpuUsage()
  const r = improve(c, { effort, seed: 1 })
  const tSearch = performance.now() - t
  const cpu = process.cpuUsage(cpu0)
  const tCpu = (cpu.user + cpu.system) / 1000
  let maxFilled = 0
  for (let s = 0; s < c.nSlots; s++) if (c.slotEdgeStart[s + 1]! > c.slotEdgeStart[s]!) maxFilled += c.slotPriority[s]!
  const rss = process.memoryUsage().rss / 2 ** 20
  const f = (x: number) => x.toFixed(2)
  process.stdout.write(
    `${name}: members ${c.nMembers} slots ${c.nSlots} edges ${c.nEdges} | gen ${f(tGen)} ms compact ${f(tCompact)} ms | ` +
      `construct ${f(tConstruct)} ms: filled ${f(r0.score.filled)}/${f(maxFilled)} soft ${f(r0.score.soft)} | ` +
      `| construct steps ${r0.steps} | search ${f(tSearch)} ms (cpu ${f(tCpu)} ms): filled ${f(r.score.filled)} soft ${f(r.score.soft)} steps ${r.steps} impr ${r.improvements} | rss ${f(rss)} MB\n`,
  )
}

// quality against the exact solver on S-size domain-like models: `npx tsx bench/heuristic.ts exact`
if (wanted.includes('exact')) {
  const { solveModel } = await import('../src/solver/Solver.js')
  const { evaluate } = await import('../src/model/Evaluate.js')
  const { domainLikeModel } = await import('../test/support/modelArb.js')
  let same = 0
  let n = 0
  let gapSum = 0
  let tH = 0
  for (let seed = 1; seed <= 30; seed++) {
    const model = domainLikeModel(seed, 40, 40)
    const ex = solveModel({ exact: true, effort: 5e8 })(model)
    const t = performance.now()
    const r = improve(compact(model), { effort: effort, seed })
    tH += performance.now() - t
    const es: Array<number> = []
    for (const e of r.slotEdge) if (e >= 0) es.push(e)
    const h = evaluate(model)(es)
    n++
    const eq = Math.abs(h.filled - ex.score.filled) < 1e-9 && Math.abs(h.soft - ex.score.soft) < 1e-6
    if (eq) same++
    const gap = h.filled < ex.score.filled - 1e-9 ? 100 : (ex.score.soft - h.soft) / Math.max(1, Math.abs(ex.score.soft))
    gapSum += gap
    process.stdout.write(
      `seed ${seed}: exact ${ex.optimal ? 'proven' : 'open'} ${ex.score.filled}/${ex.score.soft.toFixed(3)} heur ${h.filled}/${h.soft.toFixed(3)}${eq ? '' : ' *'}\n`,
    )
  }
  process.stdout.write(`equal ${same}/${n}, mean soft gap ${((100 * gapSum) / n).toFixed(3)} %, heuristic ${(tH / n).toFixed(1)} ms each\n`)
}
