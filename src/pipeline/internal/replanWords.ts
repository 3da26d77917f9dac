/**
 * Replanning in words (`Replan.toLines`): a diff, a disruption or a replan result as lines
 * of Dutch or English.
 *
 * @since 0.1.0
 */
import { show, signed, termWords } from './words.js'
import type { Language } from '../../classify/Assessment.js'
import {
  type MemberId,
  } from '../Problem.js'
import { type Disruption, type DropReason, type ForcedCause, type PlanDiff, type Replanned } from './replanModel.js'
import { termNames } from '../../staffing/Plan.js'

// -------------------------------------------------------------------------------------
// utilities
// -------------------------------------------------------------------------------------

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

const causeWords: Readonly<Record<Language, Readonly<Record<ForcedCause, string>>>> = {
  en: {
    'slot-gone': 'the slot is gone',
    'member-gone': 'no longer in the pool',
    pinned: 'pinned to someone else',
    unit: 'unit',
    quality: 'quality',
    discipline: 'discipline',
    excluded: 'excluded',
    availability: 'availability',
    capacity: 'capacity',
  },
  nl: {
    'slot-gone': 'de plek bestaat niet meer',
    'member-gone': 'niet meer in de pool',
    pinned: 'vastgezet op iemand anders',
    unit: 'eenheid',
    quality: 'kwaliteit',
    discipline: 'discipline',
    excluded: 'uitgesloten',
    availability: 'beschikbaarheid',
    capacity: 'capaciteit',
  },
}

const reasonWords: Readonly<Record<Language, Readonly<Record<DropReason, string>>>> = {
  en: { cancelled: 'request cancelled', replaced: 'replaced by a new pin', broken: 'no longer possible' },
  nl: {
    cancelled: 'vraagstuk vervallen',
    replaced: 'vervangen door een nieuwe vastzetting',
    broken: 'niet meer mogelijk',
  },
}

const diffLines = (d: PlanDiff, lang: Language): ReadonlyArray<string> => {
  const nl = lang === 'nl'
  const head =
    d.added.length + d.removed.length + d.changed.length === 0
      ? nl
        ? 'geen wijzigingen in de bezetting'
        : 'no change in the assignments'
      : nl
      ? `${d.added.length} toegevoegd, ${d.removed.length} vervallen, ${d.changed.length} gewijzigd; ${plural(
          d.people.length,
          'persoon',
          'mensen',
        )} geraakt`
      : `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed; ${plural(
          d.people.length,
          'person',
          'people',
        )} affected`
  const moved = (x: MemberId, y: MemberId) => `${x} → ${y}`
  const terms = termNames
    .filter((k) => show(d.delta.terms[k], lang) !== '0')
    .map((k) => `${termWords[lang][k]} ${signed(d.delta.terms[k], lang)}`)
  const score = `${nl ? 'gevuld' : 'filled'} ${signed(d.delta.filled, lang)}, ${
    nl ? 'zachte score' : 'soft'
  } ${signed(d.delta.soft, lang)}${terms.length === 0 ? '' : ` (${terms.join(', ')})`}`
  return [
    head,
    ...d.added.map((a) => `+ ${a.slot}: ${a.member}`),
    ...d.removed.map((a) => `- ${a.slot}: ${a.member}`),
    ...d.changed.map((c) => `~ ${c.slot}: ${moved(c.from, c.to)}`),
    score,
  ]
}

const disruptionLines = (x: Disruption, lang: Language): ReadonlyArray<string> => {
  const nl = lang === 'nl'
  const head = nl
    ? `${plural(x.changed, 'toewijzing', 'toewijzingen')} gewijzigd: ${
        x.forced
      } afgedwongen door de wijzigingen, ${x.beyond} daarbovenop`
    : `${plural(x.changed, 'assignment', 'assignments')} changed: ${x.forced} forced by the changes, ${
        x.beyond
      } beyond them`
  const now = (m: MemberId | null) => m ?? 'open'
  return [
    head,
    ...x.assignments.map((a) => {
      const move = `${a.slot}: ${a.member} → ${now(a.now)}`
      if (a.cause === null) return `${nl ? 'gekozen' : 'chosen'} ${move}`
      const why = causeWords[lang][a.cause]
      return `${nl ? 'afgedwongen' : 'forced'} ${move} (${why}: ${a.detail})`
    }),
  ]
}

const replannedLines = (x: Replanned, lang: Language): ReadonlyArray<string> => {
  const nl = lang === 'nl'
  const p = x.problem
  const head = nl
    ? `nieuw probleem: ${plural(p.members.length, 'lid', 'leden')}, ${plural(
        p.requests.length,
        'vraagstuk',
        'vraagstukken',
      )}, ${plural(p.previous.length, 'eerdere toewijzing', 'eerdere toewijzingen')}, ${plural(
        p.pinned.length,
        'vastzetting',
        'vastzettingen',
      )}`
    : `next problem: ${plural(p.members.length, 'member', 'members')}, ${plural(
        p.requests.length,
        'request',
        'requests',
      )}, ${plural(p.previous.length, 'previous assignment', 'previous assignments')}, ${plural(
        p.pinned.length,
        'pin',
        'pins',
      )}`
  return [
    head,
    ...x.droppedPins.map((d) =>
      nl
        ? `vastzetting vervallen: ${d.member} op ${d.slot} (${reasonWords.nl[d.reason]}: ${d.detail})`
        : `pin dropped: ${d.member} on ${d.slot} (${reasonWords.en[d.reason]}: ${d.detail})`,
    ),
  ]
}

/**
 * Readable lines, in Dutch (`nl`) or English (`en`), for a {@link PlanDiff} (a summary, one
 * line per added `+`, removed `-` and changed `~` assignment, and the score change), a
 * {@link Disruption} (the counts, then each changed assignment: forced, with its cause, or
 * chosen) or a {@link Replanned} result (the next problem's size and every dropped pin). Ids
 * are shown as they are; numbers with at most two decimals.
 *
 * @category utilities
 * @since 0.1.0
 */
export const toLines = (x: PlanDiff | Disruption | Replanned, lang: Language): ReadonlyArray<string> => {
  switch (x._tag) {
    case 'PlanDiff':
      return diffLines(x, lang)
    case 'Disruption':
      return disruptionLines(x, lang)
    case 'Replanned':
      return replannedLines(x, lang)
  }
}

