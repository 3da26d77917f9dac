/**
 * What-if views of a staffing problem, before any plan: where demand outruns the pool.
 *
 * {@link supplyAndDemand} sets, per need — a discipline, or a role requirement such as
 * `leadership ≥ 3` — the hours per week the slots with that need ask for against the free
 * hours of the members who meet it, and the shortfall; overall and per unit. It shows at a
 * glance which expertise is scarce, before solving. See the replanning guide
 * (`docs/replanning.md`) for an example.
 *
 * @since 0.1.0
 * @module
 */
import type { Language } from '../classify/Assessment.js'
import * as Eligibility from '../staffing/Eligibility.js'
import type { Member, Problem, QualityLevel, Request, Slot } from '../staffing/Problem.js'
import { compareIds } from './Problem.js'

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

/**
 * Readable lines, in Dutch (`nl`) or English (`en`): one per need overall, then per unit a
 * heading and one indented line per need; a need with a shortfall ends in `— short 12 h`
 * (`— tekort 12 u`).
 *
 * @category utilities
 * @since 0.1.0
 */
export const toLines = (x: SupplyAndDemand, lang: Language): ReadonlyArray<string> => [
  ...x.overall.map((b) => balanceLine(b, lang)),
  ...x.units.flatMap((u) => [
    `${lang === 'nl' ? 'eenheid' : 'unit'} ${u.unit}:`,
    ...u.balances.map((b) => `  ${balanceLine(b, lang)}`),
  ]),
]
