/**
 * The decoders of the problem's elements — role, member, slot, request, history entry, pin or
 * previous entry, `apart` pair, weights and policy — each reading one element at a path with
 * the primitive readers and reporting every issue it finds.
 *
 * @internal
 * @since 0.1.0
 */
import type { IsoDate, Period } from '../../kernel/IsoDate.js'
import { field } from '../../kernel/Issue.js'
import type {
  HistoryEntry,
  Member,
  MemberId,
  Policy,
  QualityLevel,
  Request,
  RequestId,
  Role,
  RoleId,
  RoleQuality,
  Slot,
  SlotId,
  SlotMember,
  Weights,
} from '../Problem.js'

import {
  AT_LEAST_ONE,
  COMFORT,
  type Ctx,
  KEYS,
  LEVEL,
  NON_NEGATIVE,
  POSITIVE,
  PREFERENCE,
  PRIORITY,
  WEIGHT_NAMES,
  array,
  compareIds,
  date,
  defaultPolicy,
  defaultWeights,
  get,
  isObj,
  num,
  numbers,
  optNum,
  period,
  quote,
  refCheck,
  register,
  report,
  sortedSet,
  str,
  strings,
  unknownKeys,
  wrongType,
} from './reading.js'

export const decodeRoleAt = (c: Ctx, base: string, u: unknown): Role | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a role object', u)
  unknownKeys(c, base, undefined, u, KEYS.role)
  const id = str(c, base, 'id', get(u, 'id'), true) ?? ''
  const nameU = get(u, 'name')
  const name = nameU === undefined ? id : str(c, base, 'name', nameU, false) ?? ''
  const qualities: Array<RoleQuality> = []
  const qsU = get(u, 'qualities')
  const qs = qsU === undefined ? [] : array(c, base, 'qualities', qsU) ?? []
  const qsPath = field(base, 'qualities')
  const seen = new Map<string, { readonly path: string; readonly entry: RoleQuality }>()
  for (let k = 0; k < qs.length; k++) {
    const q = qs[k]
    const qb = field(qsPath, k)
    if (!isObj(q)) {
      wrongType(c, qsPath, k, 'a role quality { quality, min, weight }', q)
      continue
    }
    unknownKeys(c, qb, undefined, q, KEYS.roleQuality)
    const quality = str(c, qb, 'quality', get(q, 'quality'), true)
    const min = optNum(c, qb, 'min', get(q, 'min'), LEVEL, 0)
    const weight = optNum(c, qb, 'weight', get(q, 'weight'), POSITIVE, 1)
    if (quality === undefined || min === undefined || weight === undefined) continue
    const entry: RoleQuality = { quality, min: min as QualityLevel, weight }
    const first = seen.get(quality)
    if (first === undefined) {
      seen.set(quality, { path: qb, entry })
      qualities.push(entry)
    } else if (first.entry.min !== min || first.entry.weight !== weight) {
      // an identical repeat is ignored (a set); a different one contradicts the first
      report(c, qb, 'conflict', `quality ${quote(quality)} is already required at ${first.path}`)
    }
  }
  qualities.sort((a, b) => compareIds(a.quality, b.quality))
  return { id: id as RoleId, name, qualities }
}

export const decodeMemberAt = (c: Ctx, base: string, u: unknown): Member | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a member object', u)
  unknownKeys(c, base, undefined, u, KEYS.member)
  const id = str(c, base, 'id', get(u, 'id'), true) ?? ''
  const nameU = get(u, 'name')
  const name = nameU === undefined ? id : str(c, base, 'name', nameU, false) ?? ''
  const discU = get(u, 'disciplines')
  const discs = strings(c, base, 'disciplines', discU)
  if (Array.isArray(discU) && discU.length === 0) {
    report(c, field(base, 'disciplines'), 'range', 'must list at least one discipline')
  }
  const disciplines: Array<string> = []
  const seenDisc = new Set<string>()
  for (const d of discs) {
    if (!seenDisc.has(d)) {
      seenDisc.add(d)
      disciplines.push(d)
    }
  }
  const qualities = numbers(c, base, 'qualities', get(u, 'qualities'), LEVEL) as Record<
    string,
    QualityLevel
  >
  const capacity = num(c, base, 'capacity', get(u, 'capacity'), POSITIVE)
  const committed = optNum(c, base, 'committed', get(u, 'committed'), NON_NEGATIVE, 0)
  if (capacity !== undefined && committed !== undefined && committed > capacity) {
    report(
      c,
      field(base, 'committed'),
      'range',
      `must be <= capacity ${capacity}, got ${committed}`,
    )
  }
  const unitsU = get(u, 'units')
  const units =
    unitsU === undefined || unitsU === null ? null : sortedSet(strings(c, base, 'units', unitsU))
  const availU = get(u, 'available')
  let available: Array<Period> | null = null
  if (availU !== undefined && availU !== null) {
    available = []
    const ws = array(c, base, 'available', availU, 'an array of periods') ?? []
    const wsPath = field(base, 'available')
    for (let k = 0; k < ws.length; k++) {
      const p = period(c, wsPath, k, ws[k])
      if (p !== undefined) available.push(p)
    }
    available.sort((a, b) => compareIds(a.from, b.from) || compareIds(a.to, b.to))
    let n = 0
    for (const w of available) {
      const prev = available[n - 1]
      if (prev === undefined || prev.from !== w.from || prev.to !== w.to) available[n++] = w
    }
    available.length = n
  }
  const preferences = numbers(c, base, 'preferences', get(u, 'preferences'), PREFERENCE, {
    ids: c.roles,
    what: 'role',
  })
  const goalsU = get(u, 'goals')
  const goals = goalsU === undefined ? [] : sortedSet(strings(c, base, 'goals', goalsU))
  return {
    id: id as MemberId,
    name,
    disciplines: disciplines as unknown as readonly [string, ...Array<string>],
    qualities,
    capacity: capacity ?? 0,
    committed: committed ?? 0,
    units,
    available,
    preferences,
    goals,
  }
}

export const decodeSlotAt = (c: Ctx, base: string, u: unknown): Slot | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a slot object', u)
  unknownKeys(c, base, undefined, u, KEYS.slot)
  const id = str(c, base, 'id', get(u, 'id'), true) ?? ''
  if (id === '') c.incomplete = true
  register(c, c.slots, id, base, 'slot')
  const role = str(c, base, 'role', get(u, 'role'), true)
  refCheck(c, c.roles, role, field(base, 'role'), 'role')
  const hours = num(c, base, 'hours', get(u, 'hours'), POSITIVE)
  const discU = get(u, 'discipline')
  const discipline =
    discU === undefined || discU === null ? null : str(c, base, 'discipline', discU, true) ?? null
  return { id: id as SlotId, role: (role ?? '') as RoleId, hours: hours ?? 0, discipline }
}

export const decodeRequestAt = (c: Ctx, base: string, u: unknown): Request | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a request object', u)
  unknownKeys(c, base, undefined, u, KEYS.request)
  const id = str(c, base, 'id', get(u, 'id'), true) ?? ''
  const titleU = get(u, 'title')
  const title = titleU === undefined ? id : str(c, base, 'title', titleU, false) ?? ''
  const priority = optNum(c, base, 'priority', get(u, 'priority'), PRIORITY, 1)
  const unitU = get(u, 'unit')
  const unit =
    unitU === undefined || unitU === null ? null : str(c, base, 'unit', unitU, true) ?? null
  const p = period(c, base, 'period', get(u, 'period'))
  const excludedU = get(u, 'excluded')
  const excluded =
    excludedU === undefined
      ? []
      : sortedSet(strings(c, base, 'excluded', excludedU, { ids: c.members, what: 'member' }))
  const slots: Array<Slot> = []
  const ss = array(c, base, 'slots', get(u, 'slots'), 'an array of slots')
  if (ss === undefined) c.incomplete = true
  const path = field(base, 'slots')
  for (let k = 0; k < (ss ?? []).length; k++) {
    const s = decodeSlotAt(c, field(path, k), (ss ?? [])[k])
    if (s !== undefined) slots.push(s)
    else c.incomplete = true
  }
  slots.sort((a, b) => compareIds(a.id, b.id))
  return {
    id: id as RequestId,
    title,
    priority: priority ?? 1,
    unit,
    period: p ?? ({ from: '', to: '' } as unknown as Period),
    excluded: excluded as Array<MemberId>,
    slots,
  }
}

export const decodeHistoryAt = (c: Ctx, base: string, u: unknown): HistoryEntry | undefined => {
  if (!isObj(u))
    return wrongType(c, base, undefined, 'a history entry { request, members, ended }', u)
  unknownKeys(c, base, undefined, u, KEYS.history)
  const request = str(c, base, 'request', get(u, 'request'), true) ?? ''
  const members = sortedSet(strings(c, base, 'members', get(u, 'members')))
  const ended = date(c, base, 'ended', get(u, 'ended')) ?? ('' as IsoDate)
  return { request, members, ended }
}

export const decodeSlotMemberAt = (c: Ctx, base: string, u: unknown): SlotMember | undefined => {
  if (!isObj(u)) return wrongType(c, base, undefined, 'a pair { member, slot }', u)
  unknownKeys(c, base, undefined, u, KEYS.slotMember)
  const member = str(c, base, 'member', get(u, 'member'), true)
  refCheck(c, c.members, member, field(base, 'member'), 'member')
  const slot = str(c, base, 'slot', get(u, 'slot'), true)
  refCheck(c, c.slots, slot, field(base, 'slot'), 'slot')
  if (member === undefined || slot === undefined) return undefined
  return { member: member as MemberId, slot: slot as SlotId }
}

export const decodeApartAt = (
  c: Ctx,
  base: string,
  u: unknown,
): readonly [MemberId, MemberId] | undefined => {
  if (!Array.isArray(u) || u.length !== 2) {
    return wrongType(c, base, undefined, 'a pair [member, member]', u)
  }
  const a = str(c, base, 0, u[0], true)
  refCheck(c, c.members, a, field(base, 0), 'member')
  const b = str(c, base, 1, u[1], true)
  refCheck(c, c.members, b, field(base, 1), 'member')
  if (a === undefined || b === undefined) return undefined
  if (a === b)
    return report(c, base, 'conflict', `a member cannot be apart from itself (${quote(a)})`)
  return (a < b ? [a, b] : [b, a]) as [MemberId, MemberId]
}

export const decodeWeightsAt = (c: Ctx, base: string, u: unknown): Weights | undefined => {
  if (u === undefined) return defaultWeights
  if (!isObj(u)) return wrongType(c, base, undefined, 'an object of weights', u)
  unknownKeys(c, base, undefined, u, KEYS.weights)
  const out: Record<string, number> = {}
  for (const k of WEIGHT_NAMES)
    out[k] = optNum(c, base, k, get(u, k), NON_NEGATIVE, defaultWeights[k]) ?? 0
  return out as unknown as Weights
}

export const decodePolicyAt = (c: Ctx, base: string, u: unknown): Policy | undefined => {
  if (u === undefined) return defaultPolicy
  if (!isObj(u)) return wrongType(c, base, undefined, 'a policy object', u)
  unknownKeys(c, base, undefined, u, KEYS.policy)
  const weights = decodeWeightsAt(c, field(base, 'weights'), get(u, 'weights')) ?? defaultWeights
  const comfort = optNum(c, base, 'comfort', get(u, 'comfort'), COMFORT, defaultPolicy.comfort)
  const max = optNum(
    c,
    base,
    'maxSlotsPerMemberPerRequest',
    get(u, 'maxSlotsPerMemberPerRequest'),
    AT_LEAST_ONE,
    defaultPolicy.maxSlotsPerMemberPerRequest,
  )
  const sinceU = get(u, 'rotationSince')
  const rotationSince =
    sinceU === undefined || sinceU === null ? null : date(c, base, 'rotationSince', sinceU) ?? null
  return {
    weights,
    comfort: comfort ?? defaultPolicy.comfort,
    maxSlotsPerMemberPerRequest: max ?? 1,
    rotationSince,
  }
}

export const compareHistory = (a: HistoryEntry, b: HistoryEntry): number => {
  const d = compareIds(a.ended, b.ended) || compareIds(a.request, b.request)
  if (d !== 0) return d
  const n = Math.min(a.members.length, b.members.length)
  for (let i = 0; i < n; i++) {
    const e = compareIds(a.members[i] as string, b.members[i] as string)
    if (e !== 0) return e
  }
  return a.members.length - b.members.length
}
