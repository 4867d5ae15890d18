import type { MatchingQuestion } from '../../../model.js'
import type { ItemBody, ItemOptions, QuestionView } from './item-body.js'
import { htmlMaterial, textMaterial, type XmlNode } from './xml.js'

type MatchingView = Extract<QuestionView, { readonly sources: unknown }>

/**
 * Canvas's matching question (notes §4.6, Canvas's own export in
 * `lib/cc/qti/qti_items.rb`): one `response_lid` per left-hand item, every
 * right-hand item a choice of each, and per pair a condition that adds its
 * share to `SCORE`. Canvas reads a pair only from a condition that adds
 * (`associate_interaction.rb` looks for a `sum`), which the CC 1.1 profile
 * does not allow (`setvar action` is `Set` only), and takes each right-hand
 * item's match id from the first run of digits in its ident: the idents are
 * numbers. No `cc_profile`: Moodle skips the item.
 */
export function matchingItem(question: MatchingQuestion, view: MatchingView, options: ItemOptions): ItemBody {
  const left = new Map(view.sources.map((source) => [source.id, source.labelHtml]))
  const right = new Map(view.targets.map((target) => [target.id, target.text]))
  const sourceIdent = (index: number) => `response_${1001 + index}`
  const targetIdent = new Map(question.targets.map((target, index) => [target.id, String(2001 + index)]))
  const share = (100 / Math.max(1, question.sources.length)).toFixed(2)
  const responses = {
    response_lid: question.sources.map((source, index) => ({
      '@_ident': sourceIdent(index),
      material: htmlMaterial(options.html(left.get(source.id) ?? '')),
      render_choice: {
        response_label: question.targets.map((target) => ({ '@_ident': targetIdent.get(target.id), material: textMaterial(right.get(target.id) ?? '') })),
      },
    })),
  }
  const conditions: XmlNode[] = question.sources.map((source, index) => ({
    conditionvar: { varequal: { '@_respident': sourceIdent(index), '#text': targetIdent.get(question.pairs[source.id] ?? '') ?? '' } },
    setvar: { '@_varname': 'SCORE', '@_action': 'Add', '#text': share },
  }))
  return { responses, conditions, feedback: [] }
}
