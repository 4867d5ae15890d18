import type { ChoiceData, FillInData, NumericData, QuestionData, QuizData } from './course-data.js'

/** How a response fared: all the points, some, none, or not scored at all (a survey). */
export type Verdict = 'correct' | 'partial' | 'wrong' | 'neutral'

export interface QuestionResult {
  readonly verdict: Verdict
  readonly points: number
  /** Keys of the per-answer feedback that applies: chosen choice ids, or the index of the accepted answer matched. */
  readonly matched: readonly string[]
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
 * Responses travel as lists of strings, whatever the kind: chosen choice ids,
 * `[text]` for fill-in and numeric, `['1.a', '2.c']` for matching, the items
 * in the learner's order for sequencing.
 */
export type Response = readonly string[]

/** Score one response. */
export function scoreQuestion(question: QuestionData, response: Response): QuestionResult {
  const { points } = question
  switch (question.kind) {
    case 'single-choice':
    case 'multiple-response':
    case 'true-false': {
      const chosen = question.choices.filter((id) => response.includes(id))
      if (question.scoring === 'weighted') return result(points, chosen.reduce((total, id) => total + (question.weights[id] ?? 0), 0), chosen)
      const right = rightChoices(question)
      return result(points, chosen.length === right.length && right.every((id) => chosen.includes(id)) ? 1 : 0, chosen)
    }
    case 'fill-in':
    case 'numeric': {
      // The accepted answer the response matches best (highest weight): its weight, and its index for the feedback.
      const typed = response[0] ?? ''
      const value = parseNumber(typed)
      const text = question.kind === 'fill-in' ? normalizeText(typed, question.caseSensitive) : ''
      let best: { readonly weight: number } | undefined
      let matched: string[] = []
      question.answers.forEach((answer: FillInData['answers'][number] | NumericData['answers'][number], index) => {
        const matches = 'text' in answer ? text !== '' && normalizeText(answer.text, (question as FillInData).caseSensitive) === text : value >= answer.min - 1e-9 && value <= answer.max + 1e-9
        if (matches && (!best || answer.weight > best.weight)) {
          best = answer
          matched = [String(index)]
        }
      })
      return result(points, best?.weight ?? 0, matched)
    }
    case 'matching': {
      const given = new Map(response.map((pair) => pair.split('.') as [string, string]))
      const right = question.sources.filter((source) => given.get(source) === question.pairs[source]).length
      return result(points, question.sources.length > 0 ? right / question.sources.length : 0, [])
    }
    case 'sequencing':
      return result(points, response.length === question.order.length && question.order.every((id, index) => response[index] === id) ? 1 : 0, [])
    case 'likert':
      return { verdict: 'neutral', points: 0, matched: [] }
  }
}

/**
 * Score a submission of the `questionIds` drawn for this attempt (default:
 * every question). `responses` maps question ids to responses.
 */
export function scoreQuiz(
  quiz: QuizData,
  responses: Readonly<Record<string, Response>>,
  questionIds: readonly string[] = quiz.questions.map((question) => question.id),
): QuizResult {
  const questions: Record<string, QuestionResult> = {}
  let points = 0
  let maxPoints = 0
  for (const question of quiz.questions) {
    if (!questionIds.includes(question.id)) continue
    const scored = scoreQuestion(question, responses[question.id] ?? [])
    questions[question.id] = scored
    points += scored.points
    maxPoints += question.kind === 'likert' ? 0 : question.points
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
  return clampPercent(round2(mean))
}

/** `points / max` as a percentage, 0–100, two decimals at most. */
export function toPercent(points: number, max: number): number {
  return max > 0 ? clampPercent(round2((points / max) * 100)) : 0
}

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value))
}

/** The choices an all-or-nothing question needs: those of positive weight. */
export function rightChoices(question: Pick<ChoiceData, 'choices' | 'weights'>): string[] {
  return question.choices.filter((id) => (question.weights[id] ?? 0) > 0)
}

/**
 * Fill-in comparison: surrounding spaces dropped, inner runs of spaces made
 * one, Unicode normalized, and case ignored unless the question says not to.
 */
export function normalizeText(text: string, caseSensitive: boolean): string {
  const plain = text.normalize('NFC').trim().replace(/\s+/g, ' ')
  return caseSensitive ? plain : plain.toLocaleLowerCase()
}

/** A number as learners type it: `1950`, `-3.5`, `3,5`; NaN when it is not one. */
export function parseNumber(text: string): number {
  const plain = text.trim().replace(/\s/g, '')
  const normalized = /^[-+]?\d+,\d+$/.test(plain) ? plain.replace(',', '.') : plain
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalized) ? Number(normalized) : Number.NaN
}

/** Points for a fraction of the question (clamped to 0–1), and its verdict. */
function result(points: number, fraction: number, matched: readonly string[]): QuestionResult {
  const share = Math.min(1, Math.max(0, fraction))
  const verdict: Verdict = share >= 1 - 1e-9 ? 'correct' : share <= 1e-9 ? 'wrong' : 'partial'
  return { verdict, points: round2(points * share), matched }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}
