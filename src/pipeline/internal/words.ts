/**
 * Numbers and the soft terms in words, in Dutch or English: shared by the explanations'
 * and replanning's `toLines`.
 *
 * @internal
 * @since 0.1.0
 */
import type { Language } from '../../classify/Assessment.js'
import type { Terms } from '../../staffing/Plan.js'

/** A number for people: at most two decimals, a decimal comma in Dutch. @internal */
export const show = (x: number, lang: Language): string => {
  const r = Math.round(x * 100) / 100 + 0
  const s = String(Math.abs(r))
  return `${r < 0 ? '-' : ''}${lang === 'nl' ? s.replace('.', ',') : s}`
}

/** A signed number for people (`+2`, `-1,5`, `0`). @internal */
export const signed = (x: number, lang: Language): string => {
  const s = show(x, lang)
  return s === '0' || s.startsWith('-') ? s : `+${s}`
}

/** The names of the soft terms in words. @internal */
export const termWords: Readonly<Record<Language, Readonly<Record<keyof Terms, string>>>> = {
  en: {
    fit: 'fit',
    preference: 'preference',
    learning: 'learning',
    continuity: 'continuity',
    diversity: 'diversity',
    rotation: 'rotation',
    balance: 'balance',
  },
  nl: {
    fit: 'passendheid',
    preference: 'voorkeur',
    learning: 'ontwikkeling',
    continuity: 'continuïteit',
    diversity: 'diversiteit',
    rotation: 'rotatie',
    balance: 'belasting',
  },
}
