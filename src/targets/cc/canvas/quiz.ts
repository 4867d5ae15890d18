import type { PageView, QuizView } from '../../../stages/render-pages.js'
import { toXml, xmlText } from '../../manifest-xml.js'
import { questionItem } from '../qti/item.js'
import { decimal, metadata, type XmlNode } from '../qti/xml.js'
import { canvasRoot } from './xml.js'
import type { CanvasBank, CanvasEntry, CanvasQuiz } from './plan.js'

/** QTI 1.2 outside the CC profile, as Canvas's exporter names it for `non_cc_assessments/` (lib/cc/qti/qti_generator.rb). */
const qtiNamespace = 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2'
const qtiSchemaLocation = `${qtiNamespace} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd`

export interface QuizFileOptions {
  /** HTML as Canvas keeps it, its URLs Canvas's references. */
  readonly html: (html: string) => string
}

/**
 * A quiz as `non_cc_assessments/<ident>.xml.qti`: every question Canvas
 * takes, each kind in Canvas's own vocabulary (`question_type`,
 * `points_possible`); a GIFT bank's question names its bank question
 * (`assessment_question_identifierref`), as Canvas's export does for a
 * question that came from a bank. `pick` and `shuffle` put the questions in
 * one question group (`selection_number`, `points_per_item`).
 */
export function canvasQuizQti(planned: CanvasQuiz, view: QuizView, options: QuizFileOptions): string {
  const { quiz } = planned
  const items = planned.entries.map((entry) => item(entry, view, quiz.shuffle, options))
  const section = planned.group
    ? {
        '@_ident': 'root_section',
        section: {
          '@_ident': planned.group.ident,
          '@_title': xmlText(quiz.title),
          selection_ordering: {
            selection: {
              ...(planned.group.bank ? { sourcebank_ref: planned.group.bank } : {}),
              selection_number: String(planned.group.pick),
              selection_extension: { points_per_item: decimal(planned.group.points) },
            },
          },
          // Drawn from the bank: the group holds no question of its own (qti_generator.rb `add_group`).
          ...(planned.group.bank ? {} : { item: items }),
        },
      }
    : { '@_ident': 'root_section', item: items }
  return qtiDocument({
    assessment: {
      '@_ident': planned.ident,
      '@_title': xmlText(quiz.title),
      qtimetadata: metadata([['cc_maxattempts', quiz.attempts === undefined ? 'unlimited' : String(quiz.attempts)]]),
      section,
    },
  })
}

/** A GIFT bank as Canvas's question bank (`objectbank`, titled by `bank_title`). */
export function canvasBankQti(bank: CanvasBank, views: ReadonlyMap<string, PageView>, options: QuizFileOptions): string {
  return qtiDocument({
    objectbank: {
      '@_ident': bank.ident,
      qtimetadata: metadata([['bank_title', bank.title]]),
      item: bank.entries.map((entry) => {
        const view = views.get(entry.quizId)
        if (!view || !('questions' in view)) throw new Error(`The quiz ${entry.quizId} was not rendered`)
        return item(entry, view, false, options)
      }),
    },
  })
}

/**
 * `<quiz>/assessment_meta.xml`, what Canvas reads of a quiz besides its
 * questions (lib/cc/importer/canvas/quiz_metadata_converter.rb): its type
 * (a knowledge check is a practice quiz, a graded quiz an assignment with
 * its assignment in a group), points, attempts, which attempt counts,
 * shuffling, its introduction as the description; published. The quiz's
 * fields come before its `<assignment>`, whose own `title` and
 * `points_possible` Canvas would otherwise read first.
 */
export function assessmentMeta(planned: CanvasQuiz, introHtml: string): string {
  const { quiz } = planned
  const points = decimal(planned.points)
  return toXml({
    quiz: {
      ...canvasRoot,
      '@_identifier': planned.ident,
      title: xmlText(quiz.title),
      description: xmlText(introHtml),
      shuffle_answers: String(quiz.shuffle),
      scoring_policy: quiz.keep === 'last' ? 'keep_latest' : 'keep_highest',
      hide_results: '',
      quiz_type: quiz.graded ? 'assignment' : 'practice_quiz',
      points_possible: points,
      show_correct_answers: 'true',
      anonymous_submissions: 'false',
      could_be_locked: 'false',
      allowed_attempts: String(quiz.attempts ?? -1),
      one_question_at_a_time: 'false',
      cant_go_back: 'false',
      available: 'true',
      one_time_results: 'false',
      show_correct_answers_last_attempt: 'false',
      only_visible_to_overrides: 'false',
      module_locked: 'false',
      ...(planned.assignment
        ? {
            assignment: {
              '@_identifier': planned.assignment.ident,
              title: xmlText(quiz.title),
              assignment_group_identifierref: planned.assignment.group,
              workflow_state: 'published',
              quiz_identifierref: planned.ident,
              points_possible: points,
              grading_type: 'points',
              all_day: 'false',
              submission_types: 'online_quiz',
              omit_from_final_grade: 'false',
            },
            assignment_group_identifierref: planned.assignment.group,
          }
        : {}),
    },
  })
}

function item(entry: CanvasEntry, view: QuizView, shuffle: boolean, options: QuizFileOptions): XmlNode {
  const question = view.questions.find((candidate) => candidate.id === entry.question.id)
  if (!question) throw new Error(`Question ${entry.question.id} of ${entry.quizId} was not rendered`)
  return questionItem(entry.ident, entry.question, entry.fate, question, {
    shuffle,
    html: options.html,
    ...(entry.bankIdent ? { metadata: [['assessment_question_identifierref', entry.bankIdent]] } : {}),
  })
}

function qtiDocument(content: XmlNode): string {
  return toXml({
    questestinterop: {
      '@_xmlns': qtiNamespace,
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': qtiSchemaLocation,
      ...content,
    },
  })
}
