import { maxTextAnswerLength } from '../../../shared/answers.js'
import type { QuestionData } from '../../../shared/course-data.js'
import { parseNumber, type Response } from '../../../shared/scoring.js'
import { decimal, interactionType } from '../../../runtime/data-model-values.js'
import type { Interaction, Writes } from '../../../runtime/lms.js'
import { formatDuration, formatTimestamp } from './time-format.js'

/** Fill-in patterns an LMS must keep at least (RTE 4.2.9.1, the smallest permitted maximum). */
const maxFillInPatterns = 5

/**
 * The writes of `cmi.interactions.<index>` in the order Moodle and the spec
 * require (id, then type, then the patterns and the response: anything else
 * is error 408), each value in its SCORM 2004 format (RTE 4.2.9): responses
 * joined by `[,]`, matching pairs `1[.]a`, numeric ranges `min[:]max`, fill-in
 * patterns with `{case_matters=…}`. The id is a URN unique to the course and
 * question; the result is `correct`, `incorrect`, `neutral` (a survey) or the
 * points earned for partial credit.
 */
export function interactionWrites(index: number, interaction: Interaction): Writes {
  const { question } = interaction
  const response = formatResponse(question, interaction.response)
  if (response === undefined) return []
  const at = `cmi.interactions.${index}`
  const patterns = correctPatterns(question)
  const description = oneLine(interaction.prompt).replace(/^\{+/, '').slice(0, 250)
  return [
    [`${at}.id`, `urn:coursepack:${interaction.courseId}:${interaction.id}`],
    [`${at}.type`, interactionType(question.kind)],
    ...patterns.map((pattern, number) => [`${at}.correct_responses.${number}.pattern`, pattern] as const),
    [`${at}.learner_response`, response],
    [`${at}.result`, interaction.verdict === 'partial' ? decimal(interaction.points) : interaction.verdict === 'wrong' ? 'incorrect' : interaction.verdict],
    [`${at}.weighting`, decimal(interaction.weighting)],
    [`${at}.latency`, formatDuration(interaction.latencyMs)],
    [`${at}.timestamp`, formatTimestamp(interaction.at)],
    ...(description === '' ? [] : [[`${at}.description`, description] as const]),
  ]
}

function formatResponse(question: QuestionData, response: Response): string | undefined {
  switch (question.kind) {
    case 'true-false':
      return response[0] === question.trueChoice ? 'true' : 'false'
    case 'fill-in':
      return fillInText((response[0] ?? '').trim().slice(0, maxTextAnswerLength))
    case 'numeric': {
      const value = parseNumber(response[0] ?? '')
      return Number.isFinite(value) ? decimal(value) : undefined
    }
    case 'matching':
      return [...response].sort().map((pair) => pair.replace('.', '[.]')).join('[,]')
    case 'sequencing':
      return response.join('[,]')
    default:
      return [...response].sort().join('[,]')
  }
}

/**
 * The correct responses (the build's `QuestionData.correct`) as SCORM 2004
 * patterns: each choice worth the most alone, each accepted text worth the
 * most (as many as an LMS must keep) with `{case_matters=…}`, an exact
 * number or a range `min[:]max`, pairs `1[.]a`, parts joined by `[,]`.
 */
function correctPatterns(question: QuestionData): string[] {
  const { correct } = question
  switch (question.kind) {
    case 'true-false':
      return correct.map((response) => formatResponse(question, response)!)
    case 'fill-in':
      return correct.slice(0, maxFillInPatterns).map(([text]) => `{case_matters=${question.caseSensitive}}${fillInText(text!)}`)
    case 'numeric':
      return correct.map(([min, max]) => (min === max ? decimal(Number(min)) : `${decimal(Number(min))}[:]${decimal(Number(max))}`))
    default:
      return correct.map((response) => response.map((part) => part.replace('.', '[.]')).join('[,]'))
  }
}

/** A learner's text as one fill-in node: one line, no `[,]` (which would split it), no leading `{` (read as a delimiter). */
function fillInText(text: string): string {
  return oneLine(text).split('[,]').join('[ ,]').replace(/^\{+/, '').slice(0, 250)
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim()
}
