/**
 * Bench: decoding a national-size staffing problem.
 *
 * Builds a 100,000-member problem in memory with a seeded PRNG (about 80,000 slots over
 * 20,000 requests), round-trips it through JSON.stringify/JSON.parse, and times
 * `decodeProblem` with `performance.now`. Prints a one-line table.
 *
 * Run: `npx tsx bench/decode.ts [members]`
 */
import { performance } from 'node:perf_hooks'
import { Problem } from 'wendbaar'

/** mulberry32: a small seeded PRNG. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296
}

const build = (members: number, seed: number): unknown => {
  const rnd = prng(seed)
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(rnd() * xs.length)] as A
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const qualities = [
    'leadership',
    'finance',
    'politics',
    'content',
    'network',
    'writing',
    'data',
    'law',
  ]
  const disciplines = ['finance', 'law', 'policy', 'social', 'it', 'spatial', 'health', 'comms']
  const units = [
    'utrecht',
    'amsterdam',
    'rotterdam',
    'den-haag',
    'groningen',
    'zwolle',
    'arnhem',
    'tilburg',
  ]
  const roleIds = ['direction', 'budget', 'politics', 'content', 'network']
  const roles = roleIds.map((id, i) => ({
    id,
    name: id,
    qualities: [
      { quality: qualities[i] as string, min: int(1, 3), weight: int(1, 3) },
      { quality: qualities[i + 3] as string, min: 0, weight: 1 },
    ],
  }))
  const day = (m: number, d: number) =>
    `2027-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  const pool = []
  for (let i = 0; i < members; i++) {
    const q: Record<string, number> = {}
    for (const name of qualities) if (rnd() < 0.6) q[name] = int(0, 5)
    pool.push({
      id: `m${i}`,
      name: `Member ${i}`,
      disciplines: [pick(disciplines), pick(disciplines)],
      qualities: q,
      capacity: pick([16, 24, 32, 36, 40]),
      committed: int(0, 8),
      ...(rnd() < 0.5 ? { units: [pick(units), pick(units)] } : {}),
      ...(rnd() < 0.3 ? { available: [{ from: day(1, 1), to: day(int(6, 12), 28) }] } : {}),
      preferences: { [pick(roleIds)]: int(-2, 2) },
      goals: rnd() < 0.3 ? [pick(qualities)] : [],
    })
  }
  const requests = []
  const requestCount = Math.round(members / 5)
  for (let r = 0; r < requestCount; r++) {
    const from = int(1, 6)
    const slots = []
    for (let k = 0; k < 4; k++) {
      const role = pick(roleIds)
      slots.push({
        id: `r${r}/${k}-${role}`,
        role,
        hours: pick([4, 8, 12, 16]),
        ...(role === 'content' ? { discipline: pick(disciplines) } : {}),
      })
    }
    requests.push({
      id: `r${r}`,
      title: `Request ${r}`,
      priority: int(1, 5),
      ...(rnd() < 0.5 ? { unit: pick(units) } : {}),
      period: { from: day(from, 1), to: day(from + int(0, 6), 28) },
      excluded: rnd() < 0.1 ? [`m${int(0, members - 1)}`] : [],
      slots,
    })
  }
  const history = []
  for (let h = 0; h < members / 10; h++) {
    history.push({
      request: `old-${h}`,
      members: [`m${int(0, members - 1)}`, `m${int(0, members - 1)}`],
      ended: day(int(1, 12), 15).replace('2027', '2026'),
    })
  }
  const apart = []
  for (let a = 0; a < members / 100; a++) {
    const x = int(0, members - 1)
    apart.push([`m${x}`, `m${(x + 1) % members}`])
  }
  return {
    roles,
    members: pool,
    requests,
    history,
    pinned: [],
    previous: [],
    apart,
    policy: { rotationSince: '2026-06-01' },
  }
}

const members = Number(process.argv[2] ?? 100_000)
const json = JSON.stringify(build(members, 42))
const p0 = performance.now()
const input = JSON.parse(json) as unknown
const parseMs = performance.now() - p0
const wall: Array<number> = []
const cpu: Array<number> = []
let slots = 0
let ok = false
for (let run = 0; run < 3; run++) {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const result = Problem.decodeProblem(input)
  wall.push(performance.now() - t0)
  const c = process.cpuUsage(c0)
  cpu.push((c.user + c.system) / 1000)
  ok = result._tag === 'Right'
  if (result._tag === 'Right') slots = result.right.requests.reduce((n, r) => n + r.slots.length, 0)
  else console.log(result.left.slice(0, 5))
}
// Wall time is what a user waits; CPU time is less disturbed by other load on the machine.
const row = [
  members,
  slots,
  (json.length / 1e6).toFixed(1),
  parseMs.toFixed(0),
  ok,
  Math.min(...wall).toFixed(0),
  Math.min(...cpu).toFixed(0),
]
console.log(
  '| members | slots | JSON MB | JSON.parse ms | valid | decode wall ms (best of 3) | decode CPU ms (best of 3) |',
)
console.log(`| ${row.join(' | ')} |`)
