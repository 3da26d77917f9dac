/**
 * Encoding the problem's elements as plain JSON (keys in the format's order, `null` fields
 * omitted), and the io-ts adapters that let each element decoder serve as a codec.
 *
 * @internal
 * @since 0.1.0
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type { Period } from '../../kernel/IsoDate.js'
import { issue } from '../../kernel/Issue.js'
import type { Issue } from '../../kernel/Issue.js'
import type {
  HistoryEntry,
  HistoryJson,
  Member,
  MemberJson,
  PeriodJson,
  Policy,
  PolicyJson,
  Request,
  RequestJson,
  Role,
  RoleJson,
  Slot,
  SlotJson,
  SlotMember,
  SlotMemberJson,
  Weights,
} from '../Problem.js'
import {
  type Ctx,
  compareIds,
  newCtx,
} from './reading.js'


export const putRecord = (r: Readonly<Record<string, number>>): Record<string, number> => {
  const out = Object.create(null) as Record<string, number>
  for (const k of Object.keys(r).sort(compareIds)) out[k] = r[k] as number
  return out
}

export const encodeRole = (r: Role): RoleJson => ({
  id: r.id,
  name: r.name,
  qualities: r.qualities.map((q) => ({ quality: q.quality, min: q.min, weight: q.weight })),
})

export const encodePeriod = (p: Period): PeriodJson => ({ from: p.from, to: p.to })

export const encodeMember = (m: Member): MemberJson => ({
  id: m.id,
  name: m.name,
  disciplines: [...m.disciplines],
  qualities: putRecord(m.qualities),
  capacity: m.capacity,
  committed: m.committed,
  ...(m.units === null ? {} : { units: [...m.units] }),
  ...(m.available === null ? {} : { available: m.available.map(encodePeriod) }),
  preferences: putRecord(m.preferences),
  goals: [...m.goals],
})

export const encodeSlot = (s: Slot): SlotJson =>
  s.discipline === null
    ? { id: s.id, role: s.role, hours: s.hours }
    : { id: s.id, role: s.role, hours: s.hours, discipline: s.discipline }

export const encodeRequest = (r: Request): RequestJson => ({
  id: r.id,
  title: r.title,
  priority: r.priority,
  ...(r.unit === null ? {} : { unit: r.unit }),
  period: encodePeriod(r.period),
  excluded: [...r.excluded],
  slots: r.slots.map(encodeSlot),
})

export const encodeHistory = (h: HistoryEntry): HistoryJson => ({
  request: h.request,
  members: [...h.members],
  ended: h.ended,
})

export const encodeSlotMember = (p: SlotMember): SlotMemberJson => ({ member: p.member, slot: p.slot })

export const encodeWeights = (w: Weights): Weights => ({
  fit: w.fit,
  preference: w.preference,
  learning: w.learning,
  continuity: w.continuity,
  diversity: w.diversity,
  rotation: w.rotation,
  balance: w.balance,
})

export const encodePolicy = (p: Policy): PolicyJson => ({
  weights: encodeWeights(p.weights),
  comfort: p.comfort,
  maxSlotsPerMemberPerRequest: p.maxSlotsPerMemberPerRequest,
  ...(p.rotationSince === null ? {} : { rotationSince: p.rotationSince }),
})

export const toErrors = (u: unknown, ctx: t.Context, issues: ReadonlyArray<Issue>): t.Errors =>
  issues.map((i) => ({
    value: u,
    context: ctx,
    message: `${i.path === '' ? '(root)' : i.path}: ${i.message} (${i.code})`,
  }))

export const elementCodec = <A, O>(
  name: string,
  decode: (c: Ctx, base: string, u: unknown) => A | undefined,
  encode: (a: A) => O,
): t.Type<A, O, unknown> => {
  const run = (u: unknown): E.Either<ReadonlyArray<Issue>, A> => {
    try {
      const c = newCtx(false)
      const a = decode(c, '', u)
      return c.issues.length > 0 || a === undefined ? E.left(c.issues) : E.right(a)
    } catch {
      return E.left([issue('', 'type', 'the input could not be read (a getter or proxy threw)')])
    }
  }
  return new t.Type<A, O, unknown>(
    name,
    (u): u is A => E.isRight(run(u)),
    (u, ctx) => {
      const r = run(u)
      return E.isRight(r) ? t.success(r.right) : t.failures(toErrors(u, ctx, r.left))
    },
    encode,
  )
}
