/**
 * The explanations in words, Dutch or English: one function per result, ids as they are,
 * numbers with at most two decimals (a decimal comma in Dutch).
 *
 * @internal
 * @since 0.1.0
 */
import type { Language } from '../../classify/Assessment.js'
import type { Levels } from '../../model/Evaluate.js'
import type {
  AssignmentExplanation,
  Blocker,
  Candidates,
  Explanation,
  Move,
  ReasonMembers,
  Relaxation,
  UnfilledExplanation,
  WhyNot,
} from './explainModel.js'
import type { ReasonCode, Terms } from '../../staffing/Plan.js'
import { termOrder } from './explainTerms.js'
import { show, signed, termWords } from './words.js'

export { show, signed }


const ruleWords: Readonly<Record<Language, Readonly<Record<ReasonCode, string>>>> = {
  en: {
    unit: 'unit',
    quality: 'quality',
    discipline: 'discipline',
    excluded: 'excluded',
    availability: 'availability',
    capacity: 'hours',
    taken: 'taken',
    free: 'free',
  },
  nl: {
    unit: 'eenheid',
    quality: 'kwaliteit',
    discipline: 'discipline',
    excluded: 'uitgesloten',
    availability: 'beschikbaarheid',
    capacity: 'uren',
    taken: 'bezet',
    free: 'vrij',
  },
}

/** A score change in words: `filled 0, soft -2.1`. @internal */
export const levels = (d: Levels, lang: Language): string =>
  lang === 'nl'
    ? `gevuld ${signed(d.filled, lang)}, zacht ${signed(d.soft, lang)}`
    : `filled ${signed(d.filled, lang)}, soft ${signed(d.soft, lang)}`

const terms = (t: Terms, lang: Language): string => {
  const parts = termOrder
    .filter((k) => show(t[k], lang) !== '0')
    .map((k) => `${termWords[lang][k]} ${signed(t[k], lang)}`)
  const total = termOrder.reduce((a, k) => a + t[k], 0)
  return `${parts.length === 0 ? '0' : parts.join(', ')} (${lang === 'nl' ? 'samen' : 'total'} ${signed(
    total,
    lang,
  )})`
}

const list = (xs: ReadonlyArray<string>): string => xs.join(', ')

const blockerWords = (b: Blocker, lang: Language): string =>
  b._tag === 'pin'
    ? lang === 'nl'
      ? `${b.member} staat vast op ${b.slot}`
      : `${b.member} is pinned on ${b.slot}`
    : lang === 'nl'
    ? `moet gescheiden blijven van ${b.member} (${list(b.slots)})`
    : `must stay apart from ${b.member} (${list(b.slots)})`

/** What a move would do (valid), what blocks it, or the rule that rules it out. */
const moveReason = (x: Move, lang: Language): string => {
  const nl = lang === 'nl'
  switch (x.status) {
    case 'valid':
      return `${levels(x.delta, lang)}${
        x.displaced.length === 0
          ? ''
          : nl
          ? `; laat ${list(x.displaced)} open`
          : `; leaves ${list(x.displaced)} open`
      }`
    case 'blocked':
      return list(x.blockedBy.map((b) => blockerWords(b, lang)))
    case 'ineligible':
      return `${ruleWords[lang][x.constraint]} — ${x.detail}`
  }
}

/** One move in one line. @internal */
export const moveLine = (x: Move, lang: Language): string => {
  const nl = lang === 'nl'
  const verb =
    x.status === 'valid'
      ? `${nl ? 'neemt' : 'takes'} ${x.slot}`
      : x.status === 'blocked'
      ? nl
        ? `kan ${x.slot} in dit plan niet nemen`
        : `cannot take ${x.slot} in this plan`
      : nl
      ? `kan ${x.slot} nooit nemen`
      : `can never take ${x.slot}`
  return `${x.member} ${verb}: ${moveReason(x, lang)}`
}

const forcedWords = (x: AssignmentExplanation, lang: Language): string => {
  const nl = lang === 'nl'
  if (x.forced === 'pin') return nl ? 'vastgezet' : 'pinned'
  if (x.forced === 'only-candidate') return nl ? 'de enige kandidaat' : 'the only candidate'
  return nl ? 'gekozen' : 'chosen'
}

/** An assignment explained: who, why, what it would cost to do without, the load and who is next. @internal */
export const assignmentLines = (x: AssignmentExplanation, lang: Language): ReadonlyArray<string> => {
  const nl = lang === 'nl'
  const l = x.load
  const h = nl ? 'u' : 'h'
  const next = nl ? 'daarna:' : 'next:'
  return [
    `${x.member} ${nl ? 'op' : 'on'} ${x.slot} — ${forcedWords(x, lang)}`,
    `  ${nl ? 'bijdrage' : 'contribution'}: ${terms(x.contribution, lang)}`,
    `  ${nl ? 'zonder deze toewijzing' : 'without it'}: ${levels(x.marginal, lang)}`,
    nl
      ? `  belasting: piek ${show(l.peak, lang)} u/week plus ${show(
          l.committed,
          lang,
        )} vast, capaciteit ${show(l.capacity, lang)}, comfortgrens ${show(l.comfort, lang)}`
      : `  load: peak ${show(l.peak, lang)} h/week plus ${show(l.committed, lang)} committed, capacity ${show(
          l.capacity,
          lang,
        )}, comfort line ${show(l.comfort, lang)}`,
    ...(l.points.length === 0
      ? []
      : [
          `  ${nl ? 'per datum' : 'by date'}: ${list(
            l.points.map((p) => `${p.date} ${show(p.hours, lang)} ${h}`),
          )}`,
        ]),
    ...(x.alternatives.length === 0
      ? [`  ${nl ? 'niemand anders' : 'nobody else'}`]
      : x.alternatives.map((m, i) => `  ${i === 0 ? next : ' '.repeat(next.length)} ${moveLine(m, lang)}`)),
  ]
}

/** A ranking of candidates. @internal */
export const candidatesLines = (x: Candidates, lang: Language): ReadonlyArray<string> => {
  const nl = lang === 'nl'
  const c = x.counts
  const held =
    x.holder === null ? (nl ? 'open' : 'open') : nl ? `bezet door ${x.holder}` : `held by ${x.holder}`
  return [
    nl
      ? `${x.slot} (${held}): ${c.valid} mogelijk, ${c.blocked} geblokkeerd, ${c.ineligible} niet geschikt`
      : `${x.slot} (${held}): ${c.valid} valid, ${c.blocked} blocked, ${c.ineligible} ineligible`,
    ...x.moves.map((m, i) => `  ${i + 1}. ${moveLine(m, lang)}`),
  ]
}

/** Why a member is not on a slot. @internal */
export const whyNotLines = (x: WhyNot, lang: Language): ReadonlyArray<string> => {
  const nl = lang === 'nl'
  const head = nl ? `waarom niet ${x.member} op ${x.slot}?` : `why not ${x.member} on ${x.slot}?`
  const reason = x.move === null ? '' : moveReason(x.move, lang)
  const answer: Readonly<Record<WhyNot['answer'], string>> = nl
    ? {
        assigned: `${x.member} staat er al op`,
        ineligible: `geen enkel geldig plan kan dat: ${reason}`,
        blocked: `dit plan laat het niet toe: ${reason}`,
        worse: `het plan koos anders; de ruil zou kosten: ${reason}`,
        notWorse: `de ruil verlaagt de score niet (gelijk of beter): ${reason}`,
      }
    : {
        assigned: `${x.member} holds it`,
        ineligible: `no valid plan can: ${reason}`,
        blocked: `this plan does not allow it: ${reason}`,
        worse: `the plan chose otherwise; the move would cost: ${reason}`,
        notWorse: `the move would not lower the score (a tie, or better): ${reason}`,
      }
  return [head, `  ${answer[x.answer]}`]
}

/** A relaxation in one line. @internal */
export const relaxationLine = (x: Relaxation, lang: Language): string => {
  const nl = lang === 'nl'
  const who = `${list(x.members)} ${nl ? (x.members.length === 1 ? 'kan' : 'kunnen') : 'could'} ${
    nl ? 'de plek dan nemen' : 'take the slot'
  }`
  switch (x._tag) {
    case 'hours':
      return nl
        ? `met ${show(x.to, lang)} in plaats van ${show(x.from, lang)} uur per week: ${who}`
        : `with ${show(x.to, lang)} instead of ${show(x.from, lang)} hours a week: ${who}`
    case 'quality':
      return nl
        ? `als ${x.member} ${x.quality} van ${x.from} naar ${x.to} brengt: ${who}`
        : `if ${x.member} raised ${x.quality} from ${x.from} to ${x.to}: ${who}`
    case 'unit':
      return nl
        ? `als ${x.request} niet alleen eenheid ${x.unit} bedient maar iedereen: ${who}`
        : `if ${x.request} were open to every unit, not only ${x.unit}: ${who}`
    case 'exclusion':
      return nl
        ? `als ${x.member} niet langer is uitgesloten van ${x.request}: ${who}`
        : `if ${x.member} were no longer excluded from ${x.request}: ${who}`
    case 'availability':
      return nl
        ? `als ${x.member} ${x.days} dagen langer beschikbaar is (${x.from.from}..${x.from.to} → ${x.to.from}..${x.to.to}): ${who}`
        : `if ${x.member} were available ${x.days} days longer (${x.from.from}..${x.from.to} → ${x.to.from}..${x.to.to}): ${who}`
    case 'move':
      return nl
        ? `als ${x.member} ${list(x.leaves)} loslaat (${levels(x.delta, lang)}): ${who}`
        : `if ${x.member} left ${list(x.leaves)} (${levels(x.delta, lang)}): ${who}`
  }
}

const reasonLine = (r: ReasonMembers, lang: Language): string => {
  const more = r.count - r.members.length
  const tail = more > 0 ? (lang === 'nl' ? ` en ${more} anderen` : ` and ${more} more`) : ''
  return `  ${String(r.count).padStart(3)} ${ruleWords[lang][r.constraint]} — ${r.detail}: ${list(
    r.members,
  )}${tail}`
}

/** An open slot: its reasons with their members, what would fill it, and the first candidates. @internal */
export const unfilledLines = (x: UnfilledExplanation, lang: Language): ReadonlyArray<string> => {
  const nl = lang === 'nl'
  return [
    nl ? `${x.slot} is open; wie niet, en waarom:` : `${x.slot} is open; who not, and why:`,
    ...x.reasons.map((r) => reasonLine(r, lang)),
    ...(x.relaxations.length === 0
      ? [nl ? '  geen enkele enkele wijziging vult de plek' : '  no single change fills the slot']
      : [
          nl ? '  wat de plek zou vullen:' : '  what would fill it:',
          ...x.relaxations.map((r) => `  - ${relaxationLine(r, lang)}`),
        ]),
    ...(x.candidates.length === 0
      ? []
      : [nl ? '  dichtstbij:' : '  nearest:', ...x.candidates.map((m) => `  · ${moveLine(m, lang)}`)]),
  ]
}

/** A whole plan explained. @internal */
export const explanationLines = (x: Explanation, lang: Language): ReadonlyArray<string> => [
  lang === 'nl'
    ? `${x.assignments.length} toewijzingen, ${x.unfilled.length} open plekken`
    : `${x.assignments.length} assignments, ${x.unfilled.length} open slots`,
  ...x.assignments.flatMap((a) => assignmentLines(a, lang)),
  ...x.unfilled.flatMap((u) => unfilledLines(u, lang)),
]
