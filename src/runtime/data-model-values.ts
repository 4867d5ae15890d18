import type { QuestionKind } from '../shared/course-data.js'

/** Values every standard's data model writes or reads alike. */

/** The interaction type of a kind of question: the same words in SCORM 1.2 and 2004, `choice` for both choice kinds. */
export function interactionType(kind: QuestionKind): string {
  return kind === 'single-choice' || kind === 'multiple-response' ? 'choice' : kind
}

/** A decimal in plain digits, never exponent notation (SCORM 1.2 CMIDecimal, SCORM 2004 real). */
export function decimal(value: number): string {
  const text = String(value)
  return /e/i.test(text) ? value.toFixed(10).replace(/\.?0+$/, '') : text
}

/** A count the LMS gives (`cmi.interactions._count`): a whole number, else 0. */
export function parseCount(text: string): number {
  const value = Number(text)
  return Number.isInteger(value) && value >= 0 ? value : 0
}
