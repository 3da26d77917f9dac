import * as E from 'fp-ts/lib/Either.js'
import * as O from 'fp-ts/lib/Option.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Catalogue, Problem, Sample } from 'wendbaar'
import { arbCatalogue } from './support/classifyArbitraries.js'
import { pathsAndCodes } from './support/issues.js'

const cat = Catalogue.defaultCatalogue
const roleOf = (id: string) => {
  const r = Catalogue.role(id)(cat)
  if (O.isNone(r)) return expect.fail(`no role ${id}`)
  return r.value
}

const issuesOf = (u: unknown) => pathsAndCodes(Catalogue.decode(u))

const oneRole = {
  id: 'x',
  name: { nl: 'X', en: 'X' },
  question: { nl: 'Wie?', en: 'Who?' },
  qualities: [{ quality: 'q' }],
  hours: { specialist: 1, exploratory: 1, agile: 2 },
}

describe('the default catalogue', () => {
  it('has the five roles of §1, sorted by id', () => {
    expect(Catalogue.roleIds(cat)).toEqual(['budget', 'content', 'direction', 'network', 'politics'])
  })

  it.each([
    ['direction', 'Regie', 'Direction', 'Wie voert de regie?'],
    ['budget', 'Begroten', 'Budgeting', 'Wie begroot?'],
    ['politics', 'Afstemmen met de politiek', 'Political alignment', 'Wie stemt af met de politiek?'],
    ['content', '(Vak)inhoud leveren', 'Content expertise', 'Wie levert de (vak)inhoud?'],
    ['network', 'Netwerk bouwen', 'Network building', 'Wie bouwt het netwerk dat nodig is?'],
  ])('%s is "%s" / "%s" and asks "%s"', (id, nl, en, question) => {
    const r = roleOf(id)
    expect(r.name).toEqual({ nl, en })
    expect(r.question.nl).toBe(question)
    expect(r.question.en.length).toBeGreaterThan(0)
  })

  it('direction needs leadership ≥ 3 with weight 2; budget needs financial acumen ≥ 3', () => {
    expect(roleOf('direction').qualities).toContainEqual({ quality: 'leadership', min: 3, weight: 2 })
    expect(roleOf('budget').qualities).toContainEqual({ quality: 'financial-acumen', min: 3, weight: 2 })
    expect(roleOf('politics').qualities).toContainEqual({ quality: 'political-sensitivity', min: 3, weight: 2 })
    expect(roleOf('network').qualities).toContainEqual({ quality: 'networking', min: 3, weight: 2 })
    expect(roleOf('content').qualities).toContainEqual({ quality: 'expertise', min: 3, weight: 2 })
  })

  it('gives agile the most hours for every role, and every mode positive hours', () => {
    for (const r of cat.roles) {
      expect(r.hours.agile).toBeGreaterThanOrEqual(r.hours.specialist)
      expect(r.hours.agile).toBeGreaterThan(r.hours.exploratory)
      for (const m of Catalogue.poolModes) expect(r.hours[m]).toBeGreaterThan(0)
    }
  })

  it('is its own normal form', () => {
    expect(Catalogue.decode(Catalogue.encode(cat))).toEqual(E.right(cat))
  })
})

describe('Catalogue queries', () => {
  it('hoursFor gives the per-mode hours and none for standard and unclassified', () => {
    const d = roleOf('direction')
    expect(Catalogue.hoursFor('agile')(d)).toEqual(O.some(8))
    expect(Catalogue.hoursFor('exploratory')(d)).toEqual(O.some(4))
    expect(Catalogue.hoursFor('standard')(d)).toEqual(O.none)
    expect(Catalogue.hoursFor('unclassified')(d)).toEqual(O.none)
  })

  it('role finds by id', () => {
    expect(Catalogue.role('nope')(cat)).toEqual(O.none)
  })
})

describe('toProblemRoles', () => {
  it('gives the §6 roles JSON, the same as the built-in sample uses', () => {
    expect(Catalogue.toProblemRoles(cat)).toEqual(Sample.sampleRolesJson)
  })

  it('names roles in the chosen language', () => {
    expect(Catalogue.toProblemRoles(cat, 'nl').map((r) => r.name)).toEqual([
      'Begroten',
      '(Vak)inhoud leveren',
      'Regie',
      'Netwerk bouwen',
      'Afstemmen met de politiek',
    ])
  })

  it('decodes as the roles of a staffing problem for any catalogue', () => {
    fc.assert(
      fc.property(arbCatalogue, (c) => {
        const r = Problem.decodeProblem({ roles: Catalogue.toProblemRoles(c), members: [], requests: [] })
        expect(E.isRight(r)).toBe(true)
        if (E.isRight(r)) expect(r.right.roles.map((x) => x.id)).toEqual(c.roles.map((x) => x.id))
      }),
      { numRuns: 50 },
    )
  })
})

describe('Catalogue.decode', () => {
  it('fills in min 0 and weight 1 and sorts roles and qualities', () => {
    const r = Catalogue.decode({
      roles: [
        { ...oneRole, id: 'z', qualities: [{ quality: 'b', min: 2 }, { quality: 'a', weight: 3 }] },
        oneRole,
      ],
    })
    expect(E.isRight(r) && r.right.roles.map((x) => x.id)).toEqual(['x', 'z'])
    expect(E.isRight(r) && r.right.roles[1]?.qualities).toEqual([
      { quality: 'a', min: 0, weight: 3 },
      { quality: 'b', min: 2, weight: 1 },
    ])
  })

  it('reports every issue with its path', () => {
    expect(
      issuesOf({
        roles: [
          oneRole,
          {
            id: 'x',
            name: { nl: 'X' },
            question: 'Who?',
            qualities: [{ quality: 'q', min: 6 }, { quality: 'q', weight: 0 }],
            hours: { specialist: 0, agile: 2, standard: 1 },
            colour: 'red',
          },
        ],
      }),
    ).toEqual([
      ['roles[1].colour', 'unknown'],
      ['roles[1].name.en', 'type'],
      ['roles[1].question', 'type'],
      ['roles[1].qualities[0].min', 'range'],
      ['roles[1].qualities[1].weight', 'range'],
      ['roles[1].qualities[1].quality', 'duplicate'],
      ['roles[1].hours.standard', 'unknown'],
      ['roles[1].hours.specialist', 'range'],
      ['roles[1].hours.exploratory', 'type'],
      ['roles[1].id', 'duplicate'],
    ])
  })

  it('needs roles and an object', () => {
    expect(issuesOf({})).toEqual([['roles', 'type']])
    expect(issuesOf([])).toEqual([['', 'type']])
    expect(issuesOf({ roles: [{ ...oneRole, id: '' }] })).toEqual([['roles[0].id', 'range']])
  })

  it('round-trips any catalogue, also through JSON text and the io-ts codec', () => {
    fc.assert(
      fc.property(arbCatalogue, (c) => {
        expect(Catalogue.decode(Catalogue.encode(c))).toEqual(E.right(c))
        expect(Catalogue.decode(JSON.parse(JSON.stringify(Catalogue.encode(c))))).toEqual(E.right(c))
        expect(Catalogue.CatalogueCodec.decode(Catalogue.CatalogueCodec.encode(c))).toEqual(E.right(c))
      }),
    )
  })

  it('normalises whatever the input order', () => {
    fc.assert(
      fc.property(arbCatalogue.chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray([...c.roles], { minLength: c.roles.length }))), ([c, shuffled]) => {
        const again = Catalogue.decode(Catalogue.encode({ roles: shuffled.map((r) => ({ ...r, qualities: [...r.qualities].reverse() })) }))
        expect(again).toEqual(E.right(c))
      }),
    )
  })
})
