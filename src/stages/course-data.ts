import { createHash } from 'node:crypto'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import type { Course, Page, Question, Quiz } from '../model.js'
import { plainText } from '../questions/list-items.js'
import { pagesFolder } from '../render/course-links.js'
import type { ChoiceData, CourseData, QuestionData, QuizData } from '../shared/course-data.js'
import { stateHashLength, worstCaseStateLength } from '../shared/learner-state.js'
import { rightChoices, scoreQuestion } from '../shared/scoring.js'

/** Package path of a page's HTML. */
export function pageHref(page: Page): string {
  return `${pagesFolder}/${page.id}.html`
}

/**
 * The course as the runtime needs it (embedded in `index.html`): pages in
 * order, quiz keys for scoring, the pass mark, the UI strings, and the
 * hashes that the learner's saved state is checked against: one of the page
 * list, one per quiz (unique within the course, see `toQuizData`).
 */
export function toCourseData(course: Course, strings: Readonly<Record<string, string>>): CourseData {
  const quizHashes = new Set<string>()
  const pages = course.pages.map((page) => ({
    id: page.id,
    title: page.title,
    href: pageHref(page),
    kind: page.kind,
    ...(page.kind === 'quiz' ? { quiz: toQuizData(page, quizHashes) } : {}),
  }))
  const data = {
    id: course.id,
    version: course.config.version,
    title: course.config.title,
    language: course.config.language,
    // The visited pages are a bitset in page order: any change to the list of page ids drops them.
    hash: stateHash(pages.map((page) => page.id)),
    passingScore: course.config.passingScore ?? null,
    pages,
    strings,
  }
  // Worked out here, so the runtime does not carry the arithmetic of the worst case.
  return { ...data, stateLength: { full: worstCaseStateLength(data, 'full'), compact: worstCaseStateLength(data, 'compact') } }
}

/**
 * A quiz as the runtime needs it, with the hash its saved answers, attempts
 * and score are kept under. The hash covers what gives them their meaning:
 * the page id (it seeds each attempt's draw and shuffle), every question
 * with its kind, choices and key, points included (the answers are encoded
 * by question and choice id, the score was computed from the key), `pick`
 * and `shuffle` (they decide which questions an attempt showed, in which
 * order) and `keep` (the kept score is the best or the last one). Left out,
 * so that changing them keeps learners' work: `attempts` (raising it gives
 * another chance, lowering it stops further submissions; the count of
 * submissions made stays true), `graded`, `weight` and `passingScore` (the
 * runtime applies them to the kept score when it reads it), and all text.
 * The questions are hashed as the runtime gets them: a field added to
 * `QuestionData` changes every quiz's hash, so add one knowingly.
 *
 * `taken` holds the hashes given to the course's earlier quizzes: a quiz
 * whose hash is taken (a 1 in 16 million chance per pair) is hashed again
 * with a counter, since saved state is matched to its quiz by hash alone.
 */
export function toQuizData(quiz: Quiz, taken: Set<string> = new Set()): QuizData {
  const data = {
    graded: quiz.graded,
    passingScore: quiz.passingScore ?? null,
    weight: quiz.weight,
    attempts: quiz.attempts ?? null,
    keep: quiz.keep,
    pick: quiz.pick ?? null,
    shuffle: quiz.shuffle,
    questions: quiz.questions.map(toQuestionData),
  }
  // The correct responses follow from the rest of each question: hashed as before they were given.
  const basis = [quiz.id, data.questions.map(({ correct: _correct, ...question }) => question), data.pick, data.shuffle, data.keep]
  let hash = stateHash(basis)
  for (let salt = 1; taken.has(hash); salt++) hash = stateHash([...basis, salt])
  taken.add(hash)
  return { ...data, hash }
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
    // The response that earns the most: the first correct response.
    if (scoreQuestion(data, data.correct[0] ?? []).verdict !== 'correct') {
      problem(file, 'no-full-credit-answer', question.position?.start, 'No answer to this question gets full marks')
    }
  }
}

/** A question's data before its correct responses are added. */
type Uncorrected<Data = QuestionData> = Data extends unknown ? Omit<Data, 'correct'> : never

function toQuestionData(question: Question): QuestionData {
  const data = plainQuestionData(question)
  return { ...data, correct: correctResponses(data) }
}

function plainQuestionData(question: Question): Uncorrected {
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

/**
 * The responses that earn the most (`QuestionData.correct`), best first: each
 * choice worth the most alone, the right choices together, each accepted
 * text worth the most, the `[min, max]` of the best numeric answer, the
 * pairs in source order, the items in order; none for a survey.
 *
 * @example
 *   correctResponses(singleChoiceWithBAndCRight) //=> [['b'], ['c']]
 */
export function correctResponses(question: Uncorrected): string[][] {
  switch (question.kind) {
    case 'single-choice':
      return bestChoices(question).map((id) => [id])
    case 'true-false':
      return [bestChoices(question).slice(0, 1)]
    case 'multiple-response':
      return [rightChoices(question)]
    case 'fill-in': {
      const top = Math.max(...question.answers.map((answer) => answer.weight))
      return question.answers.filter((answer) => answer.weight === top).map((answer) => [answer.text])
    }
    case 'numeric': {
      const best = [...question.answers].sort((a, b) => b.weight - a.weight)[0]
      return best ? [[String(best.min), String(best.max)]] : []
    }
    case 'matching':
      return [question.sources.map((source) => `${source}.${question.pairs[source]}`)]
    case 'sequencing':
      return [[...question.order]]
    case 'likert':
      return []
  }
}

/** The choices worth the most (a weighted single choice may have several of partial worth). */
function bestChoices(question: Uncorrected<ChoiceData>): string[] {
  const top = Math.max(...question.choices.map((id) => question.weights[id] ?? 0))
  return question.choices.filter((id) => (question.weights[id] ?? 0) === top)
}

/**
 * Four base64url characters (24 bits) of SHA-256 over `basis` as JSON: a
 * re-uploaded package keeps what saved state refers to when the hash is the
 * same, and a change goes unseen once in 16 million. Short, since each quiz
 * of the saved state carries one and SCORM 1.2 allows 4096 characters.
 */
function stateHash(basis: unknown): string {
  return createHash('sha256').update(JSON.stringify(basis)).digest('base64url').slice(0, stateHashLength)
}
