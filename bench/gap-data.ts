/**
 * The bench side of the published GAP sets: the reference CSVs (`optima.csv`,
 * `best-known.csv`), the gap in percent to a reference, and a timed solve at the library's
 * default effort (no per-family budget). Reading the instance files, the mapping onto the solver model and
 * the feasibility check are the library's (`Assignment` in `wendbaar/solver`).
 *
 * Formats: `../shared/data/README.md`. Used by `bench/run.ts`.
 */
import * as E from 'fp-ts/lib/Either.js'
import { Assignment, Solver } from 'wendbaar/solver'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/** Objective sense (see `Assignment.Sense`). */
export type Sense = Assignment.Sense

/** One row of `orlib-gap/optima.csv`; missing numbers are `null`. */
export interface OptimaRow {
  readonly file: string
  readonly index: number
  readonly name: string
  readonly agents: number
  readonly jobs: number
  readonly maxOptimum: number | null
  readonly minOptimum: number | null
  readonly minBestKnown: number | null
  readonly minBestBound: number | null
}

/** One row of `gap-yagiura/best-known.csv` (`name` = the last part of `Path`); missing numbers are `null`. */
export interface BestKnownRow {
  readonly path: string
  readonly name: string
  readonly dataset: string
  readonly jobs: number
  readonly agents: number
  readonly bound: number | null
  readonly optimum: number | null
  readonly bestKnown: number | null
}

// -------------------------------------------------------------------------------------
// parsers
// -------------------------------------------------------------------------------------

/** Splits a simple CSV (no quoted commas) into header-keyed records. */
const parseCsv = (text: string): E.Either<string, ReadonlyArray<Readonly<Record<string, string>>>> => {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '')
  const header = lines[0]
  if (header === undefined) return E.left('the CSV file is empty')
  const keys = header.split(',').map((k) => k.trim())
  const rows: Array<Record<string, string>> = []
  for (let li = 1; li < lines.length; li++) {
    const cells = (lines[li] as string).split(',')
    if (cells.length !== keys.length) {
      return E.left(`line ${li + 1}: expected ${keys.length} cells, got ${cells.length}`)
    }
    const row: Record<string, string> = {}
    keys.forEach((k, i) => {
      row[k] = (cells[i] as string).trim()
    })
    rows.push(row)
  }
  return E.right(rows)
}

const num = (s: string | undefined): number | null => {
  if (s === undefined || s === '') return null
  const v = Number(s)
  return Number.isFinite(v) ? v : null
}

const requireKeys = (
  rows: ReadonlyArray<Readonly<Record<string, string>>>,
  keys: ReadonlyArray<string>,
): E.Either<string, void> => {
  const first = rows[0]
  if (first === undefined) return E.right(undefined)
  const missing = keys.filter((k) => !(k in first))
  return missing.length === 0 ? E.right(undefined) : E.left(`missing column(s): ${missing.join(', ')}`)
}

/** Parses `orlib-gap/optima.csv`. */
export const parseOptima = (text: string): E.Either<string, ReadonlyArray<OptimaRow>> => {
  const rows = parseCsv(text)
  if (E.isLeft(rows)) return rows
  const keys = ['file', 'index', 'name', 'agents', 'jobs', 'max_optimum', 'min_optimum', 'min_best_known', 'min_best_bound']
  const ok = requireKeys(rows.right, keys)
  if (E.isLeft(ok)) return ok
  return E.right(
    rows.right.map((r) => ({
      file: r['file'] ?? '',
      index: num(r['index']) ?? -1,
      name: r['name'] ?? '',
      agents: num(r['agents']) ?? 0,
      jobs: num(r['jobs']) ?? 0,
      maxOptimum: num(r['max_optimum']),
      minOptimum: num(r['min_optimum']),
      minBestKnown: num(r['min_best_known']),
      minBestBound: num(r['min_best_bound']),
    })),
  )
}

/** Parses `gap-yagiura/best-known.csv`. */
export const parseBestKnown = (text: string): E.Either<string, ReadonlyArray<BestKnownRow>> => {
  const rows = parseCsv(text)
  if (E.isLeft(rows)) return rows
  const keys = ['Path', 'Dataset', 'Item number', 'Agent number', 'Best known bound', 'Optimum', 'Best known solution value']
  const ok = requireKeys(rows.right, keys)
  if (E.isLeft(ok)) return ok
  return E.right(
    rows.right.map((r) => {
      const path = r['Path'] ?? ''
      return {
        path,
        name: path.split('/').pop() ?? path,
        dataset: r['Dataset'] ?? '',
        jobs: num(r['Item number']) ?? 0,
        agents: num(r['Agent number']) ?? 0,
        bound: num(r['Best known bound']),
        optimum: num(r['Optimum']),
        bestKnown: num(r['Best known solution value']),
      }
    }),
  )
}

// -------------------------------------------------------------------------------------
// references
// -------------------------------------------------------------------------------------

/** Gap in percent of `value` to `reference` in the given sense (≥ 0 when worse, < 0 when better). */
export const gapPercent = (value: number, reference: number, sense: Sense): number => {
  const diff = sense === 'max' ? reference - value : value - reference
  return reference === 0 ? (diff === 0 ? 0 : Infinity) : (100 * diff) / Math.abs(reference)
}

// -------------------------------------------------------------------------------------
// solving
// -------------------------------------------------------------------------------------

/** What solving one GAP problem gave: the library's result, timed. */
export interface GapResult extends Assignment.AssignmentResult {
  /** Milliseconds to map and solve. */
  readonly ms: number
}

/** Solves one GAP problem with `Assignment.solveGap` (the library's default effort unless `options` give one), timed by `now`. */
export const solveGapTimed = (
  problem: Assignment.GapProblem,
  sense: Sense,
  options: Solver.SolveOptions,
  now: () => number,
): GapResult => {
  const t0 = now()
  const r = Assignment.solveGap(problem, sense, options)
  return { ...r, ms: now() - t0 }
}
