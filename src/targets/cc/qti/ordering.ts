import type { SequencingQuestion } from '../../../model.js'
import type { ItemBody, ItemOptions, QuestionView } from './item-body.js'
import { htmlMaterial, responseId, setScore, varequal } from './xml.js'

type OrderingView = Extract<QuestionView, { readonly items: unknown }>

/**
 * An ordering question as QTI's ordered response (notes §4.7): the items,
 * and one condition that tests them in the right order. It is in the CC 1.1
 * profile, but no `cc_profile` names it: Moodle skips it. Canvas, which has
 * no ordering question, makes a matching question of it, each position
 * (`1`, `2`, …) matched to the item that belongs there.
 */
export function orderingItem(question: SequencingQuestion, view: OrderingView, options: ItemOptions): ItemBody {
  const labels = new Map(view.items.map((item) => [item.id, item.labelHtml]))
  const ident = (id: string) => `${question.id}_${id}`
  return {
    responses: {
      response_lid: {
        '@_ident': responseId,
        '@_rcardinality': 'Ordered',
        render_choice: {
          '@_shuffle': 'Yes',
          response_label: question.items.map((item) => ({ '@_ident': ident(item.id), material: htmlMaterial(options.html(labels.get(item.id) ?? '')) })),
        },
      },
    },
    conditions: [{ '@_continue': 'No', conditionvar: { varequal: question.items.map((item) => varequal(ident(item.id))) }, setvar: setScore('100') }],
    feedback: [],
  }
}
