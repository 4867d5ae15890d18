/**
 * The course as the runtime sees it: JSON that the build embeds in
 * `index.html` (`<script type="application/json" id="cp-course">`).
 * Shared by the build and the browser runtime; no DOM, no Node.
 */
export interface CourseData {
  readonly id: string
  readonly version: string
  readonly title: string
  readonly language: string
  /** Short hash of what learner state depends on (pages, questions, keys): state saved for another hash is dropped. */
  readonly hash: string
  /** The course's pass mark in percent; the LMS's mastery score overrides it. */
  readonly passingScore: number | null
  readonly pages: readonly PageData[]
  /** UI strings the runtime shows, in the course's language. */
  readonly strings: Readonly<Record<string, string>>
}

export interface PageData {
  readonly id: string
  readonly title: string
  /** Path from the package root: `pages/<id>.html`. */
  readonly href: string
  readonly kind: 'lesson' | 'quiz'
  readonly quiz?: QuizData
}

export interface QuizData {
  readonly graded: boolean
  readonly passingScore: number | null
  readonly weight: number
  /** Submissions allowed; `null` for no limit. */
  readonly attempts: number | null
  /** Which attempt's score counts: the best one or the last one. */
  readonly keep: 'best' | 'last'
  readonly questions: readonly QuestionData[]
}

export type QuestionKind = 'single-choice' | 'multiple-response' | 'true-false'

export interface QuestionData {
  readonly id: string
  readonly kind: QuestionKind
  readonly points: number
  /** Choice ids, one character each (`a`, `b`, …). */
  readonly choices: readonly string[]
  readonly correct: readonly string[]
  /** For true/false: the id of the choice that means "true". */
  readonly trueChoice?: string
}
