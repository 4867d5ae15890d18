import type { PageView, QuizView } from '../../../stages/render-pages.js'
import { toXml, xmlText } from '../../manifest-xml.js'
import type { PlannedBank, PlannedQuestion, PlannedQuiz } from '../plan.js'
import { type PageKinds, qtiHtml } from '../urls.js'
import { questionItem } from './item.js'
import { metadata, type XmlNode } from './xml.js'

/** QTI 1.2 ASI, with the CC 1.1 profile's schema as Moodle's own export names it (`cc_version11.php`). */
const namespace = 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2'
const schemaLocation = `${namespace} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd`

/**
 * A quiz as `questestinterop/assessment`, its one `section` holding the
 * items (the profile allows no more, and Moodle reads no deeper): the
 * CC-profile questions only, so that the file is valid CC 1.1 for every
 * LMS; Canvas reads its own copy of the quiz (canvas/quiz.ts). The
 * settings both importers read (notes §4): `cc_maxattempts`, a number or
 * `unlimited`; `qmd_assessmenttype`, `Examination` for a graded quiz and
 * `Self-assessment` for a knowledge check.
 */
export function assessmentXml(planned: PlannedQuiz, view: QuizView, pages: PageKinds): string {
  const { quiz, resource } = planned
  return document({
    assessment: {
      '@_ident': resource,
      '@_title': xmlText(quiz.title),
      qtimetadata: metadata([
        ['cc_profile', 'cc.exam.v0p1'],
        ['qmd_assessmenttype', quiz.graded ? 'Examination' : 'Self-assessment'],
        ['qmd_scoretype', 'Percentage'],
        ['cc_maxattempts', quiz.attempts === undefined ? 'unlimited' : String(quiz.attempts)],
      ]),
      section: { '@_ident': `${resource}-section`, item: [...planned.questions.map((entry) => item(entry, view, quiz.shuffle, pages))] },
    },
  })
}

/**
 * The GIFT banks as `questestinterop/objectbank`: Moodle makes a question
 * category of it ("Quiz Bank 1"), Canvas a question bank named by
 * `bank_title` whose migration id is the objectbank's ident (notes §2.4, §3.7).
 */
export function bankXml(bank: PlannedBank, views: ReadonlyMap<string, PageView>, pages: PageKinds): string {
  return document({
    objectbank: {
      '@_ident': bank.resource,
      qtimetadata: metadata([['bank_title', bank.title]]),
      item: bank.questions.map((entry) => item(entry, views.get(entry.quizId), false, pages)),
    },
  })
}

/** A question's item, with the HTML its quiz was rendered with. */
function item(entry: PlannedQuestion, quizView: PageView | undefined, shuffle: boolean, pages: PageKinds): XmlNode {
  const view = quizView && 'questions' in quizView ? quizView.questions.find((candidate) => candidate.id === entry.question.id) : undefined
  if (!view) throw new Error(`Question ${entry.question.id} of ${entry.quizId} was not rendered`)
  return questionItem(entry.ident, entry.question, entry.fate, view, { shuffle, html: (html) => qtiHtml(html, pages) })
}

function document(content: XmlNode): string {
  return toXml({
    questestinterop: {
      '@_xmlns': namespace,
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation': schemaLocation,
      ...content,
    },
  })
}
