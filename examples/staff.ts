/**
 * Staff the built-in sample: the municipality's pool of forty people on the role slots of its
 * eight requests, printed as a team per request — each member with their role, fit and hours —
 * then the slots left open with the reasons, and the score against the solver's bound.
 *
 *   npx tsx examples/staff.ts
 *
 * `printStaffing(plan, problem)` is exported for other examples (`examples/main.ts`).
 */
import { pathToFileURL } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { decodeProblem, Eligibility, Issue, Sample, Solve, type Plan, type Problem } from 'wendbaar'

const pad = (s: string, n: number): string => s.padEnd(n)
const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(2))

/** The fit of a member for a role, 0..1 (0 for a role without qualities). */
const fitOf = (role: Problem.Role | undefined, member: Problem.Member): number => {
  const total = role?.qualities.reduce((acc, q) => acc + q.weight, 0) ?? 0
  if (role === undefined || total === 0) return 0
  return role.qualities.reduce((acc, q) => acc + q.weight * Eligibility.level(member, q.quality), 0) / (5 * total)
}

/**
 * Renders a plan of `problem` as teams per request, the unfilled slots and the score line;
 * `notes` (slot id → a few words) are printed after the person on that slot.
 */
export const formatStaffing = (
  plan: Plan.Plan,
  problem: Problem.ValidProblem,
  notes: ReadonlyMap<string, string> = new Map(),
): string => {
  const roles = new Map(problem.roles.map((r) => [r.id as string, r]))
  const members = new Map(problem.members.map((m) => [m.id as string, m]))
  const memberOf = new Map(plan.assignments.map((a) => [a.slot as string, a.member as string]))
  const reasonsOf = new Map(plan.unfilled.map((u) => [u.slot as string, u.reasons]))
  const roleLabel = (s: Problem.Slot): string => (s.discipline === null ? s.role : `${s.role}: ${s.discipline}`)
  const lines: Array<string> = []
  const { score, bound } = plan
  const total = problem.requests.reduce((n, r) => n + r.priority * r.slots.length, 0)
  lines.push(
    `Staffing plan: ${plan.assignments.length} of ${plan.assignments.length + plan.unfilled.length} slots filled, ` +
      `priority ${score.filled} of ${total}, soft score ${num(score.soft)}` +
      (bound === null ? '' : ` (bound: priority ${bound.filled}, soft ${num(bound.soft)})`),
  )
  for (const r of problem.requests) {
    lines.push('')
    lines.push(
      `${r.title} [${r.id}] — priority ${r.priority}, ${r.unit ?? 'any unit'}, ${r.period.from} – ${r.period.to}`,
    )
    const slots = [...r.slots].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const width = Math.max(...slots.map((s) => roleLabel(s).length))
    for (const s of slots) {
      const id = memberOf.get(s.id)
      const m = id === undefined ? undefined : members.get(id)
      const who =
        m === undefined
          ? '— open —'
          : `${pad(`${m.name} (${m.id})`, 28)} fit ${fitOf(roles.get(s.role), m).toFixed(2)}` +
            (notes.has(s.id) ? `  ${notes.get(s.id)}` : '')
      lines.push(`  ${pad(roleLabel(s), width)}  ${String(s.hours).padStart(2)} h  ${who}`)
    }
  }
  lines.push('')
  if (plan.unfilled.length === 0) lines.push('Every slot is filled.')
  else {
    lines.push('Open slots, and why each member of the pool cannot fill them')
    for (const u of plan.unfilled) {
      lines.push(`  ${u.slot}`)
      for (const reason of reasonsOf.get(u.slot) ?? []) {
        lines.push(`    ${String(reason.count).padStart(3)}  ${pad(reason.constraint, 12)} ${reason.detail}`)
      }
    }
  }
  lines.push('')
  const t = score.terms
  lines.push(
    `Soft terms: fit ${num(t.fit)}, preference ${num(t.preference)}, learning ${num(t.learning)}, ` +
      `continuity ${num(t.continuity)}, diversity ${num(t.diversity)}, rotation ${num(t.rotation)}, ` +
      `balance ${num(t.balance)}`,
  )
  const proven = bound !== null && bound.filled === score.filled && bound.soft <= score.soft + 1e-9
  lines.push(proven ? 'The plan is proven optimal.' : 'The bound shows how far from optimal the plan can at most be.')
  return lines.join('\n')
}

/** Prints {@link formatStaffing} on stdout. */
export const printStaffing = (plan: Plan.Plan, problem: Problem.ValidProblem): void => {
  console.log(formatStaffing(plan, problem))
}

const main = (): void => {
  // #region staff
  const decoded = decodeProblem(Sample.sampleProblemJson)
  if (E.isLeft(decoded)) {
    console.error(Issue.render(decoded.left).join('\n'))
    process.exit(1)
  }
  const plan = Solve.solve(decoded.right, { seed: 1 })
  // #endregion staff
  printStaffing(plan, decoded.right)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main()
