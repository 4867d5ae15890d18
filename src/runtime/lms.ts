import type { QuestionData } from '../shared/course-data.js'
import type { Response, Verdict } from '../shared/scoring.js'
import type { Connection } from './connection.js'

/**
 * The seam between the course session, which speaks in learning terms, and
 * one e-learning standard's data model (SCORM 1.2's `cmi.core.*`, SCORM
 * 2004's `cmi.*`). Each package ships one standard: its target's runtime
 * entry passes it to `startRuntime`. A standard only names and formats; the
 * session decides what to report and when, and the save queue how.
 */
export interface Standard {
  /**
   * The LMS's API on this window or an ancestor, as a Connection; `null` when
   * the course runs without an LMS (the shell then keeps progress in the
   * browser). A standard without an LMS returns its own browser-storage one.
   */
  connect(win: Window, courseId: string): Connection | null
  /** Read what the LMS knows at launch. */
  readLaunch(read: (element: string) => string): Launch
  /** The writes that report the course score (percent, 0–100): score first, in the order LMSs expect. */
  score(percent: number): Writes
  /** The writes that report completion and success. */
  status(status: Status): Writes
  /** The writes of interaction number `index` (0-based, after those the LMS already holds), its `id` first. */
  interaction(index: number, interaction: Interaction): Writes
  /** Where the learner is (a page id). */
  location(pageId: string): Writes
  /** The learner's saved state (see shared/learner-state.ts). */
  savedState(text: string): Writes
  /** Leaving: whether the learner will come back to finish, and how long this visit took. */
  exit(finished: boolean, sessionMs: number): Writes
  /** How many characters of saved state the LMS must keep. */
  readonly stateBudget: number
  /** The element the browser keeps a made-up learner id in when there is no LMS, so question draws stay stable. */
  readonly learnerIdElement: string
  /** The UI string (a key of the course's strings) the shell shows when nothing reaches an LMS. */
  readonly standaloneNotice: string
}

export type Writes = readonly (readonly [element: string, value: string])[]

/** What the LMS says at launch, in learning terms. */
export interface Launch {
  readonly savedState: string
  readonly location: string
  /** Whether the LMS has recorded any status for this learner yet (a first launch has none). */
  readonly statusRecorded: boolean
  /** The status the LMS holds, as the writes that would set it: a status that would write the same is not written again. */
  readonly status: Writes
  /** The pass mark the LMS sets (percent), overriding the course's; `null` when it sets none. */
  readonly passingScore: number | null
  readonly learnerName: string
  readonly learnerId: string
  /** Interactions the LMS already holds: new ones are numbered after them. */
  readonly interactionCount: number
}

/**
 * Where the learner stands, as facts each standard reads its own way: SCORM
 * 2004 keeps completion and success apart, SCORM 1.2 folds them into one
 * `lesson_status` and must not say `completed` before the graded work is done
 * (Moodle would close the attempt).
 */
export interface Status {
  /** Every page of the course was seen. */
  readonly allPagesSeen: boolean
  /** The graded work is done (every graded quiz submitted), or, in a course without any, every page was seen. */
  readonly finished: boolean
  /** Against the pass mark, once the graded work is done; `unknown` before, or without a pass mark. */
  readonly success: 'passed' | 'failed' | 'unknown'
}

/** One answered question, for the LMS's record of interactions. */
export interface Interaction {
  /** `<quiz page id>.<question id>`. */
  readonly id: string
  /** The course id, for standards whose interaction ids are URIs. */
  readonly courseId: string
  readonly question: QuestionData
  /** The learner's response, in its normal form (shared/answers.ts). */
  readonly response: Response
  readonly verdict: Verdict
  /** Points earned. */
  readonly points: number
  /** Points the question is worth in the course score: 0 in a knowledge check or a survey. */
  readonly weighting: number
  /** The prompt as plain text, when the page gave it. */
  readonly prompt: string
  readonly latencyMs: number
  readonly at: Date
}
