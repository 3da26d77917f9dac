/**
 * Golden scenarios: each `test/golden/<name>.problem.json` is solved with the default options
 * and must give the hand-checked `<name>.plan.json` (the derivation of every number is in the
 * comments below). Assignments and reasons must match exactly, numbers to 1e-9; `stats` are
 * solver counters and are not compared. The CLI example gives the same plan.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { encodePlan } from '../src/staffing/Plan.js'
import { solve } from '../src/pipeline/Solve.js'
import { decode } from './support/staffing.js'

// team-of-three: lead → ann (fit 10·(2·4+1·3)/15 = 7.333…, preference 2·2 = 4) or bob (fit 4,
//   learning 3·1/3 = 1); money → bob (fit 10·4/5 = 8) or cas (6); no law member for content.
//   ann+bob: 7.333 + 8 + 4 + diversity 2·2 − balance 5·(30+8−34)/40 = 22.833 (best);
//   ann+cas: 7.333 + 6 + 4 + 4 = 21.333; bob+cas: 4 + 6 + 1 + 2 − 0.5 = 12.5.
// over-time: c (10 h free) cannot take 12 h slots; q1/y needs ict (only c). b (+1 for r) takes
//   q1/x and q3/x (never at the same time); q2/x → c: continuity 5 − balance 5·6/40 = 4.25
//   beats a (0); b cannot take it (12 + 10 > 20 beside q1 or q3). Diversity 3 teams · 2.
// apart-and-pins: a is pinned on q1/s1, c is apart from a, so q1 takes b (law, on s2) and d;
//   the finance slot s4 is only c's. a–b served together recently: rotation −3. c goes to q2
//   (preference 2·2). Diversity: q1 {law, ict} 2·2 + q2 {finance} 2.

const dir = fileURLToPath(new URL('./golden/', import.meta.url))
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.problem.json'))
  .map((f) => f.slice(0, -'.problem.json'.length))
  .sort()

const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'))

/** Deep equality with numbers compared to 1e-9 (relative), ignoring `stats`. */
const same = (got: unknown, want: unknown, path = ''): Array<string> => {
  if (typeof want === 'number' && typeof got === 'number')
    return Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)) ? [] : [`${path}: ${got} ≠ ${want}`]
  if (Array.isArray(want) && Array.isArray(got)) {
    if (want.length !== got.length) return [`${path}: length ${got.length} ≠ ${want.length}`]
    return want.flatMap((w, i) => same(got[i], w, `${path}[${i}]`))
  }
  if (want !== null && typeof want === 'object' && got !== null && typeof got === 'object') {
    const w = want as Record<string, unknown>
    const g = got as Record<string, unknown>
    const keys = Object.keys(w).filter((k) => k !== 'stats')
    const extra = Object.keys(g).filter((k) => k !== 'stats' && !(k in w))
    return [...extra.map((k) => `${path}.${k}: unexpected`), ...keys.flatMap((k) => same(g[k], w[k], `${path}.${k}`))]
  }
  return Object.is(got, want) ? [] : [`${path}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`]
}

describe('golden scenarios', () => {
  it('has scenarios', () => {
    expect(names.length).toBeGreaterThanOrEqual(3)
  })

  it.each(names)('%s', (name) => {
    const plan = encodePlan(solve(decode(read(`${name}.problem.json`))))
    expect(same(JSON.parse(JSON.stringify(plan)), read(`${name}.plan.json`))).toEqual([])
  })

  it('examples/solve-file.ts prints the same plan', () => {
    const name = names[0] as string
    const root = fileURLToPath(new URL('..', import.meta.url))
    const out = execFileSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'examples/solve-file.ts'), join(dir, `${name}.problem.json`)],
      { cwd: root, encoding: 'utf8' },
    )
    expect(same(JSON.parse(out), read(`${name}.plan.json`))).toEqual([])
  })
})
