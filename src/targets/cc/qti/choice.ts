import type { Choice, ChoiceQuestion } from '../../../model.js'
import { plainText } from '../../../questions/list-items.js'
import { isFullCredit } from '../fates.js'
import type { ItemBody, ItemOptions, QuestionView } from './item-body.js'
import { displayFeedback, htmlMaterial, itemFeedback, responseId, setScore, varequal, type XmlNode } from './xml.js'

type ChoiceView = Extract<QuestionView, { readonly choices: unknown }>

/**
 * Single choice, multiple response and true/false (notes §4.1–4.3).
 *
 * Single choice and true/false: one condition per choice, with its score
 * (100 for a right choice, else 0) and its feedback together, since Moodle
 * takes a choice's score from the last condition that tests it
 * (`get_score`) and its feedback from every such condition (`get_feedback`);
 * Canvas marks right the choice whose condition sets a score above 0.
 *
 * Multiple response: one condition that needs every right choice and none
 * of the wrong ones, with `case="Yes"` on each test (without it Moodle gives
 * every choice 0), then a feedback-only condition per choice that has
 * feedback, which Moodle shows with that choice. `continue="Yes"` stays on
 * the general feedback alone: Moodle adds the feedback of every such
 * condition to the general feedback.
 *
 * True/false: the idents are `true` and `false`, or Moodle's restore stops;
 * Canvas keeps the kind when the labels say True and False.
 */
export function choiceItem(form: 'single-choice' | 'multiple-response' | 'true-false', question: ChoiceQuestion, view: ChoiceView, options: ItemOptions): ItemBody {
  const trueChoice = form === 'true-false' ? (trueChoiceOf(question) ?? question.choices[0]?.id) : undefined
  const ident = (choice: Choice) => (form === 'true-false' ? (choice.id === trueChoice ? 'true' : 'false') : `${question.id}_${choice.id}`)
  const html = new Map(view.choices.map((choice) => [choice.id, choice]))
  const feedbackOf = (choice: Choice) => {
    const text = html.get(choice.id)?.feedbackHtml ?? ''
    return text.trim() === '' ? undefined : options.html(text)
  }

  const responses = {
    response_lid: {
      '@_ident': responseId,
      '@_rcardinality': form === 'multiple-response' ? 'Multiple' : 'Single',
      render_choice: {
        '@_shuffle': options.shuffle ? 'Yes' : 'No',
        response_label: question.choices.map((choice) => ({
          '@_ident': ident(choice),
          material: htmlMaterial(options.html(html.get(choice.id)?.labelHtml ?? '')),
        })),
      },
    },
  }

  const feedback = question.choices.flatMap((choice) => {
    const text = feedbackOf(choice)
    return text === undefined ? [] : [itemFeedback(`${ident(choice)}_fb`, text)]
  })

  if (form === 'multiple-response') {
    const right = question.choices.filter((choice) => choice.weight > 0)
    const wrong = question.choices.filter((choice) => choice.weight <= 0)
    // Canvas reads the scoring condition and the feedback conditions after it as one chain, and gives every right
    // choice the first feedback it finds there (choice_interaction.rb): `correct_fb` comes first, a name Canvas
    // keeps off the choices (its "correct" comment), holding the right choices' feedback.
    const guarded = question.choices.some((choice) => feedbackOf(choice) !== undefined)
    const correct = right.flatMap((choice) => feedbackOf(choice) ?? []).join('\n')
    const scoring: XmlNode = {
      '@_continue': 'No',
      conditionvar: {
        and: {
          varequal: right.map((choice) => varequal(ident(choice), { caseYes: true })),
          ...(wrong.length > 0 ? { not: wrong.map((choice) => ({ varequal: varequal(ident(choice), { caseYes: true }) })) } : {}),
        },
      },
      setvar: setScore('100'),
      ...(guarded ? { displayfeedback: displayFeedback('correct_fb') } : {}),
    }
    const perChoice = question.choices.flatMap((choice) =>
      feedbackOf(choice) === undefined ? [] : [{ '@_continue': 'No', conditionvar: { varequal: varequal(ident(choice)) }, displayfeedback: displayFeedback(`${ident(choice)}_fb`) }],
    )
    return { responses, conditions: [scoring, ...perChoice], feedback: [...(guarded ? [itemFeedback('correct_fb', correct)] : []), ...feedback] }
  }

  const conditions = question.choices.map((choice) => ({
    '@_continue': 'No',
    conditionvar: { varequal: varequal(ident(choice)) },
    setvar: setScore(isFullCredit(choice.weight) ? '100' : '0'),
    ...(feedbackOf(choice) === undefined ? {} : { displayfeedback: displayFeedback(`${ident(choice)}_fb`) }),
  }))
  return { responses, conditions, feedback }
}

/** The id of the choice that means "true": GIFT's `{T}`/`{F}` choices say so, Markdown's are labelled True and False. */
function trueChoiceOf(question: ChoiceQuestion): string | undefined {
  return question.choices.find((choice) => choice.booleanLabel === 'true' || (choice.booleanLabel === undefined && /^true$/i.test(plainText(choice.content))))?.id
}
