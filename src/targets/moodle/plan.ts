import path from 'node:path'
import type { VFile } from 'vfile'
import type { Place } from '../../diagnostics/problem.js'
import type { Course, Lesson, OutlineNode, Page, Question, Quiz } from '../../model.js'
import { plainText } from '../../questions/list-items.js'
import { humanize } from '../../stages/load-outline.js'
import { frontmatterPoint } from '../frontmatter-point.js'

/**
 * What goes into the backup, decided once from the course: its sections,
 * an activity per page, the question categories and the ids that tie the
 * files together. Ids are the backup's own (any positive integers that
 * agree across its files, docs/reference/moodle-backup-format.md), given in
 * reading order so that the same course gives the same backup.
 */
export interface BackupPlan {
  readonly course: Course
  readonly sections: readonly PlannedSection[]
  /** In reading order: the order of the modules after the restore. */
  readonly activities: readonly PlannedActivity[]
  /** The course's question categories: `top` first, then one per quiz and one per GIFT bank. */
  readonly categories: readonly PlannedCategory[]
  readonly findings: readonly Finding[]
}

/** The backup's own ids of the course and the site. */
export const ids = {
  systemContext: 1,
  course: 1,
  courseContext: 2,
  topCategory: 1,
} as const

export interface PlannedSection {
  readonly id: number
  readonly number: number
  /** `null`: Moodle's default name (section 0 is "General"). */
  readonly name: string | null
  readonly activities: readonly PlannedActivity[]
}

interface ActivityCommon {
  /** The course module id, in `activities/<modname>_<cmid>/`. */
  readonly cmid: number
  /** The page's or quiz's own id. */
  readonly instanceId: number
  readonly contextId: number
  readonly sectionId: number
  readonly sectionNumber: number
}

export interface PlannedPage extends ActivityCommon {
  readonly modname: 'page'
  readonly lesson: Lesson
  /** The title of the module it is in. */
  readonly module: string | undefined
}

export interface PlannedQuiz extends ActivityCommon {
  readonly modname: 'quiz'
  readonly quiz: Quiz
  readonly slots: readonly PlannedSlot[]
  /** Its grade item's id (in its `grades.xml` and the gradebook). */
  readonly gradeItemId: number
  /** Its weight in the course total's weighted mean (0: it does not count). */
  readonly gradeWeight: number
}

export type PlannedActivity = PlannedPage | PlannedQuiz

/** A quiz slot: a question of the bank, or `count` random questions from a category. */
export type PlannedSlot =
  | { readonly kind: 'question'; readonly question: PlannedQuestion; readonly mark: number }
  | { readonly kind: 'random'; readonly category: PlannedCategory; readonly mark: number }

export interface PlannedCategory {
  readonly id: number
  readonly name: string
  readonly info: string
  readonly parent: number
  readonly questions: PlannedQuestion[]
}

export interface PlannedQuestion {
  /** The question's id, also its bank entry's and its version's. */
  readonly id: number
  readonly question: Question
  /** The quiz whose rendered views show it. */
  readonly quizId: string
  readonly categoryId: number
}

export interface Finding {
  readonly file: VFile
  readonly place: Place
  readonly reason: string
  readonly hint?: string
}

/** Plan the backup of `course`. Pure: the same course gives the same plan. */
export function planBackup(course: Course): BackupPlan {
  const findings: Finding[] = []
  const sections = placeSections(course.outline)
  const categories: PlannedCategory[] = [{ id: ids.topCategory, name: 'top', info: '', parent: 0, questions: [] }]
  let questionCount = 0
  const addQuestion = (category: PlannedCategory, question: Question, quizId: string): PlannedQuestion => {
    const planned = { id: ++questionCount, question, quizId, categoryId: category.id }
    category.questions.push(planned)
    return planned
  }
  const addCategory = (name: string, info: string): PlannedCategory => {
    const category = { id: categories.length + 1, name, info, parent: ids.topCategory, questions: [] }
    categories.push(category)
    return category
  }
  /** GIFT banks by file path: their category, and their questions in bank order. */
  const banks = new Map<string, { category: PlannedCategory; questions: PlannedQuestion[] }>()
  const reported = new Set<string>()

  const activities: PlannedActivity[] = []
  const plannedSections: PlannedSection[] = []
  let quizCount = 0
  // The course score's weights (shared/scoring.ts courseScore): with no weight at all, the plain mean.
  const totalWeight = course.pages.reduce((sum, page) => sum + (page.kind === 'quiz' && page.graded ? page.weight : 0), 0)
  const weightOf = (quiz: Quiz) => (!quiz.graded ? 0 : totalWeight > 0 ? quiz.weight : 1)
  let pageCount = 0
  for (const [index, section] of sections.entries()) {
    const sectionActivities: PlannedActivity[] = []
    for (const page of section.pages) {
      const cmid = activities.length + 1
      const common = { cmid, contextId: ids.courseContext + cmid, sectionId: index + 1, sectionNumber: index }
      let activity: PlannedActivity
      if (page.kind === 'lesson') {
        activity = { ...common, modname: 'page', instanceId: ++pageCount, lesson: page, module: section.name ?? undefined }
      } else {
        for (const finding of quizFindings(page)) findings.push(finding)
        for (const question of page.questions) questionFindings(findings, reported, page, question)
        const own = addCategory(page.title, `Questions of the quiz ${page.title}`)
        const picks = page.pick !== undefined && page.pick < page.questions.length
        const slots: PlannedSlot[] = []
        if (picks) {
          // A pool is one category: the quiz's own, with the questions of its banks copied in.
          for (const question of page.questions) addQuestion(own, question, page.id)
          // Likert questions are worth nothing, and reported apart (quizFindings).
          const scored = page.questions.filter((question) => question.kind !== 'likert')
          const mark = scored[0]?.points ?? 0
          const marks = [...new Set(scored.map((question) => question.points))]
          if (marks.length > 1) {
            findings.push({
              file: page.file,
              place: frontmatterPoint(page.file, 'pick') ?? { line: 1, column: 1 },
              reason: `Moodle gives every random question of a quiz the same mark: the ${page.pick} questions drawn from this quiz's pool are each worth ${mark} in Moodle, though its questions are worth ${marks.join(', ')} points`,
              hint: 'Give the questions of a quiz that draws (`pick`) the same points.',
            })
          }
          for (let draw = 0; draw < page.pick!; draw++) slots.push({ kind: 'random', category: own, mark })
        } else {
          for (const question of page.questions) {
            const bank = page.banks?.find((entry) => entry.questionIds.includes(question.id))
            let planned: PlannedQuestion
            if (bank) {
              let known = banks.get(bank.file.path)
              if (!known) {
                const name = humanize(path.basename(bank.file.path).replace(/\.gift$/i, ''))
                known = { category: addCategory(name, `Questions of ${path.basename(bank.file.path)}`), questions: [] }
                banks.set(bank.file.path, known)
              }
              const position = bank.questionIds.indexOf(question.id)
              planned = known.questions[position] ?? addQuestion(known.category, question, page.id)
              known.questions[position] = planned
            } else {
              planned = addQuestion(own, question, page.id)
            }
            slots.push({ kind: 'question', question: planned, mark: question.kind === 'likert' ? 0 : question.points })
          }
        }
        activity = { ...common, modname: 'quiz', instanceId: ++quizCount, quiz: page, slots, gradeItemId: quizCount + 1, gradeWeight: weightOf(page) }
      }
      activities.push(activity)
      sectionActivities.push(activity)
    }
    plannedSections.push({ id: index + 1, number: index, name: section.name, activities: sectionActivities })
  }
  return { course, sections: plannedSections, activities, categories, findings }
}

/**
 * A section per module, in order; pages outside any module before the
 * first one go to section 0 (with the course's description), later ones
 * to a section named after the first of them. A module inside a module is
 * read into its top module's section.
 */
function placeSections(outline: readonly OutlineNode[]): { name: string | null; pages: Page[] }[] {
  const sections: { name: string | null; pages: Page[] }[] = [{ name: null, pages: [] }]
  let loose: { name: string | null; pages: Page[] } | undefined = sections[0]
  for (const node of outline) {
    if (node.type === 'module') {
      sections.push({ name: node.title, pages: pagesOf(node.children) })
      loose = undefined
      continue
    }
    if (!loose) {
      loose = { name: node.page.title, pages: [] }
      sections.push(loose)
    }
    loose.pages.push(node.page)
  }
  return sections
}

function pagesOf(nodes: readonly OutlineNode[]): Page[] {
  return nodes.flatMap((node) => (node.type === 'page' ? [node.page] : pagesOf(node.children)))
}

/** A question's own file: the quiz's, or the GIFT bank's it came from. */
function sourceOf(quiz: Quiz, question: Question): VFile {
  return quiz.banks?.find((bank) => bank.questionIds.includes(question.id))?.file ?? quiz.file
}

/** What Moodle's question types cannot grade as coursepack does, once per question. */
function questionFindings(findings: Finding[], reported: Set<string>, quiz: Quiz, question: Question): void {
  const file = sourceOf(quiz, question)
  const key = `${file.path}\u0000${question.position?.start.offset ?? question.id}`
  if (reported.has(key)) return
  reported.add(key)
  const place = question.position?.start
  if (question.kind === 'multiple-response' && question.scoring === 'all-or-nothing' && question.choices.filter((choice) => choice.weight > 0).length > 1) {
    findings.push({
      file,
      place,
      reason: `Moodle's multiple choice question has no all-or-nothing grading: in the backup each right choice earns 1/${question.choices.filter((choice) => choice.weight > 0).length} of the marks and any wrong one cancels them all, so ticking only some of the right choices earns part of the marks, where coursepack gives none`,
      hint: 'Add `{partial}` to the question\'s heading to give partial credit everywhere, or keep it: every other answer scores the same in Moodle.',
    })
  }
}

/** Settings a Moodle quiz cannot hold as written. */
function quizFindings(quiz: Quiz): Finding[] {
  const findings: Finding[] = []
  const likert = quiz.questions.filter((question) => question.kind === 'likert')
  if (quiz.pick !== undefined && quiz.pick < quiz.questions.length && likert.length > 0) {
    findings.push({
      file: quiz.file,
      place: frontmatterPoint(quiz.file, 'pick') ?? { line: 1, column: 1 },
      reason: `Moodle's random questions all carry the same mark: a likert question drawn from this pool counts like the others in Moodle (${likert.map((question) => `\`${plainText(question.prompt)}\``).join(', ')})`,
      hint: 'Keep likert questions out of quizzes that draw (`pick`).',
    })
  }
  return findings
}
