import type { CourseData, PageData, QuizData } from '../shared/course-data.js'
import { decodeAnswer, encodeAnswer } from '../shared/answers.js'
import { type AttemptPlan, planAttempt } from '../shared/draw.js'
import { decodeState, emptyState, encodeState, type LearnerState, type QuizState, type StateForm, stateFormFor } from '../shared/learner-state.js'
import { courseScore, type QuestionResult, type Response, scoreQuiz } from '../shared/scoring.js'
import type { Connection } from './connection.js'
import type { Interaction, Standard, Status, Writes } from './lms.js'
import type { Lane, SaveQueue } from './save-queue.js'

export type LessonStatus = 'passed' | 'failed' | 'completed' | 'incomplete'

/** What a quiz page shows: the last submission, attempts, and the course result once there is one. */
export interface QuizView {
  readonly pageId: string
  readonly graded: boolean
  readonly passingScore: number | null
  readonly attempts: number
  readonly attemptsAllowed: number | null
  readonly canSubmit: boolean
  /** The score that counts for this quiz (best or last attempt). */
  readonly kept: number | null
  /** The questions of the next attempt. */
  readonly next: AttemptPlan
  readonly last?: {
    /** The questions of the last attempt. */
    readonly plan: AttemptPlan
    readonly answers: Readonly<Record<string, Response>>
    readonly percent: number
    readonly passed: boolean | null
    readonly questions: Readonly<Record<string, QuestionResult>>
  }
  readonly course?: { readonly score: number; readonly status: LessonStatus; readonly passingScore: number | null }
}

export interface StartInfo {
  /** The page to show: where the learner left, or undefined for the first page. */
  readonly location: string | undefined
  /** The learner's name as the LMS gives it (may be empty). */
  readonly learnerName: string
}

/** The learner's visit: see `createCourseSession`. */
export interface CourseSession {
  /** What the learner has done (see shared/learner-state.ts). */
  readonly state: LearnerState
  /** Pages visited, for the progress bar. */
  readonly visitedCount: number
  /** Initialize, read what the LMS knows, resume, and say `incomplete` at a first launch. */
  start(): StartInfo
  /** The learner is on `pageId`: remember it, and commit when that changed anything. */
  visit(pageId: string): void
  /** Score a submission, record it, and report it to the LMS at once. */
  submit(pageId: string, responses: Readonly<Record<string, Response>>, latencyMs: number, prompts?: Readonly<Record<string, string>>): QuizView | undefined
  quizView(pageId: string): QuizView | undefined
  /**
   * The page goes away: exit, session time, everything still queued sent at
   * once (no timer fires in a closing page), and LMSFinish, once.
   */
  end(): void
}

/**
 * The learner's visit, in learning terms (design.md, "The runtime"):
 * `incomplete` at the first launch; after the last graded quiz, the course
 * score, then completion and success, committed at submit time and never
 * earlier; an interaction per answered question; location and saved state
 * after each page; exit, session time and the end of the session once. The
 * `Standard` turns each of these into its own data model's writes; the
 * queue sends them, the outcome first.
 */
export function createCourseSession(course: CourseData, standard: Standard, connection: Connection, queue: SaveQueue, now: () => number = Date.now): CourseSession {
  const { pages } = course
  const startedAt = now()
  // The build refused a course whose compact state cannot fit, so one of the two does.
  const stateForm: StateForm = stateFormFor(course, standard.stateBudget) ?? 'compact'
  const gradedQuizzes = pages.filter((page) => page.quiz?.graded)
  let state: LearnerState = emptyState()
  /** The status writes the LMS holds: the same status is not written twice. */
  let reported = ''
  let passingScore: number | null = null
  let interactionCount = 0
  let location: string | undefined
  /** Seeds the questions drawn for each attempt: the same learner sees the same draw again. */
  let learnerKey = ''
  let ended = false

  const page = (pageId: string): PageData | undefined => pages.find((candidate) => candidate.id === pageId)
  const visitedCount = () => pages.filter((candidate) => state.visited.has(candidate.id)).length
  const plan = (pageId: string, quiz: QuizData, attempt: number): AttemptPlan => planAttempt(quiz, `${learnerKey}|${pageId}|${attempt}`)
  const write = (writes: Writes, lane: Lane) => {
    for (const [element, value] of writes) queue.write(element, value, lane)
  }
  const saveState = () => write(standard.savedState(encodeState(state, course, stateForm)), 'state')

  /** The course score and status once every graded quiz has been submitted. */
  function courseOutcome(): { score: number; success: Status['success'] } | undefined {
    const scores = gradedQuizzes.map(({ id, quiz }) => ({ percent: state.quizzes.get(id)?.score ?? null, weight: quiz!.weight }))
    if (scores.length === 0 || scores.some((entry) => entry.percent === null)) return undefined
    const score = courseScore(scores as { percent: number; weight: number }[])
    return { score, success: passingScore === null ? 'unknown' : score >= passingScore ? 'passed' : 'failed' }
  }

  const isFinished = () => (gradedQuizzes.length > 0 ? courseOutcome() !== undefined : visitedCount() === pages.length)

  /** Where the learner stands now, written when the standard would write anything new. */
  function report(): void {
    const writes = standard.status({
      allPagesSeen: visitedCount() === pages.length,
      finished: isFinished(),
      success: courseOutcome()?.success ?? 'unknown',
    })
    const text = JSON.stringify(writes)
    if (text === reported) return
    reported = text
    write(writes, 'outcome')
  }

  function quizView(pageId: string): QuizView | undefined {
    const quiz = page(pageId)?.quiz
    if (!quiz) return undefined
    const saved = state.quizzes.get(pageId)
    const attempts = saved?.attempts ?? 0
    const outcome = courseOutcome()
    // The compact saved state keeps no answers: after a relaunch the kept score shows, not the last attempt.
    const answers = attempts > 0 ? saved?.answers : undefined
    const lastPlan = answers && plan(pageId, quiz, attempts)
    const last = answers && lastPlan && scoreQuiz(quiz, answers, lastPlan.questionIds)
    return {
      pageId,
      graded: quiz.graded,
      passingScore: quiz.passingScore,
      attempts,
      attemptsAllowed: quiz.attempts,
      canSubmit: quiz.attempts === null || attempts < quiz.attempts,
      kept: saved?.score ?? null,
      next: plan(pageId, quiz, attempts + 1),
      ...(last && answers && lastPlan
        ? { last: { plan: lastPlan, answers, percent: last.percent, passed: last.passed, questions: last.questions } }
        : {}),
      ...(quiz.graded && outcome ? { course: { score: outcome.score, status: outcome.success === 'unknown' ? 'completed' : outcome.success, passingScore } } : {}),
    }
  }

  return {
    get state() {
      return state
    },
    get visitedCount() {
      return visitedCount()
    },
    start() {
      connection.initialize()
      const launch = standard.readLaunch(connection.get)
      passingScore = launch.passingScore ?? course.passingScore
      interactionCount = launch.interactionCount
      learnerKey = launch.learnerId
      reported = JSON.stringify(launch.status)

      // Resume whenever there is saved state: Moodle sends entry "" rather than "resume" in some cases.
      if (launch.savedState !== '') state = decodeState(launch.savedState, course)
      location = page(launch.location) ? launch.location : undefined

      // A first launch says `incomplete`; a later one never rewrites a status from the state it resumed.
      if (!launch.statusRecorded) report()
      queue.save()
      return { location, learnerName: launch.learnerName }
    },
    visit(pageId) {
      if (ended || !page(pageId)) return
      const firstVisit = !state.visited.has(pageId)
      if (!firstVisit && location === pageId) return
      state.visited.add(pageId)
      location = pageId
      write(standard.location(pageId), 'state')
      saveState()
      // Seeing the last page completes the course (SCORM 2004), or finishes one without graded quizzes.
      if (firstVisit && visitedCount() === pages.length) report()
      queue.save()
    },
    submit(pageId, responses, latencyMs, prompts = {}) {
      const quiz = page(pageId)?.quiz
      if (ended || !quiz) return undefined
      const saved: QuizState = state.quizzes.get(pageId) ?? { attempts: 0, score: null, answers: null }
      if (quiz.attempts !== null && saved.attempts >= quiz.attempts) return quizView(pageId)

      const { questionIds } = plan(pageId, quiz, saved.attempts + 1)
      // Keep only what the saved state can hold for each question, in its normal form.
      const answers: Record<string, Response> = {}
      for (const question of quiz.questions) {
        if (questionIds.includes(question.id)) answers[question.id] = decodeAnswer(question, encodeAnswer(question, responses[question.id] ?? [])) ?? []
      }
      const result = scoreQuiz(quiz, answers, questionIds)
      saved.attempts += 1
      saved.answers = answers
      saved.score = quiz.keep === 'last' || saved.score === null ? result.percent : Math.max(saved.score, result.percent)
      state.quizzes.set(pageId, saved)

      const at = new Date(now())
      for (const question of quiz.questions) {
        const response = answers[question.id] ?? []
        const scored = result.questions[question.id]
        if (response.length === 0 || !scored) continue
        const interaction: Interaction = {
          id: `${pageId}.${question.id}`,
          courseId: course.id,
          question,
          response,
          verdict: scored.verdict,
          points: scored.points,
          weighting: quiz.graded && question.kind !== 'likert' ? question.points : 0,
          prompt: prompts[question.id] ?? '',
          latencyMs,
          at,
        }
        write(standard.interaction(interactionCount++, interaction), 'detail')
      }
      saveState()
      const outcome = courseOutcome()
      if (quiz.graded && outcome) {
        // Order matters to LMSs: the score first, then the status, then the commit, before anything else.
        write(standard.score(outcome.score), 'outcome')
        report()
      }
      queue.save()
      return quizView(pageId)
    },
    quizView,
    end() {
      if (ended) return
      ended = true
      write(standard.exit(isFinished(), now() - startedAt), 'state')
      queue.flush()
      connection.finish()
    },
  }
}
