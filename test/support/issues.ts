/**
 * Reading decode results in tests, once: the (path, code) pairs of a left, or its lines; and a
 * relative float comparison.
 */
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'

type Found = E.Either<ReadonlyArray<{ readonly path: string; readonly code: string }>, unknown>

/** The `[path, code]` pairs of a left; fails the test on a right. */
export const pathsAndCodes = (r: Found): Array<[string, string]> => {
  if (E.isRight(r)) return expect.fail('expected issues')
  return r.left.map((i) => [i.path, i.code])
}

/** The `path code` lines of a left, or `[]` on a right. */
export const pathCodeLines = (r: Found): Array<string> => (E.isLeft(r) ? r.left.map((i) => `${i.path} ${i.code}`) : [])

/** Whether `a` and `b` are equal within `rel` relative to the larger of them (and 1). */
export const close = (a: number, b: number, rel = 1e-6): boolean => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b))
