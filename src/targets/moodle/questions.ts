import type { Question } from '../../model.js'
import { plainText } from '../../questions/list-items.js'
import type { QuizView } from '../../stages/render-pages.js'
import { type FileArea, FileStore } from './files.js'
import { type HtmlContext, moodleHtml } from './html.js'
import { type BackupPlan, ids, type PlannedQuestion } from './plan.js'
import { questionGrading } from './grading.js'
import { decimal, element, field, fields, moodleName, xmlDocument } from './xml.js'

type QuestionView = QuizView['questions'][number]

/** What writing the questions needs besides the plan. */
export interface QuestionContext {
  readonly views: ReadonlyMap<string, unknown>
  readonly links: HtmlContext['pages']
  readonly files: FileStore
}

/**
 * `questions.xml`: the course's question categories, each with its
 * questions as Moodle 4.x keeps them (bank entry → version → question)
 * and each question type's own part (`plugin_qtype_<type>_question`, as
 * `question/type/<type>/backup/moodle2/backup_qtype_<type>_plugin.php`
 * writes it). How each kind is graded is decided in grading.ts.
 */
export function questionsXml(plan: BackupPlan, context: QuestionContext): string {
  let answerCount = 0
  const nextAnswer = () => ++answerCount
  const categories = plan.categories.map((category) =>
    element('question_category', { id: category.id }, [
      ...fields({
        name: moodleName(category.name),
        contextid: ids.courseContext,
        contextlevel: 50,
        contextinstanceid: ids.course,
        info: category.info,
        infoformat: 0,
        stamp: `coursepack+${plan.course.id}+category${category.id}`,
        parent: category.parent,
        sortorder: category.id === ids.topCategory ? 0 : category.id - 1,
        idnumber: null,
      }),
      element('question_bank_entries', {}, category.questions.map((planned) => bankEntry(plan, planned, context, nextAnswer))),
    ]),
  )
  return xmlDocument(element('question_categories', {}, categories))
}

function bankEntry(plan: BackupPlan, planned: PlannedQuestion, context: QuestionContext, nextAnswer: () => number): string {
  const { question, id } = planned
  const view = viewOf(context, planned)
  const html = (text: string, area: Omit<FileArea, 'contextId'>) => fieldHtml(text, { contextId: ids.courseContext, ...area }, context)
  const questionArea = (fileArea: string) => ({ component: 'question', fileArea, itemId: id })
  const questionText = html(`<p>${view.promptHtml}</p>${view.bodyHtml}`, questionArea('questiontext'))
  const grading = questionGrading(question)
  const body = [
    ...fields({
      parent: 0,
      name: questionName(question),
      questiontext: questionText,
      questiontextformat: 1,
      generalfeedback: html(view.feedbackHtml, questionArea('generalfeedback')),
      generalfeedbackformat: 1,
      defaultmark: decimal(grading.defaultMark),
      penalty: decimal(0),
      qtype: grading.qtype,
      length: 1,
      stamp: `coursepack+${plan.course.id}+question${id}`,
      timecreated: 0,
      timemodified: 0,
      createdby: null,
      modifiedby: null,
    }),
    typeSpecific(planned, view, html, nextAnswer),
    element('question_hints', {}, []),
    element('tags', {}, []),
  ]
  return element('question_bank_entry', { id }, [
    ...fields({ questioncategoryid: planned.categoryId, idnumber: null, ownerid: null }),
    element('question_version', {}, [element('question_versions', { id }, [...fields({ version: 1, status: 'ready' }), element('questions', {}, [element('question', { id }, body)])])]),
  ])
}

type Html = (text: string, area: Omit<FileArea, 'contextId'>) => string

/** The question type's own part of a question. */
function typeSpecific(planned: PlannedQuestion, view: QuestionView, html: Html, nextAnswer: () => number): string {
  const { question } = planned
  const grading = questionGrading(question)
  const answerArea = (fileArea: string, itemId: number) => ({ component: 'question', fileArea, itemId })
  const answer = (answerId: number, text: string, format: number, fraction: number, feedbackHtml: string) =>
    element('answer', { id: answerId }, [
      ...fields({ answertext: text, answerformat: format, fraction: decimal(fraction), feedback: html(feedbackHtml, answerArea('answerfeedback', answerId)), feedbackformat: 1 }),
    ])
  // coursepack has no feedback for right, partly right and wrong as such: these stay empty.
  const combined = () =>
    fields({ correctfeedback: '', correctfeedbackformat: 1, partiallycorrectfeedback: '', partiallycorrectfeedbackformat: 1, incorrectfeedback: '', incorrectfeedbackformat: 1 })

  switch (question.kind) {
    case 'single-choice':
    case 'multiple-response':
    case 'likert': {
      const choices = 'isChoice' in view ? view.choices : []
      const answers = question.choices.map((choice, index) => {
        const answerId = nextAnswer()
        const shown = choices.find((entry) => entry.id === choice.id)
        return answer(answerId, html(shown?.labelHtml ?? '', answerArea('answer', answerId)), 1, grading.fractions[index]!, shown?.feedbackHtml ?? '')
      })
      return element('plugin_qtype_multichoice_question', {}, [
        element('answers', {}, answers),
        element('multichoice', { id: planned.id }, [
          ...fields({ layout: 0, single: question.kind === 'multiple-response' ? 0 : 1, shuffleanswers: 1 }),
          ...combined(),
          ...fields({ answernumbering: 'abc', shownumcorrect: question.kind === 'multiple-response' ? 1 : 0, showstandardinstruction: 1 }),
        ]),
      ])
    }
    case 'true-false': {
      const choices = 'isChoice' in view ? view.choices : []
      const trueIndex = grading.trueIndex
      const order = [trueIndex, 1 - trueIndex]
      const answerIds = order.map(() => nextAnswer())
      const answers = order.map((index, position) =>
        answer(answerIds[position]!, position === 0 ? 'True' : 'False', 0, grading.fractions[index]!, choices.find((entry) => entry.id === question.choices[index]!.id)?.feedbackHtml ?? ''),
      )
      return element('plugin_qtype_truefalse_question', {}, [
        element('answers', {}, answers),
        element('truefalse', { id: planned.id }, fields({ trueanswer: answerIds[0]!, falseanswer: answerIds[1]!, showstandardinstruction: 0 })),
      ])
    }
    case 'fill-in': {
      const feedback = 'answerFeedback' in view ? view.answerFeedback : []
      const answers = grading.order.map((index) => answer(nextAnswer(), shortAnswer(question.answers[index]!.value), 0, grading.fractions[index]!, feedback[index]?.html ?? ''))
      return element('plugin_qtype_shortanswer_question', {}, [element('answers', {}, answers), element('shortanswer', { id: planned.id }, fields({ usecase: question.caseSensitive ? 1 : 0 }))])
    }
    case 'numeric': {
      const feedback = 'answerFeedback' in view ? view.answerFeedback : []
      const written = grading.order.map((index) => {
        const { min, max } = question.answers[index]!.value
        return { index, answerId: nextAnswer(), value: (min + max) / 2, tolerance: (max - min) / 2 }
      })
      return element('plugin_qtype_numerical_question', {}, [
        element('answers', {}, written.map(({ index, answerId, value }) => answer(answerId, numberText(value), 0, grading.fractions[index]!, feedback[index]?.html ?? ''))),
        element('numerical_units', {}, []),
        element('numerical_options', {}, [element('numerical_option', { id: planned.id }, fields({ showunits: 3, unitsleft: 0, unitgradingtype: 0, unitpenalty: decimal(0) }))]),
        element('numerical_records', {}, written.map(({ answerId, tolerance }) => element('numerical_record', { id: answerId }, fields({ answer: answerId, tolerance: numberText(tolerance) })))),
      ])
    }
    case 'matching': {
      const sources = 'isMatching' in view ? view.sources : []
      const partnered = new Set(Object.values(question.pairs))
      const matches = [
        ...question.sources.map((source) => {
          const matchId = nextAnswer()
          const target = question.targets.find((entry) => entry.id === question.pairs[source.id])
          return element('match', { id: matchId }, [
            ...fields({
              questiontext: html(sources.find((entry) => entry.id === source.id)?.labelHtml ?? '', { component: 'qtype_match', fileArea: 'subquestion', itemId: matchId }),
              questiontextformat: 1,
              answertext: target ? plainText(target.content) : '',
            }),
          ])
        }),
        // Targets no source is matched to: Moodle's extra wrong answers, a subquestion with no text.
        ...question.targets.filter((target) => !partnered.has(target.id)).map((target) => element('match', { id: nextAnswer() }, fields({ questiontext: '', questiontextformat: 1, answertext: plainText(target.content) }))),
      ]
      return element('plugin_qtype_match_question', {}, [
        element('matchoptions', { id: planned.id }, [...fields({ shuffleanswers: 1 }), ...combined(), field('shownumcorrect', 1)]),
        element('matches', {}, matches),
      ])
    }
    case 'sequencing': {
      const items = 'isSequencing' in view ? view.items : []
      const answers = question.items.map((item, index) => {
        const answerId = nextAnswer()
        return element('answer', { id: answerId }, [
          ...fields({
            answertext: html(items.find((entry) => entry.id === item.id)?.labelHtml ?? plainText(item.content), answerArea('answer', answerId)),
            answerformat: 1,
            fraction: decimal(index + 1),
            feedback: '',
            feedbackformat: 1,
          }),
        ])
      })
      return element('plugin_qtype_ordering_question', {}, [
        element('answers', {}, answers),
        element('ordering', { id: planned.id }, [
          // Vertical, every item, all or nothing (qtype_ordering_question::GRADING_ALL_OR_NOTHING = -1), no numbers.
          ...fields({ layouttype: 0, selecttype: 0, selectcount: 0, gradingtype: -1, showgrading: 1, numberingstyle: 'none' }),
          ...combined(),
          field('shownumcorrect', 1),
        ]),
      ])
    }
  }
}

/** The name Moodle lists the question by: its prompt, cut to 255 characters. */
function questionName(question: Question): string {
  const text = plainText(question.prompt).replace(/\s+/g, ' ').trim() || question.id
  return moodleName(text.length > 255 ? `${text.slice(0, 254)}…` : text)
}

/** An accepted answer as Moodle reads it: `*` is its wildcard, `\*` a star; spaces in a row as one, as coursepack compares answers. */
function shortAnswer(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\*/g, '\\*')
}

/** A number without an exponent, as Moodle's numerical question parses it. */
export function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value)
  const text = String(value)
  if (!/e/i.test(text)) return text
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '')
}

function fieldHtml(text: string, area: FileArea, context: QuestionContext): string {
  return moodleHtml(text, { pages: context.links, useFile: (packagePath) => context.files.use(area, packagePath) })
}

function viewOf(context: QuestionContext, planned: PlannedQuestion): QuestionView {
  const view = context.views.get(planned.quizId) as QuizView | undefined
  const found = view?.questions.find((entry) => entry.id === planned.question.id)
  if (!found) throw new Error(`The question ${planned.quizId}/${planned.question.id} was not rendered`)
  return found
}
