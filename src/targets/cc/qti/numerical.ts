import type { NumericQuestion } from '../../../model.js'
import { isFullCredit } from '../fates.js'
import type { ItemBody, ItemOptions, QuestionView } from './item-body.js'
import { decimal, displayFeedback, itemFeedback, responseId, setScore, type XmlNode } from './xml.js'

/**
 * A numeric question with a range or a tolerance, as Canvas's
 * `numerical_question` (notes §4.5; Canvas's `numeric_interaction.rb`
 * `get_canvas_answers`): one condition per accepted answer, an exact number
 * as `<or>` of the number and its zero-width range (Canvas: an exact answer,
 * margin 0), a range as `vargte` and `varlte` (Canvas: a range answer).
 * Each answer's feedback is Canvas's comment on that answer.
 * `or`, `vargte` and `varlte` are outside the CC 1.1 QTI profile, and
 * there is no `cc_profile`: Moodle skips the item.
 */
export function numericalItem(question: NumericQuestion, view: QuestionView, options: ItemOptions): ItemBody {
  const bound = (name: 'vargte' | 'varlte', value: number): XmlNode => ({ [name]: { '@_respident': responseId, '#text': decimal(value) } })
  const answerFeedback = 'answerFeedback' in view ? view.answerFeedback : []
  const accepted = question.answers.flatMap((answer, index) => {
    if (!isFullCredit(answer.weight)) return []
    const html = answerFeedback.find((entry) => entry.key === String(index))?.html ?? ''
    return [{ value: answer.value, feedback: html.trim() === '' ? undefined : { ident: `answer${index + 1}_fb`, html: options.html(html) } }]
  })
  const conditions = accepted.map(({ value, feedback }) => ({
    '@_continue': 'No',
    conditionvar:
      value.min === value.max
        ? { or: { varequal: { '@_respident': responseId, '#text': decimal(value.min) }, and: { ...bound('vargte', value.min), ...bound('varlte', value.max) } } }
        : { ...bound('vargte', value.min), ...bound('varlte', value.max) },
    setvar: setScore('100'),
    ...(feedback ? { displayfeedback: displayFeedback(feedback.ident) } : {}),
  }))
  return {
    responses: {
      response_str: {
        '@_ident': responseId,
        '@_rcardinality': 'Single',
        render_fib: { '@_fibtype': 'Decimal', response_label: { '@_ident': 'answer1' } },
      },
    },
    conditions,
    feedback: accepted.flatMap(({ feedback }) => (feedback ? [itemFeedback(feedback.ident, feedback.html)] : [])),
  }
}
