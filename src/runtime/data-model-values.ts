import type { ChoiceData, QuestionData } from '../shared/course-data.js'

/** Values every standard's data model writes or reads alike. */

/** The interaction type of each kind of question: the same words in SCORM 1.2 and 2004. */
export const interactionTypes: Readonly<Record<QuestionData['kind'], string>> = {
  'single-choice': 'choice',
  'multiple-response': 'choice',
  'true-false': 'true-false',
  'fill-in': 'fill-in',
  numeric: 'numeric',
  matching: 'matching',
  sequencing: 'sequencing',
  likert: 'likert',
}

/** The choices worth the most (a weighted single choice may have several of partial worth). */
export function bestChoices(question: ChoiceData): string[] {
  const top = Math.max(...question.choices.map((id) => question.weights[id] ?? 0))
  return question.choices.filter((id) => (question.weights[id] ?? 0) === top)
}

/** The accepted answer worth the most. */
export function bestAnswer<Answer extends { readonly weight: number }>(answers: readonly Answer[]): Answer | undefined {
  return [...answers].sort((a, b) => b.weight - a.weight)[0]
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
