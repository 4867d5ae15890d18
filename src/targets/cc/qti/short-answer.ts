import type { FillInQuestion, NumericQuestion } from '../../../model.js'
import { isFullCredit } from '../fates.js'
import type { ItemBody, ItemOptions, QuestionView } from './item-body.js'
import { decimal, displayFeedback, itemFeedback, responseId, setScore, varequal } from './xml.js'

/**
 * A fill-in question, or a numeric one whose answers are exact numbers,
 * as `cc.fib.v0p1` (notes §4.4): one condition whose direct `varequal`s are
 * the accepted answers, with `setvar` exactly `100` (Moodle takes the first
 * condition whose score is the text `100`, `get_answers_fib`). No condition
 * for a wrong answer: Canvas takes every string a condition tests as a right
 * answer. A right answer's feedback is Canvas's `correct_comments`
 * (`correct_fb`); Moodle drops it (its code writes it to a misspelt array).
 *
 * A number is compared as text by both LMSs: `1.5` is also accepted as `1,5`.
 */
export function shortAnswerItem(question: FillInQuestion | NumericQuestion, view: QuestionView, options: ItemOptions): ItemBody {
  const accepted = question.answers.flatMap((answer, index) => (isFullCredit(answer.weight) ? [{ answer, index }] : []))
  const texts = accepted.flatMap(({ answer }) => (typeof answer.value === 'string' ? [answer.value.trim()] : spellings(answer.value.min)))
  const answerFeedback = 'answerFeedback' in view ? view.answerFeedback : []
  const feedbackTexts = [...new Set(accepted.map(({ index }) => answerFeedback.find((entry) => entry.key === String(index))?.html ?? '').filter((html) => html.trim() !== ''))]
  const correct = feedbackTexts.length === 0 ? undefined : options.html(feedbackTexts.join('\n'))
  return {
    responses: {
      response_str: {
        '@_ident': responseId,
        '@_rcardinality': 'Single',
        render_fib: { response_label: { '@_ident': 'answer1', '@_rshuffle': 'No' } },
      },
    },
    conditions: [
      {
        '@_continue': 'No',
        conditionvar: { varequal: [...new Set(texts)].map((text) => varequal(text)) },
        setvar: setScore('100'),
        ...(correct === undefined ? {} : { displayfeedback: displayFeedback('correct_fb') }),
      },
    ],
    feedback: correct === undefined ? [] : [itemFeedback('correct_fb', correct)],
  }
}

/** `1.5` and `1,5`; `1950` alone. */
function spellings(value: number): string[] {
  const text = decimal(value)
  return text.includes('.') ? [text, text.replace('.', ',')] : [text]
}
