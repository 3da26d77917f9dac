/**
 * Small staffing problems made to stress the hours rules: one-decimal hours, capacities and
 * committed hours (so `capacity − committed` is rarely exact in binary floating point), pins that
 * fill a member's free hours exactly, pins a tenth of an hour over, tight capacity, `apart` pairs
 * and per-request limits 1–3. Roughly half of them have pins that break a hard constraint.
 *
 * Everything but the pins is valid by construction, so `decodeProblem` accepts a problem exactly
 * when its pins keep every hard constraint.
 */
import { prng } from './prng.js'

/** One-decimal hours as a float: `tenths / 10` (the value an app parsing "15.9" holds). */
const tenths = (n: number): number => n / 10

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

/** The JSON of a problem for `seed` (deterministic). */
export const decimalProblem = (seed: number): Json => {
  const r = prng(seed)
  const disciplines = ['law', 'finance', 'it']
  const roles = [
    { id: 'lead', qualities: [{ quality: 'leadership', min: r.int(0, 2), weight: 2 }] },
    { id: 'work', qualities: [] },
    { id: 'money', qualities: [{ quality: 'finance', min: r.int(0, 3), weight: 1 }] },
  ]
  const nMembers = r.int(3, 7)
  const members = Array.from({ length: nMembers }, (_, i) => {
    const capacity = tenths(r.int(80, 400))
    const committed = r.chance(0.7) ? tenths(r.int(0, Math.round(capacity * 10) - 1)) : 0
    return {
      id: `m${i}`,
      disciplines: r.sample(disciplines, r.int(1, 2)),
      qualities: { leadership: r.int(0, 5), finance: r.int(0, 5) },
      capacity,
      committed,
      preferences: r.chance(0.5) ? { lead: r.int(-2, 2) } : {},
      goals: r.chance(0.3) ? ['leadership'] : [],
    }
  })
  // free hours in tenths, as a person would compute them
  const freeTenths = members.map((m) => Math.round(m.capacity * 10) - Math.round(m.committed * 10))
  const nRequests = r.int(2, 4)
  const day = (d: number): string => {
    const date = new Date(Date.UTC(2027, 0, 1 + d))
    return date.toISOString().slice(0, 10)
  }
  const requests = Array.from({ length: nRequests }, (_, i) => {
    const from = r.int(0, 60)
    const to = from + r.int(0, 90)
    const slots = Array.from({ length: r.int(1, 3) }, (_, k) => ({
      id: `r${i}/s${k}`,
      role: r.pick(['lead', 'work', 'money']),
      hours: tenths(r.int(5, 200)),
      ...(r.chance(0.2) ? { discipline: r.pick(disciplines) } : {}),
    }))
    return { id: `r${i}`, priority: r.int(1, 5), period: { from: day(from), to: day(to) }, slots }
  })
  const slots = requests.flatMap((q) => q.slots)
  // pins: a few (member, slot) pairs; some sized to fill the member's free hours exactly (or a
  // tenth over), the rest as they come
  const pinned: Array<{ member: string; slot: string }> = []
  for (const slot of r.sample(slots, r.int(0, Math.min(3, slots.length)))) {
    const m = r.int(0, nMembers - 1)
    const member = members[m]!
    const roll = r.next()
    if (roll < 0.5) slot.hours = tenths(Math.max(1, freeTenths[m]!))
    else if (roll < 0.6) slot.hours = tenths(freeTenths[m]! + 1)
    // an eligible pin is the interesting case: drop the discipline and lower the minimums
    if (r.chance(0.8)) delete (slot as { discipline?: string }).discipline
    if (slot.role === 'money' && member.qualities.finance < (roles[2]!.qualities[0]!.min ?? 0) && r.chance(0.8))
      slot.role = 'work'
    if (slot.role === 'lead' && member.qualities.leadership < (roles[0]!.qualities[0]!.min ?? 0) && r.chance(0.8))
      slot.role = 'work'
    pinned.push({ member: member.id, slot: slot.id })
  }
  const apart =
    nMembers >= 2 && r.chance(0.5)
      ? [r.sample(members.map((m) => m.id), 2) as [string, string]]
      : []
  return {
    roles,
    members,
    requests,
    history: [],
    pinned,
    previous: [],
    apart,
    policy: { maxSlotsPerMemberPerRequest: r.int(1, 3) },
  }
}
