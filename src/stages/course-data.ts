import { createHash } from 'node:crypto'
import { toString } from 'mdast-util-to-string'
import type { Course, Page, Question, Quiz } from '../model.js'
import { pagesFolder } from '../render/course-links.js'
import type { CourseData, QuestionData, QuizData } from '../shared/course-data.js'
import { scoreQuiz } from '../shared/scoring.js'

/** Package path of a page's HTML. */
export function pageHref(page: Page): string {
  return `${pagesFolder}/${page.id}.html`
}

/**
 * The course as the runtime needs it (embedded in `index.html`): pages in
 * order, quiz keys for scoring, the pass mark, the UI strings, and a hash of
 * everything the learner's saved state refers to.
 */
export function toCourseData(course: Course, strings: Readonly<Record<string, string>>): CourseData {
  const pages = course.pages.map((page) => ({
    id: page.id,
    title: page.title,
    href: pageHref(page),
    kind: page.kind,
    ...(page.kind === 'quiz' ? { quiz: toQuizData(page) } : {}),
  }))
  return {
    id: course.id,
    version: course.config.version,
    title: course.config.title,
    language: course.config.language,
    hash: stateHash(pages),
    passingScore: course.config.passingScore ?? null,
    pages,
    strings,
  }
}

function toQuizData(quiz: Quiz): QuizData {
  const data: QuizData = {
    graded: quiz.graded,
    passingScore: quiz.passingScore ?? null,
    weight: quiz.weight,
    attempts: quiz.attempts ?? null,
    keep: quiz.keep,
    questions: quiz.questions.map(toQuestionData),
  }
  // The answer key must earn full marks with the scorer the runtime ships;
  // anything else means the parser and the scorer disagree, a bug of ours.
  const key = Object.fromEntries(data.questions.map((question) => [question.id, question.correct]))
  if (scoreQuiz(data, key).percent !== 100) throw new Error(`The answer key of quiz \`${quiz.id}\` does not score 100%`)
  return data
}

function toQuestionData(question: Question): QuestionData {
  const trueChoice =
    question.kind === 'true-false'
      ? question.choices.find((choice) => choice.content.map((node) => toString(node)).join('').trim().toLowerCase() === 'true')?.id
      : undefined
  return {
    id: question.id,
    kind: question.kind,
    points: question.points,
    choices: question.choices.map((choice) => choice.id),
    correct: question.choices.filter((choice) => choice.correct).map((choice) => choice.id),
    ...(trueChoice ? { trueChoice } : {}),
  }
}

/**
 * Eight hex digits over the page ids and the quiz keys: what saved state
 * refers to. A re-uploaded package with the same pages and questions keeps
 * learners' progress; one whose pages or answers changed drops it cleanly.
 */
function stateHash(pages: readonly { id: string; quiz?: QuizData }[]): string {
  const basis = pages.map((page) => [page.id, page.quiz?.questions.map((q) => [q.id, q.kind, q.points, q.choices, q.correct]) ?? null])
  return createHash('sha256').update(JSON.stringify(basis)).digest('hex').slice(0, 8)
}
