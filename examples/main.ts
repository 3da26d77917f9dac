/**
 * The main example (`npm run example`): the built-in sample of a Dutch municipality — its
 * pool of people and the requests it faces in 2027 — decoded and printed as readable tables.
 */
import { Issue, Problem, Sample } from 'wendbaar'

// #region decode
const decoded = Problem.decodeProblem(Sample.sampleProblemJson)
if (decoded._tag === 'Left') {
  console.error(Issue.render(decoded.left).join('\n'))
  process.exit(1)
}
const problem = decoded.right
// #endregion decode

const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: ReadonlyArray<string>) =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

const topQualities = (m: Problem.Member): string =>
  Object.keys(m.qualities)
    .map((q) => [q, m.qualities[q] ?? 0] as const)
    .filter(([, level]) => level >= 4)
    .sort(([qa, a], [qb, b]) => b - a || (qa < qb ? -1 : qa > qb ? 1 : 0))
    .slice(0, 3)
    .map(([q, level]) => `${q} ${level}`)
    .join(', ')

const free = problem.members.reduce((n, m) => n + m.capacity - m.committed, 0)
const demand = problem.requests.reduce((n, r) => n + r.slots.reduce((k, s) => k + s.hours, 0), 0)

console.log(`The pool: ${problem.members.length} people, ${free} of ${problem.members.reduce((n, m) => n + m.capacity, 0)} hours a week still free\n`)
console.log(
  table(
    ['id', 'name', 'disciplines', 'hours free', 'units', 'strongest qualities (4–5)'],
    problem.members.map((m) => [
      m.id,
      m.name,
      m.disciplines.join(', '),
      `${m.capacity - m.committed}/${m.capacity}`,
      m.units === null ? 'all' : m.units.join(', '),
      topQualities(m),
    ]),
  ),
)

console.log(`\nThe requests of 2027: ${problem.requests.length} requests asking ${demand} hours a week in role slots\n`)
console.log(
  table(
    ['id', 'title', 'priority', 'unit', 'period', 'role slots (hours a week)'],
    problem.requests.map((r) => [
      r.id,
      r.title,
      String(r.priority),
      r.unit ?? 'any',
      `${r.period.from} – ${r.period.to}`,
      r.slots.map((s) => `${s.discipline === null ? s.role : `${s.role}:${s.discipline}`} ${s.hours}`).join(', '),
    ]),
  ),
)

const byId = new Map(problem.members.map((m) => [m.id as string, m.name]))
console.log('\nFixed decisions and constraints')
for (const p of problem.pinned) console.log(`  pinned:   ${byId.get(p.member)} on ${p.slot}`)
for (const p of problem.previous) console.log(`  previous: ${byId.get(p.member)} on ${p.slot} (keeping it earns a bonus)`)
for (const [a, b] of problem.apart) console.log(`  apart:    ${byId.get(a)} and ${byId.get(b)} never serve on the same request`)
for (const r of problem.requests) {
  if (r.excluded.length > 0) console.log(`  excluded: ${r.excluded.map((m) => byId.get(m)).join(', ')} from ${r.id}`)
}
