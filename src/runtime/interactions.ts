import type { QuestionData, QuizData } from '../shared/course-data.js'
import type { QuizResult } from '../shared/scoring.js'
import { formatTimeOfDay, formatTimespan } from './time-format.js'

/** One `cmi.interactions.n` record, every value in its SCORM 1.2 format. */
export interface InteractionRecord {
  readonly id: string
  readonly type: 'choice' | 'true-false'
  readonly studentResponse: string
  readonly correctPattern: string
  readonly result: 'correct' | 'wrong'
  readonly weighting: string
  readonly latency: string
  readonly time: string
}

export interface Submission {
  readonly quizId: string
  readonly quiz: QuizData
  readonly responses: Readonly<Record<string, readonly string[]>>
  readonly result: QuizResult
  readonly latencyMs: number
  readonly at: Date
}

/**
 * The interaction records of a submitted quiz, one per answered question.
 * Ids are `<quiz>.<question>` (CMIIdentifier: printable ASCII, no spaces);
 * knowledge checks weigh 0 since they count for nothing.
 */
export function interactionRecords(submission: Submission): InteractionRecord[] {
  const { quiz, responses, result } = submission
  return quiz.questions.flatMap((question) => {
    const response = responses[question.id] ?? []
    if (response.length === 0) return []
    return [
      {
        id: `${submission.quizId}.${question.id}`,
        type: question.kind === 'true-false' ? 'true-false' : 'choice',
        studentResponse: formatResponse(question, response),
        correctPattern: formatResponse(question, question.correct),
        result: result.questions[question.id]?.correct ? 'correct' : 'wrong',
        weighting: String(quiz.graded ? question.points : 0),
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
    [`${at}.correct_responses.0.pattern`, record.correctPattern],
    [`${at}.result`, record.result],
    [`${at}.weighting`, record.weighting],
    [`${at}.latency`, record.latency],
    [`${at}.time`, record.time],
  ]
}

/** Choice: single characters `a,c` (RTE CMIFeedback); true/false: `t` or `f`. */
function formatResponse(question: QuestionData, chosen: readonly string[]): string {
  if (question.kind === 'true-false') return chosen[0] === question.trueChoice ? 't' : 'f'
  return [...chosen].sort().join(',')
}
