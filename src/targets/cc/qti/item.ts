import type { Question } from '../../../model.js'
import { plainText } from '../../../questions/list-items.js'
import type { Fate, ItemForm } from '../fates.js'
import { choiceItem } from './choice.js'
import type { ItemBody, ItemOptions, QuestionView } from './item-body.js'
import { matchingItem } from './matching.js'
import { numericalItem } from './numerical.js'
import { orderingItem } from './ordering.js'
import { shortAnswerItem } from './short-answer.js'
import { decimal, displayFeedback, htmlMaterial, itemFeedback, metadata, type XmlNode } from './xml.js'

/** Each form's `cc_profile` (what Moodle reads, §2.4) and `question_type` (what Canvas reads, §3.4). */
const vocabulary: Readonly<Record<ItemForm, { readonly ccProfile?: string; readonly questionType?: string }>> = {
  'single-choice': { ccProfile: 'cc.multiple_choice.v0p1', questionType: 'multiple_choice_question' },
  'multiple-response': { ccProfile: 'cc.multiple_response.v0p1', questionType: 'multiple_answers_question' },
  'true-false': { ccProfile: 'cc.true_false.v0p1', questionType: 'true_false_question' },
  'short-answer': { ccProfile: 'cc.fib.v0p1', questionType: 'short_answer_question' },
  numerical: { questionType: 'numerical_question' },
  matching: { questionType: 'matching_question' },
  // Canvas finds the ordered response itself and makes a matching question of it (§4.7).
  ordering: {},
}

/**
 * One `<item>`: its metadata in both vocabularies, the question's text (the
 * prompt and what follows it, in one `mattext`: Moodle reads only the
 * first), the response, then the scoring: the general feedback first, in
 * the only condition with `continue="Yes"` (Moodle adds the feedback of
 * every such condition to the general feedback, §2.4), then the kind's own
 * conditions.
 */
export function questionItem(ident: string, question: Question, fate: Fate & { readonly form: ItemForm }, view: QuestionView, options: ItemOptions): XmlNode {
  const body = itemBody(fate.form, question, view, options)
  const general = view.feedbackHtml.trim() === '' ? undefined : options.html(view.feedbackHtml)
  const { ccProfile, questionType } = vocabulary[fate.form]
  return {
    '@_ident': ident,
    '@_title': itemTitle(question),
    itemmetadata: {
      qtimetadata: metadata([
        ...(ccProfile ? [['cc_profile', ccProfile] as const] : []),
        ...(questionType ? [['question_type', questionType] as const] : []),
        ['points_possible', decimal(question.points)],
        // Moodle's default mark: an integer from 0 to 99, else it takes 1 (get_defaultgrade).
        ...(Number.isInteger(question.points) && question.points >= 0 && question.points <= 99 ? [['cc_weighting', String(question.points)] as const] : []),
        ...(options.metadata ?? []),
      ]),
    },
    presentation: { material: htmlMaterial(options.html(questionText(view))), ...body.responses },
    resprocessing: {
      outcomes: { decvar: { '@_varname': 'SCORE', '@_vartype': 'Decimal', '@_minvalue': '0', '@_maxvalue': '100' } },
      respcondition: [
        ...(general ? [{ '@_continue': 'Yes', conditionvar: { other: '' }, displayfeedback: displayFeedback('general_fb') }] : []),
        ...body.conditions,
      ],
    },
    itemfeedback: [...(general ? [itemFeedback('general_fb', general)] : []), ...body.feedback],
  }
}

function itemBody(form: ItemForm, question: Question, view: QuestionView, options: ItemOptions): ItemBody {
  switch (form) {
    case 'single-choice':
    case 'multiple-response':
    case 'true-false':
      if (question.kind === 'likert' || !('choices' in question) || !('choices' in view)) break
      return choiceItem(form, question, view, options)
    case 'short-answer':
      if (question.kind !== 'fill-in' && question.kind !== 'numeric') break
      return shortAnswerItem(question, view, options)
    case 'numerical':
      if (question.kind !== 'numeric') break
      return numericalItem(question, view, options)
    case 'matching':
      if (question.kind !== 'matching' || !('sources' in view)) break
      return matchingItem(question, view, options)
    case 'ordering':
      if (question.kind !== 'sequencing' || !('items' in view)) break
      return orderingItem(question, view, options)
  }
  throw new Error(`A ${question.kind} question cannot be written as ${form}`)
}

/** The prompt as a paragraph, then the Markdown between it and the answers. */
function questionText(view: QuestionView): string {
  return `<p>${view.promptHtml}</p>${view.bodyHtml}`
}

/** Moodle names the question after the item's `title`, Canvas too: the prompt as text, cut at a word near 100 characters. */
function itemTitle(question: Question): string {
  const text = plainText(question.prompt).replace(/\s+/g, ' ')
  if (text.length <= 100) return text || question.id
  const cut = text.slice(0, 100)
  const space = cut.lastIndexOf(' ')
  return `${(space > 60 ? cut.slice(0, space) : cut).trimEnd()}…`
}
