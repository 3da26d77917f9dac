import { describe, expect, it } from 'vitest'
import * as wendbaar from 'wendbaar'
import * as solver from 'wendbaar/solver'
import * as samples from 'wendbaar/samples'

/** Every object reachable from `u` that is not frozen, by path. */
const unfrozen = (u: unknown, path: string, seen = new Set<unknown>()): Array<string> => {
  if (typeof u !== 'object' || u === null || seen.has(u)) return []
  seen.add(u)
  const here = Object.isFrozen(u) ? [] : [path]
  return [...here, ...Object.entries(u).flatMap(([k, v]) => unfrozen(v, `${path}.${k}`, seen))]
}

/** Plain data: an array or an object whose prototype is Object's or none (not a codec or a class instance). */
const isPlain = (v: unknown): boolean =>
  Array.isArray(v) ||
  (typeof v === 'object' && v !== null && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null))

/** The library's constant data: every exported value of every module that is plain data. */
const constants = (ns: Readonly<Record<string, unknown>>, prefix: string): Array<[string, unknown]> =>
  Object.entries(ns).flatMap(([module, exports]) =>
    typeof exports === 'object' && exports !== null
      ? Object.entries(exports)
          .filter(([, v]) => isPlain(v))
          .map(([name, v]): [string, unknown] => [`${prefix}${module}.${name}`, v])
      : [],
  )

describe('constant data', () => {
  const all = [...constants(wendbaar, ''), ...constants(solver, 'solver:'), ...constants(samples, 'samples:')]

  it('covers the defaults, the empty values, the tables and the samples of every entry', () => {
    const names = all.map(([n]) => n)
    for (const n of [
      'Problem.defaultPolicy',
      'Problem.defaultWeights',
      'Classification.defaultClassificationPolicy',
      'Catalogue.defaultCatalogue',
      'Rules.defaultRules',
      'Assessment.empty',
      'Learn.defaultLearningPolicy',
      'Learn.emptyEvidence',
      'Sample.sampleProblemJson',
      'SampleRequests.sampleIntakeJson',
      'Classification.modes',
      'Classification.responses',
    ])
      expect(names).toContain(n)
  })

  it('is frozen all the way down, so one caller cannot change it for the others', () => {
    expect(all.flatMap(([name, v]) => unfrozen(v, name))).toEqual([])
  })

  it('keeps the former name of the classification default working', () => {
    expect(wendbaar.Classification.defaultPolicy).toBe(wendbaar.Classification.defaultClassificationPolicy)
  })
})
