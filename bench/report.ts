/**
 * The one table of `npm run bench`, shared by its sections: the columns, the rows printed as
 * they come (and kept for the markdown copy at the end), the section titles, and the list of
 * targets (met / missed) printed after the table.
 */
import { plainLine, plainSection, type Column, type Row } from './table.js'

/** The columns of the main table. */
export const columns: ReadonlyArray<Column> = [
  { title: 'case', width: 14, align: 'left' },
  { title: 'members', width: 7, align: 'right' },
  { title: 'slots', width: 6, align: 'right' },
  { title: 'edges', width: 10, align: 'right' },
  { title: 'decode ms', width: 9, align: 'right' },
  { title: 'compile ms', width: 10, align: 'right' },
  { title: 'solve ms', width: 8, align: 'right' },
  { title: 'peak RSS', width: 9, align: 'right' },
  { title: 'filled / bound', width: 15, align: 'right' },
  { title: 'soft / bound', width: 21, align: 'right' },
  { title: 'proven', width: 6, align: 'left' },
  { title: 'vs reference', width: 40, align: 'left' },
]

/** Every row so far, for the markdown copy. */
export const rows: Array<Row> = []
/** Section titles by the index of the row they precede. */
export const sections = new Map<number, string>()
/** Prints a line. */
export const out = (s: string): void => {
  process.stdout.write(`${s}\n`)
}
/** Prints a row and keeps it. */
export const addRow = (row: Row): void => {
  rows.push(row)
  out(plainLine(columns, row))
}
/** Prints a section line before the next row. */
export const section = (title: string): void => {
  sections.set(rows.length, title)
  out(plainSection(columns, title))
}

/** A target of the issue list and how the run did. */
export interface Target {
  readonly name: string
  readonly target: string
  readonly result: string
  readonly met: boolean | null
}
/** The targets, in the order they were checked. */
export const targets: Array<Target> = []


/** A row that says a case was skipped, and why. */
export const skipped = (label: string, why: string): void => {
  addRow([label, '', '', '', '', '', '', '', '', '', '', `skipped: ${why}`])
}
