/**
 * Helpers for the domain solve tests (Compile, Solve, test/constraints, test/terms, golden):
 * tiny §6 problems written as JSON, decoded strictly, and small accessors on plans.
 */
import * as E from 'fp-ts/lib/Either.js'
import { decodeProblem, type ValidProblem } from '../../src/pipeline/Problem.js'
import { render } from '../../src/kernel/Issue.js'
import type { Issue } from '../../src/kernel/Issue.js'
import type { Plan, Reason, Score } from '../../src/staffing/Plan.js'
import { evaluatePlan } from '../../src/pipeline/Solve.js'

/** Every weight 0: term tests switch on only the term under test. */
export const zeroWeights = {
  fit: 0,
  preference: 0,
  learning: 0,
  continuity: 0,
  diversity: 0,
  rotation: 0,
  balance: 0,
} as const

/** Decodes §6 JSON, throwing (in tests only) with the rendered issues when it is invalid. */
export const decode = (json: unknown): ValidProblem => {
  const r = decodeProblem(json)
  if (E.isLeft(r)) throw new Error(render(r.left).join('\n'))
  return r.right
}

/** A role without quality requirements. */
export const plainRole = (id: string): unknown => ({ id, qualities: [] })

/** A member with one discipline `general`, 40 h capacity and the given overrides. */
export const member = (id: string, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  disciplines: ['general'],
  qualities: {},
  capacity: 40,
  ...over,
})

/** A request in 2027 with the given slots (each `[id, role, hours]` or a full slot object). */
export const request = (
  id: string,
  slots: ReadonlyArray<readonly [string, string, number] | Record<string, unknown>>,
  over: Record<string, unknown> = {},
): Record<string, unknown> => ({
  id,
  period: { from: '2027-01-01', to: '2027-06-30' },
  slots: slots.map((s) => (Array.isArray(s) ? { id: s[0], role: s[1], hours: s[2] } : s)),
  ...over,
})

/** A problem with zero weights by default; `policy.weights` entries override single weights. */
export const problem = (p: {
  readonly roles?: ReadonlyArray<unknown>
  readonly members: ReadonlyArray<unknown>
  readonly requests: ReadonlyArray<unknown>
  readonly history?: ReadonlyArray<unknown>
  readonly pinned?: ReadonlyArray<unknown>
  readonly previous?: ReadonlyArray<unknown>
  readonly apart?: ReadonlyArray<unknown>
  readonly weights?: Partial<Record<keyof typeof zeroWeights, number>>
  readonly policy?: Record<string, unknown>
}): ValidProblem =>
  decode({
    roles: p.roles ?? [plainRole('r')],
    members: p.members,
    requests: p.requests,
    history: p.history ?? [],
    pinned: p.pinned ?? [],
    previous: p.previous ?? [],
    apart: p.apart ?? [],
    policy: { ...p.policy, weights: { ...zeroWeights, ...p.weights } },
  })

/** The member assigned to a slot in a plan, or undefined. */
export const memberOf = (plan: Plan, slot: string): string | undefined =>
  plan.assignments.find((a) => a.slot === slot)?.member

/** The reasons of an unfilled slot (undefined when the slot is filled). */
export const reasonsOf = (plan: Plan, slot: string): ReadonlyArray<Reason> | undefined =>
  plan.unfilled.find((u) => u.slot === slot)?.reasons

/** Scores assignments, throwing (in tests only) when they are invalid. */
export const scoreOf = (
  p: ValidProblem,
  assignments: ReadonlyArray<readonly [string, string]>,
): Score => {
  const r = evaluatePlan(p)(assignments.map(([slot, m]) => ({ slot, member: m })))
  if (E.isLeft(r)) throw new Error(render(r.left).join('\n'))
  return r.right
}

/** The issues of invalid assignments (an empty array when they are valid). */
export const planIssues = (
  p: ValidProblem,
  assignments: ReadonlyArray<readonly [string, string]>,
): ReadonlyArray<Issue> => {
  const r = evaluatePlan(p)(assignments.map(([slot, m]) => ({ slot, member: m })))
  return E.isLeft(r) ? r.left : []
}

/** The sum of a slot's reason counts. */
export const total = (reasons: ReadonlyArray<Reason> | undefined): number =>
  (reasons ?? []).reduce((acc, r) => acc + r.count, 0)
