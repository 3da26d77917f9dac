/**
 * The JSON encoders of the explanations (exported by the `Explain` module): plain data with
 * keys in a fixed order, so the text is byte-stable.
 *
 * @internal
 * @since 0.1.0
 */
import type { Levels } from '../../model/Evaluate.js'
import type {
  AssignmentExplanation,
  Candidates,
  Explanation,
  Move,
  Relaxation,
  UnfilledExplanation,
  WhyNot,
} from './explainModel.js'
import type { Terms } from '../../staffing/Plan.js'

const encodeTerms = (t: Terms): unknown => ({
  fit: t.fit,
  preference: t.preference,
  learning: t.learning,
  continuity: t.continuity,
  diversity: t.diversity,
  rotation: t.rotation,
  balance: t.balance,
})

const encodeLevels = (d: Levels): unknown => ({ filled: d.filled, soft: d.soft })

/**
 * Encodes a move as JSON: `{ member, slot, status }`, then `delta` and `displaced` (valid),
 * `blockedBy` as `{ kind: 'pin', member, slot }` or `{ kind: 'apart', member, slots }`
 * (blocked), or `constraint` and `detail` (ineligible).
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeMove = (x: Move): unknown => {
  const head = { member: x.member, slot: x.slot, status: x.status }
  switch (x.status) {
    case 'valid':
      return { ...head, delta: encodeLevels(x.delta), displaced: [...x.displaced] }
    case 'blocked':
      return {
        ...head,
        blockedBy: x.blockedBy.map((b) =>
          b._tag === 'pin'
            ? { kind: 'pin', member: b.member, slot: b.slot }
            : { kind: 'apart', member: b.member, slots: [...b.slots] },
        ),
      }
    case 'ineligible':
      return { ...head, constraint: x.constraint, detail: x.detail }
  }
}

/**
 * Encodes a relaxation as JSON: `{ kind, … }` with the fields of its kind (`hours`: slot,
 * from, to; `quality`: member, quality, from, to; `unit`: request, unit; `exclusion`: request,
 * member; `availability`: member, from, to (windows), days; `move`: member, leaves, delta),
 * then `members`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeRelaxation = (x: Relaxation): unknown => {
  const members = [...x.members]
  switch (x._tag) {
    case 'hours':
      return { kind: x._tag, slot: x.slot, from: x.from, to: x.to, members }
    case 'quality':
      return { kind: x._tag, member: x.member, quality: x.quality, from: x.from, to: x.to, members }
    case 'unit':
      return { kind: x._tag, request: x.request, unit: x.unit, members }
    case 'exclusion':
      return { kind: x._tag, request: x.request, member: x.member, members }
    case 'availability':
      return { kind: x._tag, member: x.member, from: { ...x.from }, to: { ...x.to }, days: x.days, members }
    case 'move':
      return { kind: x._tag, member: x.member, leaves: [...x.leaves], delta: encodeLevels(x.delta), members }
  }
}

/**
 * Encodes one assignment's explanation as JSON: `{ slot, member, contribution, marginal,
 * forced, load, alternatives }`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeAssignment = (x: AssignmentExplanation): unknown => ({
  slot: x.slot,
  member: x.member,
  contribution: encodeTerms(x.contribution),
  marginal: encodeLevels(x.marginal),
  forced: x.forced,
  load: {
    member: x.load.member,
    committed: x.load.committed,
    capacity: x.load.capacity,
    comfort: x.load.comfort,
    peak: x.load.peak,
    points: x.load.points.map((p) => ({ date: p.date, hours: p.hours })),
  },
  alternatives: x.alternatives.map(encodeMove),
})

/**
 * Encodes an unfilled slot's explanation as JSON: `{ slot, reasons: [{ constraint, count,
 * detail, members }], relaxations, candidates }`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeUnfilled = (x: UnfilledExplanation): unknown => ({
  slot: x.slot,
  reasons: x.reasons.map((r) => ({
    constraint: r.constraint,
    count: r.count,
    detail: r.detail,
    members: [...r.members],
  })),
  relaxations: x.relaxations.map(encodeRelaxation),
  candidates: x.candidates.map(encodeMove),
})

/**
 * Encodes a whole explanation as JSON: `{ assignments: [{ slot, member, contribution,
 * marginal, forced, alternatives }], unfilled: [{ slot, reasons, relaxations, candidates }] }`
 * (the load is left to {@link encodeAssignment}). Keys in a fixed order, so the text is
 * byte-stable.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeExplanation = (x: Explanation): unknown => ({
  assignments: x.assignments.map((a) => ({
    slot: a.slot,
    member: a.member,
    contribution: encodeTerms(a.contribution),
    marginal: encodeLevels(a.marginal),
    forced: a.forced,
    alternatives: a.alternatives.map(encodeMove),
  })),
  unfilled: x.unfilled.map(encodeUnfilled),
})

/**
 * Encodes a ranking as JSON: `{ slot, holder, counts: { valid, blocked, ineligible }, moves }`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeCandidates = (x: Candidates): unknown => ({
  slot: x.slot,
  holder: x.holder,
  counts: { valid: x.counts.valid, blocked: x.counts.blocked, ineligible: x.counts.ineligible },
  moves: x.moves.map(encodeMove),
})

/**
 * Encodes an answer of {@link whyNot} as JSON: `{ member, slot, answer, move }`.
 *
 * @category codecs
 * @since 0.1.0
 */
export const encodeWhyNot = (x: WhyNot): unknown => ({
  member: x.member,
  slot: x.slot,
  answer: x.answer,
  move: x.move === null ? null : encodeMove(x.move),
})
