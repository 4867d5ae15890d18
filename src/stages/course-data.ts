import { createHash } from 'node:crypto'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import type { Course, Page, Question, Quiz } from '../model.js'
import { plainText } from '../questions/list-items.js'
import { pagesFolder } from '../render/course-links.js'
import type { CourseData, QuestionData, QuizData } from '../shared/course-data.js'
import { rightChoices, scoreQuestion, type Response } from '../shared/scoring.js'

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

export function toQuizData(quiz: Quiz): QuizData {
  return {
    graded: quiz.graded,
    passingScore: quiz.passingScore ?? null,
    weight: quiz.weight,
    attempts: quiz.attempts ?? null,
    keep: quiz.keep,
    pick: quiz.pick ?? null,
    shuffle: quiz.shuffle,
    questions: quiz.questions.map(toQuestionData),
  }
}

/**
 * Report the scored questions that no answer earns full marks for (a GIFT
 * question whose best answer is worth 50%, say), scoring the best response
 * with the scorer the runtime ships.
 */
export function checkFullCredit(quiz: Quiz, file: VFile): void {
  for (const question of quiz.questions) {
    if (question.kind === 'likert') continue
    const data = toQuestionData(question)
    if (scoreQuestion(data, bestResponse(data)).verdict !== 'correct') {
      problem(file, 'no-full-credit-answer', question.position?.start, 'No answer to this question gets full marks')
    }
  }
}

function toQuestionData(question: Question): QuestionData {
  const base = { id: question.id, points: question.points }
  switch (question.kind) {
    case 'single-choice':
    case 'multiple-response':
    case 'true-false': {
      const trueChoice = question.choices.find((choice) => choice.content.length > 0 && /^true$/i.test(plainText(choice.content)))?.id
      return {
        ...base,
        kind: question.kind,
        choices: question.choices.map((choice) => choice.id),
        weights: Object.fromEntries(question.choices.map((choice) => [choice.id, choice.weight])),
        scoring: question.scoring,
        ...(question.kind === 'true-false' && trueChoice ? { trueChoice } : {}),
      }
    }
    case 'fill-in':
      return { ...base, kind: 'fill-in', caseSensitive: question.caseSensitive, answers: question.answers.map((answer) => ({ text: answer.value, weight: answer.weight })) }
    case 'numeric':
      return { ...base, kind: 'numeric', answers: question.answers.map((answer) => ({ ...answer.value, weight: answer.weight })) }
    case 'matching':
      return { ...base, kind: 'matching', sources: question.sources.map((source) => source.id), targets: question.targets.map((target) => target.id), pairs: question.pairs }
    case 'sequencing':
      return { ...base, kind: 'sequencing', order: question.items.map((item) => item.id) }
    case 'likert':
      return { ...base, kind: 'likert', choices: question.choices.map((choice) => choice.id) }
  }
}

/** The response that earns the most: what the answer key says. */
function bestResponse(question: QuestionData): Response {
  switch (question.kind) {
    case 'single-choice':
    case 'true-false': {
      const best = [...question.choices].sort((a, b) => (question.weights[b] ?? 0) - (question.weights[a] ?? 0))[0]
      return best ? [best] : []
    }
    case 'multiple-response':
      return rightChoices(question)
    case 'fill-in': {
      const best = [...question.answers].sort((a, b) => b.weight - a.weight)[0]
      return best ? [best.text] : []
    }
    case 'numeric': {
      const best = [...question.answers].sort((a, b) => b.weight - a.weight)[0]
      return best ? [String(best.min)] : []
    }
    case 'matching':
      return question.sources.map((source) => `${source}.${question.pairs[source]}`)
    case 'sequencing':
      return question.order
    case 'likert':
      return []
  }
}

/**
 * Eight hex digits over the page ids and the quiz keys: what saved state
 * refers to. A re-uploaded package with the same pages and questions keeps
 * learners' progress; one whose pages or answers changed drops it cleanly.
 */
function stateHash(pages: readonly { id: string; quiz?: QuizData }[]): string {
  const basis = pages.map((page) => [page.id, page.quiz?.questions ?? null, page.quiz?.pick ?? null, page.quiz?.shuffle ?? null])
  return createHash('sha256').update(JSON.stringify(basis)).digest('hex').slice(0, 8)
}
