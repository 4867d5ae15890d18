import type { CourseData, PageData, QuizData } from '../shared/course-data.js'
import { decodeAnswer, encodeAnswer } from '../shared/answers.js'
import { type AttemptPlan, planAttempt } from '../shared/draw.js'
import { decodeState, emptyState, encodeState, type LearnerState, type QuizState } from '../shared/learner-state.js'
import { courseScore, type QuestionResult, type Response, scoreQuiz } from '../shared/scoring.js'
import type { Connection } from './connection.js'
import { interactionRecords, interactionWrites } from './interactions.js'
import type { SaveQueue } from './save-queue.js'
import { formatTimespan } from './time-format.js'

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
 * The learner's visit, as the LMS must see it (design.md, "The runtime"):
 * `incomplete` at the first launch; after the last graded quiz, the course
 * score (raw, min, max), then the status, then a commit, at submit time and
 * never earlier; interactions per answered question; location and
 * suspend_data after each page; exit, session time and LMSFinish once.
 */
export class CourseSession {
  state: LearnerState = emptyState()
  private status: string = ''
  private masteryScore: number | null = null
  private interactionCount = 0
  private location: string | undefined
  /** Seeds the questions drawn for each attempt: the same learner sees the same draw again. */
  private learnerKey = ''
  private readonly startedAt: number
  private ended = false

  constructor(
    private readonly course: CourseData,
    private readonly connection: Connection,
    private readonly queue: SaveQueue,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now()
  }

  start(): StartInfo {
    this.connection.initialize()
    const suspendData = this.connection.get('cmi.suspend_data')
    const location = this.connection.get('cmi.core.lesson_location')
    this.status = this.connection.get('cmi.core.lesson_status')
    this.masteryScore = parseScore(this.connection.get('cmi.student_data.mastery_score')) ?? this.course.passingScore
    this.interactionCount = parseCount(this.connection.get('cmi.interactions._count'))
    const learnerName = this.connection.get('cmi.core.student_name')
    this.learnerKey = this.connection.get('cmi.core.student_id')

    // Resume whenever there is saved state: Moodle sends entry "" rather than "resume" in some cases.
    if (suspendData !== '') this.state = decodeState(suspendData, this.course)
    this.location = this.page(location) ? location : undefined

    if (this.status === '' || this.status === 'not attempted') this.writeStatus('incomplete')
    this.queue.save()
    return { location: this.location, learnerName }
  }

  /** The learner is on `pageId`: remember it, and commit when that changed anything. */
  visit(pageId: string): void {
    if (this.ended || !this.page(pageId)) return
    const firstVisit = !this.state.visited.has(pageId)
    if (!firstVisit && this.location === pageId) return
    this.state.visited.add(pageId)
    this.location = pageId
    this.queue.write('cmi.core.lesson_location', pageId)
    this.queue.write('cmi.suspend_data', encodeState(this.state, this.course, 'full'))
    if (!this.hasGradedQuiz() && this.isFinished()) this.writeStatus('completed')
    this.queue.save()
  }

  /** Score a submission, record it, and report it to the LMS at once. */
  submit(pageId: string, responses: Readonly<Record<string, Response>>, latencyMs: number): QuizView | undefined {
    const page = this.page(pageId)
    const quiz = page?.quiz
    if (this.ended || !quiz) return undefined
    const saved: QuizState = this.state.quizzes.get(pageId) ?? { attempts: 0, score: null, answers: {} }
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

    for (const record of interactionRecords({ quizId: pageId, quiz, responses: answers, result, latencyMs, at: new Date(this.now()) })) {
      for (const [element, value] of interactionWrites(this.interactionCount, record)) this.queue.write(element, value, 'detail')
      this.interactionCount += 1
    }
    this.queue.write('cmi.suspend_data', encodeState(this.state, this.course, 'full'))
    const outcome = this.courseOutcome()
    if (quiz.graded && outcome) {
      // Order matters to LMSs: the score first, then the status, then the commit, before anything else.
      this.queue.write('cmi.core.score.raw', String(outcome.score), 'outcome')
      this.queue.write('cmi.core.score.min', '0', 'outcome')
      this.queue.write('cmi.core.score.max', '100', 'outcome')
      this.writeStatus(outcome.status)
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
    const lastPlan = attempts > 0 ? this.plan(pageId, quiz, attempts) : undefined
    const last = saved?.answers && lastPlan ? scoreQuiz(quiz, saved.answers, lastPlan.questionIds) : undefined
    return {
      pageId,
      graded: quiz.graded,
      passingScore: quiz.passingScore,
      attempts,
      attemptsAllowed: quiz.attempts,
      canSubmit: quiz.attempts === null || attempts < quiz.attempts,
      kept: saved?.score ?? null,
      next: this.plan(pageId, quiz, attempts + 1),
      ...(last && saved?.answers && lastPlan
        ? { last: { plan: lastPlan, answers: saved.answers, percent: last.percent, passed: last.passed, questions: last.questions } }
        : {}),
      ...(quiz.graded && outcome ? { course: { ...outcome, passingScore: this.masteryScore } } : {}),
    }
  }

  /**
   * The page goes away: exit, session time, everything still queued sent at
   * once (no timer fires in a closing page), and LMSFinish, once.
   */
  end(): void {
    if (this.ended) return
    this.ended = true
    this.queue.write('cmi.core.exit', this.isFinished() ? '' : 'suspend')
    this.queue.write('cmi.core.session_time', formatTimespan(this.now() - this.startedAt))
    this.queue.flush()
    this.connection.finish()
  }

  /** Pages visited, for the progress bar. */
  get visitedCount(): number {
    return this.course.pages.filter((page) => this.state.visited.has(page.id)).length
  }

  /** The course score and status once every graded quiz has been submitted. */
  private courseOutcome(): { score: number; status: LessonStatus } | undefined {
    const graded = this.gradedQuizzes()
    if (graded.length === 0) return undefined
    const scores = graded.map(({ id, quiz }) => ({ percent: this.state.quizzes.get(id)?.score, weight: quiz.weight }))
    if (scores.some((entry) => entry.percent === null || entry.percent === undefined)) return undefined
    const score = courseScore(scores as { percent: number; weight: number }[])
    const status: LessonStatus = this.masteryScore === null ? 'completed' : score >= this.masteryScore ? 'passed' : 'failed'
    return { score, status }
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

  private writeStatus(status: LessonStatus): void {
    if (this.status === status) return
    this.status = status
    this.queue.write('cmi.core.lesson_status', status, 'outcome')
  }

  private page(pageId: string): PageData | undefined {
    return this.course.pages.find((page) => page.id === pageId)
  }
}

/** A mastery score from the LMS: a number from 0 to 100, or nothing. */
function parseScore(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null
  const value = Number(text)
  return value >= 0 && value <= 100 ? value : null
}

function parseCount(text: string): number {
  const value = Number(text)
  return Number.isInteger(value) && value >= 0 ? value : 0
}
