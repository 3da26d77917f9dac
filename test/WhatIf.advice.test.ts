/**
 * WhatIf.trainingAdvice: the changes it tries (one quality level up, or the capacity to fit an
 * open slot), only those that fill open priority, ranked by the re-solved score — and every
 * advice reproduces exactly by solving again; applyAdvice and its issues; limits; the words;
 * and the sample's open youth-care slot.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { Issue, WhatIf, type Plan, type Problem } from 'wendbaar'
import { sampleProblemJson } from '../src/samples/Sample.js'
import { solve, type PlanOptions } from '../src/pipeline/Solve.js'
import { decode, member, problem, request } from './support/staffing.js'

const right = <A>(r: E.Either<ReadonlyArray<Issue.Issue>, A>): A => {
  if (E.isLeft(r)) throw new Error(Issue.render(r.left).join('\n'))
  return r.right
}

const paths = <A>(r: E.Either<ReadonlyArray<Issue.Issue>, A>): ReadonlyArray<string> =>
  E.isLeft(r) ? r.left.map((i) => `${i.path} ${i.code}`) : []

/** Every advice, applied and solved again from the plan with the same options, scores what it says. */
const expectReproduced = (
  p: Problem.ValidProblem,
  plan: Plan.Plan,
  x: WhatIf.TrainingAdvice,
  options: PlanOptions = {},
): void => {
  for (const v of x.advice) {
    const again = solve(right(WhatIf.applyAdvice(p, v.advice)), { ...options, initial: plan.assignments })
    expect(again.score).toEqual(v.score)
    expect(v.gain.filled).toBe(again.score.filled - plan.score.filled)
    expect(v.gain.filled).toBeGreaterThan(0)
  }
}

/**
 * `r/lead` (priority 3) asks leadership ≥ 3: a has 2 (one level short), b 1 (two short).
 * `r2/law` (priority 1, 16 h) asks law: c has 12 h free, d 8 h.
 */
const small = (): Problem.ValidProblem =>
  problem({
    roles: [
      { id: 'lead', qualities: [{ quality: 'leadership', min: 3, weight: 1 }] },
      { id: 'work', qualities: [] },
    ],
    members: [
      member('a', { qualities: { leadership: 2 } }),
      member('b', { qualities: { leadership: 1 } }),
      member('c', { disciplines: ['law'], capacity: 20, committed: 8 }),
      member('d', { disciplines: ['law'], capacity: 16, committed: 8 }),
    ],
    requests: [
      request(
        'r',
        [
          ['r/lead', 'lead', 8],
          ['r/work', 'work', 20],
        ],
        { priority: 3 },
      ),
      request('r2', [{ id: 'r2/law', role: 'work', hours: 16, discipline: 'law' }], { priority: 1 }),
    ],
    weights: { fit: 10 },
  })

describe('WhatIf.trainingAdvice', () => {
  const p = small()
  const plan = solve(p)

  it('tries one level up for a member one level short and the capacity for a member short of hours', () => {
    expect(plan.unfilled.map((u) => u.slot)).toEqual(['r/lead', 'r2/law'])
    const x = right(WhatIf.trainingAdvice(p, plan))
    // b, two levels short, is not tried; the priority-3 slot first, then the most free hours
    expect(x.tried).toBe(3)
    expect(x.advice.map((v) => v.advice)).toEqual([
      { _tag: 'upgrade', member: 'a', quality: 'leadership', from: 2, to: 3 },
      { _tag: 'capacity', member: 'c', from: 20, to: 24 },
      { _tag: 'capacity', member: 'd', from: 16, to: 24 },
    ])
    expect(x.advice.map((v) => [v.filled, v.gain.filled])).toEqual([
      [['r/lead'], 3],
      [['r2/law'], 1],
      [['r2/law'], 1],
    ])
    expectReproduced(p, plan, x)
    expect(right(WhatIf.trainingAdvice(p, plan, {}, { top: 1 })).advice).toEqual(x.advice.slice(0, 1))
  })

  it('respects the limits, and reports bad ones and broken plans with paths', () => {
    expect(right(WhatIf.trainingAdvice(p, plan, {}, { tries: 0 }))).toEqual({
      _tag: 'TrainingAdvice',
      advice: [],
      tried: 0,
    })
    expect(right(WhatIf.trainingAdvice(p, plan, {}, { top: 0 })).advice).toEqual([])
    expect(paths(WhatIf.trainingAdvice(p, plan, {}, { top: -1 }))).toEqual(['limits.top range'])
    expect(paths(WhatIf.trainingAdvice(p, plan, {}, { tries: 1.5 }))).toEqual(['limits.tries range'])
    expect(
      paths(
        WhatIf.trainingAdvice(p, {
          ...plan,
          assignments: [{ slot: 'r/lead', member: 'zz' as Problem.MemberId }],
        }),
      ),
    ).toEqual(['plan.assignments[0].member reference'])
  })
})

describe('WhatIf.applyAdvice', () => {
  const p = small()

  it('raises a quality or changes a capacity, through the problem decoder', () => {
    const up = right(
      WhatIf.applyAdvice(p, {
        _tag: 'upgrade',
        member: 'a' as Problem.MemberId,
        quality: 'leadership',
        from: 2,
        to: 3,
      }),
    )
    expect(up.members.find((m) => m.id === 'a')?.qualities['leadership']).toBe(3)
    const cap = right(
      WhatIf.applyAdvice(p, { _tag: 'capacity', member: 'd' as Problem.MemberId, from: 16, to: 28 }),
    )
    expect(cap.members.find((m) => m.id === 'd')?.capacity).toBe(28)
    expect(p.members.find((m) => m.id === 'd')?.capacity).toBe(16)
  })

  it('reports an unknown member, and a change the format forbids', () => {
    expect(
      paths(WhatIf.applyAdvice(p, { _tag: 'capacity', member: 'zz' as Problem.MemberId, from: 1, to: 2 })),
    ).toEqual(['advice.member reference'])
    expect(
      paths(WhatIf.applyAdvice(p, { _tag: 'capacity', member: 'c' as Problem.MemberId, from: 20, to: 4 })),
    ).toEqual(['members[2].committed range'])
  })
})

describe('WhatIf.trainingAdvice on the sample', () => {
  const p = decode(sampleProblemJson)
  const plan = solve(p)
  const x = right(WhatIf.trainingAdvice(p, plan))

  it('fills the youth-care slot by giving one of three youth-care members the hours, verified by solving again', () => {
    expect(x.tried).toBe(4)
    expect(x.advice.map((v) => v.advice)).toEqual([
      { _tag: 'capacity', member: 'm28', from: 24, to: 28 },
      { _tag: 'capacity', member: 'm08', from: 24, to: 32 },
      { _tag: 'capacity', member: 'm35', from: 16, to: 20 },
    ])
    for (const v of x.advice) expect(v.filled).toEqual(['jeugdzorg-wachtlijsten/content-youth-care'])
    expectReproduced(p, plan, x)
  })

  it('says it in English and Dutch', () => {
    expect(WhatIf.toLines(x, 'en')[0]).toBe(
      '3 of 4 changes tried fill open slots (verified by solving again)',
    )
    expect(WhatIf.toLines(x, 'en')[1]).toMatch(
      /^1\. m28: capacity 24 → 28 h\/week — fills jeugdzorg-wachtlijsten\/content-youth-care; filled \+5, soft \+/,
    )
    expect(WhatIf.toLines(x, 'nl')[1]).toMatch(
      /^1\. m28: capaciteit 24 → 28 u\/week — vult jeugdzorg-wachtlijsten\/content-youth-care; gevuld \+5, zacht \+/,
    )
  })
})
