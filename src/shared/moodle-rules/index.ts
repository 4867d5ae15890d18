/**
 * A second oracle for the end-to-end tests and the preview panel: the value
 * rules Moodle enforces, replayed on every call the SCO made. scorm-again,
 * the stand-in LMS, lets through values Moodle rejects (and the reverse), so
 * a package must satisfy both. SCORM 1.2 follows Moodle's scorm_12.js at the
 * spec's strict limits; SCORM 2004 follows scorm_13.js.
 */
import type { Call } from './call.js'
import { checkScorm12 } from './scorm12.js'
import { checkScorm2004 } from './scorm2004.js'

export type { Call } from './call.js'

/**
 * Every broken rule, as `#<call index> <call> — <why>` (and, last, a line for
 * a session that never ended); empty when the SCO behaved. Calls the harness
 * failed on purpose (`injected`) count for the order of the session but their
 * values are not judged: they never reached the LMS.
 */
export function checkMoodleRules(calls: readonly Call[], standard: 'scorm12' | 'scorm2004' = 'scorm12'): string[] {
  return standard === 'scorm2004' ? checkScorm2004(calls) : checkScorm12(calls)
}
