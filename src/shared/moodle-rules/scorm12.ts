/**
 * The SCORM 1.2 value rules that Moodle enforces
 * (mod/scorm/datamodels/scorm_12.js) at the spec's strict limits, applied to
 * every call the SCO made. scorm-again alone lets some wrong values through
 * (ISO times, spaces in ids, `normal` exits…).
 */
import { type Call, describe } from './call.js'

const timespan = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/
const timeOfDay = /^([0-2]\d):([0-5]\d):([0-5]\d)(\.\d{1,2})?$/
const decimal = /^-?\d+(\.\d+)?$/
const score = /^\d{1,3}(\.\d{1,2})?$/
const identifier = /^[\x21-\x7E]{1,255}$/
const statuses = ['passed', 'completed', 'failed', 'incomplete', 'browsed']
const exits = ['', 'suspend', 'logout', 'time-out']
const interactionTypes = ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric']
const results = ['correct', 'wrong', 'unanticipated', 'neutral']

/** Response formats by interaction type (RTE CMIFeedback). */
const responseFormats: Record<string, RegExp> = {
  'true-false': /^[01tf]$/,
  choice: /^[0-9a-z](,[0-9a-z])*$/,
  'fill-in': /^.{0,255}$/,
  numeric: decimal,
  likert: /^[0-9a-z]?$/,
  matching: /^[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*$/,
  sequencing: /^[0-9a-z](,[0-9a-z])*$/,
  performance: /^.{0,255}$/,
}

/** Every broken SCORM 1.2 rule, as `#<call index> <call> — <why>`; empty when the SCO behaved. */
export function checkScorm12(calls: readonly Call[]): string[] {
  const problems: string[] = []
  const report = (index: number, why: string) => problems.push(`#${index} ${describe(calls[index]!)} — ${why}`)
  let initialized = false
  let finished = false
  const interactions: { type?: string; patterns: number }[] = []

  calls.forEach((call, index) => {
    if (call.types.some((type) => type !== 'string')) report(index, 'every argument must be a string')
    if (call.fn === 'LMSInitialize') {
      if (initialized) report(index, 'LMSInitialize called twice (Moodle: 101)')
      initialized = true
    } else if (!initialized) report(index, 'call before LMSInitialize (Moodle: 301)')
    if (finished) report(index, 'call after LMSFinish (Moodle: 301)')
    if (['LMSInitialize', 'LMSCommit', 'LMSFinish'].includes(call.fn) && (call.args.length !== 1 || call.args[0] !== '')) {
      report(index, `${call.fn} must get the explicit empty string (Moodle: 201)`)
    }
    if (call.fn === 'LMSFinish') finished = true
    if (call.fn !== 'LMSSetValue' || call.injected) return

    const [element = '', value = ''] = call.args
    const why = checkValue(element, value, interactions)
    if (why) report(index, why)
  })
  if (calls.filter((call) => call.fn === 'LMSFinish').length !== 1) problems.push('LMSFinish must be called exactly once')
  return problems
}

function checkValue(element: string, value: string, interactions: { type?: string; patterns: number }[]): string | undefined {
  switch (element) {
    case 'cmi.core.lesson_status':
      return statuses.includes(value) ? undefined : `status \`${value}\` is not one of ${statuses.join(', ')}`
    case 'cmi.core.exit':
      return exits.includes(value) ? undefined : `exit \`${value}\` is not SCORM 1.2 vocabulary`
    case 'cmi.core.score.raw':
    case 'cmi.core.score.min':
    case 'cmi.core.score.max':
      return score.test(value) && Number(value) <= 100 ? undefined : `score \`${value}\` is not a decimal from 0 to 100 with at most 2 decimals`
    case 'cmi.core.session_time':
      return timespan.test(value) ? undefined : `session_time \`${value}\` is not HH:MM:SS.SS with 2–4 hour digits`
    case 'cmi.core.lesson_location':
      return value.length <= 255 ? undefined : 'lesson_location is longer than 255'
    case 'cmi.suspend_data':
      return value.length <= 4096 ? undefined : `suspend_data is ${value.length} characters, more than 4096`
  }
  const match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element)
  if (!match) return `\`${element}\` is not an element the SCO may write`
  const index = Number(match[1])
  const field = match[2]!
  if (index > interactions.length) return `interaction ${index} skips an index (count ${interactions.length}): Moodle answers 201`
  if (index === interactions.length) {
    if (field !== 'id') return `interaction ${index} must start with its id`
    interactions.push({ patterns: 0 })
  }
  const interaction = interactions[index]!
  const pattern = /^correct_responses\.(\d+)\.pattern$/.exec(field)
  if (pattern) {
    const m = Number(pattern[1])
    if (m > interaction.patterns) return `correct_responses.${m} skips an index`
    if (m === interaction.patterns) interaction.patterns += 1
    return checkResponse(interaction.type, value)
  }
  switch (field) {
    case 'id':
      return identifier.test(value) ? undefined : `interaction id \`${value}\` must be printable ASCII without spaces, 1–255 characters`
    case 'type':
      interaction.type = value
      return interactionTypes.includes(value) ? undefined : `interaction type \`${value}\` is not SCORM 1.2 vocabulary`
    case 'student_response':
      return checkResponse(interaction.type, value)
    case 'result':
      return results.includes(value) || decimal.test(value) ? undefined : `result \`${value}\` is not SCORM 1.2 vocabulary`
    case 'weighting':
      return decimal.test(value) && Math.abs(Number(value)) <= 100 ? undefined : `weighting \`${value}\` is not a decimal from -100 to 100`
    case 'latency':
      return timespan.test(value) ? undefined : `latency \`${value}\` is not HH:MM:SS.SS`
    case 'time':
      return timeOfDay.test(value) ? undefined : `time \`${value}\` is not a time of day HH:MM:SS`
    default:
      return `\`${element}\` is not an interaction field`
  }
}

function checkResponse(type: string | undefined, value: string): string | undefined {
  if (!type) return 'a response written before the interaction type'
  const format = responseFormats[type]
  return format?.test(value) && value.length <= 255 ? undefined : `\`${value}\` is not a ${type} response in SCORM 1.2 format`
}
