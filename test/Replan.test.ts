/**
 * Replan: diff (exact on a hand-made pair of plans, and its laws as properties), the change
 * codec (round trip, issues with paths), replan (edits, dropped pins, issues at the changes'
 * paths, determinism), disruption (forced against chosen) and the sample end to end: a member
 * leaves, the problem is replanned and solved again.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { Issue, IsoDate, Plan, Replan, type Problem } from 'wendbaar'
import { decodeProblem, encodeProblem, MemberCodec, RequestCodec } from '../src/pipeline/Problem.js'
import { sampleProblemJson } from '../src/samples/Sample.js'
import { planOf, solve } from '../src/pipeline/Solve.js'
import { problemJson } from './support/arbitraries.js'
import { decode, member, problem, request } from './support/staffing.js'

const date = (s: string): IsoDate.IsoDate => s as IsoDate.IsoDate

const right = <A>(r: E.Either<ReadonlyArray<Issue.Issue>, A>): A => {
  if (E.isLeft(r)) throw new Error(Issue.render(r.left).join('\n'))
  return r.right
}

/** The value of an io-ts validation (in tests only: throws with the messages). */
const valid = <A>(r: E.Either<ReadonlyArray<{ readonly message?: string | undefined }>, A>): A => {
  if (E.isLeft(r)) throw new Error(r.left.map((e) => e.message ?? '').join('\n'))
  return r.right
}

const paths = <A>(r: E.Either<ReadonlyArray<Issue.Issue>, A>): ReadonlyArray<string> =>
  E.isLeft(r) ? r.left.map((i) => `${i.path} ${i.code}`) : []

/**
 * Two roles (`lead` asks leadership ≥ 3), four members, two overlapping requests; `a` is
 * pinned to `r1/lead`. Weights: fit 10, diversity 2, continuity 5.
 */
const small = (): Problem.ValidProblem =>
  problem({
    roles: [
      { id: 'lead', qualities: [{ quality: 'leadership', min: 3, weight: 1 }] },
      { id: 'work', qualities: [] },
    ],
    members: [
      member('a', { qualities: { leadership: 4 } }),
      member('b', { qualities: { leadership: 3 } }),
      member('c', { qualities: { leadership: 1 }, capacity: 20, committed: 10 }),
      member('d', { disciplines: ['law'], available: [{ from: '2027-01-01', to: '2027-12-31' }] }),
    ],
    requests: [
      request(
        'r1',
        [
          ['r1/lead', 'lead', 8],
          ['r1/work', 'work', 8],
        ],
        { priority: 2 },
      ),
      request(
        'r2',
        [
          ['r2/lead', 'lead', 8],
          ['r2/work', 'work', 8],
        ],
        {
          period: { from: '2027-03-01', to: '2027-09-30' },
        },
      ),
    ],
    pinned: [{ member: 'a', slot: 'r1/lead' }],
    weights: { fit: 10, diversity: 2, continuity: 5 },
  })

const planFor = (p: Problem.ValidProblem, pairs: ReadonlyArray<readonly [string, string]>): Plan.Plan =>
  right(
    planOf(
      p,
      pairs.map(([slot, m]) => ({ slot, member: m })),
    ),
  )

// -------------------------------------------------------------------------------------
// diff
// -------------------------------------------------------------------------------------

describe('Replan.diff', () => {
  const p = small()
  const before = planFor(p, [
    ['r1/lead', 'a'],
    ['r1/work', 'c'],
    ['r2/lead', 'b'],
  ])
  const after = planFor(p, [
    ['r1/lead', 'a'],
    ['r1/work', 'd'],
    ['r2/work', 'c'],
  ])

  it('lists the assignments added, removed and changed, the people and the score change', () => {
    const d = Replan.diff(before, after)
    expect(d.added).toEqual([{ slot: 'r2/work', member: 'c' }])
    expect(d.removed).toEqual([{ slot: 'r2/lead', member: 'b' }])
    expect(d.changed).toEqual([{ slot: 'r1/work', from: 'c', to: 'd' }])
    expect(d.people).toEqual(['b', 'c', 'd'])
    // filled 2+2+1 both times; fit 10·(4/5 + 3/5) = 14 before, 10·4/5 = 8 after;
    // diversity 2·(1+1) before, 2·(2+1) after (d's primary discipline is law)
    expect(d.delta.filled).toBe(0)
    expect(d.delta.terms.fit).toBeCloseTo(-6, 12)
    expect(d.delta.terms.diversity).toBe(2)
    expect(d.delta.soft).toBeCloseTo(-4, 12)
    expect([d.delta.terms.preference, d.delta.terms.learning, d.delta.terms.continuity]).toEqual([0, 0, 0])
    expect([d.delta.terms.rotation, d.delta.terms.balance]).toEqual([0, 0])
    expect(Replan.isEmpty(d)).toBe(false)
  })

  it('says it in words, in English and Dutch', () => {
    const d = Replan.diff(before, after)
    expect(Replan.toLines(d, 'en')).toEqual([
      '1 added, 1 removed, 1 changed; 3 people affected',
      '+ r2/work: c',
      '- r2/lead: b',
      '~ r1/work: c → d',
      'filled 0, soft -4 (fit -6, diversity +2)',
    ])
    expect(Replan.toLines(d, 'nl')).toEqual([
      '1 toegevoegd, 1 vervallen, 1 gewijzigd; 3 mensen geraakt',
      '+ r2/work: c',
      '- r2/lead: b',
      '~ r1/work: c → d',
      'gevuld 0, zachte score -4 (passendheid -6, diversiteit +2)',
    ])
    expect(Replan.toLines(Replan.diff(before, before), 'en')).toEqual([
      'no change in the assignments',
      'filled 0, soft 0',
    ])
  })

  // arbitrary plans over a few slots and members, with arbitrary scores
  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
  const planArb: fc.Arbitrary<Plan.Plan> = fc
    .record({
      holders: fc.array(fc.option(fc.constantFrom('a', 'b', 'c', '__proto__'), { nil: undefined }), {
        minLength: 6,
        maxLength: 6,
      }),
      filled: fc.integer({ min: 0, max: 30 }),
      terms: fc.tuple(finite, finite, finite, finite, finite, finite, finite),
    })
    .map((r) => {
      const [fit, preference, learning, continuity, diversity, rotation, balance] = r.terms
      const terms = { fit, preference, learning, continuity, diversity, rotation, balance }
      return {
        assignments: r.holders.flatMap((m, i) =>
          m === undefined ? [] : [{ slot: `s${i}` as Problem.SlotId, member: m as Problem.MemberId }],
        ),
        unfilled: [],
        score: { filled: r.filled, soft: r.terms.reduce((x, y) => x + y, 0), terms },
        bound: null,
        status: 'feasible' as const,
        gap: null,
        stats: Plan.noStats,
      }
    })

  const neg = (x: number): number => 0 - x
  const mirrored = (d: Replan.PlanDiff): Replan.PlanDiff => ({
    _tag: 'PlanDiff',
    added: d.removed,
    removed: d.added,
    changed: d.changed.map((c) => ({ slot: c.slot, from: c.to, to: c.from })),
    people: d.people,
    delta: {
      filled: neg(d.delta.filled),
      soft: neg(d.delta.soft),
      terms: {
        fit: neg(d.delta.terms.fit),
        preference: neg(d.delta.terms.preference),
        learning: neg(d.delta.terms.learning),
        continuity: neg(d.delta.terms.continuity),
        diversity: neg(d.delta.terms.diversity),
        rotation: neg(d.delta.terms.rotation),
        balance: neg(d.delta.terms.balance),
      },
    },
  })

  it('of a plan with itself is empty (property)', () => {
    fc.assert(
      fc.property(planArb, (x) => {
        const d = Replan.diff(x, x)
        expect(Replan.isEmpty(d)).toBe(true)
        expect(d.people).toEqual([])
      }),
    )
  })

  it('mirrors: diff(b, a) is diff(a, b) run backwards (property)', () => {
    fc.assert(
      fc.property(planArb, planArb, (a, b) => {
        expect(Replan.diff(b, a)).toEqual(mirrored(Replan.diff(a, b)))
      }),
    )
  })

  it('accounts for every slot: before + added − removed gives the slots filled after (property)', () => {
    fc.assert(
      fc.property(planArb, planArb, (a, b) => {
        const d = Replan.diff(a, b)
        const filled = new Set(a.assignments.map((x) => x.slot as string))
        for (const x of d.added) filled.add(x.slot)
        for (const x of d.removed) filled.delete(x.slot)
        expect([...filled].sort()).toEqual(b.assignments.map((x) => x.slot as string).sort())
        const people = new Set([...d.added, ...d.removed].map((x) => x.member as string))
        for (const c of d.changed) people.add(c.from).add(c.to)
        expect(d.people).toEqual([...people].sort())
      }),
    )
  })
})

// -------------------------------------------------------------------------------------
// the change codec
// -------------------------------------------------------------------------------------

describe('Replan.ChangeCodec', () => {
  const id = fc.oneof(
    fc.constantFrom('m1', 'r1', 'r1/lead', '__proto__', 'toString', 'a b', 'é'),
    fc.string({ minLength: 1, maxLength: 4 }),
  )
  const day = fc.constantFrom('2027-01-01', '2027-02-28', '2028-02-29', '2027-12-31').map(date)
  const periodArb = fc.tuple(day, day).map(([x, y]) => (x <= y ? { from: x, to: y } : { from: y, to: x }))
  const hours = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.25, max: 40, noNaN: true }))
  const decoded = problemJson
    .map((j) => decodeProblem(j))
    .filter(E.isRight)
    .map((r) => r.right)
  const memberArb = decoded.filter((p) => p.members.length > 0).chain((p) => fc.constantFrom(...p.members))
  const requestArb = decoded.filter((p) => p.requests.length > 0).chain((p) => fc.constantFrom(...p.requests))
  const changeArb: fc.Arbitrary<Replan.Change> = fc.oneof(
    fc.tuple(id, day).map(([m, from]) => Replan.memberLeaves(m, from)),
    memberArb.map(Replan.memberJoins),
    requestArb.map(Replan.requestArrives),
    id.map(Replan.requestCancelled),
    fc
      .record({
        request: id,
        hours: fc.array(fc.tuple(id, hours), { maxLength: 3 }),
        period: fc.option(periodArb, { nil: undefined }),
      })
      .map((r) =>
        Replan.requestChanges(r.request, {
          hours: Object.fromEntries(r.hours),
          ...(r.period === undefined ? {} : { period: r.period }),
        }),
      ),
    fc.tuple(id, id).map(([m, s]) => Replan.pinAdded(m, s)),
    fc.tuple(id, id).map(([m, s]) => Replan.pinRemoved(m, s)),
  )

  it('round-trips: decode ∘ encode = id, through JSON text too (property)', () => {
    fc.assert(
      fc.property(changeArb, (c) => {
        expect(Replan.decodeChange(Replan.encodeChange(c))).toEqual(E.right(c))
        const text = JSON.stringify(Replan.ChangeCodec.encode(c))
        expect(Replan.ChangeCodec.decode(JSON.parse(text))).toEqual(E.right(c))
      }),
      { numRuns: 200 },
    )
  })

  it('reads the JSON form with defaults and sorted hours', () => {
    expect(
      Replan.decodeChange({ _tag: 'requestChanges', request: 'r1', hours: { 'r1/work': 4, 'r1/lead': 2 } }),
    ).toEqual(
      E.right({
        _tag: 'requestChanges',
        request: 'r1',
        hours: [
          { slot: 'r1/lead', hours: 2 },
          { slot: 'r1/work', hours: 4 },
        ],
        period: null,
      }),
    )
  })

  it('reports every issue with its path', () => {
    expect(paths(Replan.decodeChange({ _tag: 'memberQuits', member: 'm1' }))).toEqual(['_tag unknown'])
    expect(paths(Replan.decodeChange({ member: 'm1' }))).toEqual(['_tag type'])
    expect(paths(Replan.decodeChange([]))).toEqual([' type'])
    expect(
      paths(Replan.decodeChange({ _tag: 'memberLeaves', member: '', from: '2027-02-30', extra: 1 })),
    ).toEqual(['extra unknown', 'member range', 'from date'])
    expect(
      paths(Replan.decodeChange({ _tag: 'memberJoins', member: { id: 'x', disciplines: [], capacity: -1 } })),
    ).toEqual(['member.disciplines range', 'member.capacity range'])
    expect(
      paths(
        Replan.decodeChange({
          _tag: 'requestChanges',
          request: 'r1',
          hours: { 'r1/lead': 0, 'r1/work': 'x' },
          period: { from: '2027-05-01', to: '2027-04-01' },
        }),
      ),
    ).toEqual(['hours["r1/lead"] range', 'hours["r1/work"] type', 'period period'])
    expect(
      paths(
        Replan.decodeChanges([
          { _tag: 'pinAdded', member: 'm1' },
          { _tag: 'pinRemoved', slot: 3, member: 'm' },
        ]),
      ),
    ).toEqual(['changes[0].slot type', 'changes[1].slot type'])
    const io = Replan.ChangeCodec.decode({ _tag: 'requestCancelled' })
    expect(E.isLeft(io) && io.left.map((e) => e.message)).toEqual([
      'request: required field "request" is missing (type)',
    ])
  })
})

// -------------------------------------------------------------------------------------
// replan
// -------------------------------------------------------------------------------------

describe('Replan.replan', () => {
  const p = small()
  const before = planFor(p, [
    ['r1/lead', 'a'],
    ['r1/work', 'c'],
    ['r2/lead', 'b'],
    ['r2/work', 'd'],
  ])

  it('makes the current plan the previous plan and keeps history, apart pairs and policy', () => {
    const next = right(Replan.replan(p, before, [])).problem
    expect(next.previous).toEqual(before.assignments.map((a) => ({ member: a.member, slot: a.slot })))
    expect({ ...next, previous: p.previous }).toEqual(p)
  })

  it('ends the availability of a member who leaves the day before', () => {
    const next = right(
      Replan.replan(p, before, [
        Replan.memberLeaves('b', date('2027-05-01')),
        Replan.memberLeaves('d', date('2027-03-01')),
      ]),
    )
    const byId = new Map(next.problem.members.map((m) => [m.id as string, m]))
    expect(byId.get('b')?.available).toEqual([{ from: '0001-01-01', to: '2027-04-30' }])
    expect(byId.get('d')?.available).toEqual([{ from: '2027-01-01', to: '2027-02-28' }])
    const never = right(Replan.replan(p, before, [Replan.memberLeaves('c', date('0001-01-01'))])).problem
    expect(never.members.find((m) => m.id === 'c')?.available).toEqual([])
    expect(next.droppedPins).toEqual([])
    // the previous plan still names them: continuity simply cannot keep what is no longer possible
    expect(next.problem.previous).toHaveLength(4)
  })

  it('applies request changes: hours of named slots and the period', () => {
    const next = right(
      Replan.replan(p, before, [
        Replan.requestChanges('r2', {
          hours: { 'r2/work': 12 },
          period: { from: date('2027-04-01'), to: date('2027-10-31') },
        }),
      ]),
    ).problem
    const r2 = next.requests.find((r) => r.id === 'r2')
    expect(r2?.period).toEqual({ from: '2027-04-01', to: '2027-10-31' })
    expect(r2?.slots.map((s) => [s.id, s.hours])).toEqual([
      ['r2/lead', 8],
      ['r2/work', 12],
    ])
  })

  it('adds joining members and arriving requests', () => {
    const e = valid(MemberCodec.decode(member('e', { qualities: { leadership: 5 } })))
    const r3 = valid(RequestCodec.decode(request('r3', [['r3/lead', 'lead', 4]])))
    const next = right(
      Replan.replan(p, before, [
        Replan.memberJoins(e),
        Replan.requestArrives(r3),
        Replan.pinAdded('e', 'r3/lead'),
      ]),
    )
    expect(next.problem.members.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(next.problem.requests.map((r) => r.id)).toEqual(['r1', 'r2', 'r3'])
    expect(next.problem.pinned).toEqual([
      { member: 'a', slot: 'r1/lead' },
      { member: 'e', slot: 'r3/lead' },
    ])
  })

  it('drops the pins the changes make impossible, and says why', () => {
    const cancelled = right(Replan.replan(p, before, [Replan.requestCancelled('r1')]))
    expect(cancelled.problem.requests.map((r) => r.id)).toEqual(['r2'])
    expect(cancelled.problem.pinned).toEqual([])
    expect(cancelled.problem.previous.map((x) => x.slot)).toEqual(['r2/lead', 'r2/work'])
    expect(cancelled.droppedPins).toEqual([
      { member: 'a', slot: 'r1/lead', reason: 'cancelled', detail: 'request r1 was cancelled' },
    ])

    const gone = right(Replan.replan(p, before, [Replan.memberLeaves('a', date('2027-06-01'))]))
    expect(gone.problem.pinned).toEqual([])
    expect(gone.droppedPins).toHaveLength(1)
    expect(gone.droppedPins[0]).toMatchObject({ member: 'a', slot: 'r1/lead', reason: 'broken' })
    expect(gone.droppedPins[0]?.detail).toContain('availability')

    const replaced = right(Replan.replan(p, before, [Replan.pinAdded('b', 'r1/lead')]))
    expect(replaced.problem.pinned).toEqual([{ member: 'b', slot: 'r1/lead' }])
    expect(replaced.droppedPins).toEqual([
      { member: 'a', slot: 'r1/lead', reason: 'replaced', detail: 'slot r1/lead is now pinned to b' },
    ])
    expect(Replan.toLines(replaced, 'en')).toEqual([
      'next problem: 4 members, 2 requests, 4 previous assignments, 1 pin',
      'pin dropped: a on r1/lead (replaced by a new pin: slot r1/lead is now pinned to b)',
    ])
    expect(Replan.toLines(replaced, 'nl')[1]).toBe(
      'vastzetting vervallen: a op r1/lead (vervangen door een nieuwe vastzetting: slot r1/lead is now pinned to b)',
    )

    // a pin removed, then added again: no trace
    const again = right(
      Replan.replan(p, before, [Replan.pinRemoved('a', 'r1/lead'), Replan.pinAdded('a', 'r1/lead')]),
    )
    expect(again.problem.pinned).toEqual(p.pinned)
    expect(again.droppedPins).toEqual([])
  })

  it('reports unknown ids and impossible edits at the changes’ paths', () => {
    const taken = valid(MemberCodec.decode(member('a')))
    const r = Replan.replan(p, before, [
      Replan.memberLeaves('zz', date('2027-05-01')),
      Replan.requestCancelled('nope'),
      Replan.pinAdded('a', 'nope/slot'),
      Replan.pinRemoved('b', 'r1/lead'),
      Replan.requestChanges('r1', { hours: { 'r2/work': 4 } }),
      Replan.memberJoins(taken),
      Replan.pinAdded('ghost', 'r1/work'),
    ])
    expect(paths(r)).toEqual([
      'changes[0].member reference',
      'changes[1].request reference',
      'changes[2].slot reference',
      'changes[3] reference',
      'changes[4].hours["r2/work"] reference',
      'changes[5].member.id duplicate',
      'changes[6].member reference',
    ])
  })

  it('checks ids against the changes before them: a cancelled request’s slots are gone', () => {
    expect(
      paths(Replan.replan(p, before, [Replan.requestCancelled('r2'), Replan.pinAdded('b', 'r2/lead')])),
    ).toEqual(['changes[1].slot reference'])
  })

  it('reports what the problem decoder finds in a change at that change', () => {
    const ghostRole = valid(RequestCodec.decode(request('r3', [['r3/x', 'ghost', 4]])))
    const clash = valid(RequestCodec.decode(request('r4', [['r1/lead', 'lead', 4]])))
    const prefers = valid(MemberCodec.decode(member('e', { preferences: { ghost: 1 } })))
    expect(
      paths(
        Replan.replan(p, before, [
          Replan.requestArrives(ghostRole),
          Replan.memberJoins(prefers),
          Replan.requestArrives(clash),
        ]),
      ),
    ).toEqual([
      'changes[1].member.preferences.ghost reference',
      'changes[0].request.slots[0].role reference',
      'changes[2].request.slots[0].id duplicate',
    ])
    // a new pin that breaks a hard constraint is never dropped: it is an issue of its change
    const ineligible = Replan.replan(p, before, [Replan.pinAdded('c', 'r2/lead')])
    expect(paths(ineligible)).toEqual(['changes[0] pin'])
  })

  it('reports plan assignments that do not belong to the problem', () => {
    const foreign = {
      ...before,
      assignments: [...before.assignments, { slot: 'x' as Problem.SlotId, member: 'y' as Problem.MemberId }],
    }
    expect(paths(Replan.replan(p, foreign, []))).toEqual([
      'plan.assignments[4].slot reference',
      'plan.assignments[4].member reference',
    ])
  })

  it('never fails for changes that name existing ids, and is deterministic; the result re-decodes (property)', () => {
    const arb = problemJson
      .map((j) => decodeProblem(j))
      .filter(E.isRight)
      .map((r) => r.right)
      .chain((q) => {
        const members = q.members.map((m) => m.id as string)
        const requests = q.requests.map((r) => r.id as string)
        const day = fc.constantFrom('0001-01-01', '2026-06-01', '2027-03-15', '2027-09-01').map(date)
        const options: Array<fc.Arbitrary<Replan.Change>> = []
        if (members.length > 0)
          options.push(fc.tuple(fc.constantFrom(...members), day).map(([m, d]) => Replan.memberLeaves(m, d)))
        if (requests.length > 0) options.push(fc.constantFrom(...requests).map(Replan.requestCancelled))
        if (q.pinned.length > 0)
          options.push(fc.constantFrom(...q.pinned).map((x) => Replan.pinRemoved(x.member, x.slot)))
        const changes =
          options.length === 0 ? fc.constant([]) : fc.array(fc.oneof(...options), { maxLength: 3 })
        return fc.tuple(fc.constant(q), changes)
      })
    fc.assert(
      fc.property(arb, ([q, changes]) => {
        // cancelling a request twice names an unknown id the second time: keep the first only
        const seen = new Set<string>()
        const once = changes.filter((c) => {
          const key = JSON.stringify(Replan.encodeChange(c))
          if (c._tag !== 'memberLeaves' && seen.has(key)) return false
          seen.add(key)
          return !(c._tag === 'pinRemoved' && [...seen].some((k) => k.includes('requestCancelled')))
        })
        const plan = solve(q, { effort: 2_000 })
        const r = Replan.replan(q, plan, once)
        expect(Replan.replan(q, plan, once)).toEqual(r)
        const next = right(r)
        expect(right(decodeProblem(encodeProblem(next.problem)))).toEqual(next.problem)
        // every pin of the old problem is kept, removed by a change, or listed as dropped
        const kept = new Set(next.problem.pinned.map((x) => `${x.member} ${x.slot}`))
        const dropped = new Set(next.droppedPins.map((x) => `${x.member} ${x.slot}`))
        const removed = new Set(
          once.flatMap((c) => (c._tag === 'pinRemoved' ? [`${c.member} ${c.slot}`] : [])),
        )
        for (const x of q.pinned) {
          const k = `${x.member} ${x.slot}`
          expect(kept.has(k) || dropped.has(k) || removed.has(k)).toBe(true)
        }
        // the previous plan is the plan, less the pairs whose slot is gone
        const slots = new Set(next.problem.requests.flatMap((x) => x.slots.map((s) => s.id as string)))
        expect(next.problem.previous).toEqual(
          plan.assignments.filter((a) => slots.has(a.slot)).map((a) => ({ member: a.member, slot: a.slot })),
        )
      }),
      { numRuns: 60 },
    )
  })
})

// -------------------------------------------------------------------------------------
// disruption
// -------------------------------------------------------------------------------------

describe('Replan.disruption', () => {
  const p = small()
  const before = planFor(p, [
    ['r1/lead', 'a'],
    ['r1/work', 'c'],
    ['r2/lead', 'b'],
  ])

  it('splits the changed assignments into forced and chosen', () => {
    const next = right(Replan.replan(p, before, [Replan.memberLeaves('b', date('2027-05-01'))])).problem
    const after = planFor(next, [
      ['r1/lead', 'a'],
      ['r1/work', 'd'],
      ['r2/lead', 'a'],
    ])
    const d = Replan.disruption(next, before, after)
    expect([d.changed, d.forced, d.beyond]).toEqual([2, 1, 1])
    expect(d.assignments).toEqual([
      { slot: 'r1/work', member: 'c', now: 'd', cause: null, detail: '' },
      {
        slot: 'r2/lead',
        member: 'b',
        now: 'a',
        cause: 'availability',
        detail: 'not available 2027-03-01..2027-09-30',
      },
    ])
    expect(Replan.toLines(d, 'en')).toEqual([
      '2 assignments changed: 1 forced by the changes, 1 beyond them',
      'chosen r1/work: c → d',
      'forced r2/lead: b → a (availability: not available 2027-03-01..2027-09-30)',
    ])
    expect(Replan.toLines(d, 'nl')).toEqual([
      '2 toewijzingen gewijzigd: 1 afgedwongen door de wijzigingen, 1 daarbovenop',
      'gekozen r1/work: c → d',
      'afgedwongen r2/lead: b → a (beschikbaarheid: not available 2027-03-01..2027-09-30)',
    ])
  })

  it('names a slot that is gone, a pin for someone else and a slot grown past the member’s time', () => {
    const next = right(
      Replan.replan(p, before, [Replan.requestCancelled('r2'), Replan.pinAdded('d', 'r1/work')]),
    ).problem
    const after = planFor(next, [
      ['r1/lead', 'a'],
      ['r1/work', 'd'],
    ])
    const d = Replan.disruption(next, before, after)
    expect(d.assignments.map((x) => [x.slot, x.now, x.cause])).toEqual([
      ['r1/work', 'd', 'pinned'],
      ['r2/lead', null, 'slot-gone'],
    ])
    expect([d.changed, d.forced, d.beyond]).toEqual([2, 2, 0])

    const grown = right(
      Replan.replan(p, before, [Replan.requestChanges('r1', { hours: { 'r1/work': 12 } })]),
    ).problem
    const d2 = Replan.disruption(
      grown,
      before,
      planFor(grown, [
        ['r1/lead', 'a'],
        ['r2/lead', 'b'],
      ]),
    )
    expect(d2.assignments).toEqual([
      { slot: 'r1/work', member: 'c', now: null, cause: 'capacity', detail: '10 h free < 12 h' },
    ])
  })

  it('is zero when nothing changes', () => {
    expect(Replan.disruption(p, before, before)).toEqual({
      _tag: 'Disruption',
      changed: 0,
      forced: 0,
      beyond: 0,
      assignments: [],
    })
  })
})

// -------------------------------------------------------------------------------------
// the sample, end to end
// -------------------------------------------------------------------------------------

describe('Replan on the sample: Anouk de Vries (m01) leaves on 1 July 2027', () => {
  const sample = decode(sampleProblemJson)
  const before = solve(sample)
  const next = right(Replan.replan(sample, before, [Replan.memberLeaves('m01', date('2027-07-01'))]))
  const after = solve(next.problem)

  it('carries the whole plan forward as the previous plan and keeps the pin', () => {
    expect(before.score.filled).toBe(138)
    expect(next.problem.previous).toHaveLength(39)
    expect(next.problem.pinned).toEqual(sample.pinned)
    expect(next.droppedPins).toEqual([])
  })

  it('solves again, keeping every assignment that is still possible', () => {
    // proven optimal both times (bound = score)
    expect(after.bound).toEqual({ filled: after.score.filled, soft: after.score.soft })
    const d = Replan.diff(before, after)
    expect(d.added).toEqual([])
    expect(d.removed).toEqual([{ slot: 'binnenstad-nacht/content-social-domain', member: 'm01' }])
    expect(d.changed).toEqual([
      { slot: 'armoedebeleid/direction', from: 'm01', to: 'm31' },
      { slot: 'fietsbrug/direction', from: 'm01', to: 'm10' },
    ])
    expect(d.people).toEqual(['m01', 'm10', 'm31'])
    // one priority-3 slot is left open; 36 of the 39 previous pairs are kept (5 points each),
    // against one kept pair before
    expect(d.delta.filled).toBe(-3)
    expect(after.score.terms.continuity).toBe(180)
    expect(d.delta.terms.continuity).toBe(175)
    expect(d.delta.soft).toBeCloseTo(after.score.soft - before.score.soft, 9)
  })

  it('disrupts only what the departure forces', () => {
    const x = Replan.disruption(next.problem, before, after)
    expect([x.changed, x.forced, x.beyond]).toEqual([3, 3, 0])
    expect(x.assignments.map((a) => [a.slot, a.cause, a.detail])).toEqual([
      ['armoedebeleid/direction', 'availability', 'not available 2027-06-01..2027-12-31'],
      ['binnenstad-nacht/content-social-domain', 'availability', 'not available 2027-05-01..2027-10-31'],
      ['fietsbrug/direction', 'availability', 'not available 2027-04-01..2027-12-31'],
    ])
  })
})
