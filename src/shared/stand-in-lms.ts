import type { Call } from './moodle-rules.js'

/**
 * What a stand-in LMS (the preview's panel, the end-to-end tests) needs to
 * know of each SCORM standard: how it offers its API (scorm-again's
 * Scorm12API or Scorm2004API), how to seed it with launch data, and how to
 * read what it holds in the same terms for both, so that the panel shows
 * either and every test scenario runs against every SCORM target.
 */
export interface StandInStandard {
  readonly target: 'scorm12' | 'scorm2004'
  /** scorm-again's browser build and the class it defines. */
  readonly script: string
  readonly apiClass: string
  /** The window property the package looks for. */
  readonly apiName: string
  /** The names of the API's functions, by role. */
  readonly fn: { readonly initialize: string; readonly finish: string; readonly get: string; readonly set: string; readonly commit: string; readonly lastError: string; readonly errorString: string; readonly diagnostic: string }
  /** Element names the tests look for in the call log: `status` is 1.2's lesson_status (none in 2004), `success` where pass/fail goes. */
  readonly element: { readonly scoreRaw: string; readonly scoreMax: string; readonly status?: string; readonly success: string; readonly exit: string; readonly sessionTime: string; readonly location: string }
  /** Launch data for scorm-again's loadFromJSON. */
  launchData(launch: LaunchData): object
  /** What the LMS holds (scorm-again's renderCommitCMI), in the same terms for every standard. */
  read(cmi: unknown): Held
  /** The statuses the LMS was given, in order, each as SCORM 1.2 would say it (passed, failed, completed, incomplete). */
  statusHistory(calls: readonly Call[]): string[]
  /** What Moodle hands the next launch of what it holds: a resume, or nothing (a fresh start). */
  relaunch(held: Held): LaunchData['resume']
}

export interface LaunchData {
  readonly learnerId: string
  readonly learnerName: string
  /** The LMS's pass mark, in percent. */
  readonly passingScore?: number
  /** A relaunch after the learner suspended: what the LMS kept of the last visit. */
  readonly resume?: { readonly location: string; readonly suspendData: string; readonly status: 'incomplete' | 'passed' | 'failed' }
}

/** What the LMS holds, in learning terms. */
export interface Held {
  /** As SCORM 1.2's lesson_status says it: passed, failed, completed, incomplete (or '' when nothing was set). */
  readonly status: string
  readonly score: { readonly raw: string; readonly min: string; readonly max: string }
  /** 2004 only: the scaled score. */
  readonly scaled?: string
  /** `done` (1.2 "", 2004 normal) or `suspend`. */
  readonly exit: string
  readonly location: string
  readonly suspendData: string
  /** Interactions with their values in SCORM 1.2's notation (`a,c`, `1.a`, `t`, `wrong`), whatever the standard wrote. */
  readonly interactions: readonly HeldInteraction[]
}

export interface HeldInteraction {
  readonly id: string
  readonly type: string
  readonly response: string
  readonly pattern: string | undefined
  readonly result: string
  readonly weighting: string
}

type Cmi = { cmi: Record<string, unknown> }
type RawInteraction = Record<string, string> & { correct_responses?: Record<string, { pattern: string }> }

export const scorm12: StandInStandard = {
  target: 'scorm12',
  script: 'scorm12.min.js',
  apiClass: 'Scorm12API',
  apiName: 'API',
  fn: { initialize: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', lastError: 'LMSGetLastError', errorString: 'LMSGetErrorString', diagnostic: 'LMSGetDiagnostic' },
  element: {
    scoreRaw: 'cmi.core.score.raw',
    scoreMax: 'cmi.core.score.max',
    status: 'cmi.core.lesson_status',
    success: 'cmi.core.lesson_status',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    location: 'cmi.core.lesson_location',
  },
  launchData: ({ learnerId, learnerName, passingScore, resume }) => ({
    core: {
      student_id: learnerId,
      student_name: learnerName,
      credit: 'credit',
      lesson_mode: 'normal',
      // Moodle may send entry "" rather than "resume": resume must follow suspend_data.
      entry: resume ? '' : 'ab-initio',
      ...(resume ? { lesson_status: resume.status, lesson_location: resume.location } : {}),
    },
    ...(passingScore === undefined ? {} : { student_data: { mastery_score: String(passingScore) } }),
    ...(resume ? { suspend_data: resume.suspendData } : {}),
  }),
  read(held) {
    const cmi = (held as Cmi).cmi as { core: Record<string, string> & { score: Record<string, string> }; suspend_data: string; interactions: Record<string, RawInteraction> }
    return {
      status: cmi.core.lesson_status === 'not attempted' ? '' : (cmi.core.lesson_status ?? ''),
      score: { raw: cmi.core.score.raw ?? '', min: cmi.core.score.min ?? '', max: cmi.core.score.max ?? '' },
      exit: cmi.core.exit === '' ? 'done' : (cmi.core.exit ?? ''),
      location: cmi.core.lesson_location ?? '',
      suspendData: cmi.suspend_data ?? '',
      interactions: Object.values(cmi.interactions ?? {}).map((interaction) => ({
        id: interaction.id ?? '',
        type: interaction.type ?? '',
        response: interaction.student_response ?? '',
        pattern: interaction.correct_responses?.['0']?.pattern,
        result: interaction.result ?? '',
        weighting: interaction.weighting ?? '',
      })),
    }
  },
  statusHistory: (calls) => setsOf(calls, 'LMSSetValue', 'cmi.core.lesson_status'),
  // Moodle always returns the stored suspend_data and location in SCORM 1.2.
  relaunch: (held) => (held.suspendData ? { location: held.location, suspendData: held.suspendData, status: resumedStatus(held) } : undefined),
}

export const scorm2004: StandInStandard = {
  target: 'scorm2004',
  script: 'scorm2004.min.js',
  apiClass: 'Scorm2004API',
  apiName: 'API_1484_11',
  fn: { initialize: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', lastError: 'GetLastError', errorString: 'GetErrorString', diagnostic: 'GetDiagnostic' },
  element: { scoreRaw: 'cmi.score.raw', scoreMax: 'cmi.score.max', success: 'cmi.success_status', exit: 'cmi.exit', sessionTime: 'cmi.session_time', location: 'cmi.location' },
  launchData: ({ learnerId, learnerName, passingScore, resume }) => ({
    learner_id: learnerId,
    learner_name: learnerName,
    mode: 'normal',
    credit: 'credit',
    // Moodle says resume only after an exit of "suspend", and then gives back the statuses too.
    entry: resume ? 'resume' : 'ab-initio',
    ...(passingScore === undefined ? {} : { scaled_passing_score: String(passingScore / 100) }),
    ...(resume
      ? {
          location: resume.location,
          suspend_data: resume.suspendData,
          completion_status: resume.status === 'incomplete' ? 'incomplete' : 'completed',
          success_status: resume.status === 'incomplete' ? 'unknown' : resume.status,
        }
      : {}),
  }),
  read(held) {
    const cmi = (held as Cmi).cmi as Record<string, string> & { score: Record<string, string>; interactions: Record<string, RawInteraction> }
    const success = cmi.success_status ?? 'unknown'
    const completion = cmi.completion_status ?? 'unknown'
    return {
      status: success !== 'unknown' ? success : completion === 'completed' ? 'completed' : completion === 'incomplete' ? 'incomplete' : '',
      score: { raw: cmi.score?.raw ?? '', min: cmi.score?.min ?? '', max: cmi.score?.max ?? '' },
      scaled: cmi.score?.scaled ?? '',
      exit: cmi.exit === 'normal' ? 'done' : (cmi.exit ?? ''),
      location: cmi.location ?? '',
      suspendData: cmi.suspend_data ?? '',
      interactions: Object.values(cmi.interactions ?? {}).map((interaction) => ({
        id: (interaction.id ?? '').replace(/^urn:coursepack:[^:]+:/, ''),
        type: interaction.type ?? '',
        response: to12(interaction.type ?? '', interaction.learner_response ?? ''),
        pattern: interaction.correct_responses?.['0'] === undefined ? undefined : to12(interaction.type ?? '', interaction.correct_responses['0'].pattern),
        result: interaction.result === 'incorrect' ? 'wrong' : (interaction.result ?? ''),
        weighting: interaction.weighting ?? '',
      })),
    }
  },
  statusHistory(calls) {
    // Completion and success fold into one status, as SCORM 1.2 would say it, after each commit.
    let completion = 'unknown'
    let success = 'unknown'
    const history: string[] = []
    for (const call of calls) {
      if (call.injected) continue
      if (call.fn === 'SetValue' && call.args[0] === 'cmi.completion_status') completion = call.args[1] ?? ''
      if (call.fn === 'SetValue' && call.args[0] === 'cmi.success_status') success = call.args[1] ?? ''
      if (call.fn === 'Commit' && call.result === 'true') {
        const status = success !== 'unknown' ? success : completion
        if (status !== 'unknown' && history[history.length - 1] !== status) history.push(status)
      }
    }
    return history
  },
  // Moodle restores SCORM 2004 state only after an exit of `suspend`.
  relaunch: (held) => (held.exit === 'suspend' ? { location: held.location, suspendData: held.suspendData, status: resumedStatus(held) } : undefined),
}

/** Both SCORM targets: every test scenario runs against each. */
export const scormStandards: readonly StandInStandard[] = [scorm12, scorm2004]

/** The stand-in of a target, by its name. */
export const standInStandards: Readonly<Record<StandInStandard['target'], StandInStandard>> = { scorm12, scorm2004 }

function resumedStatus(held: Held): 'incomplete' | 'passed' | 'failed' {
  return held.status === 'passed' || held.status === 'failed' ? held.status : 'incomplete'
}

/** SCORM 2004's notation of a response as SCORM 1.2 writes it: `a[,]c` → `a,c`, `1[.]a` → `1.a`, `true` → `t`, `{case_matters=false}x` → `x`. */
function to12(type: string, value: string): string {
  if (type === 'true-false') return value === 'true' ? 't' : value === 'false' ? 'f' : value
  return value.replace(/^(\{[a-z_]+=[^}]*\})+/, '').split('[,]').join(',').split('[.]').join('.').split('[:]').join(':')
}

function setsOf(calls: readonly Call[], fn: string, element: string): string[] {
  return calls.flatMap((call) => (call.fn === fn && call.args[0] === element && !call.injected ? [call.args[1] ?? ''] : []))
}
