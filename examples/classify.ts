/**
 * Classify the requests at a Dutch municipality's intake desk (`npx tsx examples/classify.ts`).
 *
 * Each request comes with the answers to the sense-making questions (see docs/classification.md). Intake
 * classifies it by predictability and complexity, routes standard work to standing teams,
 * sends requests with open questions back, and derives the role slots of a temporary pool
 * team for the rest — the first half of the main example.
 *
 * `table(header, rows)` and `score(x)` are exported for other examples (`examples/main.ts`).
 */
import { pathToFileURL } from 'node:url'
import { Catalogue, Classification, Intake, Issue, Problem, Rules, SampleRequests } from 'wendbaar'

/** Renders rows under a header as a plain-text table, columns padded to their widest cell. */
export const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: ReadonlyArray<string>) =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/** A classification score with two decimals, or `—` when there is none. */
export const score = (x: number | null): string => (x === null ? '—' : x.toFixed(2))
const borderline = (c: Classification.Classification): string =>
  c.borderline === null
    ? ''
    : `${c.borderline.axes.map((a) => (a === 'predictability' ? 'P' : 'C')).join('+')} → ${c.borderline.alternative}`
const roleOrder = ['direction', 'budget', 'politics', 'network', 'content']
const roles = (slots: ReadonlyArray<Rules.DerivedSlot>): string => {
  const ids = [...new Set(slots.map((s) => s.role))].sort(
    (a, b) => (roleOrder.indexOf(a) + 1 || 99) - (roleOrder.indexOf(b) + 1 || 99) || (a < b ? -1 : 1),
  )
  return ids
    .map((role) => {
      const own = slots.filter((s) => s.role === role)
      const disciplines = own.flatMap((s) => (s.discipline === null ? [] : [s.discipline]))
      return disciplines.length === 0 ? role : `${role} (${disciplines.join(', ')})`
    })
    .join(', ')
}
const hoursOf = (slots: ReadonlyArray<Rules.DerivedSlot>): string => String(slots.reduce((n, s) => n + s.hours, 0))

const main = (): void => {
  // #region intake
  const result = Intake.run(SampleRequests.sampleIntakeJson)
  if (result._tag === 'Left') {
    console.error(Issue.render(result.left).join('\n'))
    process.exit(1)
  }
  const { standard, unclassified, staffed, problem } = result.right
  // #endregion intake

  const rows = [
    ...staffed.map((s) => ({ ...s, hours: hoursOf(s.slots), roles: roles(s.slots) })),
    ...standard.map((s) => ({ ...s, hours: '', roles: '— standing team' })),
    ...unclassified.map((s) => ({
      ...s,
      hours: '',
      roles: `— answer first: ${s.classification.unanswered.map((q) => q.indicator).join(', ')}`,
    })),
  ].sort((a, b) => (a.request.id < b.request.id ? -1 : a.request.id > b.request.id ? 1 : 0))

  console.log('Intake: every request classified by predictability (P) and complexity (C); borderline: the axes within\nthe margin of the threshold → the alternative mode; h/wk: hours a week of the derived role slots\n')
  console.log(
    table(
      ['request', 'mode', 'P', 'C', 'borderline', 'h/wk', 'roles'],
      rows.map((r) => [
        r.request.id,
        r.classification.mode,
        score(r.classification.predictability),
        score(r.classification.complexity),
        borderline(r.classification),
        r.hours.padStart(4),
        r.roles,
      ]),
    ),
  )

  console.log('\nThe response pattern of each mode\n')
  console.log(
    table(
      ['mode', 'pattern', 'what to do'],
      Classification.modes.map((m) => [m, Classification.responses[m].name.en, Classification.responses[m].description.en]),
    ),
  )

  // A borderline case goes to a person, with the evidence.
  const opvang = staffed.find((s) => s.request.id === 'opvang-zuid')
  if (opvang !== undefined) {
    console.log(`\nWhy is "${opvang.request.title}" ${opvang.classification.mode}? The evidence:\n`)
    console.log(
      table(
        ['indicator', 'axis', 'answer', 'contribution'],
        opvang.classification.evidence.map((e) => [e.indicator, e.axis, String(e.answer), e.contribution.toFixed(4)]),
      ),
    )
    console.log(`\n${Classification.summary('en')(opvang.classification)}: a person decides.`)
  }

  console.log('\nThe rules that derived the roles\n')
  console.log(
    table(
      ['rule', 'role', 'when', 'per'],
      Rules.defaultRules.map((r) => [r.id, r.role, Rules.show(r.when), r.per ?? '']),
    ),
  )

  const hours = problem.requests.reduce((n, r) => n + r.slots.reduce((k, s) => k + s.hours, 0), 0)
  const decoded = Problem.decodeProblem(problem)
  console.log(
    `\nStaffing problem: ${problem.requests.length} requests, ${problem.requests.flatMap((r) => r.slots).length} slots, ` +
      `${hours} hours a week, ${Catalogue.roleIds(Catalogue.defaultCatalogue).length} roles, ${problem.members.length} people — ` +
      (decoded._tag === 'Right' ? 'ready for the solver.' : `not valid:\n${Issue.render(decoded.left).join('\n')}`),
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main()
