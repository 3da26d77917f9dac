/**
 * Every requirement a member fails for a slot, not just the first: `Eligibility.check` asked
 * again and again, each time with the requirement it named lifted (the request's unit dropped,
 * the short quality raised to its minimum, the discipline added, the exclusion dropped, the
 * availability opened, the slot's hours cut to the member's free hours) until it finds none.
 * The rules stay `Eligibility`'s; this only counts how far a member is from a slot, and orders
 * members "nearest first".
 *
 * @internal
 * @since 0.1.0
 */
import * as O from 'fp-ts/lib/Option.js'
import * as Eligibility from '../../staffing/Eligibility.js'
import { reasonOrder } from '../../staffing/Plan.js'
import type { Member, Problem, QualityLevel, Request, Slot } from '../Problem.js'

/** At most this many requirements are counted (there are six rules and a role's qualities). */
const MAX_REQUIREMENTS = 64

/**
 * Every requirement `member` fails for `slot` of `request`, the first one first (the one
 * `Eligibility.check` names); empty when the member is eligible with room on its own.
 *
 * @internal
 */
export const failuresOf = (
  problem: Problem,
  member: Member,
  request: Request,
  slot: Slot,
): ReadonlyArray<Eligibility.Failure> => {
  const out: Array<Eligibility.Failure> = []
  const role = Eligibility.index(problem).roleById.get(slot.role)
  let m = member
  let r = request
  let s = slot
  while (out.length < MAX_REQUIREMENTS) {
    const f = Eligibility.check(problem, m, r, s)
    if (O.isNone(f)) return out
    out.push(f.value)
    switch (f.value.constraint) {
      case 'unit':
        r = { ...r, unit: null }
        break
      case 'quality': {
        const short = role === undefined ? undefined : Eligibility.qualityShortfalls(role, m)[0]
        if (short === undefined) return out
        m = { ...m, qualities: { ...m.qualities, [short.quality]: short.min as QualityLevel } }
        break
      }
      case 'discipline':
        if (s.discipline === null) return out
        m = { ...m, disciplines: [m.disciplines[0], ...m.disciplines.slice(1), s.discipline] }
        break
      case 'excluded':
        r = { ...r, excluded: r.excluded.filter((x) => x !== m.id) }
        break
      case 'availability':
        m = { ...m, available: null }
        break
      default:
        // capacity is the last rule
        return out
    }
  }
  return out
}

/** A member's free hours on its own: `capacity − committed`. @internal */
export const freeHours = (member: Member): number => member.capacity - member.committed

/**
 * Orders member indices nearest first: fewer failing requirements; then the later the first
 * failing rule comes in the order of the reasons (a member short of hours passes every other
 * rule, a member outside the unit may fail them all); then more free hours; then the lower
 * index. @internal
 */
export const nearest =
  (members: ReadonlyArray<Member>, failures: (m: number) => ReadonlyArray<Eligibility.Failure>) =>
  (a: number, b: number): number => {
    const x = failures(a)
    const y = failures(b)
    return (
      x.length - y.length ||
      rank(y[0]) - rank(x[0]) ||
      freeHours(members[b] as Member) - freeHours(members[a] as Member) ||
      a - b
    )
  }

const rank = (f: Eligibility.Failure | undefined): number =>
  f === undefined ? reasonOrder.length : reasonOrder.indexOf(f.constraint)
