/**
 * WhatIf.supplyAndDemand: exact, hand-computed balances on a small problem (overall and per
 * unit), figures from the sample checked by hand, the words in nl and en, and its invariants
 * and determinism as properties.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { WhatIf } from 'wendbaar'
import { decodeProblem } from '../src/pipeline/Problem.js'
import { sampleProblemJson } from '../src/samples/Sample.js'
import { problemJson, shuffleProblem } from './support/arbitraries.js'
import { decode, member, problem, request } from './support/staffing.js'

/**
 * Free hours: a 30 (law; leadership 4, finance 2; every unit), b 8 (policy and law; leadership
 * 3; noord), c 20 (finance; finance 3; zuid), d 0 (policy; leadership 2; noord).
 */
const p = problem({
  roles: [
    {
      id: 'lead',
      qualities: [
        { quality: 'leadership', min: 3 },
        { quality: 'collaboration', min: 0 },
      ],
    },
    { id: 'budget', qualities: [{ quality: 'finance', min: 2 }] },
    { id: 'work', qualities: [] },
  ],
  members: [
    member('a', {
      disciplines: ['law'],
      qualities: { leadership: 4, finance: 2 },
      capacity: 40,
      committed: 10,
    }),
    member('b', {
      disciplines: ['policy', 'law'],
      qualities: { leadership: 3 },
      capacity: 32,
      committed: 24,
      units: ['noord'],
    }),
    member('c', { disciplines: ['finance'], qualities: { finance: 3 }, capacity: 20, units: ['zuid'] }),
    member('d', {
      disciplines: ['policy'],
      qualities: { leadership: 2 },
      capacity: 36,
      committed: 36,
      units: ['noord'],
    }),
  ],
  requests: [
    request(
      'r1',
      [
        ['r1/lead', 'lead', 8],
        { id: 'r1/law', role: 'work', hours: 16, discipline: 'law' },
        ['r1/budget', 'budget', 6],
      ],
      { unit: 'noord' },
    ),
    request('r2', [
      ['r2/lead', 'lead', 4.5],
      { id: 'r2/policy', role: 'work', hours: 12, discipline: 'policy' },
    ]),
    request(
      'r3',
      [['r3/budget', 'budget', 10], { id: 'r3/law', role: 'work', hours: 40, discipline: 'law' }],
      {
        unit: 'zuid',
      },
    ),
  ],
})

const discipline = (d: string) => ({ _tag: 'discipline', discipline: d } as const)
const quality = (q: string, level: number) => ({ _tag: 'quality', quality: q, level } as const)

describe('WhatIf.supplyAndDemand', () => {
  const sd = WhatIf.supplyAndDemand(p)

  it('sets the hours of the slots per need against the free hours of the members who meet it', () => {
    expect(sd.overall).toEqual([
      // r1/law 16 + r3/law 40 against a 30 + b 8
      { need: discipline('law'), slots: 2, demand: 56, members: 2, supply: 38, shortfall: 18 },
      // r2/policy 12 against b 8 + d 0
      { need: discipline('policy'), slots: 1, demand: 12, members: 2, supply: 8, shortfall: 4 },
      // r1/budget 6 + r3/budget 10 against a 30 + c 20
      { need: quality('finance', 2), slots: 2, demand: 16, members: 2, supply: 50, shortfall: 0 },
      // r1/lead 8 + r2/lead 4.5 against a 30 + b 8; collaboration ≥ 0 is no need
      { need: quality('leadership', 3), slots: 2, demand: 12.5, members: 2, supply: 38, shortfall: 0 },
    ])
  })

  it('does the same per unit, with the members who serve it', () => {
    expect(sd.units).toEqual([
      {
        unit: 'noord', // r1 against a, b, d
        balances: [
          { need: discipline('law'), slots: 1, demand: 16, members: 2, supply: 38, shortfall: 0 },
          { need: quality('finance', 2), slots: 1, demand: 6, members: 1, supply: 30, shortfall: 0 },
          { need: quality('leadership', 3), slots: 1, demand: 8, members: 2, supply: 38, shortfall: 0 },
        ],
      },
      {
        unit: 'zuid', // r3 against a, c
        balances: [
          { need: discipline('law'), slots: 1, demand: 40, members: 1, supply: 30, shortfall: 10 },
          { need: quality('finance', 2), slots: 1, demand: 10, members: 2, supply: 50, shortfall: 0 },
        ],
      },
    ])
  })

  it('says it in words, in English and Dutch', () => {
    const en = WhatIf.toLines(sd, 'en')
    expect(en.slice(0, 4)).toEqual([
      'discipline law: demand 56 h/week (2 slots), supply 38 h/week (2 people) — short 18 h',
      'discipline policy: demand 12 h/week (1 slot), supply 8 h/week (2 people) — short 4 h',
      'quality finance ≥ 2: demand 16 h/week (2 slots), supply 50 h/week (2 people)',
      'quality leadership ≥ 3: demand 12.5 h/week (2 slots), supply 38 h/week (2 people)',
    ])
    expect(en.slice(4, 6)).toEqual([
      'unit noord:',
      '  discipline law: demand 16 h/week (1 slot), supply 38 h/week (2 people)',
    ])
    expect(en.at(-2)).toBe(
      '  discipline law: demand 40 h/week (1 slot), supply 30 h/week (1 person) — short 10 h',
    )
    const nl = WhatIf.toLines(sd, 'nl')
    expect(nl[0]).toBe(
      'discipline law: vraag 56 u/week (2 plekken), aanbod 38 u/week (2 mensen) — tekort 18 u',
    )
    expect(nl[3]).toBe('kwaliteit leadership ≥ 3: vraag 12,5 u/week (2 plekken), aanbod 38 u/week (2 mensen)')
    expect(nl[8]).toBe('eenheid zuid:')
    expect(en).toHaveLength(4 + 1 + 3 + 1 + 2)
  })

  it('gives the sample’s figures', () => {
    const sample = WhatIf.supplyAndDemand(decode(sampleProblemJson))
    const law = sample.overall.find((b) => b.need._tag === 'discipline' && b.need.discipline === 'law')
    // slots: jeugdzorg 20 + opvang-zuid 20 + datagedreven 8 + binnenstad-nacht 20 + wmo-vervoer 16;
    // members: m05 20 + m15 20 + m18 24 + m30 16 + m37 16 free hours
    expect(law).toEqual({
      need: discipline('law'),
      slots: 5,
      demand: 84,
      members: 5,
      supply: 96,
      shortfall: 0,
    })
    expect(sample.units.map((u) => u.unit)).toEqual(['centrum', 'noord', 'zuid'])
    expect(
      sample.overall.map((b) =>
        b.need._tag === 'quality' ? `${b.need.quality}≥${b.need.level}` : b.need.discipline,
      ),
    ).toEqual([
      'data',
      'environment',
      'finance',
      'ict',
      'law',
      'procurement',
      'social-domain',
      'spatial-planning',
      'youth-care',
      'analysis≥2',
      'collaboration≥2',
      'communication≥2',
      'expertise≥3',
      'financial-acumen≥3',
      'leadership≥3',
      'networking≥3',
      'political-sensitivity≥3',
    ])
  })

  it('keeps its invariants and does not depend on input order (property)', () => {
    fc.assert(
      fc.property(problemJson, fc.integer(), (json, seed) => {
        const a = decodeProblem(json)
        const b = decodeProblem(shuffleProblem(json, seed))
        if (E.isLeft(a) || E.isLeft(b)) return
        const x = WhatIf.supplyAndDemand(a.right)
        expect(WhatIf.supplyAndDemand(b.right)).toEqual(x)
        const slots = a.right.requests.flatMap((r) => r.slots)
        for (const balance of [...x.overall, ...x.units.flatMap((u) => u.balances)]) {
          expect(balance.shortfall).toBe(Math.max(0, balance.demand - balance.supply))
          expect(balance.slots).toBeGreaterThan(0)
          expect(balance.members).toBeLessThanOrEqual(a.right.members.length)
        }
        const withDiscipline = x.overall
          .filter((b) => b.need._tag === 'discipline')
          .reduce((n, b) => n + b.slots, 0)
        expect(withDiscipline).toBe(slots.filter((s) => s.discipline !== null).length)
        const units = [...new Set(a.right.requests.flatMap((r) => (r.unit === null ? [] : [r.unit])))].sort()
        expect(x.units.map((u) => u.unit)).toEqual(units)
      }),
      { numRuns: 100 },
    )
  })
})
