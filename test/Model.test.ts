import * as E from 'fp-ts/lib/Either.js'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Model, decodeModel } from '../src/model/Model.js'
import { smallModelArb } from './support/modelArb.js'
import { pathCodePairs } from './support/issues.js'
import { edgeList } from '../src/model/Model.js'

const valid: Model = {
  timePoints: 2,
  slots: [
    { id: 'a', priority: 1, group: 0, from: 0, to: 1 },
    { id: 'b', priority: 2, group: 0, from: 1, to: 1 },
  ],
  members: [
    { id: 'x', capacity: 10, category: 0, base: 0, threshold: 8, overloadWeight: 1 },
    { id: 'y', capacity: 10, category: -1, base: 0, threshold: 8, overloadWeight: 0 },
  ],
  groups: [{ id: 'g', limit: 1 }],
  edges: [
    { member: 0, slot: 0, hours: 6, terms: [1] },
    { member: 1, slot: 0, hours: 6, terms: [2] },
    { member: 0, slot: 1, hours: 6, terms: [3] },
  ],
  termNames: { edge: ['v'], category: 'c', pair: 'p', overload: 'o' },
  forced: [],
  forbidden: [],
  conflicts: [[0, 1]],
  pairPenalties: [{ a: 0, b: 1, weight: 1 }],
  categoryBonus: 1,
}

/** The (path, code) pairs of the issues decoding `u` gives (or [] when it decodes). */
const issuesOf = (u: unknown): ReadonlyArray<readonly [string, string]> => pathCodePairs(decodeModel(u))

describe('decodeModel', () => {
  it('accepts a valid model unchanged', () => {
    const r = decodeModel(valid)
    expect(E.isRight(r) && r.right).toEqual(valid)
  })
  it('accepts every generated model', () => {
    fc.assert(
      fc.property(smallModelArb, (m) => {
        expect(issuesOf(JSON.parse(JSON.stringify(m)))).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
  it('reports shape errors with their paths', () => {
    expect(issuesOf(null)).toEqual([['', 'type']])
    expect(issuesOf({ ...valid, slots: 3 })).toEqual([['slots', 'type']])
    expect(issuesOf({ ...valid, edges: [{ ...edgeList(valid)[0], hours: '6' }] })).toEqual([['edges[0].hours', 'type']])
  })
  it('reports numbers out of range', () => {
    expect(issuesOf({ ...valid, timePoints: -1 })).toContainEqual(['timePoints', 'range'])
    expect(issuesOf({ ...valid, slots: [{ ...valid.slots[0], priority: 0 }, valid.slots[1]] })).toEqual([['slots[0].priority', 'range']])
    expect(issuesOf({ ...valid, groups: [{ id: 'g', limit: 0 }] })).toEqual([['groups[0].limit', 'range']])
    expect(issuesOf({ ...valid, groups: [{ id: 'g', limit: 1.5 }] })).toEqual([['groups[0].limit', 'range']])
    expect(issuesOf({ ...valid, members: [{ ...valid.members[0], capacity: -1 }, valid.members[1]] })).toEqual([['members[0].capacity', 'range']])
    expect(issuesOf({ ...valid, members: [{ ...valid.members[0], overloadWeight: Infinity }, valid.members[1]] })).toEqual([
      ['members[0].overloadWeight', 'range'],
    ])
    expect(issuesOf({ ...valid, categoryBonus: -1 })).toEqual([['categoryBonus', 'range']])
    expect(issuesOf({ ...valid, pairPenalties: [{ a: 0, b: 1, weight: -2 }] })).toEqual([['pairPenalties[0].weight', 'range']])
  })
  it('reports time ranges', () => {
    expect(issuesOf({ ...valid, slots: [{ ...valid.slots[0], to: 2 }, valid.slots[1]] })).toEqual([['slots[0].to', 'range']])
    expect(issuesOf({ ...valid, slots: [valid.slots[0], { ...valid.slots[1], from: 1, to: 0 }] })).toEqual([['slots[1].from', 'period']])
  })
  it('reports index references', () => {
    expect(issuesOf({ ...valid, slots: [{ ...valid.slots[0], group: 1 }, valid.slots[1]] })).toEqual([['slots[0].group', 'reference']])
    expect(issuesOf({ ...valid, edges: [edgeList(valid)[0], edgeList(valid)[1], { ...edgeList(valid)[2], member: 2 }] })).toEqual([
      ['edges[2].member', 'reference'],
    ])
    expect(issuesOf({ ...valid, forced: [3] })).toEqual([['forced[0]', 'reference']])
    expect(issuesOf({ ...valid, conflicts: [[0, 5]] })).toContainEqual(['conflicts[0][1]', 'reference'])
  })
  it('reports ids that are empty, duplicated or unsorted', () => {
    expect(issuesOf({ ...valid, slots: [valid.slots[0], { ...valid.slots[1], id: 'a' }] })).toEqual([['slots[1].id', 'duplicate']])
    expect(issuesOf({ ...valid, members: [{ ...valid.members[0], id: 'z' }, valid.members[1]] })).toEqual([['members[1].id', 'range']])
    expect(issuesOf({ ...valid, groups: [{ id: '', limit: 1 }] })).toEqual([['groups[0].id', 'range']])
  })
  it('reports edges unsorted, duplicated or with the wrong number of terms', () => {
    expect(issuesOf({ ...valid, edges: [edgeList(valid)[1], edgeList(valid)[0], edgeList(valid)[2]] })).toEqual([['edges[1]', 'range']])
    expect(issuesOf({ ...valid, edges: [edgeList(valid)[0], edgeList(valid)[0], edgeList(valid)[2]] })).toEqual([['edges[1]', 'duplicate']])
    expect(issuesOf({ ...valid, edges: [{ ...edgeList(valid)[0], terms: [1, 2] }, edgeList(valid)[1], edgeList(valid)[2]] })).toEqual([
      ['edges[0].terms', 'range'],
    ])
  })
  it('reports duplicate term names and ill-formed pairs', () => {
    expect(issuesOf({ ...valid, termNames: { ...valid.termNames, pair: 'v' } })).toEqual([['termNames.pair', 'duplicate']])
    expect(issuesOf({ ...valid, conflicts: [[1, 0]] })).toEqual([['conflicts[0]', 'conflict']])
    expect(issuesOf({ ...valid, pairPenalties: [{ a: 1, b: 1, weight: 1 }] })).toEqual([['pairPenalties[0]', 'conflict']])
    expect(issuesOf({ ...valid, forced: [0], forbidden: [0] })).toEqual([['forbidden[0]', 'conflict']])
  })
  it('reports forced edges that break a hard constraint', () => {
    // two forced edges on slot a
    expect(issuesOf({ ...valid, forced: [0, 1] })).toContainEqual(['forced', 'pin'])
    // x on a and b: group limit 1 (and 12 h > 10 at point 1)
    const r = issuesOf({ ...valid, forced: [0, 2] })
    expect(r.length).toBe(2)
    expect(r.every(([p, c]) => p === 'forced' && c === 'pin')).toBe(true)
    // capacity alone
    const roomy = { ...valid, groups: [{ id: 'g', limit: 2 }] }
    expect(issuesOf({ ...roomy, forced: [0, 2] })).toEqual([['forced', 'pin']])
    expect(issuesOf({ ...roomy, forced: [0] })).toEqual([])
  })
  it('reports every issue at once', () => {
    const r = issuesOf({ ...valid, timePoints: 1.5, categoryBonus: -1, groups: [{ id: 'g', limit: 0 }] })
    expect(r.map(([p]) => p).sort()).toEqual(['categoryBonus', 'groups[0].limit', 'timePoints'])
  })
})
