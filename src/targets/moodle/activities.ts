import type { LessonView, QuizView } from '../../stages/render-pages.js'
import type { FileStore } from './files.js'
import { type LinkTarget, moodleHtml } from './html.js'
import { ids, type PlannedActivity, type PlannedPage, type PlannedQuiz } from './plan.js'
import { decimal, element, field, fields, moodleName, xmlDocument } from './xml.js'
import { escapeHtml } from '../../shared/escape-html.js'

/** The version Moodle 4.5 writes in `module.xml`, and in `moodle_backup.xml`. */
export const moodleVersion = 2024100700

export interface ActivityContext {
  readonly views: ReadonlyMap<string, unknown>
  readonly links: ReadonlyMap<string, LinkTarget>
  readonly files: FileStore
  readonly strings: Readonly<Record<string, string>>
}

/** The files of one activity's folder, `activities/<modname>_<cmid>/`, by name. */
export function activityFiles(activity: PlannedActivity, context: ActivityContext): Record<string, string> {
  const own = activity.modname === 'page' ? pageXml(activity, context) : quizXml(activity, context)
  const fileIds = context.files.idsOf(activity.contextId, `mod_${activity.modname}`)
  return {
    [`${activity.modname}.xml`]: own,
    'module.xml': moduleXml(activity),
    'inforef.xml': inforefXml(activity, fileIds),
    'grades.xml': gradesXml(activity),
    'roles.xml': rolesXml,
  }
}

export const rolesXml = xmlDocument('<roles><role_overrides></role_overrides><role_assignments></role_assignments></roles>')

/** A lesson as a Page: its time and objectives, then its body, with its files in the page's `content` area. */
function pageXml(activity: PlannedPage, context: ActivityContext): string {
  const view = context.views.get(activity.lesson.id) as LessonView
  const text = (key: string) => escapeHtml(context.strings[key] ?? key)
  const header = [
    ...(view.duration ? [`<p class="text-muted">${text('duration')}: ${escapeHtml(view.duration)}</p>`] : []),
    ...(view.objectives.length > 0
      ? [`<div class="cp-objectives card card-body bg-light mb-3">`, `<h3 class="h5">${text('objectives')}</h3>`, `<ul>${view.objectives.map((objective) => `<li>${escapeHtml(objective)}</li>`).join('')}</ul>`, '</div>']
      : []),
  ]
  const area = { contextId: activity.contextId, component: 'mod_page', fileArea: 'content', itemId: 0 }
  const content = moodleHtml([...header, view.html].join('\n'), { pages: context.links, useFile: (packagePath) => context.files.use(area, packagePath) })
  return activityDocument(activity, 'page', [
    ...fields({
      name: moodleName(activity.lesson.title),
      intro: '',
      introformat: 1,
      content,
      contentformat: 1,
      legacyfiles: 0,
      legacyfileslast: null,
      display: 5,
      displayoptions: 'a:2:{s:10:"printintro";i:0;s:17:"printlastmodified";i:0;}',
      revision: 1,
      timemodified: 0,
    }),
  ])
}

/** Moodle's `QUIZ_GRADEHIGHEST` and `QUIZ_ATTEMPTLAST`. */
const gradeMethods = { best: 1, last: 4 } as const

/** What a learner sees when reviewing an attempt after it is closed, as Moodle's default. */
const reviewAfter = 69904
const reviewOverall = 4368

function quizXml(activity: PlannedQuiz, context: ActivityContext): string {
  const { quiz, slots } = activity
  const view = context.views.get(quiz.id) as QuizView
  const area = { contextId: activity.contextId, component: 'mod_quiz', fileArea: 'intro', itemId: 0 }
  const intro = moodleHtml(view.introHtml, { pages: context.links, useFile: (packagePath) => context.files.use(area, packagePath) })
  const sumGrades = slots.reduce((sum, slot) => sum + slot.mark, 0)
  const instances = slots.map((slot, index) => {
    const number = index + 1
    const reference =
      slot.kind === 'question'
        ? element('question_reference', { id: number }, fields({ usingcontextid: activity.contextId, component: 'mod_quiz', questionarea: 'slot', questionbankentryid: slot.question.id, version: null }))
        : element('question_set_reference', { id: number }, [
            ...fields({
              usingcontextid: activity.contextId,
              component: 'mod_quiz',
              questionarea: 'slot',
              questionscontextid: ids.courseContext,
              filtercondition: JSON.stringify({ filter: { category: { jointype: 1, values: [slot.category.id], filteroptions: { includesubcategories: false } } } }),
            }),
          ])
    return element('question_instance', { id: number }, [
      ...fields({ quizid: activity.instanceId, slot: number, page: number, displaynumber: null, requireprevious: 0, maxmark: decimal(slot.mark), quizgradeitemid: null }),
      reference,
    ])
  })
  return activityDocument(activity, 'quiz', [
    ...fields({
      name: moodleName(quiz.title),
      intro,
      introformat: 1,
      timeopen: 0,
      timeclose: 0,
      timelimit: 0,
      overduehandling: 'autosubmit',
      graceperiod: 0,
      preferredbehaviour: 'deferredfeedback',
      canredoquestions: 0,
      attempts_number: quiz.attempts ?? 0,
      attemptonlast: 0,
      grademethod: gradeMethods[quiz.keep],
      decimalpoints: 2,
      questiondecimalpoints: -1,
      reviewattempt: reviewAfter,
      reviewcorrectness: reviewAfter,
      reviewmaxmarks: reviewAfter,
      reviewmarks: reviewAfter,
      reviewspecificfeedback: reviewAfter,
      reviewgeneralfeedback: reviewAfter,
      reviewrightanswer: reviewAfter,
      reviewoverallfeedback: reviewOverall,
      questionsperpage: 0,
      navmethod: 'free',
      shuffleanswers: quiz.shuffle ? 1 : 0,
      sumgrades: decimal(sumGrades, 5),
      grade: decimal(quizGrade(activity), 5),
      timecreated: 0,
      timemodified: 0,
      password: '',
      subnet: '',
      browsersecurity: '-',
      delay1: 0,
      delay2: 0,
      showuserpicture: 0,
      showblocks: 0,
      completionattemptsexhausted: 0,
      completionminattempts: completesOnPass(activity) ? 0 : 1,
      allowofflineattempts: 0,
    }),
    element('quiz_grade_items', {}, []),
    element('question_instances', {}, instances),
    element('sections', {}, [element('section', { id: activity.instanceId }, fields({ firstslot: 1, heading: '', shufflequestions: quiz.shuffle ? 1 : 0 }))]),
    element('feedbacks', {}, []),
    element('overrides', {}, []),
    element('grades', {}, []),
    element('attempts', {}, []),
  ])
}

/** The quiz's maximum grade: its marks, or 0 for a knowledge check (no grade, no gradebook weight). */
export function quizGrade(activity: PlannedQuiz): number {
  return activity.quiz.graded ? activity.slots.reduce((sum, slot) => sum + slot.mark, 0) : 0
}

/** A graded quiz with a pass mark is completed by passing it; any other by one attempt. */
function completesOnPass(activity: PlannedQuiz): boolean {
  return activity.quiz.passingScore !== undefined && quizGrade(activity) > 0
}

function activityDocument(activity: PlannedActivity, modname: string, children: readonly string[]): string {
  return xmlDocument(
    element('activity', { id: activity.instanceId, moduleid: activity.cmid, modulename: modname, contextid: activity.contextId }, [element(modname, { id: activity.instanceId }, children)]),
  )
}

function moduleXml(activity: PlannedActivity): string {
  const onPass = activity.modname === 'quiz' && completesOnPass(activity)
  return xmlDocument(
    element('module', { id: activity.cmid, version: moodleVersion }, [
      ...fields({
        modulename: activity.modname,
        sectionid: activity.sectionId,
        sectionnumber: activity.sectionNumber,
        idnumber: '',
        added: 0,
        score: 0,
        indent: 0,
        visible: 1,
        visibleoncoursepage: 1,
        visibleold: 1,
        groupmode: 0,
        groupingid: 0,
        // Automatic completion: a page when viewed, a quiz when passed or attempted (quiz.xml's completionminattempts).
        completion: 2,
        completiongradeitemnumber: onPass ? 0 : null,
        completionpassgrade: onPass ? 1 : 0,
        completionview: activity.modname === 'page' ? 1 : 0,
        completionexpected: 0,
        availability: null,
        showdescription: 0,
        downloadcontent: 1,
        lang: null,
      }),
      element('tags', {}, []),
    ]),
  )
}

function inforefXml(activity: PlannedActivity, fileIds: readonly number[]): string {
  const parts: string[] = []
  if (fileIds.length > 0) parts.push(element('fileref', {}, fileIds.map((id) => element('file', {}, [field('id', id)]))))
  if (activity.modname === 'quiz') {
    parts.push(element('grade_itemref', {}, [element('grade_item', {}, [field('id', activity.gradeItemId)])]))
    // Every category of the course: restore brings back only the categories some inforef names.
    const categories = new Set(activity.slots.map((slot) => (slot.kind === 'question' ? slot.question.categoryId : slot.category.id)))
    parts.push(element('question_categoryref', {}, [ids.topCategory, ...[...categories].sort((a, b) => a - b)].map((id) => element('question_category', {}, [field('id', id)]))))
  }
  return xmlDocument(element('inforef', {}, parts))
}

/** A quiz's grade item; a page has none. */
function gradesXml(activity: PlannedActivity): string {
  const items = activity.modname === 'quiz' ? [quizGradeItem(activity)] : []
  return xmlDocument(element('activity_gradebook', {}, [element('grade_items', {}, items), element('grade_letters', {}, [])]))
}

/** Moodle's `GRADE_TYPE_VALUE`, and `GRADE_TYPE_NONE` for a quiz of grade 0 (`quiz_grade_item_update`). */
function quizGradeItem(activity: PlannedQuiz): string {
  const grade = quizGrade(activity)
  const pass = activity.quiz.passingScore !== undefined && grade > 0 ? (grade * activity.quiz.passingScore) / 100 : 0
  return element('grade_item', { id: activity.gradeItemId }, [
    ...gradeItemFields({
      categoryid: 1,
      itemname: moodleName(activity.quiz.title),
      itemtype: 'mod',
      itemmodule: 'quiz',
      iteminstance: activity.instanceId,
      itemnumber: 0,
      gradetype: grade > 0 ? 1 : 0,
      grademax: grade > 0 ? grade : 100,
      gradepass: pass,
      aggregationcoef: activity.gradeWeight,
      sortorder: activity.gradeItemId,
    }),
    element('grade_grades', {}, []),
  ])
}

export interface GradeItemValues {
  readonly categoryid: number | null
  readonly itemname: string | null
  readonly itemtype: string
  readonly itemmodule: string | null
  readonly iteminstance: number
  readonly itemnumber: number | null
  readonly gradetype: number
  readonly grademax: number
  readonly gradepass: number
  readonly aggregationcoef: number
  readonly sortorder: number
}

/** A grade item's fields as `backup_gradebook_structure_step` writes them. */
export function gradeItemFields(values: GradeItemValues): string[] {
  return fields({
    categoryid: values.categoryid,
    itemname: values.itemname,
    itemtype: values.itemtype,
    itemmodule: values.itemmodule,
    iteminstance: values.iteminstance,
    itemnumber: values.itemnumber,
    iteminfo: null,
    idnumber: values.itemtype === 'course' ? null : '',
    calculation: null,
    gradetype: values.gradetype,
    grademax: decimal(values.grademax, 5),
    grademin: decimal(0, 5),
    scaleid: null,
    outcomeid: null,
    gradepass: decimal(values.gradepass, 5),
    multfactor: decimal(1, 5),
    plusfactor: decimal(0, 5),
    aggregationcoef: decimal(values.aggregationcoef, 5),
    aggregationcoef2: decimal(0, 5),
    weightoverride: 0,
    sortorder: values.sortorder,
    display: 0,
    decimals: null,
    hidden: 0,
    locked: 0,
    locktime: 0,
    needsupdate: 0,
    timecreated: 0,
    timemodified: 0,
  })
}
