import type { Question } from '../../model.js'
import { plainText } from '../../questions/list-items.js'

/**
 * How a question is graded in Moodle so that it scores as coursepack's
 * scoring (src/shared/scoring.ts) does, as far as Moodle's question types
 * allow: the type, the mark, and the fraction of each choice or answer (in
 * the question's order). Where Moodle cannot do the same, plan.ts reports it.
 */
export interface Grading {
  readonly qtype: 'multichoice' | 'truefalse' | 'shortanswer' | 'numerical' | 'match' | 'ordering'
  /** The question's default mark: its points (a likert question's slot is worth 0 in its quiz). */
  readonly defaultMark: number
  /** Fraction of each choice, answer or item, in the question's order. */
  readonly fractions: readonly number[]
  /** The order the answers are written in: Moodle's short answer and numerical take the first that matches, coursepack the one worth most. */
  readonly order: readonly number[]
  /** For true/false: the index of the choice that means "true". */
  readonly trueIndex: number
}

export function questionGrading(question: Question): Grading {
  const base = { defaultMark: question.points, order: [] as number[], trueIndex: 0 }
  switch (question.kind) {
    case 'single-choice':
      // Moodle lets a single choice's negative fraction take marks off the quiz; coursepack counts it as 0.
      return { ...base, qtype: 'multichoice', fractions: question.choices.map((choice) => (question.scoring === 'weighted' ? Math.max(0, choice.weight) : choice.weight > 0 ? 1 : 0)) }
    case 'multiple-response': {
      if (question.scoring === 'weighted') return { ...base, qtype: 'multichoice', fractions: question.choices.map((choice) => choice.weight) }
      // All or nothing, as near as Moodle's multiple choice comes: each right choice its share, each wrong one cancels everything.
      const right = question.choices.filter((choice) => choice.weight > 0).length
      return { ...base, qtype: 'multichoice', fractions: question.choices.map((choice) => (choice.weight > 0 ? 1 / right : -1)) }
    }
    case 'true-false': {
      const trueIndex = Math.max(0, question.choices.findIndex((choice) => choice.booleanLabel === 'true' || /^true$/i.test(plainText(choice.content))))
      return { ...base, qtype: 'truefalse', trueIndex, fractions: question.choices.map((choice) => (choice.weight > 0 ? 1 : 0)) }
    }
    case 'likert':
      // A survey: every answer is accepted, and its slot is worth nothing.
      return { ...base, qtype: 'multichoice', defaultMark: 0, fractions: question.choices.map(() => 1) }
    case 'fill-in':
    case 'numeric': {
      const weights = question.answers.map((answer) => Math.max(0, Math.min(1, answer.weight)))
      const order = weights.map((_, index) => index).sort((a, b) => weights[b]! - weights[a]! || a - b)
      return { ...base, qtype: question.kind === 'fill-in' ? 'shortanswer' : 'numerical', fractions: weights, order }
    }
    case 'matching':
      return { ...base, qtype: 'match', fractions: [] }
    case 'sequencing':
      return { ...base, qtype: 'ordering', fractions: question.items.map((_, index) => index + 1) }
  }
}
