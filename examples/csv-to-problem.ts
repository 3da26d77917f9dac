/**
 * Your own data in: a spreadsheet of people and one of requests, as CSV, turned into a staffing
 * problem, decoded and solved.
 *
 *   npx tsx examples/csv-to-problem.ts [people.csv requests.csv [extras.json]] [--json]
 *
 * Without files it reads `examples/data/` (a small fictional municipality). `people.csv` has a
 * row per person — id, name, disciplines, FTE, committed hours, units, periods away, goals —
 * and one column per quality (the competence matrix, levels 0..5). `requests.csv` has a row per
 * request with the hours a week of each role it needs, and its content slots as
 * `discipline hours` pairs. `extras.json` holds what a spreadsheet holds badly: the history of
 * past teams, pins, the previous plan and the policy. The problem is decoded (issues are printed
 * with the CSV line they come from) and solved, and the teams are printed; with `--json` the
 * problem JSON is printed instead, for `examples/solve-file.ts`. No dependency beyond the
 * library: the CSV parser is the few lines below. docs/your-data.md walks through it.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { Catalogue, decodeProblem, Issue, solve } from 'wendbaar'

// -------------------------------------------------------------------------------------
// CSV
// -------------------------------------------------------------------------------------

/** One CSV record: its 1-based line number in the file and its cells by column name. */
export interface Row {
  readonly line: number
  readonly cells: Readonly<Record<string, string>>
}

// #region csv
/**
 * Parses CSV text (RFC 4180: quoted cells may hold the delimiter, line breaks and `""` for a
 * quote) into records keyed by the header row. The delimiter is `,`, or `;` when the header has
 * semicolons and no commas — as Excel writes CSV in a Dutch locale. Blank lines are skipped.
 */
export const parseCsv = (text: string): E.Either<string, ReadonlyArray<Row>> => {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text // a byte order mark
  const firstLine = body.split(/\r?\n/, 1)[0] ?? ''
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ','
  const records: Array<{ line: number; cells: Array<string> }> = []
  let cells: Array<string> = []
  let cell = ''
  let quoted = false
  let line = 1
  let start = 1 // the line the current record starts on
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else {
        if (c === '\n') line++
        cell += c
      }
    } else if (c === '"' && cell === '') quoted = true
    else if (c === delimiter) cells.push(cell), (cell = '')
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++
      cells.push(cell)
      if (cells.some((x) => x.trim() !== '')) records.push({ line: start, cells })
      cells = []
      cell = ''
      start = ++line
    } else cell += c
  }
  if (quoted) return E.left(`line ${start}: a quoted cell is not closed`)
  cells.push(cell)
  if (cells.some((x) => x.trim() !== '')) records.push({ line: start, cells })
  const [header, ...rest] = records
  if (header === undefined) return E.left('the file is empty')
  const names = header.cells.map((h) => h.trim())
  const long = rest.find((r) => r.cells.length > names.length)
  if (long !== undefined) return E.left(`line ${long.line}: ${long.cells.length} cells, the header has ${names.length}`)
  return E.right(rest.map((r) => ({ line: r.line, cells: Object.fromEntries(names.map((n, k) => [n, (r.cells[k] ?? '').trim()])) })))
}
// #endregion csv

/** A cell's list: `a;b` (or `a|b`), trimmed, empty parts dropped. */
const list = (cell: string | undefined): Array<string> =>
  (cell ?? '').split(/[;|]/).map((s) => s.trim()).filter((s) => s !== '')

/** A number, with a decimal point or a Dutch decimal comma; anything else is passed on as text for the decoder to report. */
const number = (cell: string | undefined): number | string => {
  const s = (cell ?? '').trim().replace(',', '.')
  return s !== '' && Number.isFinite(Number(s)) ? Number(s) : (cell ?? '')
}

// -------------------------------------------------------------------------------------
// people.csv → members
// -------------------------------------------------------------------------------------

// #region conventions
/** Hours in a full-time week (the 36-hour week of Dutch municipalities): 0.8 FTE = 28.8 h. */
export const HOURS_PER_FTE = 36
/** The planning horizon: availability windows are cut from it around the periods away. */
export const HORIZON = { from: '2027-01-01', to: '2027-12-31' } as const
// #endregion conventions

/** The columns of people.csv that are not qualities; every other column is a quality, 0..5. */
const personColumns = ['id', 'name', 'disciplines', 'fte', 'committed', 'units', 'away', 'goals']

const addDays = (iso: string, days: number): string => {
  const [y, m, d] = iso.split('-').map(Number)
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10)
}

// #region away
/**
 * Availability windows from periods away (`2027-05-01..2027-07-31;…`): the horizon with those
 * periods cut out. No periods away: no windows at all (`undefined`: always available).
 */
export const windows = (away: ReadonlyArray<string>): Array<{ from: string; to: string }> | undefined => {
  if (away.length === 0) return undefined
  const gaps = away.map((p) => p.split('..').map((s) => s.trim())).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1))
  const out: Array<{ from: string; to: string }> = []
  let from: string = HORIZON.from
  for (const [gapFrom = '', gapTo = ''] of gaps) {
    if (gapFrom > from) out.push({ from, to: addDays(gapFrom, -1) })
    if (gapTo >= from) from = addDays(gapTo, 1)
  }
  if (from <= HORIZON.to) out.push({ from, to: HORIZON.to })
  return out
}
// #endregion away

// #region member
/** A row of people.csv as a member of the problem JSON. */
export const member = (row: Row): Record<string, unknown> => {
  const c = row.cells
  const fte = number(c['fte'])
  const qualities = Object.fromEntries(
    Object.entries(c)
      .filter(([column, level]) => !personColumns.includes(column) && level !== '') // blank: level 0
      .map(([column, level]) => [column, number(level)]),
  )
  const units = list(c['units'])
  const available = windows(list(c['away']))
  return {
    id: c['id'],
    name: c['name'],
    disciplines: list(c['disciplines']), // the first is the primary discipline
    qualities,
    capacity: typeof fte === 'number' ? Math.round(fte * HOURS_PER_FTE * 100) / 100 : fte, // 0.8 → 28.8
    committed: c['committed'] === '' ? 0 : number(c['committed']), // standing work, hours a week
    ...(units.length > 0 ? { units } : {}), // none listed: serves every unit
    ...(available === undefined ? {} : { available }),
    goals: list(c['goals']),
  }
}
// #endregion member

// -------------------------------------------------------------------------------------
// requests.csv → requests
// -------------------------------------------------------------------------------------

/** The role columns of requests.csv: hours a week (blank: the request does not need the role). */
const roleColumns = ['direction', 'budget', 'politics', 'network'] as const

// #region request
/** A row of requests.csv as a request of the problem JSON, with its role slots. */
export const request = (row: Row): Record<string, unknown> => {
  const c = row.cells
  const id = c['id'] ?? ''
  const slots = [
    ...roleColumns.filter((role) => (c[role] ?? '') !== '').map((role) => ({ id: `${id}/${role}`, role, hours: number(c[role]) })),
    // `content` holds `discipline hours` pairs: one content slot per discipline
    ...list(c['content']).map((pair) => {
      const [discipline = '', hours] = pair.split(/\s+/)
      return { id: `${id}/content-${discipline}`, role: 'content', hours: number(hours), discipline }
    }),
  ]
  return {
    id,
    title: c['title'],
    priority: number(c['priority'] || '1'),
    ...(c['unit'] ? { unit: c['unit'] } : {}), // blank: anyone may serve
    period: { from: c['from'], to: c['to'] },
    slots,
  }
}
// #endregion request

// -------------------------------------------------------------------------------------
// the problem
// -------------------------------------------------------------------------------------

/** The problem JSON built from the CSV files, and where each member and request came from. */
export interface Converted {
  readonly problem: Record<string, unknown>
  /** `members[i]` → its line in people.csv, `requests[i]` → its line in requests.csv. */
  readonly where: (path: string) => string | null
}

// #region problem
/** The problem JSON from the two CSV texts and the extras (history, pins, previous plan, policy). */
export const csvToProblem = (peopleCsv: string, requestsCsv: string, extras: object = {}): E.Either<string, Converted> => {
  const people = parseCsv(peopleCsv)
  if (E.isLeft(people)) return E.left(`people.csv: ${people.left}`)
  const requests = parseCsv(requestsCsv)
  if (E.isLeft(requests)) return E.left(`requests.csv: ${requests.left}`)
  const problem = {
    roles: Catalogue.toProblemRoles(Catalogue.defaultCatalogue, 'en'), // direction, budget, politics, content, network
    members: people.right.map(member),
    requests: requests.right.map(request),
    ...extras,
  }
  const where = (path: string): string | null => {
    const m = /^(members|requests)\[(\d+)\]/.exec(path)
    const rows = m?.[1] === 'members' ? people.right : requests.right
    const row = m === null ? undefined : rows[Number(m[2])]
    return row === undefined ? null : `${m?.[1] === 'members' ? 'people' : 'requests'}.csv line ${row.line}`
  }
  return E.right({ problem, where })
}
// #endregion problem

// -------------------------------------------------------------------------------------
// main
// -------------------------------------------------------------------------------------

const main = (): void => {
  const args = process.argv.slice(2).filter((a) => a !== '--json')
  const data = (name: string) => fileURLToPath(new URL(`./data/${name}`, import.meta.url))
  const [peopleFile = data('people.csv'), requestsFile = data('requests.csv'), extrasFile = args.length === 0 ? data('extras.json') : undefined] = args
  const converted = csvToProblem(
    readFileSync(peopleFile, 'utf8'),
    readFileSync(requestsFile, 'utf8'),
    extrasFile === undefined ? {} : (JSON.parse(readFileSync(extrasFile, 'utf8')) as object),
  )
  if (E.isLeft(converted)) {
    console.error(converted.left)
    process.exit(1)
  }
  const { problem, where } = converted.right
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(problem, null, 2))
    return
  }
  // #region decode
  const decoded = decodeProblem(problem)
  if (E.isLeft(decoded)) {
    // members[1].capacity: expected a finite number > 0, got a string (type)  ← people.csv line 3
    for (const [k, text] of Issue.render(decoded.left).entries()) {
      const at = where(decoded.left[k]?.path ?? '')
      console.error(at === null ? text : `${text}  ← ${at}`)
    }
    process.exit(1)
  }
  const plan = solve(decoded.right, { seed: 1 })
  // #endregion decode

  const members = decoded.right.members
  const name = new Map(members.map((m) => [m.id as string, m.name]))
  const holder = new Map(plan.assignments.map((a) => [a.slot as string, a.member as string]))
  const hours = members.reduce((n, m) => n + m.capacity - m.committed, 0)
  console.log(`${members.length} people (${hours.toFixed(1)} free hours a week), ${decoded.right.requests.length} requests\n`)
  for (const r of decoded.right.requests) {
    console.log(`${r.title} — priority ${r.priority}, ${r.unit ?? 'any unit'}, ${r.period.from} – ${r.period.to}`)
    for (const s of r.slots) {
      const who = holder.get(s.id)
      const role = s.discipline === null ? s.role : `${s.role} (${s.discipline})`
      console.log(`  ${role.padEnd(28)} ${String(s.hours).padStart(2)} h  ${who === undefined ? '— open —' : `${name.get(who)} (${who})`}`)
    }
  }
  for (const u of plan.unfilled) {
    console.log(`\nOpen: ${u.slot}`)
    for (const reason of u.reasons) console.log(`  ${String(reason.count).padStart(2)} × ${reason.constraint}: ${reason.detail}`)
  }
  console.log(`\nFilled priority ${plan.score.filled}, soft ${plan.score.soft.toFixed(2)}, ${plan.status}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main()
