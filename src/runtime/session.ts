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

/**
 * The learner's visit, in learning terms (design.md, "The runtime"):
 * `incomplete` at the first launch; after the last graded quiz, the course
 * score, then completion and success, committed at submit time and never
 * earlier; an interaction per answered question; location and saved state
 * after each page; exit, session time and the end of the session once. The
 * `Standard` turns each of these into its own data model's writes; the
 * queue sends them, the outcome first.
 */
export class CourseSession {
  state: LearnerState = emptyState()
  /** The status writes the LMS holds: the same status is not written twice. */
  private reported = ''
  private passingScore: number | null = null
  private interactionCount = 0
  private location: string | undefined
  /** Seeds the questions drawn for each attempt: the same learner sees the same draw again. */
  private learnerKey = ''
  private readonly stateForm: StateForm
  private readonly startedAt: number
  private ended = false

  constructor(
    private readonly course: CourseData,
    private readonly standard: Standard,
    private readonly connection: Connection,
    private readonly queue: SaveQueue,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now()
    // The build refused a course whose compact state cannot fit, so one of the two does.
    this.stateForm = stateFormFor(course, standard.stateBudget) ?? 'compact'
  }

  start(): StartInfo {
    this.connection.initialize()
    const launch = this.standard.readLaunch((element) => this.connection.get(element))
    this.passingScore = launch.passingScore ?? this.course.passingScore
    this.interactionCount = launch.interactionCount
    this.learnerKey = launch.learnerId
    this.reported = JSON.stringify(launch.status)

    // Resume whenever there is saved state: Moodle sends entry "" rather than "resume" in some cases.
    if (launch.savedState !== '') this.state = decodeState(launch.savedState, this.course)
    this.location = this.page(launch.location) ? launch.location : undefined

    // A first launch says `incomplete`; a later one never rewrites a status from the state it resumed.
    if (!launch.statusRecorded) this.report()
    this.queue.save()
    return { location: this.location, learnerName: launch.learnerName }
  }

  /** The learner is on `pageId`: remember it, and commit when that changed anything. */
  visit(pageId: string): void {
    if (this.ended || !this.page(pageId)) return
    const firstVisit = !this.state.visited.has(pageId)
    if (!firstVisit && this.location === pageId) return
    this.state.visited.add(pageId)
    this.location = pageId
    this.write(this.standard.location(pageId), 'state')
    this.saveState()
    // Seeing the last page completes the course (SCORM 2004), or finishes one without graded quizzes.
    if (firstVisit && this.visitedCount === this.course.pages.length) this.report()
    this.queue.save()
  }

  /** Score a submission, record it, and report it to the LMS at once. */
  submit(pageId: string, responses: Readonly<Record<string, Response>>, latencyMs: number, prompts: Readonly<Record<string, string>> = {}): QuizView | undefined {
    const page = this.page(pageId)
    const quiz = page?.quiz
    if (this.ended || !quiz) return undefined
    const saved: QuizState = this.state.quizzes.get(pageId) ?? { attempts: 0, score: null, answers: null }
    if (quiz.attempts !== null && saved.attempts >= quiz.attempts) return this.quizView(pageId)

    const plan = this.plan(pageId, quiz, saved.attempts + 1)
    // Keep only what the saved state can hold for each question, in its normal form.
    const answers: Record<string, Response> = {}
    for (const question of quiz.questions) {
      if (!plan.questionIds.includes(question.id)) continue
      answers[question.id] = decodeAnswer(question, encodeAnswer(question, responses[question.id] ?? [])) ?? []
    }
    const result = scoreQuiz(quiz, answers, plan.questionIds)
    saved.attempts += 1
    saved.answers = answers
    saved.score = quiz.keep === 'last' || saved.score === null ? result.percent : Math.max(saved.score, result.percent)
    this.state.quizzes.set(pageId, saved)

    const at = new Date(this.now())
    for (const question of quiz.questions) {
      const response = answers[question.id] ?? []
      const scored = result.questions[question.id]
      if (response.length === 0 || !scored) continue
      const interaction: Interaction = {
        id: `${pageId}.${question.id}`,
        courseId: this.course.id,
        question,
        response,
        verdict: scored.verdict,
        points: scored.points,
        weighting: quiz.graded && question.kind !== 'likert' ? question.points : 0,
        prompt: prompts[question.id] ?? '',
        latencyMs,
        at,
      }
      this.write(this.standard.interaction(this.interactionCount, interaction), 'detail')
      this.interactionCount += 1
    }
    this.saveState()
    const outcome = this.courseOutcome()
    if (quiz.graded && outcome) {
      // Order matters to LMSs: the score first, then the status, then the commit, before anything else.
      this.write(this.standard.score(outcome.score), 'outcome')
      this.report()
    }
    this.queue.save()
    return this.quizView(pageId)
  }

  quizView(pageId: string): QuizView | undefined {
    const quiz = this.page(pageId)?.quiz
    if (!quiz) return undefined
    const saved = this.state.quizzes.get(pageId)
    const attempts = saved?.attempts ?? 0
    const outcome = this.courseOutcome()
    // The compact saved state keeps no answers: after a relaunch the kept score shows, not the last attempt.
    const answers = saved?.answers ?? undefined
    const lastPlan = attempts > 0 && answers ? this.plan(pageId, quiz, attempts) : undefined
    const last = answers && lastPlan ? scoreQuiz(quiz, answers, lastPlan.questionIds) : undefined
    return {
      pageId,
      graded: quiz.graded,
      passingScore: quiz.passingScore,
      attempts,
      attemptsAllowed: quiz.attempts,
      canSubmit: quiz.attempts === null || attempts < quiz.attempts,
      kept: saved?.score ?? null,
      next: this.plan(pageId, quiz, attempts + 1),
      ...(last && answers && lastPlan
        ? { last: { plan: lastPlan, answers, percent: last.percent, passed: last.passed, questions: last.questions } }
        : {}),
      ...(quiz.graded && outcome ? { course: { score: outcome.score, status: outcome.success === 'unknown' ? 'completed' : outcome.success, passingScore: this.passingScore } } : {}),
    }
  }

  /**
   * The page goes away: exit, session time, everything still queued sent at
   * once (no timer fires in a closing page), and LMSFinish, once.
   */
  end(): void {
    if (this.ended) return
    this.ended = true
    this.write(this.standard.exit(this.isFinished(), this.now() - this.startedAt), 'state')
    this.queue.flush()
    this.connection.finish()
  }

  /** Pages visited, for the progress bar. */
  get visitedCount(): number {
    return this.course.pages.filter((page) => this.state.visited.has(page.id)).length
  }

  /** The course score and status once every graded quiz has been submitted. */
  private courseOutcome(): { score: number; success: Status['success'] } | undefined {
    const graded = this.gradedQuizzes()
    if (graded.length === 0) return undefined
    const scores = graded.map(({ id, quiz }) => ({ percent: this.state.quizzes.get(id)?.score, weight: quiz.weight }))
    if (scores.some((entry) => entry.percent === null || entry.percent === undefined)) return undefined
    const score = courseScore(scores as { percent: number; weight: number }[])
    const success = this.passingScore === null ? 'unknown' : score >= this.passingScore ? 'passed' : 'failed'
    return { score, success }
  }

  private isFinished(): boolean {
    return this.hasGradedQuiz() ? this.courseOutcome() !== undefined : this.visitedCount === this.course.pages.length
  }

  private hasGradedQuiz(): boolean {
    return this.gradedQuizzes().length > 0
  }

  private gradedQuizzes(): { id: string; quiz: QuizData }[] {
    return this.course.pages.flatMap((page) => (page.quiz?.graded ? [{ id: page.id, quiz: page.quiz }] : []))
  }

  private plan(pageId: string, quiz: QuizData, attempt: number): AttemptPlan {
    return planAttempt(quiz, `${this.learnerKey}|${pageId}|${attempt}`)
  }

  /** Where the learner stands now, written when the standard would write anything new. */
  private report(): void {
    const status: Status = {
      allPagesSeen: this.visitedCount === this.course.pages.length,
      finished: this.isFinished(),
      success: this.courseOutcome()?.success ?? 'unknown',
    }
    const writes = this.standard.status(status)
    if (JSON.stringify(writes) === this.reported) return
    this.reported = JSON.stringify(writes)
    this.write(writes, 'outcome')
  }

  private saveState(): void {
    this.write(this.standard.savedState(encodeState(this.state, this.course, this.stateForm)), 'state')
  }

  private write(writes: Writes, lane: Lane): void {
    for (const [element, value] of writes) this.queue.write(element, value, lane)
  }

  private page(pageId: string): PageData | undefined {
    return this.course.pages.find((page) => page.id === pageId)
  }
}
