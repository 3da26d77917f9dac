/**
 * Formatting for `npm run bench`: one table, printed row by row as results come in (fixed
 * column widths, cells wider than their column simply push the line), and the same rows as
 * a markdown table at the end.
 */

/** A column: its title, its width in the plain table, and its alignment. */
export interface Column {
  readonly title: string
  readonly width: number
  readonly align: 'left' | 'right'
}

/** A row: one cell per column (missing cells print as empty). */
export type Row = ReadonlyArray<string>

const fit = (s: string, c: Column): string => (c.align === 'left' ? s.padEnd(c.width) : s.padStart(c.width))

/** One line of the plain table. */
export const plainLine = (columns: ReadonlyArray<Column>, row: Row): string =>
  columns
    .map((c, i) => fit(row[i] ?? '', c))
    .join('  ')
    .trimEnd()

/** The header of the plain table: titles and a rule. */
export const plainHeader = (columns: ReadonlyArray<Column>): string =>
  `${plainLine(
    columns,
    columns.map((c) => c.title),
  )}\n${columns.map((c) => '-'.repeat(c.width)).join('  ')}`

/** A plain section line spanning the table (e.g. "-- OR-Library GAP --"). */
export const plainSection = (columns: ReadonlyArray<Column>, title: string): string => {
  const total = columns.reduce((n, c) => n + c.width, 0) + 2 * (columns.length - 1)
  const head = `-- ${title} `
  return head + '-'.repeat(Math.max(2, total - head.length))
}

const mdCell = (s: string): string => s.replace(/\|/g, '\\|')

/** The whole table in markdown; `sections` maps a row index to a section title printed before that row. */
export const markdown = (
  columns: ReadonlyArray<Column>,
  rows: ReadonlyArray<Row>,
  sections: ReadonlyMap<number, string> = new Map(),
): string => {
  const lines = [
    `| ${columns.map((c) => mdCell(c.title)).join(' | ')} |`,
    `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`,
  ]
  rows.forEach((row, r) => {
    const section = sections.get(r)
    if (section !== undefined) {
      lines.push(`| **${mdCell(section)}** |${' |'.repeat(columns.length - 1)}`)
    }
    lines.push(`| ${columns.map((_, i) => mdCell(row[i] ?? '')).join(' | ')} |`)
  })
  return lines.join('\n')
}

// -------------------------------------------------------------------------------------
// number formatting
// -------------------------------------------------------------------------------------

/** Integer with thin grouping (1 234 567). */
export const int = (n: number): string => {
  const s = String(Math.round(Math.abs(n)))
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
  return (n < 0 && Math.round(n) !== 0 ? '−' : '') + grouped
}

/** Milliseconds: one decimal below 10 ms, whole milliseconds up to 10 s, then seconds. */
export const ms = (v: number | null | undefined): string => {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  if (v < 10) return v.toFixed(1)
  if (v < 10_000) return String(Math.round(v))
  return `${(v / 1000).toFixed(1)} s`
}

/** A duration with its unit: "850 ms", "12.3 s", "3 min 12 s". */
export const duration = (v: number): string => {
  if (v < 10) return `${v.toFixed(1)} ms`
  if (v < 10_000) return `${Math.round(v)} ms`
  if (v < 120_000) return `${(v / 1000).toFixed(1)} s`
  return `${Math.floor(v / 60_000)} min ${Math.round((v % 60_000) / 1000)} s`
}

/** A score value: integers as integers, others with two decimals. */
export const num = (v: number | null | undefined): string => {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  const r = Math.round(v)
  if (Math.abs(v - r) < 1e-9) return int(r)
  const [whole, frac] = Math.abs(v).toFixed(2).split('.')
  return (v < 0 ? '−' : '') + int(Number(whole)) + '.' + (frac ?? '00')
}

/** "value / bound". */
export const ofBound = (v: number | null | undefined, bound: number | null | undefined): string =>
  `${num(v)} / ${num(bound)}`

/** A percentage with two decimals. */
export const pct = (v: number | null | undefined): string =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(2)} %`

/** Megabytes from bytes. */
export const mb = (bytes: number | null | undefined): string =>
  bytes === null || bytes === undefined || !Number.isFinite(bytes) ? '—' : `${int(bytes / 2 ** 20)} MB`

/** The median of a non-empty list (the mean of the middle two for even lengths). */
export const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
