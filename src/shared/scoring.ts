import type { QuestionData, QuizData } from './course-data.js'

export interface QuestionResult {
  readonly correct: boolean
  readonly points: number
}

export interface QuizResult {
  readonly points: number
  readonly maxPoints: number
  /** 0–100, at most two decimals. */
  readonly percent: number
  /** Against the quiz's own pass mark; `null` when it has none. */
  readonly passed: boolean | null
  readonly questions: Readonly<Record<string, QuestionResult>>
}

/**
 * Score one answer. Every kind so far is all or nothing: the set of chosen
 * choices must equal the set of correct ones.
 */
export function scoreQuestion(question: QuestionData, response: readonly string[]): QuestionResult {
  const chosen = new Set(response)
  const correct = chosen.size === question.correct.length && question.correct.every((id) => chosen.has(id))
  return { correct, points: correct ? question.points : 0 }
}

/** Score a submission: `responses` maps question ids to the chosen choice ids. */
export function scoreQuiz(quiz: QuizData, responses: Readonly<Record<string, readonly string[]>>): QuizResult {
  const questions: Record<string, QuestionResult> = {}
  let points = 0
  let maxPoints = 0
  for (const question of quiz.questions) {
    const result = scoreQuestion(question, responses[question.id] ?? [])
    questions[question.id] = result
    points += result.points
    maxPoints += question.points
  }
  const percent = toPercent(points, maxPoints)
  return { points, maxPoints, percent, passed: quiz.passingScore === null ? null : percent >= quiz.passingScore, questions }
}

/**
 * The course score: the weighted mean of the graded quizzes' scores, in
 * percent with at most two decimals. With no weight at all, the plain mean.
 *
 * @example
 *   courseScore([{ percent: 100, weight: 1 }, { percent: 50, weight: 3 }]) //=> 62.5
 */
export function courseScore(quizzes: readonly { readonly percent: number; readonly weight: number }[]): number {
  if (quizzes.length === 0) return 0
  const totalWeight = quizzes.reduce((sum, quiz) => sum + quiz.weight, 0)
  const mean =
    totalWeight > 0
      ? quizzes.reduce((sum, quiz) => sum + quiz.percent * quiz.weight, 0) / totalWeight
      : quizzes.reduce((sum, quiz) => sum + quiz.percent, 0) / quizzes.length
  return round2(mean)
}

/** `points / max` as a percentage, 0–100, two decimals at most. */
export function toPercent(points: number, max: number): number {
  return max > 0 ? round2((points / max) * 100) : 0
}

function round2(value: number): number {
  return Math.min(100, Math.max(0, Math.round(value * 100) / 100))
}
