/**
 * Reading decode results in tests, once: the (path, code) pairs of a left, or its lines; and a
 * relative float comparison.
 */
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import { type Issue, render } from '../../src/kernel/Issue.js'

type Found = E.Either<ReadonlyArray<{ readonly path: string; readonly code: string }>, unknown>

/** The `[path, code]` pairs of a left; fails the test on a right. */
export const pathsAndCodes = (r: Found): Array<[string, string]> => {
  if (E.isRight(r)) return expect.fail('expected issues')
  return r.left.map((i) => [i.path, i.code])
}

/** The `[path, code]` pairs of a left, or `[]` on a right. */
export const pathCodePairs = (r: Found): Array<readonly [string, string]> =>
  E.isLeft(r) ? r.left.map((i) => [i.path, i.code] as const) : []

/** The rendered lines (`Issue.render`) of a left; fails the test on a right. */
export const renderedIssues = (r: E.Either<ReadonlyArray<Issue>, unknown>): ReadonlyArray<string> => {
  if (E.isRight(r)) return expect.fail('expected issues')
  return render(r.left)
}

/** The `path code` lines of a left, or `[]` on a right. */
export const pathCodeLines = (r: Found): Array<string> => (E.isLeft(r) ? r.left.map((i) => `${i.path} ${i.code}`) : [])

/** Whether `a` and `b` are equal within `rel` relative to the larger of them (and 1). */
export const close = (a: number, b: number, rel = 1e-6): boolean => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b))
