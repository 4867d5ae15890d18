import { decimal, parseCount } from '../../../runtime/data-model-values.js'
import { connectApi } from '../../../runtime/api-connection.js'
import type { Launch, Standard } from '../../../runtime/lms.js'
import { interactionWrites } from './interactions.js'
import { formatDuration } from './time-format.js'

/**
 * SCORM 2004 4th Edition's data model (RTE 4.2): completion and success kept
 * apart, the score as `scaled` for the spec and `raw` in percent for Moodle
 * (which grades from raw alone), the pass mark from `cmi.scaled_passing_score`
 * (the manifest's minNormalizedMeasure), 64000 characters of `suspend_data`.
 * Moodle restores state only after `cmi.exit` `suspend`, so every save says
 * it, until the learner leaves finished (`normal`).
 */
export const scorm2004: Standard = {
  connect: (win) => connectApi(win, {
      object: 'API_1484_11',
      functions: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
      afterFinishCode: 143,
      notSetCode: 403,
    }),
  readLaunch(read): Launch {
    const completion = read('cmi.completion_status')
    const success = read('cmi.success_status')
    return {
      status: [
        ['cmi.completion_status', completion],
        ['cmi.success_status', success],
      ],
      statusRecorded: completion !== '' && completion !== 'unknown' && completion !== 'not attempted',
      savedState: read('cmi.suspend_data'),
      location: read('cmi.location'),
      passingScore: percent(read('cmi.scaled_passing_score')),
      learnerName: read('cmi.learner_name'),
      learnerId: read('cmi.learner_id'),
      interactionCount: parseCount(read('cmi.interactions._count')),
    }
  },
  // Raw first: the grade in Moodle; scaled is what the spec and a conformant LMS report.
  score: (percent) => [
    ['cmi.score.raw', decimal(percent)],
    ['cmi.score.min', '0'],
    ['cmi.score.max', '100'],
    ['cmi.score.scaled', decimal(Math.round(percent * 100) / 10000)],
  ],
  status: (status) => [
    ['cmi.success_status', status.success],
    ['cmi.completion_status', status.finished || status.allPagesSeen ? 'completed' : 'incomplete'],
  ],
  interaction: interactionWrites,
  location: (pageId) => [['cmi.location', pageId]],
  savedState: (text) => [
    ['cmi.suspend_data', text],
    ['cmi.exit', 'suspend'],
  ],
  exit: (finished, sessionMs) => [
    ['cmi.exit', finished ? 'normal' : 'suspend'],
    ['cmi.session_time', formatDuration(sessionMs)],
  ],
  // RTE 4.2.23: cmi.suspend_data is a characterstring (SPM: 64000).
  stateBudget: 64000,
  learnerIdElement: 'cmi.learner_id',
  standaloneNotice: 'statusStandalone',
}

/** `cmi.scaled_passing_score` (−1..1) as a pass mark in percent; `null` when the LMS sets none or a negative one. */
function percent(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null
  const value = Number(text)
  return value >= 0 && value <= 1 ? Math.round(value * 10000) / 100 : null
}
