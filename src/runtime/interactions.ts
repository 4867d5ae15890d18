import { maxTextAnswerLength } from '../shared/answers.js'
import type { ChoiceData, QuestionData, QuizData } from '../shared/course-data.js'
import { parseNumber, rightChoices, type QuizResult, type Response } from '../shared/scoring.js'
import { formatTimeOfDay, formatTimespan } from './time-format.js'

export type InteractionType = 'choice' | 'true-false' | 'fill-in' | 'numeric' | 'matching' | 'sequencing' | 'likert'

/** One `cmi.interactions.n` record, every value in its SCORM 1.2 format. */
export interface InteractionRecord {
  readonly id: string
  readonly type: InteractionType
  readonly studentResponse: string
  /** Absent where SCORM 1.2 has no way to say it (a numeric range, a survey). */
  readonly correctPattern: string | undefined
  readonly result: string
  readonly weighting: string
  readonly latency: string
  readonly time: string
}

export interface Submission {
  readonly quizId: string
  readonly quiz: QuizData
  readonly responses: Readonly<Record<string, Response>>
  readonly result: QuizResult
  readonly latencyMs: number
  readonly at: Date
}

const types: Readonly<Record<QuestionData['kind'], InteractionType>> = {
  'single-choice': 'choice',
  'multiple-response': 'choice',
  'true-false': 'true-false',
  'fill-in': 'fill-in',
  numeric: 'numeric',
  matching: 'matching',
  sequencing: 'sequencing',
  likert: 'likert',
}

/**
 * The interaction records of a submitted quiz, one per answered question.
 * Ids are `<quiz>.<question>` (CMIIdentifier: printable ASCII, no spaces);
 * the result is `correct`, `wrong`, `neutral` for a survey, or the points
 * earned for partial credit; knowledge checks weigh 0.
 */
export function interactionRecords(submission: Submission): InteractionRecord[] {
  const { quiz, responses, result } = submission
  return quiz.questions.flatMap((question) => {
    const response = responses[question.id] ?? []
    const scored = result.questions[question.id]
    if (response.length === 0 || !scored) return []
    const studentResponse = formatResponse(question, response)
    if (studentResponse === undefined) return []
    return [
      {
        id: `${submission.quizId}.${question.id}`,
        type: types[question.kind],
        studentResponse,
        correctPattern: correctPattern(question),
        result: scored.verdict === 'partial' ? String(scored.points) : scored.verdict,
        weighting: String(quiz.graded && question.kind !== 'likert' ? question.points : 0),
        latency: formatTimespan(submission.latencyMs),
        time: formatTimeOfDay(submission.at),
      },
    ]
  })
}

/**
 * The writes of record `index`, in the order LMSs need: `id` first (Moodle
 * creates the array entry from it), then type, response, pattern, result.
 */
export function interactionWrites(index: number, record: InteractionRecord): [string, string][] {
  const at = `cmi.interactions.${index}`
  return [
    [`${at}.id`, record.id],
    [`${at}.type`, record.type],
    [`${at}.student_response`, record.studentResponse],
    ...(record.correctPattern === undefined ? [] : [[`${at}.correct_responses.0.pattern`, record.correctPattern] as [string, string]]),
    [`${at}.result`, record.result],
    [`${at}.weighting`, record.weighting],
    [`${at}.latency`, record.latency],
    [`${at}.time`, record.time],
  ]
}

/**
 * A response in its SCORM 1.2 CMIFeedback format (RTE 3.4.2.4.x): choice
 * `a,c`; true-false `t`/`f`; fill-in text (≤255); numeric a decimal;
 * matching `1.a,2.c`; sequencing `c,a,b`; likert one character.
 */
function formatResponse(question: QuestionData, response: Response): string | undefined {
  switch (question.kind) {
    case 'true-false':
      return response[0] === question.trueChoice ? 't' : 'f'
    case 'fill-in':
      return (response[0] ?? '').trim().slice(0, maxTextAnswerLength)
    case 'numeric': {
      const value = parseNumber(response[0] ?? '')
      return Number.isFinite(value) ? decimal(value) : undefined
    }
    case 'matching':
      return [...response].sort().join(',')
    case 'sequencing':
      return response.join(',')
    default:
      return [...response].sort().join(',')
  }
}

function correctPattern(question: QuestionData): string | undefined {
  switch (question.kind) {
    case 'true-false':
      return bestChoices(question)[0] === question.trueChoice ? 't' : 'f'
    case 'single-choice':
      return bestChoices(question).join(',')
    case 'multiple-response':
      return rightChoices(question).join(',')
    case 'fill-in':
      return best(question.answers)?.text.slice(0, 255)
    case 'numeric': {
      // SCORM 1.2 has no range pattern: say only an exact answer.
      const answer = best(question.answers)
      return answer && answer.min === answer.max ? decimal(answer.min) : undefined
    }
    case 'matching':
      return question.sources.map((source) => `${source}.${question.pairs[source]}`).join(',')
    case 'sequencing':
      return question.order.join(',')
    case 'likert':
      return undefined
  }
}

/** The choices worth the most (a weighted single choice may have several of partial worth). */
function bestChoices(question: ChoiceData): string[] {
  const top = Math.max(...question.choices.map((id) => question.weights[id] ?? 0))
  return question.choices.filter((id) => (question.weights[id] ?? 0) === top)
}

function best<Answer extends { readonly weight: number }>(answers: readonly Answer[]): Answer | undefined {
  return [...answers].sort((a, b) => b.weight - a.weight)[0]
}

/** A CMIDecimal: plain digits, never exponent notation. */
function decimal(value: number): string {
  const text = String(value)
  return /e/i.test(text) ? value.toFixed(10).replace(/\.?0+$/, '') : text
}
