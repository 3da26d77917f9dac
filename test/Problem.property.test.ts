import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { Eligibility, IsoDate, Issue, Problem } from 'wendbaar'
import { corruptibles, problemJson, shuffleProblem, type Json } from './support/arbitraries.js'

const decoded = (j: unknown): Problem.ValidProblem => {
  const r = Problem.decodeProblem(j)
  if (E.isLeft(r)) throw new Error(Issue.render(r.left).join('\n'))
  return r.right
}

const viaJson = (j: Json): Json => JSON.parse(JSON.stringify(j))

describe('decodeProblem properties', () => {
  it('the arbitraries build valid problems (weird ids included)', () => {
    let pins = 0
    let weird = 0
    fc.assert(
      fc.property(problemJson, (json) => {
        const p = decoded(viaJson(json))
        pins += p.pinned.length
        weird += p.members.filter(
          (m) => m.id === '__proto__' || m.id === 'constructor' || m.id === 'toString',
        ).length
      }),
      { numRuns: 300 },
    )
    // the generator exercises the interesting parts, not just empty problems
    expect(pins).toBeGreaterThan(20)
    expect(weird).toBeGreaterThan(10)
  })

  it('decode(encode(x)) deep-equals x, and the encoding is byte-stable', () => {
    fc.assert(
      fc.property(problemJson, (json) => {
        const x = decoded(viaJson(json))
        const encoded = Problem.encodeProblem(x)
        expect(decoded(encoded)).toEqual(x)
        // decoding is idempotent: a decoded problem decodes to itself
        expect(decoded(x)).toEqual(x)
        const text = JSON.stringify(encoded)
        expect(decoded(JSON.parse(text))).toEqual(x)
        expect(JSON.stringify(Problem.encodeProblem(decoded(JSON.parse(text))))).toBe(text)
      }),
      { numRuns: 300 },
    )
  })

  it('decoding a shuffled input gives a deep-equal result', () => {
    fc.assert(
      fc.property(problemJson, fc.integer({ min: 1, max: 1_000_000 }), (json, seed) => {
        const original = decoded(viaJson(json))
        const shuffled = decoded(viaJson(shuffleProblem(viaJson(json), seed)))
        expect(shuffled).toEqual(original)
        expect(JSON.stringify(Problem.encodeProblem(shuffled))).toBe(
          JSON.stringify(Problem.encodeProblem(original)),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('corrupting one field of a valid problem yields an issue at exactly that path', () => {
    const corrupted = problemJson
      .map((json) => ({ json: viaJson(json), fields: corruptibles(viaJson(json)) }))
      .filter(({ fields }) => fields.length > 0)
      .chain(({ json, fields }) =>
        fc
          .nat({ max: fields.length - 1 })
          .map((k) => ({ json, field: fields[k] as (typeof fields)[number] })),
      )
    let checked = 0
    fc.assert(
      fc.property(corrupted, ({ json, field }) => {
        field.corrupt(json)
        const r = Problem.decodeProblem(json)
        expect(E.isLeft(r)).toBe(true)
        if (E.isLeft(r)) expect(r.left.map((i) => i.path)).toContain(field.path)
        checked++
      }),
      { numRuns: 500 },
    )
    expect(checked).toBe(500)
  })

  it('never throws on a corrupted JSON text, whatever the corruption', () => {
    fc.assert(
      fc.property(problemJson, fc.nat(), fc.jsonValue({ maxDepth: 3 }), (json, at, junk) => {
        // replace one value anywhere in the tree by junk
        const text = JSON.stringify(json)
        const values: Array<[Json, string | number]> = []
        const walk = (v: Json) => {
          if (Array.isArray(v)) v.forEach((x, i) => (values.push([v, i]), walk(x)))
          else if (v !== null && typeof v === 'object')
            for (const k of Object.keys(v)) values.push([v, k]), walk(v[k])
        }
        const copy = JSON.parse(text)
        walk(copy)
        if (values.length === 0) return
        const [holder, key] = values[at % values.length] as [Json, string | number]
        holder[key] = junk
        const r = Problem.decodeProblem(copy)
        // either it is still valid (the junk happened to fit) or every issue is well-formed
        if (E.isLeft(r)) {
          for (const i of r.left) {
            expect(i._tag).toBe('Issue')
            expect(typeof i.path).toBe('string')
            expect(i.message.length).toBeGreaterThan(0)
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('random pins are accepted exactly when a brute-force check of every day finds no broken hard constraint', () => {
    let accepted = 0
    let rejected = 0
    const arb = problemJson.chain((json) =>
      fc.record({
        json: fc.constant(json),
        picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }),
        max: fc.integer({ min: 1, max: 2 }),
      }),
    )
    fc.assert(
      fc.property(arb, ({ json, picks, max }) => {
        const base = decoded(
          viaJson({
            ...json,
            pinned: [],
            policy: { ...(json.policy ?? {}), maxSlotsPerMemberPerRequest: max },
          }),
        )
        const slots = base.requests.flatMap((r) => r.slots.map((slot) => ({ request: r, slot })))
        if (slots.length === 0 || base.members.length === 0) return
        // random pins, at most one per slot
        const bySlot = new Map<
          string,
          { member: Problem.Member; request: Problem.Request; slot: Problem.Slot }
        >()
        for (const [m, k] of picks) {
          const { request, slot } = slots[k % slots.length] as (typeof slots)[number]
          if (!bySlot.has(slot.id))
            bySlot.set(slot.id, {
              member: base.members[m % base.members.length] as Problem.Member,
              request,
              slot,
            })
        }
        const pins = [...bySlot.values()]
        // brute force, independent of the decoder's sweep
        let broken = pins.some((p) => !Eligibility.isEligible(base, p.member, p.request, p.slot))
        for (const member of base.members) {
          const mine = pins.filter((p) => p.member.id === member.id)
          const days = mine.map(
            (p) =>
              [
                IsoDate.toDayNumber(p.request.period.from),
                IsoDate.toDayNumber(p.request.period.to),
              ] as const,
          )
          // every day of every period, not just start days: independent of the decoder's sweep
          const lo = Math.min(...days.map((d) => d[0]))
          const hi = Math.max(...days.map((d) => d[1]))
          for (let day = lo; day <= hi && !broken; day++) {
            let load = member.committed
            mine.forEach((p, i) => {
              const d = days[i] as readonly [number, number]
              if (d[0] <= day && day <= d[1]) load += p.slot.hours
            })
            // the same rounding tolerance as the decoder (far below any real hour count)
            if (load > member.capacity + 1e-9 * Math.max(1, member.capacity)) broken = true
          }
          const perRequest = new Map<string, number>()
          for (const p of mine)
            perRequest.set(p.request.id, (perRequest.get(p.request.id) ?? 0) + 1)
          if ([...perRequest.values()].some((n) => n > max)) broken = true
        }
        for (const [a, b] of base.apart) {
          const ra = new Set(pins.filter((p) => p.member.id === a).map((p) => p.request.id))
          if (pins.some((p) => p.member.id === b && ra.has(p.request.id))) broken = true
        }
        const input = viaJson(Problem.encodeProblem(base))
        input.pinned = pins.map((p) => ({ member: p.member.id, slot: p.slot.id }))
        const r = Problem.decodeProblem(input)
        expect(E.isLeft(r)).toBe(broken)
        if (E.isLeft(r)) {
          expect(r.left.every((i) => i.code === 'pin' && /^pinned\[\d+\]$/.test(i.path))).toBe(true)
          rejected++
        } else {
          expect(r.right.pinned).toHaveLength(pins.length)
          accepted++
        }
      }),
      { numRuns: 400 },
    )
    expect(accepted).toBeGreaterThan(20)
    expect(rejected).toBeGreaterThan(20)
  })
})
