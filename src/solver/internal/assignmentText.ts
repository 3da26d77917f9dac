/**
 * Reading the published instance files (OR-Library GAP and assignment files, Yagiura's GAP
 * files) into checked problems, every issue with its token and line — for the `Assignment`
 * namespace.
 *
 * @internal
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import { type Issue, type Issues, issue } from '../../kernel/Issue.js'
import { type GapProblem, type LapArc, type LapProblem } from './assignmentModel.js'
import { brandGap, brandLap, failed, gapRangeIssues, isCount, lapArcIssues, tooFewArcs } from './assignmentBuild.js'

// ---- text files -----------------------------------------------------------------------

/** The numbers of a text, with where each one stands (token number and line, both 1-based). */
interface Tokens {
  readonly count: number
  readonly value: (k: number) => number
  /** `token 17 (line 3)` for the 0-based token k; `end of text (line 9)` for k = count. */
  readonly at: (k: number) => string
  /** One `type` issue per token that is not a plain decimal number. */
  readonly issues: ReadonlyArray<Issue>
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13)

/** Splits a text at white space; every token must be a plain decimal number. */
const tokenize = (text: string): Tokens => {
  const starts: Array<number> = []
  const values: Array<number> = []
  const bad: Array<number> = []
  const lineStarts: Array<number> = [0]
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (isSpace(c)) {
      if (c === 10) lineStarts.push(i + 1)
      i++
      continue
    }
    let j = i + 1
    while (j < text.length && !isSpace(text.charCodeAt(j))) j++
    const tok = text.slice(i, j)
    if (!NUMBER.test(tok)) bad.push(values.length)
    starts.push(i)
    values.push(Number(tok))
    i = j
  }
  const lineOf = (offset: number): number => {
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((lineStarts[mid] as number) <= offset) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }
  const at = (k: number): string =>
    k < starts.length
      ? `token ${k + 1} (line ${lineOf(starts[k] as number)})`
      : `end of text (line ${lineOf(starts[starts.length - 1] ?? 0)})`
  const issues = bad.map((k) => {
    const s = starts[k] as number
    let e = s
    while (e < text.length && !isSpace(text.charCodeAt(e))) e++
    const tok = text.slice(s, Math.min(e, s + 40))
    return issue(at(k), 'type', `${JSON.stringify(e - s > 40 ? `${tok}…` : tok)} is not a number`)
  })
  return { count: values.length, value: (k) => values[k] as number, at, issues }
}

const emptyFile = (what: string): Issue => issue('', 'type', `the text is empty: expected ${what}`)

const shape = (path: string, message: string): Issue => issue(path, 'type', message)

const rangeAt = (path: string, message: string): Issue => issue(path, 'range', message)

/** Numbers a GAP problem of m agents and n jobs takes, its size line included. */
const gapLength = (m: number, n: number): number => 2 + 2 * m * n + m

/**
 * Reads one GAP problem starting at token `at`; `label` names it in messages. Structural
 * failures end the read (`next` null); range failures are collected and reading goes on.
 */
const readGap = (
  t: Tokens,
  at: number,
  label: string,
): { readonly problem: GapProblem | null; readonly next: number | null; readonly issues: Array<Issue> } => {
  if (at + 2 > t.count)
    return { problem: null, next: null, issues: [shape(t.at(t.count), `${label}: the text ends before its size line "agents jobs"`)] }
  const m = t.value(at)
  const n = t.value(at + 1)
  const sizeIssues: Array<Issue> = []
  if (!isCount(m)) sizeIssues.push(rangeAt(t.at(at), `${label}: the number of agents must be an integer ≥ 1, got ${m}`))
  if (!isCount(n)) sizeIssues.push(rangeAt(t.at(at + 1), `${label}: the number of jobs must be an integer ≥ 1, got ${n}`))
  if (sizeIssues.length > 0) return { problem: null, next: null, issues: sizeIssues }
  const need = gapLength(m, n)
  if (at + need > t.count)
    return {
      problem: null,
      next: null,
      issues: [
        shape(
          t.at(t.count),
          `${label} (${m} agents × ${n} jobs) needs ${need} numbers from ${t.at(at)}, but the text has only ${t.count - at} left`,
        ),
      ],
    }
  const costAt = (i: number, j: number): number => at + 2 + i * n + j
  const useAt = (i: number, j: number): number => at + 2 + m * n + i * n + j
  const capAt = (i: number): number => at + 2 + 2 * m * n + i
  const issues = gapRangeIssues(
    m,
    n,
    (i, j) => t.value(costAt(i, j)),
    (i, j) => t.value(useAt(i, j)),
    (i) => t.value(capAt(i)),
    (what, i, j) => t.at(what === 'cost' ? costAt(i, j) : what === 'use' ? useAt(i, j) : capAt(i)),
    `${label}: `,
  )
  if (issues.length > 0) return { problem: null, next: at + need, issues }
  const matrix = (pos: (i: number, j: number) => number): ReadonlyArray<ReadonlyArray<number>> =>
    Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => t.value(pos(i, j))))
  const capacity = Array.from({ length: m }, (_, i) => t.value(capAt(i)))
  return { problem: brandGap(matrix(costAt), matrix(useAt), capacity), next: at + need, issues: [] }
}

/**
 * Parses a GAP text: an OR-Library file (`gap1.txt` … `gapd.txt`: the number of problems `P`,
 * then per problem `m n`, the `m × n` costs c, the `m × n` uses a and the `m` capacities b) or
 * a Yagiura et al. file (one problem in the same layout, without `P`). The layout is detected:
 * a text that is exactly one problem reads as a Yagiura file, otherwise the first number must
 * be the count. Line breaks do not matter. Issues name the position in the text
 * (`token 17 (line 3)`) and the problem's number (0-based).
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../../examples/api.ts#gap}
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseGap = (text: string): E.Either<Issues, ReadonlyArray<GapProblem>> => {
  const t = tokenize(text)
  if (t.count === 0) return failed([emptyFile('a GAP problem count or an "agents jobs" line')])
  if (t.issues.length > 0) return failed(t.issues)
  const m0 = t.value(0)
  const n0 = t.count > 1 ? t.value(1) : NaN
  if (isCount(m0) && isCount(n0) && gapLength(m0, n0) === t.count) {
    const r = readGap(t, 0, 'problem 0')
    return r.problem === null ? failed(r.issues) : E.right([r.problem])
  }
  const p = m0
  if (!isCount(p))
    return failed([
      rangeAt(t.at(0), `the first number must be the problem count (an integer ≥ 1), or the text must be one problem without it; got ${p}`),
    ])
  const problems: Array<GapProblem> = []
  const issues: Array<Issue> = []
  let at = 1
  for (let q = 0; q < p; q++) {
    const r = readGap(t, at, `problem ${q}`)
    issues.push(...r.issues)
    if (r.problem !== null) problems.push(r.problem)
    if (r.next === null) return failed(issues)
    at = r.next
  }
  if (at !== t.count)
    issues.push(shape(t.at(at), `the text declares ${p} problem(s) but has ${t.count - at} number(s) left over after them`))
  return issues.length > 0 ? failed(issues) : E.right(problems)
}

/**
 * The layout of a LAP text: `dense` (`n`, then the `n × n` costs row by row, as OR-Library's
 * `assign100.txt` … `assign800.txt`), `sparse` (`n`, then triples `i j c` with 1-based `i`,
 * `j`, one per allowed arc, as `assignp800.txt`), or `auto`: dense when exactly `n²` numbers
 * follow `n`, sparse otherwise.
 *
 * @category model
 * @since 0.1.0
 */
export type LapLayout = 'auto' | 'dense' | 'sparse'

/**
 * Parses an OR-Library linear assignment text (see {@link LapLayout}; minimisation). Issues name
 * the position in the text (`token 17 (line 3)`): a row or column outside `1..n`, an arc given
 * twice, a count that fits neither layout.
 *
 * From `examples/api.ts` (run in CI, its results checked):
 *
 * {@includeCode ../../../examples/api.ts#lap}
 *
 * @category constructors
 * @since 0.1.0
 */
export const parseLap = (text: string, layout: LapLayout = 'auto'): E.Either<Issues, LapProblem> => {
  const t = tokenize(text)
  if (t.count === 0) return failed([emptyFile('the size n')])
  if (t.issues.length > 0) return failed(t.issues)
  const n = t.value(0)
  if (!isCount(n)) return failed([rangeAt(t.at(0), `the size n must be an integer ≥ 1, got ${n}`)])
  const rest = t.count - 1
  const dense = layout === 'dense' || (layout === 'auto' && rest === n * n)
  if (dense) {
    if (rest !== n * n)
      return failed([shape(t.at(Math.min(t.count, 1 + n * n)), `a dense file of size ${n} needs ${n * n} costs after n, got ${rest}`)])
    const arcs: Array<LapArc> = []
    const bad: Array<Issue> = []
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const cost = t.value(1 + i * n + j)
        if (!Number.isFinite(cost)) bad.push(rangeAt(t.at(1 + i * n + j), `c(${i},${j}) must be a finite number, got ${cost}`))
        arcs.push({ row: i, col: j, cost })
      }
    return bad.length > 0 ? failed(bad) : E.right(brandLap(n, arcs))
  }
  if (rest % 3 !== 0)
    return failed([
      shape(
        t.at(t.count),
        layout === 'sparse'
          ? `a sparse file needs triples "i j c" after n; ${rest} number(s) is not a multiple of 3`
          : `after n = ${n}, expected ${n * n} costs (a dense file) or triples "i j c" (a sparse file); got ${rest} number(s)`,
      ),
    ])
  if (n > rest / 3) return failed([rangeAt(t.at(0), tooFewArcs(n, rest / 3))])
  const arcs: Array<LapArc> = []
  for (let k = 0; k < rest / 3; k++) {
    const base = 1 + 3 * k
    arcs.push({ row: t.value(base) - 1, col: t.value(base + 1) - 1, cost: t.value(base + 2) })
  }
  const { issues, order } = lapArcIssues(n, arcs, (k, key) => t.at(1 + 3 * k + (key === 'col' ? 1 : key === 'cost' ? 2 : 0)), 1)
  if (issues.length > 0) return failed(issues)
  return E.right(brandLap(n, order.map((k) => arcs[k] as LapArc)))
}

