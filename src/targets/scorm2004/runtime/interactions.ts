import { maxTextAnswerLength } from '../../../shared/answers.js'
import type { QuestionData } from '../../../shared/course-data.js'
import { parseNumber, type Response, rightChoices } from '../../../shared/scoring.js'
import { bestAnswer, bestChoices, decimal, interactionTypes } from '../../../runtime/data-model-values.js'
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
    [`${at}.type`, interactionTypes[question.kind]],
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

function correctPatterns(question: QuestionData): string[] {
  switch (question.kind) {
    case 'true-false':
      return [bestChoices(question)[0] === question.trueChoice ? 'true' : 'false']
    case 'single-choice':
      // Several choices may be worth the most: each alone is a correct response.
      return bestChoices(question)
    case 'multiple-response':
      return [rightChoices(question).join('[,]')]
    case 'fill-in': {
      const top = bestAnswer(question.answers)?.weight
      return question.answers
        .filter((answer) => answer.weight === top)
        .slice(0, maxFillInPatterns)
        .map((answer) => `{case_matters=${question.caseSensitive}}${fillInText(answer.text)}`)
    }
    case 'numeric': {
      const answer = bestAnswer(question.answers)
      if (!answer) return []
      return [answer.min === answer.max ? decimal(answer.min) : `${decimal(answer.min)}[:]${decimal(answer.max)}`]
    }
    case 'matching':
      return [question.sources.map((source) => `${source}[.]${question.pairs[source]}`).join('[,]')]
    case 'sequencing':
      return [question.order.join('[,]')]
    case 'likert':
      return []
  }
}

/** A learner's text as one fill-in node: one line, no `[,]` (which would split it), no leading `{` (read as a delimiter). */
function fillInText(text: string): string {
  return oneLine(text).split('[,]').join('[ ,]').replace(/^\{+/, '').slice(0, 250)
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim()
}
