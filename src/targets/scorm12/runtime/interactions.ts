import { maxTextAnswerLength } from '../../../shared/answers.js'
import type { QuestionData } from '../../../shared/course-data.js'
import { parseNumber, type Response } from '../../../shared/scoring.js'
import type { Interaction, Writes } from '../../../runtime/lms.js'
import { decimal, interactionType } from '../../../runtime/data-model-values.js'
import { formatTimeOfDay, formatTimespan } from './time-format.js'

/**
 * The writes of `cmi.interactions.<index>`, in the order LMSs need: `id`
 * first (Moodle creates the array entry from it), then type, response,
 * pattern, result. Ids are `<quiz>.<question>` (CMIIdentifier: printable
 * ASCII, no spaces); the result is `correct`, `wrong`, `neutral` for a
 * survey, or the points earned for partial credit; knowledge checks weigh 0.
 * A response SCORM 1.2 cannot say (a number that does not parse) is no record.
 */
export function interactionWrites(index: number, interaction: Interaction): Writes {
  const { question } = interaction
  const response = formatResponse(question, interaction.response)
  if (response === undefined) return []
  const at = `cmi.interactions.${index}`
  const pattern = correctPattern(question)
  return [
    [`${at}.id`, interaction.id],
    [`${at}.type`, interactionType(question.kind)],
    [`${at}.student_response`, response],
    ...(pattern === undefined ? [] : [[`${at}.correct_responses.0.pattern`, pattern] as const]),
    [`${at}.result`, interaction.verdict === 'partial' ? String(interaction.points) : interaction.verdict],
    [`${at}.weighting`, String(interaction.weighting)],
    [`${at}.latency`, formatTimespan(interaction.latencyMs)],
    [`${at}.time`, formatTimeOfDay(interaction.at)],
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
    case 'sequencing':
      return response.join(',')
    default:
      return [...response].sort().join(',')
  }
}

/**
 * The first correct response (the build's `QuestionData.correct`) as a
 * SCORM 1.2 pattern; every choice worth the most, together, for a single
 * choice; an exact numeric answer only (1.2 has no range); none for a survey.
 */
function correctPattern(question: QuestionData): string | undefined {
  const [best] = question.correct
  if (!best) return undefined
  switch (question.kind) {
    case 'true-false':
      return formatResponse(question, best)
    case 'fill-in':
      return best[0]!.slice(0, 255)
    case 'numeric':
      return best[0] === best[1] ? decimal(Number(best[0])) : undefined
    default:
      return question.correct.flat().join(',')
  }
}
