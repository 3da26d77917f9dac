/**
 * What-if views of a staffing problem: where demand outruns the pool, before any plan, and which
 * single change would fill the slots a plan leaves open.
 *
 * {@link supplyAndDemand} sets, per need — a discipline, or a role requirement such as
 * `leadership ≥ 3` — the hours per week the slots with that need ask for against the free
 * hours of the members who meet it, and the shortfall; overall and per unit. It shows at a
 * glance which expertise is scarce, before solving. See the replanning guide
 * (`docs/replanning.md`) for an example.
 *
 * {@link trainingAdvice} looks at a plan's open slots: which single upgrade (a member's quality
 * one level up) or capacity change would let the pool fill them — each one verified by solving
 * the changed problem again, warm started from the plan, and ranked by that re-solved score.
 * See the explanations guide (`docs/explanations.md`).
 *
 * @since 0.1.0
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { NonEmptyArray } from 'fp-ts/lib/NonEmptyArray.js'
import * as O from 'fp-ts/lib/Option.js'
import type { Language } from '../classify/Assessment.js'
import * as Eligibility from '../staffing/Eligibility.js'
import { compareScore, type Levels } from '../model/Evaluate.js'
import type { PlanLike } from './Explain.js'
import { field, issue, type Issue } from '../kernel/Issue.js'
import type { Score } from '../staffing/Plan.js'
import type {
  Member,
  MemberId,
  Problem,
  QualityLevel,
  Request,
  Slot,
  SlotId,
  ValidProblem,
} from './Problem.js'
import { compareIds, decodeProblem, encodeProblem } from './Problem.js'
import { solve, type PlanOptions } from './Solve.js'
import { failuresOf, freeHours } from './internal/explainRules.js'
import { contextOf } from './internal/explainState.js'

// -------------------------------------------------------------------------------------
// model
// -------------------------------------------------------------------------------------

/**
 * A slot needs a member of this discipline.
 *
 * @category model
 * @since 0.1.0
 */
export interface DisciplineNeed {
  /** Discriminant. */
  readonly _tag: 'discipline'
  /** The discipline. */
  readonly discipline: string
}

/**
 * A slot's role needs this quality at this level or higher.
 *
 * @category model
 * @since 0.1.0
 */
export interface QualityNeed {
  /** Discriminant. */
  readonly _tag: 'quality'
  /** The quality. */
  readonly quality: string
  /** The minimum level, 1..5. */
  readonly level: QualityLevel
}

/**
 * A need of a slot: a discipline, or a role requirement `quality ≥ level`.
 *
 * @category model
 * @since 0.1.0
 */
export type Need = DisciplineNeed | QualityNeed

/**
 * Demand against supply for one need.
 *
 * @category model
 * @since 0.1.0
 */
export interface Balance {
  /** The need. */
  readonly need: Need
  /** The number of slots with this need. */
  readonly slots: number
  /** Their hours per week, summed. */
  readonly demand: number
  /** The number of members who meet the need. */
  readonly members: number
  /** Their free hours per week (`capacity − committed`), summed. */
  readonly supply: number
  /** `max(0, demand − supply)`. */
  readonly shortfall: number
}

/**
 * The balances of one unit: the slots of the requests of that unit, against the members who
 * serve it.
 *
 * @category model
 * @since 0.1.0
 */
export interface UnitBalances {
  /** The unit. */
  readonly unit: string
  /** One balance per need of the unit's slots. */
  readonly balances: ReadonlyArray<Balance>
}

/**
 * Supply and demand of a problem: overall, and per unit where requests have one.
 *
 * @category model
 * @since 0.1.0
 */
export interface SupplyAndDemand {
  /** Discriminant. */
  readonly _tag: 'SupplyAndDemand'
  /** One balance per need of any slot, disciplines first (by name), then qualities (by name, then level). */
  readonly overall: ReadonlyArray<Balance>
  /** Per unit named by a request, sorted by unit; the needs in the same order. */
  readonly units: ReadonlyArray<UnitBalances>
}

/**
 * A member's quality one level up.
 *
 * @category model
 * @since 0.1.0
 */
export interface QualityUpgrade {
  /** Discriminant. */
  readonly _tag: 'upgrade'
  /** The member. */
  readonly member: MemberId
  /** The quality. */
  readonly quality: string
  /** The level now. */
  readonly from: QualityLevel
  /** The level after the upgrade (one up). */
  readonly to: QualityLevel
}

/**
 * A member's capacity raised (hours per week), so that an open slot fits beside what the
 * member has committed.
 *
 * @category model
 * @since 0.1.0
 */
export interface CapacityChange {
  /** Discriminant. */
  readonly _tag: 'capacity'
  /** The member. */
  readonly member: MemberId
  /** Capacity now. */
  readonly from: number
  /** Capacity after the change. */
  readonly to: number
}

/**
 * A single change to the pool: a quality upgrade or a capacity change.
 *
 * @category model
 * @since 0.1.0
 */
export type Advice = QualityUpgrade | CapacityChange

/**
 * An advice verified by solving again: the re-solved plan's score, its gain over the plan, and
 * the slots open in the plan that the re-solved plan fills.
 *
 * @category model
 * @since 0.1.0
 */
export interface VerifiedAdvice {
  /** The change. */
  readonly advice: Advice
  /** The score of `solve(applyAdvice(problem, advice), { ...options, initial: plan.assignments })`. */
  readonly score: Score
  /** That score minus the plan's. */
  readonly gain: Levels
  /** Slots open in the plan and filled after the change, sorted by id. */
  readonly filled: ReadonlyArray<SlotId>
}

/**
 * The advices that fill open priority, best re-solved score first.
 *
 * @category model
 * @since 0.1.0
 */
export interface TrainingAdvice {
  /** Discriminant. */
  readonly _tag: 'TrainingAdvice'
  /** The verified advices, best first (at most `top`). */
  readonly advice: ReadonlyArray<VerifiedAdvice>
  /** How many changes were tried (each one solve). */
  readonly tried: number
}

/**
 * Limits of {@link trainingAdvice}: how many advices to return (`top`, default 3) and how many
 * changes to try at most (`tries`, default 8; each is one solve).
 *
 * @category model
 * @since 0.1.0
 */
export interface AdviceLimits {
  /** Advices returned, an integer ≥ 0 (default 3). */
  readonly top?: number
  /** Changes tried, each one solve, an integer ≥ 0 (default 8). */
  readonly tries?: number
}

// -------------------------------------------------------------------------------------
// queries
// -------------------------------------------------------------------------------------

const needKey = (n: Need): string =>
  n._tag === 'discipline' ? JSON.stringify(['d', n.discipline]) : JSON.stringify(['q', n.quality, n.level])

const compareNeeds = (a: Need, b: Need): number => {
  if (a._tag !== b._tag) return a._tag === 'discipline' ? -1 : 1
  if (a._tag === 'discipline' && b._tag === 'discipline') return compareIds(a.discipline, b.discipline)
  const x = a as QualityNeed
  const y = b as QualityNeed
  return compareIds(x.quality, y.quality) || x.level - y.level
}

/** The needs of a slot: its discipline, and its role's requirements with `min > 0`. */
const needsOf = (problem: Problem, slot: Slot): ReadonlyArray<Need> => {
  const role = Eligibility.index(problem).roleById.get(slot.role)
  const out: Array<Need> =
    slot.discipline === null ? [] : [{ _tag: 'discipline', discipline: slot.discipline }]
  for (const q of role?.qualities ?? [])
    if (q.min > 0) out.push({ _tag: 'quality', quality: q.quality, level: q.min })
  return out
}

const meets = (member: Member, need: Need): boolean =>
  need._tag === 'discipline'
    ? member.disciplines.includes(need.discipline)
    : Eligibility.level(member, need.quality) >= need.level

/** The balances of the given slots against the given members (both in id order). */
const balances = (
  problem: Problem,
  slots: ReadonlyArray<Slot>,
  members: ReadonlyArray<Member>,
): ReadonlyArray<Balance> => {
  const demand = new Map<string, { need: Need; slots: number; hours: number }>()
  for (const s of slots)
    for (const need of needsOf(problem, s)) {
      const k = needKey(need)
      const d = demand.get(k) ?? { need, slots: 0, hours: 0 }
      demand.set(k, { need, slots: d.slots + 1, hours: d.hours + s.hours })
    }
  return [...demand.values()]
    .sort((a, b) => compareNeeds(a.need, b.need))
    .map((d) => {
      let count = 0
      let supply = 0
      for (const m of members)
        if (meets(m, d.need)) {
          count++
          supply += m.capacity - m.committed
        }
      return {
        need: d.need,
        slots: d.slots,
        demand: d.hours,
        members: count,
        supply,
        shortfall: Math.max(0, d.hours - supply),
      }
    })
}

const serves = (member: Member, unit: string): boolean => member.units === null || member.units.includes(unit)

/**
 * Supply and demand per need: for every discipline a slot asks for, and every role
 * requirement `quality ≥ level` (a role quality with `min > 0`) of a slot's role, the hours
 * per week of the slots with that need (`demand`) against the free hours
 * (`capacity − committed`) of the members who meet it (`supply`), with
 * `shortfall = max(0, demand − supply)`. A slot counts toward each of its needs, a member
 * toward each need they meet.
 *
 * `units` repeats this per unit named by a request: the slots of that unit's requests
 * against the members who serve the unit (members without `units` serve every unit).
 *
 * A rough, time-blind view: hours of slots in different periods add up, and availability
 * windows, exclusions and the other needs of a slot are not considered, so a need without a
 * shortfall may still leave slots open. Sums run in id order, so the result is deterministic.
 *
 * @category queries
 * @since 0.1.0
 */
export const supplyAndDemand = (problem: Problem): SupplyAndDemand => {
  const slotsOf = (rs: ReadonlyArray<Request>): ReadonlyArray<Slot> =>
    rs.flatMap((r) => r.slots).sort((a, b) => compareIds(a.id, b.id))
  const members = [...problem.members].sort((a, b) => compareIds(a.id, b.id))
  const units = [...new Set(problem.requests.flatMap((r) => (r.unit === null ? [] : [r.unit])))].sort(
    compareIds,
  )
  return {
    _tag: 'SupplyAndDemand',
    overall: balances(problem, slotsOf(problem.requests), members),
    units: units.map((unit) => ({
      unit,
      balances: balances(
        problem,
        slotsOf(problem.requests.filter((r) => r.unit === unit)),
        members.filter((m) => serves(m, unit)),
      ),
    })),
  }
}

/**
 * Applies an advice to the problem, read back by the problem decoder: the member's quality
 * one level up, or its capacity changed. An unknown member is an issue at `advice.member`; a
 * change the problem format does not allow (a level above 5, a capacity below the committed
 * hours) is an issue at the member's path.
 *
 * @category combinators
 * @since 0.1.0
 */
export const applyAdvice = (
  problem: ValidProblem,
  advice: Advice,
): E.Either<NonEmptyArray<Issue>, ValidProblem> => {
  if (!Eligibility.index(problem).memberById.has(advice.member))
    return E.left([
      issue(field('advice', 'member'), 'reference', `unknown member ${JSON.stringify(advice.member)}`),
    ])
  const members = problem.members.map((m): Member => {
    if (m.id !== advice.member) return m
    return advice._tag === 'upgrade'
      ? { ...m, qualities: { ...m.qualities, [advice.quality]: advice.to } }
      : { ...m, capacity: advice.to }
  })
  return decodeProblem(encodeProblem({ ...problem, members }))
}

/** The changes worth a solve: each lets a member pass every rule for an open slot on its own. */
const adviceCandidates = (
  problem: ValidProblem,
  open: ReadonlyArray<SlotId>,
): ReadonlyArray<{ readonly advice: Advice; readonly priority: number; readonly free: number }> => {
  const ix = Eligibility.index(problem)
  const out = new Map<string, { advice: Advice; priority: number; free: number }>()
  for (const id of open) {
    const entry = ix.slotById.get(id)
    if (entry === undefined) continue
    const { request, slot } = entry
    const role = ix.roleById.get(slot.role)
    for (const m of problem.members) {
      const f = failuresOf(problem, m, request, slot)
      if (f.length !== 1) continue
      let advice: Advice | null = null
      let changed: Member = m
      if (f[0]?.constraint === 'quality' && role !== undefined) {
        const short = Eligibility.qualityShortfalls(role, m)
        const q = short[0]
        if (short.length === 1 && q !== undefined && q.min - q.level === 1) {
          advice = { _tag: 'upgrade', member: m.id, quality: q.quality, from: q.level, to: q.min }
          changed = { ...m, qualities: { ...m.qualities, [q.quality]: q.min } }
        }
      } else if (f[0]?.constraint === 'capacity') {
        advice = { _tag: 'capacity', member: m.id, from: m.capacity, to: m.committed + slot.hours }
        changed = { ...m, capacity: advice.to }
      }
      // the rulebook confirms the member then passes every rule for the slot
      if (advice === null || O.isSome(Eligibility.check(problem, changed, request, slot))) continue
      const key = JSON.stringify(advice)
      if (!out.has(key)) out.set(key, { advice, priority: request.priority, free: freeHours(m) })
    }
  }
  return [...out.values()].sort(
    (a, b) =>
      b.priority - a.priority ||
      b.free - a.free ||
      compareIds(a.advice.member, b.advice.member) ||
      compareIds(JSON.stringify(a.advice), JSON.stringify(b.advice)),
  )
}

/**
 * Single changes that would fill open priority: for every slot the plan leaves open, the
 * members who fail exactly one requirement for it — a quality one level short, or too few free
 * hours — give a candidate change (that quality one level up; the capacity raised to
 * `committed + hours`), confirmed by the eligibility rules. The first `tries` (highest slot
 * priority first, then most free hours, then member id) are each verified by solving the
 * changed problem again, warm started from the plan, with the same options:
 * `solve(applyAdvice(problem, advice), { ...options, initial: plan.assignments })`. Those that
 * raise `filled` are ranked by that re-solved score (best first) and carry it, so solving again
 * reproduces it exactly. A plan that breaks a hard constraint or names unknown ids, and bad
 * limits, are issues with paths.
 *
 * @category queries
 * @since 0.1.0
 */
export const trainingAdvice = (
  problem: ValidProblem,
  plan: PlanLike & { readonly score: Score },
  options: PlanOptions = {},
  limits: AdviceLimits = {},
): E.Either<NonEmptyArray<Issue>, TrainingAdvice> => {
  const count = (k: keyof AdviceLimits, d: number): E.Either<NonEmptyArray<Issue>, number> => {
    const v = limits[k]
    return v === undefined
      ? E.right(d)
      : Number.isSafeInteger(v) && v >= 0
      ? E.right(v)
      : E.left([issue(field('limits', k), 'range', 'expected an integer >= 0')])
  }
  const top = count('top', 3)
  const tries = count('tries', 8)
  const ctx = contextOf(problem, plan, 'plan')
  if (E.isLeft(ctx)) return ctx
  if (E.isLeft(top)) return top
  if (E.isLeft(tries)) return tries
  const { compiled, st } = ctx.right
  const open = compiled.slotIds.filter((_, s) => st.slotEdge[s]! < 0)
  const candidates = adviceCandidates(problem, open).slice(0, tries.right)
  const initial = plan.assignments.map((a) => ({ slot: a.slot, member: a.member }))
  const verified: Array<VerifiedAdvice & { readonly rank: number }> = []
  candidates.forEach(({ advice }, rank) => {
    const changed = applyAdvice(problem, advice)
    if (E.isLeft(changed)) return
    const next = solve(changed.right, { ...options, initial })
    if (compareScore({ filled: next.score.filled, soft: 0 }, { filled: plan.score.filled, soft: 0 }) <= 0)
      return
    const held = new Set(next.assignments.map((a) => a.slot as string))
    verified.push({
      advice,
      score: next.score,
      gain: {
        filled: next.score.filled - plan.score.filled + 0,
        soft: next.score.soft - plan.score.soft + 0,
      },
      filled: open.filter((s) => held.has(s)),
      rank,
    })
  })
  const advice = verified
    .sort((a, b) => compareScore(b.score, a.score) || a.rank - b.rank)
    .slice(0, top.right)
    .map(({ rank: _, ...v }) => v)
  return E.right({ _tag: 'TrainingAdvice', advice, tried: candidates.length })
}

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

/** Hours for people: at most two decimals, a decimal comma in Dutch. */
const hours = (x: number, lang: Language): string => {
  const s = String(Math.round(x * 100) / 100 + 0)
  return lang === 'nl' ? s.replace('.', ',') : s
}

const needWords = (n: Need, lang: Language): string =>
  n._tag === 'discipline'
    ? `discipline ${n.discipline}`
    : `${lang === 'nl' ? 'kwaliteit' : 'quality'} ${n.quality} ≥ ${n.level}`

const balanceLine = (b: Balance, lang: Language): string => {
  const nl = lang === 'nl'
  const head = nl
    ? `${needWords(b.need, lang)}: vraag ${hours(b.demand, lang)} u/week (${b.slots} ${
        b.slots === 1 ? 'plek' : 'plekken'
      }), aanbod ${hours(b.supply, lang)} u/week (${b.members} ${b.members === 1 ? 'persoon' : 'mensen'})`
    : `${needWords(b.need, lang)}: demand ${hours(b.demand, lang)} h/week (${b.slots} ${
        b.slots === 1 ? 'slot' : 'slots'
      }), supply ${hours(b.supply, lang)} h/week (${b.members} ${b.members === 1 ? 'person' : 'people'})`
  return b.shortfall > 0
    ? `${head} — ${nl ? 'tekort' : 'short'} ${hours(b.shortfall, lang)} ${nl ? 'u' : 'h'}`
    : head
}

const supplyLines = (x: SupplyAndDemand, lang: Language): ReadonlyArray<string> => [
  ...x.overall.map((b) => balanceLine(b, lang)),
  ...x.units.flatMap((u) => [
    `${lang === 'nl' ? 'eenheid' : 'unit'} ${u.unit}:`,
    ...u.balances.map((b) => `  ${balanceLine(b, lang)}`),
  ]),
]

/** An advice in words: `m28: capacity 24 → 28 h` / `m26: analysis 1 → 2`. */
const adviceWords = (a: Advice, lang: Language): string =>
  a._tag === 'upgrade'
    ? `${a.member}: ${a.quality} ${a.from} → ${a.to}`
    : `${a.member}: ${lang === 'nl' ? 'capaciteit' : 'capacity'} ${hours(a.from, lang)} → ${hours(
        a.to,
        lang,
      )} ${lang === 'nl' ? 'u/week' : 'h/week'}`

const signed = (x: number, lang: Language): string => (x > 0 ? `+${hours(x, lang)}` : hours(x, lang))

const adviceLines = (x: TrainingAdvice, lang: Language): ReadonlyArray<string> => {
  const nl = lang === 'nl'
  return [
    nl
      ? `${x.advice.length} van ${x.tried} geprobeerde wijzigingen vullen open plekken (opnieuw ingepland)`
      : `${x.advice.length} of ${x.tried} changes tried fill open slots (verified by solving again)`,
    ...x.advice.map(
      (v, i) =>
        `${i + 1}. ${adviceWords(v.advice, lang)} — ${nl ? 'vult' : 'fills'} ${v.filled.join(', ')}; ${
          nl ? 'gevuld' : 'filled'
        } ${signed(v.gain.filled, lang)}, ${nl ? 'zacht' : 'soft'} ${signed(v.gain.soft, lang)} (${
          nl ? 'score' : 'score'
        } ${hours(v.score.filled, lang)} / ${hours(v.score.soft, lang)})`,
    ),
  ]
}

/**
 * Readable lines, in Dutch (`nl`) or English (`en`). For {@link SupplyAndDemand}: one per need
 * overall, then per unit a heading and one indented line per need; a need with a shortfall
 * ends in `— short 12 h` (`— tekort 12 u`). For {@link TrainingAdvice}: a summary, then one
 * line per advice with the slots it fills and the score change.
 *
 * @category utilities
 * @since 0.1.0
 */
export const toLines = (x: SupplyAndDemand | TrainingAdvice, lang: Language): ReadonlyArray<string> =>
  x._tag === 'SupplyAndDemand' ? supplyLines(x, lang) : adviceLines(x, lang)
