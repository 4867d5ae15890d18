import type { Choice, Question } from '../../model.js'
import { plainText } from '../../questions/list-items.js'

/**
 * What becomes of each question in a Common Cartridge, decided from what
 * the two importers read (docs/reference/common-cartridge-notes.md §2.4,
 * §3.4, §4): Moodle's backup/cc (`entity11.quiz.class.php`) takes an item
 * only by its `cc_profile`, and only the four portable kinds; Canvas's QTI
 * importer (`qti_exporter`, through QTIMigrationTool) takes its own
 * `question_type`, and reads more kinds, some only in QTI outside the
 * CC 1.1 profile.
 */

/** How a question is written. */
export type ItemForm =
  /** `cc.multiple_choice.v0p1` + `multiple_choice_question`. */
  | 'single-choice'
  /** `cc.multiple_response.v0p1` + `multiple_answers_question`. */
  | 'multiple-response'
  /** `cc.true_false.v0p1` + `true_false_question`, choice idents `true` and `false`. */
  | 'true-false'
  /** `cc.fib.v0p1` + `short_answer_question`: fill-in, and numeric with exact answers, compared as text. */
  | 'short-answer'
  /** Canvas's `numerical_question` (`or`, `vargte`, `varlte`: outside the CC profile); no `cc_profile`, so Moodle skips it. */
  | 'numerical'
  /** Canvas's `matching_question` (`setvar action="Add"`: outside the CC profile); Moodle skips it. */
  | 'matching'
  /** A QTI ordered response (in the profile, no `cc_profile`): Canvas makes a matching question of it; Moodle skips it. */
  | 'ordering'

export interface Fate {
  /** How it is written; `undefined`: it is left out of the cartridge. */
  readonly form: ItemForm | undefined
  /** Moodle's import makes a question of it. */
  readonly moodle: boolean
  /** Canvas's import makes a question of it. */
  readonly canvas: boolean
  /** What the LMSs lose of it, each a sentence for a `question-lost-in-lms` warning at the question. */
  readonly losses: readonly Loss[]
}

export interface Loss {
  readonly reason: string
  readonly hint?: string
}

/** Full marks, give or take rounding (GIFT weights are percentages). */
export function isFullCredit(weight: number): boolean {
  return weight >= 1 - 1e-9
}

/** What becomes of `question` in the cartridge. */
export function fateOf(question: Question): Fate {
  switch (question.kind) {
    case 'single-choice':
    case 'true-false':
      return portable(question.kind, partialChoices(question.choices))
    case 'multiple-response':
      return portable('multiple-response', [])
    case 'fill-in': {
      const losses = partialAnswers(question.answers.map((answer) => ({ text: answer.value, weight: answer.weight })))
      if (question.caseSensitive) {
        losses.push({
          reason: 'Moodle and Canvas accept this answer in any case: their Common Cartridge import has no case-sensitive short answer',
          hint: 'Keep `case` for the SCORM packages, or accept every spelling.',
        })
      }
      return portable('short-answer', losses)
    }
    case 'numeric': {
      const losses = partialAnswers(question.answers.map((answer) => ({ text: numberRange(answer.value), weight: answer.weight })))
      const full = question.answers.filter((answer) => isFullCredit(answer.weight))
      if (full.every((answer) => answer.value.min === answer.value.max)) return portable('short-answer', losses)
      return {
        form: 'numerical',
        moodle: false,
        canvas: true,
        losses: [
          {
            reason: "Moodle's Common Cartridge import has no numeric question: Moodle leaves out this one, whose answer is a range or has a tolerance; Canvas imports it as a numerical question",
            hint: 'An exact answer (`- = 1950`) reaches Moodle as a short answer; or add the question in Moodle after the restore.',
          },
          ...losses,
        ],
      }
    }
    case 'matching':
      return {
        form: 'matching',
        moodle: false,
        canvas: true,
        losses: [
          {
            reason: "Moodle's Common Cartridge import has no matching question: Moodle leaves it out; Canvas imports it",
            hint: 'After the restore, add it to the Moodle quiz as a Matching question.',
          },
        ],
      }
    case 'sequencing':
      return {
        form: 'ordering',
        moodle: false,
        canvas: true,
        losses: [
          {
            reason: "Moodle's Common Cartridge import has no ordering question: Moodle leaves it out; Canvas imports it as a matching question, each position matched to its item",
            hint: 'After the restore, add it to the Moodle quiz as an Ordering or Matching question.',
          },
        ],
      }
    case 'likert':
      return {
        form: undefined,
        moodle: false,
        canvas: false,
        losses: [
          {
            reason: 'Neither Moodle nor Canvas imports a likert question from a Common Cartridge: it is left out of the cartridge',
            hint: 'Keep it for the SCORM packages, or ask it in a survey or feedback activity of the LMS.',
          },
        ],
      }
  }
}

function portable(form: ItemForm, losses: Loss[]): Fate {
  return { form, moodle: true, canvas: true, losses }
}

/**
 * A single choice (or true/false) choice worth part of the points: both
 * importers know only right (100) and wrong (0), and Moodle takes any
 * non-zero score as right, so such a choice is written as wrong.
 */
function partialChoices(choices: readonly Choice[]): Loss[] {
  return choices
    .filter((choice) => choice.weight !== 0 && !isFullCredit(choice.weight))
    .map((choice) => ({
      reason: `Moodle and Canvas know only right and wrong choices: \`${plainText(choice.content)}\`, worth ${percent(choice.weight)} here, is wrong in the cartridge`,
      hint: 'After import, give the choice its grade in the question editor.',
    }))
}

/** Typed answers worth less than full marks: Canvas would take any of them as right, so they are left out. */
function partialAnswers(answers: readonly { readonly text: string; readonly weight: number }[]): Loss[] {
  return answers
    .filter((answer) => !isFullCredit(answer.weight))
    .map((answer) => ({
      reason: `Moodle and Canvas import only the answers worth full marks: \`${answer.text}\`, worth ${percent(answer.weight)} here, is left out of the cartridge`,
      hint: 'After import, add the answer with its grade in the question editor.',
    }))
}

function percent(weight: number): string {
  return `${Math.round(weight * 1000) / 10}%`
}

/** `1950`, or `1949..1951` for a range. */
export function numberRange(value: { readonly min: number; readonly max: number }): string {
  return value.min === value.max ? String(value.min) : `${value.min}..${value.max}`
}
