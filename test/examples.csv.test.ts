/**
 * `examples/csv-to-problem.ts` on the committed CSV files of `examples/data/`: the conversion
 * the your-data guide walks through gives a problem that decodes, with the members, capacities,
 * availability windows and slots the spreadsheets describe; its CSV parser and its mapping of
 * issues back to CSV lines.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeProblem, Issue, solve } from 'wendbaar'
import { csvToProblem, HORIZON, parseCsv, windows } from '../examples/csv-to-problem.js'

const data = (name: string) => readFileSync(fileURLToPath(new URL(`../examples/data/${name}`, import.meta.url)), 'utf8')
const people = data('people.csv')
const requests = data('requests.csv')
const extras = JSON.parse(data('extras.json')) as object

const convert = (p = people, r = requests, x: object = extras) => {
  const converted = csvToProblem(p, r, x)
  if (E.isLeft(converted)) throw new Error(converted.left)
  return converted.right
}

describe('examples/csv-to-problem.ts on examples/data', () => {
  const { problem } = convert()
  const decoded = decodeProblem(problem)

  it('gives a problem that decodes, with every person and every slot of the spreadsheets', () => {
    expect(Issue.render(E.isLeft(decoded) ? decoded.left : [])).toEqual([])
    if (E.isLeft(decoded)) return
    const p = decoded.right
    expect(p.members.map((m) => m.id)).toEqual(['p01', 'p02', 'p03', 'p04', 'p05', 'p06', 'p07', 'p08', 'p09', 'p10', 'p11', 'p12'])
    expect(p.requests.map((r) => r.id)).toEqual(['schuldhulp-online', 'speelplekken-zuid', 'warmtenet-noord'])
    expect(p.requests.flatMap((r) => r.slots.map((s) => s.id))).toEqual([
      'schuldhulp-online/budget',
      'schuldhulp-online/content-ict',
      'schuldhulp-online/content-law',
      'schuldhulp-online/content-social-domain',
      'schuldhulp-online/direction',
      'schuldhulp-online/politics',
      'speelplekken-zuid/budget',
      'speelplekken-zuid/content-social-domain',
      'speelplekken-zuid/content-spatial-planning',
      'speelplekken-zuid/direction',
      'speelplekken-zuid/network',
      'warmtenet-noord/budget',
      'warmtenet-noord/content-finance',
      'warmtenet-noord/content-spatial-planning',
      'warmtenet-noord/direction',
      'warmtenet-noord/network',
      'warmtenet-noord/politics',
    ])
    expect(p.roles.map((r) => r.id)).toEqual(['budget', 'content', 'direction', 'network', 'politics'])
    // the extras came along
    expect(p.pinned).toEqual([{ member: 'p10', slot: 'warmtenet-noord/direction' }])
    expect(p.history.map((h) => h.request)).toEqual(['omgevingsplan-2025', 'wijkteams-2026'])
    expect(p.policy.rotationSince).toBe('2026-01-01')
  })

  it('reads FTE as hours on a 36-hour week, and committed hours, units, goals and the competence matrix per person', () => {
    if (E.isLeft(decoded)) throw new Error('not decoded')
    const byId = new Map(decoded.right.members.map((m) => [m.id as string, m]))
    const ahmed = byId.get('p02')
    expect(ahmed?.name).toBe('Ahmed El Idrissi')
    expect(ahmed?.capacity).toBe(28.8) // 0.8 FTE
    expect(ahmed?.committed).toBe(4)
    expect(ahmed?.units).toEqual(['noord', 'zuid'])
    expect(byId.get('p03')?.capacity).toBe(21.6) // 0.6 FTE
    expect(byId.get('p12')?.capacity).toBe(18) // 0.5 FTE
    expect(byId.get('p01')?.units).toBeNull() // no units: every unit
    expect(byId.get('p01')?.disciplines).toEqual(['policy', 'social-domain']) // primary first
    expect(byId.get('p01')?.goals).toEqual(['networking'])
    expect(byId.get('p07')?.qualities).toEqual({
      analysis: 4,
      collaboration: 3,
      communication: 2,
      expertise: 3,
      'financial-acumen': 5,
      leadership: 2,
      networking: 2,
      'political-sensitivity': 2,
    })
  })

  it('turns periods away into availability windows around them, within the horizon', () => {
    if (E.isLeft(decoded)) throw new Error('not decoded')
    const byId = new Map(decoded.right.members.map((m) => [m.id as string, m]))
    expect(byId.get('p03')?.available).toEqual([
      { from: '2027-01-01', to: '2027-04-30' },
      { from: '2027-08-01', to: '2027-12-31' },
    ])
    expect(byId.get('p01')?.available).toBeNull() // never away: always available
    expect(windows(['2027-01-01..2027-01-31', '2027-12-01..2027-12-31'])).toEqual([{ from: '2027-02-01', to: '2027-11-30' }])
    expect(windows(['2026-06-01..2027-12-31'])).toEqual([]) // away for the whole horizon
    expect(windows(['2028-01-01..2028-03-31'])).toEqual([{ ...HORIZON }]) // away after it
  })

  it('gives a problem the solver staffs: every slot filled but the ICT content slot nobody has the discipline for', () => {
    if (E.isLeft(decoded)) throw new Error('not decoded')
    const plan = solve(decoded.right, { seed: 1 })
    expect(plan.unfilled.map((u) => u.slot)).toEqual(['schuldhulp-online/content-ict'])
    expect(plan.unfilled[0]?.reasons).toEqual([
      { constraint: 'quality', count: 1, detail: 'expertise < 3' }, // Youssef Amrani (p12)
      { constraint: 'discipline', count: 11, detail: 'discipline ict missing' },
    ])
    expect(plan.status).toBe('optimal')
    expect(plan.assignments).toContainEqual({ slot: 'warmtenet-noord/direction', member: 'p10' }) // the pin
    // Lotte (law, away May–July) cannot serve on the debt-help team, which runs into her leave
    expect(plan.assignments.filter((a) => a.member === 'p03')).toEqual([])
  })

  it("maps a decoding issue back to the CSV line it comes from", () => {
    const badPeople = people.replace('p02,Ahmed El Idrissi,finance,0.8,', 'p02,Ahmed El Idrissi,finance,0.8x,')
    const { problem: bad, where } = convert(badPeople)
    const result = decodeProblem(bad)
    expect(E.isLeft(result)).toBe(true)
    if (E.isRight(result)) return
    const capacity = result.left.find((i) => i.path === 'members[1].capacity')
    expect(capacity).toBeDefined()
    expect(where('members[1].capacity')).toBe('people.csv line 3')
    expect(where('requests[2].slots[0].hours')).toBe('requests.csv line 4')
    expect(where('pinned[0]')).toBeNull()
  })
})

describe('parseCsv', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks, and numbers the lines', () => {
    const parsed = parseCsv('id,title\r\na,"one, two"\r\n\r\nb,"say ""hi""\nthere"\nc,\n')
    expect(parsed).toEqual(
      E.right([
        { line: 2, cells: { id: 'a', title: 'one, two' } },
        { line: 4, cells: { id: 'b', title: 'say "hi"\nthere' } },
        { line: 6, cells: { id: 'c', title: '' } },
      ]),
    )
  })

  it('reads the semicolon-separated CSV of a Dutch Excel, decimal commas included', () => {
    const dutch = 'id;name;disciplines;fte;committed;leadership\r\nx1;Els;"law;finance";0,8;4,5;3\r\n'
    const requestsCsv = 'id,title,priority,unit,from,to,direction\nr,R,1,,2027-01-01,2027-02-01,4\n'
    const { problem } = convert(`\ufeff${dutch}`, requestsCsv, {}) // with the byte order mark Excel writes
    const decoded = decodeProblem(problem)
    expect(E.isRight(decoded)).toBe(true)
    if (E.isLeft(decoded)) return
    expect(decoded.right.members[0]).toMatchObject({ id: 'x1', disciplines: ['law', 'finance'], capacity: 28.8, committed: 4.5, qualities: { leadership: 3 } })
  })

  it('says where a file is broken: an unclosed quote, a row longer than the header, an empty file', () => {
    expect(parseCsv('a,b\n1,"2\n')).toEqual(E.left('line 2: a quoted cell is not closed'))
    expect(parseCsv('a,b\n1,2\n1,2,3\n')).toEqual(E.left('line 3: 3 cells, the header has 2'))
    expect(parseCsv('\n\n')).toEqual(E.left('the file is empty'))
    expect(csvToProblem('a,b\n1,2,3\n', 'id\n')).toEqual(E.left('people.csv: line 2: 3 cells, the header has 2'))
  })
})
