import type { ChoiceData, FillInData, MatchingData, NumericData, QuestionData, QuizData } from './course-data.js'

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
  switch (question.kind) {
    case 'single-choice':
    case 'multiple-response':
    case 'true-false':
      return scoreChoice(question, response)
    case 'fill-in':
      return scoreAnswers(question, response, matchText(question, response[0] ?? ''))
    case 'numeric':
      return scoreAnswers(question, response, matchNumber(question, response[0] ?? ''))
    case 'matching':
      return scoreMatching(question, response)
    case 'sequencing': {
      const right = response.length === question.order.length && question.order.every((id, index) => response[index] === id)
      return result(question.points, right ? 1 : 0, [])
    }
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

function scoreChoice(question: ChoiceData, response: Response): QuestionResult {
  const chosen = question.choices.filter((id) => response.includes(id))
  if (question.scoring === 'all-or-nothing') {
    const right = rightChoices(question)
    const exact = chosen.length === right.length && right.every((id) => chosen.includes(id))
    return result(question.points, exact ? 1 : 0, chosen)
  }
  const sum = chosen.reduce((total, id) => total + (question.weights[id] ?? 0), 0)
  return result(question.points, sum, chosen)
}

function scoreAnswers(question: FillInData | NumericData, _response: Response, matchedIndex: number): QuestionResult {
  if (matchedIndex === -1) return result(question.points, 0, [])
  return result(question.points, question.answers[matchedIndex]?.weight ?? 0, [String(matchedIndex)])
}

/** The accepted answer the text matches best (highest weight), or -1. */
function matchText(question: FillInData, text: string): number {
  const typed = normalizeText(text, question.caseSensitive)
  if (typed === '') return -1
  return bestMatch(question.answers, (answer) => normalizeText(answer.text, question.caseSensitive) === typed)
}

function matchNumber(question: NumericData, text: string): number {
  const value = parseNumber(text)
  if (Number.isNaN(value)) return -1
  return bestMatch(question.answers, (answer) => value >= answer.min - 1e-9 && value <= answer.max + 1e-9)
}

function bestMatch<Answer extends { readonly weight: number }>(answers: readonly Answer[], matches: (answer: Answer) => boolean): number {
  let best = -1
  answers.forEach((answer, index) => {
    if (matches(answer) && (best === -1 || answer.weight > answers[best]!.weight)) best = index
  })
  return best
}

function scoreMatching(question: MatchingData, response: Response): QuestionResult {
  const given = new Map(response.map((pair) => pair.split('.') as [string, string]))
  const right = question.sources.filter((source) => given.get(source) === question.pairs[source]).length
  return result(question.points, question.sources.length > 0 ? right / question.sources.length : 0, [])
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
