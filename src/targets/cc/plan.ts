import path from 'node:path'
import type { VFile } from 'vfile'
import type { Place } from '../../diagnostics/problem.js'
import type { RuleId } from '../../diagnostics/rules.js'
import type { Course, Lesson, OutlineNode, Page, Question, Quiz } from '../../model.js'
import { humanize } from '../../stages/load-outline.js'
import { frontmatterPoint } from '../frontmatter-point.js'
import { createIdAllocator, type IdAllocator } from '../manifest-xml.js'
import { type Fate, fateOf, type ItemForm } from './fates.js'

/**
 * What goes into the cartridge, decided once from the course: a resource
 * per lesson, an assessment per quiz that Moodle can restore, one question
 * bank for the GIFT banks the quizzes include, and every problem to report
 * about what the LMSs lose. `check` reports the findings; `packageFiles`,
 * the manifest and the setup card read the rest.
 */
export interface Cartridge {
  readonly course: Course
  /** Manifest identifiers (xs:ID) given so far; the manifest takes its item ids from it too. */
  readonly ids: IdAllocator
  readonly lessons: readonly PlannedLesson[]
  /** The quizzes written, in reading order. */
  readonly quizzes: readonly PlannedQuiz[]
  /** The quizzes left out: not one of their questions can be restored by Moodle. */
  readonly omitted: readonly Quiz[]
  readonly bank: PlannedBank | undefined
  /** Links from a lesson to another, which Moodle cannot follow after its restore. */
  readonly lessonLinks: readonly { readonly from: Lesson; readonly to: Lesson }[]
  readonly findings: readonly Finding[]
}

export interface PlannedLesson {
  readonly lesson: Lesson
  readonly resource: string
  /** Its HTML in the cartridge. */
  readonly href: string
  /** The title of the module it is in, shown above its title. */
  readonly module: string | undefined
}

export interface PlannedQuiz {
  readonly quiz: Quiz
  /** The resource identifier, also the assessment's ident and the folder of its QTI file. */
  readonly resource: string
  readonly href: string
  /** The questions written, in order. */
  readonly questions: readonly PlannedQuestion[]
}

export interface PlannedBank {
  readonly resource: string
  readonly href: string
  /** Canvas names the bank after it (`bank_title`); Moodle calls it "Quiz Bank 1" whatever it says. */
  readonly title: string
  readonly questions: readonly PlannedQuestion[]
}

export interface PlannedQuestion {
  readonly question: Question
  readonly fate: Fate & { readonly form: ItemForm }
  /** The QTI `item@ident`: Canvas's migration id, so unique in the cartridge and the same from build to build. */
  readonly ident: string
  /** The quiz whose rendered views show it. */
  readonly quizId: string
}

/** A problem to report, with its rule and place. */
export interface Finding {
  readonly file: VFile
  readonly rule: RuleId
  readonly place: Place
  readonly reason: string
  readonly hint?: string
}

/** Where the lessons of the cartridge live, and its stylesheet. */
export const pagesFolder = 'web_resources/pages'

/** Plan the cartridge of `course`. Pure: the same course gives the same plan. */
export function planCartridge(course: Course): Cartridge {
  const ids = createIdAllocator()
  const findings: Finding[] = []
  const pageById = new Map(course.pages.map((page) => [page.id, page]))
  const modules = moduleTitles(course.outline)

  const lessons: PlannedLesson[] = []
  const lessonLinks: { from: Lesson; to: Lesson }[] = []
  for (const page of course.pages) {
    if (page.kind !== 'lesson') continue
    lessons.push({ lesson: page, resource: ids.take(`RES-${course.id}-${page.id}`), href: `${pagesFolder}/${page.id}.html`, module: modules.get(page.id) })
    for (const { place, target } of pageLinks(page, pageById)) {
      if (target.kind === 'lesson') {
        if (target !== page) lessonLinks.push({ from: page, to: target })
        continue
      }
      findings.push({
        file: page.file,
        rule: 'link-to-quiz-in-cartridge',
        place,
        reason: `A Common Cartridge cannot link a page to a quiz: this link to \`${target.title}\` becomes plain text for Moodle and other LMSs (Canvas's Page keeps it as a link to the quiz)`,
      })
    }
  }

  const reported = new Set<string>()
  const quizzes: PlannedQuiz[] = []
  const omitted: Quiz[] = []
  for (const quiz of course.pages) {
    if (quiz.kind !== 'quiz') continue
    const fates = quiz.questions.map((question) => ({ question, fate: fateOf(question) }))
    if (!fates.some(({ fate }) => fate.moodle)) {
      omitted.push(quiz)
      findings.push({
        file: quiz.file,
        rule: 'left-out-of-cartridge',
        place: { line: 1, column: 1 },
        reason: "Moodle can restore none of the questions of this quiz, and a quiz without one stops its whole restore: the quiz is left out of the Common Cartridge parts (Canvas still gets it, from its own files)",
      })
      continue
    }
    findings.push(...settingFindings(quiz))
    for (const { question, fate } of fates) reportLosses(findings, reported, sourceOf(quiz, question), question, fate)
    const resource = ids.take(`RES-${course.id}-${quiz.id}`)
    quizzes.push({
      quiz,
      resource,
      href: `${resource}/assessment.xml`,
      questions: fates.flatMap(({ question, fate }) => (written(fate) ? [{ question, fate, ident: `${resource}-${question.id}`, quizId: quiz.id }] : [])),
    })
  }

  return { course, ids, lessons, quizzes, omitted, bank: planBank(course, quizzes, ids, findings), lessonLinks, findings }
}

/**
 * The GIFT banks the written quizzes include, as the cartridge's one
 * question bank (CC 1.1 allows one, schematron RULE 4a). A bank none of
 * whose questions Moodle can restore is left out, since such a bank stops
 * Moodle's restore as a quiz would.
 */
function planBank(course: Course, quizzes: readonly PlannedQuiz[], ids: IdAllocator, findings: Finding[]): PlannedBank | undefined {
  const banks = new Map<string, { file: VFile; quiz: Quiz; questions: Question[] }>()
  for (const { quiz } of quizzes) {
    for (const bank of quiz.banks ?? []) {
      if (banks.has(bank.file.path)) continue
      banks.set(bank.file.path, { file: bank.file, quiz, questions: quiz.questions.filter((question) => bank.questionIds.includes(question.id)) })
    }
  }
  const kept = [...banks.values()].filter((bank) => {
    if (bank.questions.some((question) => fateOf(question).moodle)) return true
    findings.push({
      file: bank.file,
      rule: 'left-out-of-cartridge',
      place: { line: 1, column: 1 },
      reason: "Moodle can restore none of the questions of this bank, and a question bank without one stops its whole restore: the bank is not written as a question bank of the Common Cartridge parts (Canvas still gets it, from its own files)",
      hint: 'Add a choice, true/false or fill-in question to the bank to have it written for Moodle too.',
    })
    return false
  })
  if (kept.length === 0) return undefined
  const resource = ids.take(`RES-${course.id}-question-bank`)
  return {
    resource,
    href: `${resource}/bank.xml`,
    title: kept.map((bank) => humanize(path.basename(bank.file.path).replace(/\.gift$/i, ''))).join(', '),
    questions: kept.flatMap((bank, bankIndex) =>
      bank.questions.flatMap((question, index) => {
        const fate = fateOf(question)
        return written(fate) ? [{ question, fate, ident: `${resource}-${bankIndex + 1}-${index + 1}`, quizId: bank.quiz.id }] : []
      }),
    ),
  }
}

/** The Common Cartridge parts hold the CC-profile questions only (what Moodle restores); the other kinds live in Canvas's files alone. */
function written(fate: Fate): fate is Fate & { readonly form: ItemForm } {
  return fate.form !== undefined && fate.moodle
}

/** A question's own file: the quiz's, or the GIFT bank's it came from. */
function sourceOf(quiz: Quiz, question: Question): VFile {
  return quiz.banks?.find((bank) => bank.questionIds.includes(question.id))?.file ?? quiz.file
}

/** One warning per loss of each question, once even when a bank's question is in several quizzes. */
function reportLosses(findings: Finding[], reported: Set<string>, file: VFile, question: Question, fate: Fate): void {
  const key = `${file.path}\u0000${question.position?.start.offset ?? question.id}`
  if (reported.has(key)) return
  reported.add(key)
  for (const loss of fate.losses) {
    findings.push({ file, rule: 'question-lost-in-lms', place: question.position?.start, reason: loss.reason, ...(loss.hint ? { hint: loss.hint } : {}) })
  }
}

/** The quiz settings Moodle's restore does not take from a cartridge (notes §2.4), each at its frontmatter line; Canvas reads them from its own files. */
function settingFindings(quiz: Quiz): Finding[] {
  const at = (key: string) => frontmatterPoint(quiz.file, key) ?? { line: 1, column: 1 }
  const findings: Finding[] = []
  const setting = (key: string, reason: string, hint: string) => findings.push({ file: quiz.file, rule: 'quiz-setting-lost-in-lms', place: at(key), reason, hint })
  if (!quiz.graded) {
    setting('graded', "Moodle restores every quiz of a Common Cartridge as graded: this knowledge check gets a column in its gradebook (Canvas makes it a practice quiz)", 'After the restore, give it a maximum grade of 0 in Moodle; the setup card lists it.')
  }
  if (quiz.pick !== undefined && quiz.pick < quiz.questions.length) {
    setting('pick', `Moodle's Common Cartridge restore cannot draw questions: its quiz shows all ${quiz.questions.length} of them, not ${quiz.pick} per attempt (Canvas draws them from a question group)`, 'After the restore, draw them with random questions in Moodle.')
  }
  if (quiz.shuffle) {
    setting('shuffle', "Moodle's Common Cartridge restore does not read shuffling: its quiz keeps its order (Canvas shuffles)", 'After the restore, turn on Shuffle within questions in Moodle.')
  }
  if (quiz.keep === 'last' && quiz.attempts !== 1) {
    setting('keep', 'Moodle keeps the best attempt of a restored quiz, not the last (Canvas keeps the latest)', 'After the restore, set Grading method to Last attempt in Moodle.')
  }
  return findings
}

/** The links of a lesson that lead to a page of the course (found while it was rendered), with where each is. */
function pageLinks(lesson: Lesson, pageById: ReadonlyMap<string, Page>): { place: Place; target: Page }[] {
  return lesson.pageLinks.flatMap((link) => {
    const target = pageById.get(link.pageId)
    return target ? [{ place: link.position, target }] : []
  })
}

/** Page id → the title of the module it is in. */
function moduleTitles(nodes: readonly OutlineNode[], module?: string, titles = new Map<string, string | undefined>()): Map<string, string | undefined> {
  for (const node of nodes) {
    if (node.type === 'page') titles.set(node.page.id, module)
    else moduleTitles(node.children, node.title, titles)
  }
  return titles
}
