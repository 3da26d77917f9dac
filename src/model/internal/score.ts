/**
 * The typed-array evaluator behind {@link evaluate} and {@link violations} (src/Evaluate.ts):
 * the one implementation of the model's score and hard constraints.
 *
 * @internal
 * @since 0.1.0
 */
import type { Model, TermNames } from './types.js'
import type { ModelScore, Violation } from './types.js'
import { type Compact, adjIndex, overloadOf } from './compact.js'
import { fitsHours } from '../../kernel/internal/tolerance.js'

// -------------------------------------------------------------------------------------
// the typed-array path
// -------------------------------------------------------------------------------------

/** Distinct valid edge indices, ascending. */
export const normalise = (c: Compact, edges: ReadonlyArray<number>): Int32Array => {
  const seen = new Uint8Array(c.nEdges)
  let n = 0
  for (const e of edges)
    if (Number.isInteger(e) && e >= 0 && e < c.nEdges && !seen[e]) {
      seen[e] = 1
      n++
    }
  const out = new Int32Array(n)
  for (let e = 0, k = 0; e < c.nEdges; e++) if (seen[e]) out[k++] = e
  return out
}

/** Per-(member, point) loads of a set of edges. */
const loadsOf = (c: Compact, chosen: Int32Array): Float64Array => {
  const load = new Float64Array(c.memberPoints.length)
  for (const e of chosen) {
    const h = c.edgeHours[e]!
    for (let p = c.edgePointLo[e]!; p < c.edgePointHi[e]!; p++) load[p] = load[p]! + h
  }
  return load
}

/**
 * The score of a set of chosen edges given as distinct indices in ascending order — the
 * evaluator behind {@link evaluate}, for callers that already hold a {@link Compact}.
 *
 * @internal
 * @since 0.1.0
 */
export const evaluateCompact = (c: Compact, names: TermNames, chosen: Int32Array): ModelScore => {
  // filled, by ascending slot
  const slotFilled = new Uint8Array(c.nSlots)
  for (const e of chosen) slotFilled[c.edgeSlot[e]!] = 1
  let filled = 0
  for (let s = 0; s < c.nSlots; s++) if (slotFilled[s]) filled += c.slotPriority[s]!

  // edge terms, by ascending edge
  const edgeSums = new Float64Array(c.nTerms)
  for (const e of chosen) for (let k = 0; k < c.nTerms; k++) edgeSums[k] = edgeSums[k]! + c.edgeTerms[e * c.nTerms + k]!

  // category: distinct (group, category) pairs
  const mg = new Int32Array(c.memberGroups.length)
  const gc = new Int32Array(c.groupCats.length)
  let distinct = 0
  for (const e of chosen) {
    mg[c.edgeMemberGroup[e]!] = mg[c.edgeMemberGroup[e]!]! + 1
    const k = c.edgeGroupCat[e]!
    if (k >= 0) {
      if (gc[k] === 0) distinct++
      gc[k] = gc[k]! + 1
    }
  }
  const category = c.categoryBonus * distinct

  // pairs: by ascending member a, its groups ascending, partners b > a ascending
  let pairSum = 0
  for (let a = 0; a < c.nMembers; a++) {
    const ps = c.pairStart[a]!
    const pe = c.pairStart[a + 1]!
    if (ps === pe) continue
    for (let i = c.memberGroupStart[a]!; i < c.memberGroupStart[a + 1]!; i++) {
      if (mg[i] === 0) continue
      const g = c.memberGroups[i]!
      for (let j = ps; j < pe; j++) {
        const b = c.pairAdj[j]!
        if (b <= a) continue
        const k = adjIndex(c.memberGroupStart, c.memberGroups, b, g)
        if (k >= 0 && mg[k]! > 0) pairSum += c.pairWeight[j]!
      }
    }
  }

  // overload: by ascending member
  const load = loadsOf(c, chosen)
  let overSum = 0
  for (let m = 0; m < c.nMembers; m++) {
    let peak = 0
    for (let p = c.memberPointStart[m]!; p < c.memberPointStart[m + 1]!; p++) if (load[p]! > peak) peak = load[p]!
    overSum += overloadOf(c, m, peak)
  }

  const terms: Record<string, number> = Object.create(null) as Record<string, number>
  const add = (name: string, v: number): void => {
    terms[name] = (terms[name] ?? 0) + v
  }
  let soft = 0
  for (let k = 0; k < c.nTerms; k++) {
    add(names.edge[k] ?? `term${k}`, edgeSums[k]!)
    soft += edgeSums[k]!
  }
  const pair = 0 - pairSum
  const overload = 0 - overSum
  add(names.category, category)
  add(names.pair, pair)
  add(names.overload, overload)
  soft += category
  soft += pair
  soft += overload
  return { filled, soft, terms: { ...terms } }
}

/**
 * The hard constraints broken by distinct, valid, ascending edge indices (everything
 * {@link violations} reports except the `edge` kind).
 *
 * @internal
 * @since 0.1.0
 */
export const violationsCompact = (c: Compact, model: Model, chosen: Int32Array): Array<Violation> => {
  const ids: Ids = {
    slot: (s) => model.slots[s]?.id ?? String(s),
    member: (m) => model.members[m]?.id ?? String(m),
    group: (g) => model.groups[g]?.id ?? String(g),
  }
  const mg = memberGroupCounts(c, chosen)
  return [
    ...edgeViolations(c, ids, chosen),
    ...capacityViolations(c, ids, chosen),
    ...groupViolations(c, ids, mg),
    ...conflictViolations(c, ids, mg),
  ]
}

/** The ids of model elements for messages (the index when the model has none). */
interface Ids {
  readonly slot: (s: number) => string
  readonly member: (m: number) => string
  readonly group: (g: number) => string
}

/** Per-(member, group) counts of the chosen edges. */
const memberGroupCounts = (c: Compact, chosen: Int32Array): Int32Array => {
  const mg = new Int32Array(c.memberGroups.length)
  for (const e of chosen) mg[c.edgeMemberGroup[e]!] = mg[c.edgeMemberGroup[e]!]! + 1
  return mg
}

/** Two edges on one slot, forced edges missing, forbidden edges chosen. */
const edgeViolations = (c: Compact, ids: Ids, chosen: Int32Array): Array<Violation> => {
  const out: Array<Violation> = []
  const slotEdge = new Int32Array(c.nSlots).fill(-1)
  for (const e of chosen) {
    const s = c.edgeSlot[e]!
    if (slotEdge[s]! >= 0)
      out.push({
        _tag: 'Violation',
        kind: 'slot',
        slot: s,
        members: [c.edgeMember[slotEdge[s]!]!, c.edgeMember[e]!],
        message: `slot ${ids.slot(s)} is filled twice (members ${ids.member(c.edgeMember[slotEdge[s]!]!)} and ${ids.member(c.edgeMember[e]!)})`,
      })
    else slotEdge[s] = e
  }
  const isChosen = new Uint8Array(c.nEdges)
  for (const e of chosen) isChosen[e] = 1
  for (const e of c.forcedEdges)
    if (!isChosen[e])
      out.push({ _tag: 'Violation', kind: 'forced', edge: e, message: `forced edge ${e} (member ${ids.member(c.edgeMember[e]!)} on slot ${ids.slot(c.edgeSlot[e]!)}) is missing` })
  for (const e of chosen)
    if (c.edgeForbidden[e])
      out.push({ _tag: 'Violation', kind: 'forbidden', edge: e, message: `forbidden edge ${e} (member ${ids.member(c.edgeMember[e]!)} on slot ${ids.slot(c.edgeSlot[e]!)}) is chosen` })
  return out
}

/** Members loaded beyond their capacity at a time point. */
const capacityViolations = (c: Compact, ids: Ids, chosen: Int32Array): Array<Violation> => {
  const out: Array<Violation> = []
  const load = loadsOf(c, chosen)
  for (let m = 0; m < c.nMembers; m++)
    for (let p = c.memberPointStart[m]!; p < c.memberPointStart[m + 1]!; p++)
      if (!fitsHours(load[p]!, c.memberCapacity[m]!))
        out.push({
          _tag: 'Violation',
          kind: 'capacity',
          member: m,
          point: c.memberPoints[p]!,
          load: load[p]!,
          capacity: c.memberCapacity[m]!,
          message: `member ${ids.member(m)} carries ${load[p]!} at time point ${c.memberPoints[p]!}, above its capacity ${c.memberCapacity[m]!}`,
        })
  return out
}

/** Members holding more slots of a group than its limit. */
const groupViolations = (c: Compact, ids: Ids, mg: Int32Array): Array<Violation> => {
  const out: Array<Violation> = []
  for (let m = 0; m < c.nMembers; m++)
    for (let i = c.memberGroupStart[m]!; i < c.memberGroupStart[m + 1]!; i++) {
      const g = c.memberGroups[i]!
      if (mg[i]! > c.groupLimit[g]!)
        out.push({
          _tag: 'Violation',
          kind: 'group',
          member: m,
          group: g,
          count: mg[i]!,
          limit: c.groupLimit[g]!,
          message: `member ${ids.member(m)} holds ${mg[i]!} slots of group ${ids.group(g)}, above its limit ${c.groupLimit[g]!}`,
        })
    }
  return out
}

/** Conflicting members serving one group. */
const conflictViolations = (c: Compact, ids: Ids, mg: Int32Array): Array<Violation> => {
  const out: Array<Violation> = []
  for (let a = 0; a < c.nMembers; a++)
    for (let i = c.memberGroupStart[a]!; i < c.memberGroupStart[a + 1]!; i++) {
      if (mg[i] === 0) continue
      const g = c.memberGroups[i]!
      for (let j = c.conflictStart[a]!; j < c.conflictStart[a + 1]!; j++) {
        const b = c.conflictAdj[j]!
        if (b <= a) continue
        const k = adjIndex(c.memberGroupStart, c.memberGroups, b, g)
        if (k >= 0 && mg[k]! > 0)
          out.push({
            _tag: 'Violation',
            kind: 'conflict',
            members: [a, b],
            group: g,
            message: `conflicting members ${ids.member(a)} and ${ids.member(b)} both serve group ${ids.group(g)}`,
          })
      }
    }
  return out
}
