import { parseCount } from '../../../runtime/data-model-values.js'
import { connectApi } from '../../../runtime/api-connection.js'
import type { Launch, Standard, Status } from '../../../runtime/lms.js'
import { interactionWrites } from './interactions.js'
import { formatTimespan } from './time-format.js'

/**
 * SCORM 1.2's data model (RTE 3.4): `cmi.core.*`, one `lesson_status` for
 * completion and success, a percentage score (Moodle passes `score.raw` to
 * the gradebook unscaled), 4096 characters of `suspend_data`.
 */
export const scorm12: Standard = {
  connect: (win) => connectApi(win, {
      object: 'API',
      functions: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
      afterFinishCode: 301,
    }),
  readLaunch(read): Launch {
    const status = read('cmi.core.lesson_status')
    return {
      status: [['cmi.core.lesson_status', status]],
      savedState: read('cmi.suspend_data'),
      location: read('cmi.core.lesson_location'),
      statusRecorded: status !== '' && status !== 'not attempted',
      passingScore: percent(read('cmi.student_data.mastery_score')),
      learnerName: read('cmi.core.student_name'),
      learnerId: read('cmi.core.student_id'),
      interactionCount: parseCount(read('cmi.interactions._count')),
    }
  },
  score: (percent) => [
    ['cmi.core.score.raw', String(percent)],
    ['cmi.core.score.min', '0'],
    ['cmi.core.score.max', '100'],
  ],
  status: (status: Status) => [['cmi.core.lesson_status', status.success !== 'unknown' ? status.success : status.finished ? 'completed' : 'incomplete']],
  interaction: interactionWrites,
  location: (pageId) => [['cmi.core.lesson_location', pageId]],
  savedState: (text) => [['cmi.suspend_data', text]],
  // `""` when done: Moodle's next launch is then a new attempt or a review, not a resume.
  exit: (finished, sessionMs) => [
    ['cmi.core.exit', finished ? '' : 'suspend'],
    ['cmi.core.session_time', formatTimespan(sessionMs)],
  ],
  // RTE 3.4.2.5: cmi.suspend_data is a CMIString4096.
  stateBudget: 4096,
  learnerIdElement: 'cmi.core.student_id',
  standaloneNotice: 'statusStandalone',
}

/** A mastery score from the LMS: a number from 0 to 100, or nothing. */
function percent(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null
  const value = Number(text)
  return value >= 0 && value <= 100 ? value : null
}
