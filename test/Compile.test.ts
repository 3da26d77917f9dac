/**
 * The domain → model compiler: its edges are exactly the eligible-with-room pairs (checked by
 * brute force over members × slots), sorted by (slot, member); its terms follow §7; its model
 * passes the solver's own validity check; and the maps between indices and ids agree.
 */
import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import { describe, expect, it } from 'vitest'
import { compile } from '../src/pipeline/Compile.js'
import * as Eligibility from '../src/staffing/Eligibility.js'
import type { Slot, ValidProblem } from '../src/pipeline/Problem.js'
import { sampleProblemJson } from '../src/samples/Sample.js'
import { decodeModel } from '../src/model/Model.js'
import { generateProblem } from './support/generate.js'
import { decode, member, problem, request } from './support/staffing.js'
import { edgeList } from '../src/model/Model.js'

const problems = (): ReadonlyArray<readonly [string, ValidProblem]> => {
  const out: Array<readonly [string, ValidProblem]> = [['sample', decode(sampleProblemJson)]]
  for (let seed = 1; seed <= 40; seed++) {
    out.push([
      `generated ${seed}`,
      decode(
        generateProblem({
          seed,
          members: 5 + (seed % 30),
          requests: 2 + (seed % 9),
          units: seed % 3 === 0 ? 0 : 1 + (seed % 4),
          tightness: 1 + (seed % 3) * 0.5,
        }),
      ),
    ])
  }
  return out
}

const all = problems()

describe('compile', () => {
  it.each(all)('%s: edges are exactly the eligible pairs with room, sorted by (slot, member)', (_, p) => {
    const c = compile(p)
    const slots: Array<{ slot: Slot; request: number }> = []
    p.requests.forEach((r, ri) => r.slots.forEach((slot) => slots.push({ slot, request: ri })))
    slots.sort((a, b) => (a.slot.id < b.slot.id ? -1 : 1))
    expect(c.slotIds).toEqual(slots.map((s) => s.slot.id))
    expect(c.memberIds).toEqual(p.members.map((m) => m.id))
    const expected: Array<[number, number]> = []
    slots.forEach(({ slot, request }, si) => {
      p.members.forEach((m, mi) => {
        if (O.isNone(Eligibility.check(p, m, p.requests[request]!, slot))) expected.push([si, mi])
      })
    })
    expect(edgeList(c.model).map((e) => [e.slot, e.member])).toEqual(expected)
    // edgeOf and edgeStart agree with the edge list
    edgeList(c.model).forEach((e, i) => expect(c.edgeOf(e.member, e.slot)).toBe(i))
    expect(c.edgeStart).toHaveLength(c.slotIds.length + 1)
    for (let s = 0; s < c.slotIds.length; s++) {
      for (let e = c.edgeStart[s]!; e < c.edgeStart[s + 1]!; e++) expect(edgeList(c.model)[e]!.slot).toBe(s)
    }
    expect(c.edgeOf(0, c.slotIds.length)).toBe(-1)
  })

  it.each(all)('%s: the model passes the solver’s own validity check', (_, p) => {
    expect(E.isRight(decodeModel(compile(p).model))).toBe(true)
  })

  it.each(all.slice(0, 12))('%s: terms, ranges, capacities and penalties follow §7', (_, p) => {
    const c = compile(p)
    const w = p.policy.weights
    const points = [...new Set(p.requests.map((r) => r.period.from))].sort()
    expect(c.timePoints).toEqual(points)
    const primaries = [...new Set(p.members.map((m) => m.disciplines[0]))].sort()
    c.model.members.forEach((mm, i) => {
      const m = p.members[i]!
      expect(mm.capacity).toBe(m.capacity - m.committed)
      expect(mm.base).toBe(m.committed)
      expect(mm.threshold).toBeCloseTo(p.policy.comfort * m.capacity, 12)
      expect(mm.overloadWeight).toBeCloseTo(w.balance / m.capacity, 12)
      expect(primaries[mm.category]).toBe(m.disciplines[0])
    })
    c.model.slots.forEach((ms, si) => {
      const r = p.requests[c.slotRequest[si]!]!
      expect(ms.group).toBe(c.slotRequest[si])
      expect(ms.priority).toBe(r.priority)
      const active = points.map((t, i) => [t, i] as const).filter(([t]) => r.period.from <= t && t <= r.period.to)
      expect([ms.from, ms.to]).toEqual([active[0]![1], active[active.length - 1]![1]])
    })
    const previous = new Set(p.previous.map((x) => `${x.slot} ${x.member}`))
    for (const e of edgeList(c.model)) {
      const m = p.members[e.member]!
      const slot = c.slots[e.slot]!
      const role = p.roles.find((r) => r.id === slot.role)!
      const W = role.qualities.reduce((a, q) => a + q.weight, 0)
      const fit = W === 0 ? 0 : role.qualities.reduce((a, q) => a + q.weight * (m.qualities[q.quality] ?? 0), 0) / (5 * W)
      const learn = W === 0 ? 0 : role.qualities.filter((q) => m.goals.includes(q.quality)).reduce((a, q) => a + q.weight, 0) / W
      expect(e.hours).toBe(slot.hours)
      expect(e.terms[0]).toBeCloseTo(w.fit * fit, 9)
      expect(e.terms[1]).toBe(w.preference * (m.preferences[slot.role] ?? 0))
      expect(e.terms[2]).toBeCloseTo(w.learning * learn, 9)
      expect(e.terms[3]).toBe(previous.has(`${slot.id} ${m.id}`) ? w.continuity : 0)
    }
    // pins are forced, apart pairs are conflicts
    expect(c.model.forced.map((e) => [c.slotIds[edgeList(c.model)[e]!.slot], c.memberIds[edgeList(c.model)[e]!.member]])).toEqual(
      p.pinned.map((x) => [x.slot, x.member]),
    )
    expect(c.model.conflicts.map(([a, b]) => [c.memberIds[a], c.memberIds[b]])).toEqual(p.apart.map(([a, b]) => [a, b]))
    expect(c.model.categoryBonus).toBe(w.diversity)
    expect(c.model.termNames).toEqual({
      edge: ['fit', 'preference', 'learning', 'continuity'],
      category: 'diversity',
      pair: 'rotation',
      overload: 'balance',
    })
  })

  it.each(all.slice(0, 20))('%s: pair penalties are the recent history pairs of pool members', (_, p) => {
    const c = compile(p)
    const since = p.policy.rotationSince
    const expected = new Set<string>()
    if (since !== null && p.policy.weights.rotation > 0) {
      for (const h of p.history) {
        if (h.ended < since) continue
        const inPool = h.members.filter((m) => c.memberIndex.has(m as never)).sort()
        for (let i = 0; i < inPool.length; i++)
          for (let j = i + 1; j < inPool.length; j++) expected.add(`${inPool[i]} ${inPool[j]}`)
      }
    }
    const got = c.model.pairPenalties.map((x) => {
      expect(x.a).toBeLessThan(x.b)
      expect(x.weight).toBe(p.policy.weights.rotation)
      return `${c.memberIds[x.a]} ${c.memberIds[x.b]}`
    })
    expect(got).toEqual([...expected].sort())
  })

  it('sorts slots by id across requests (code-unit order), not by request', () => {
    const p = problem({
      members: [member('m')],
      requests: [request('a', [['z', 'r', 1]]), request('b', [['B', 'r', 1], ['a', 'r', 1]])],
    })
    const c = compile(p)
    expect(c.slotIds).toEqual(['B', 'a', 'z'])
    expect(c.slotRequest).toEqual([1, 1, 0])
    expect(c.model.groups.map((g) => g.id)).toEqual(['a', 'b'])
  })
})
