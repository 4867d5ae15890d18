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
  /** Short hash of the page ids in order: the visited pages of state saved for another hash are dropped. */
  readonly hash: string
  /** The course's pass mark in percent; the LMS's mastery score overrides it. */
  readonly passingScore: number | null
  /**
   * The longest saved state this course can write, with each quiz's last
   * answers (`full`) and without them (`compact`), as the build computed it
   * (`worstCaseStateLength`): the runtime keeps the full form when it fits
   * its standard's budget.
   */
  readonly stateLength: { readonly full: number; readonly compact: number }
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
  /**
   * Short hash (unique within the course) of what this quiz's saved answers,
   * attempts and score depend on: saved state is matched to the quiz by it,
   * and dropped for this quiz alone when it changed (see `toQuizData`).
   */
  readonly hash: string
  readonly graded: boolean
  readonly passingScore: number | null
  readonly weight: number
  /** Submissions allowed; `null` for no limit. */
  readonly attempts: number | null
  /** Which attempt's score counts: the best one or the last one. */
  readonly keep: 'best' | 'last'
  /** Questions drawn for each attempt; `null` for all of them. */
  readonly pick: number | null
  /** Shuffle questions and choices for each attempt. */
  readonly shuffle: boolean
  readonly questions: readonly QuestionData[]
}

export type QuestionKind = QuestionData['kind']

/** What every question has: an id (`q1`…), the points it is worth, and its correct responses. */
interface QuestionBase {
  readonly id: string
  readonly points: number
  /**
   * The responses that earn the most, for the LMS's record of each answer
   * (its correct-response patterns): worked out by the build, formatted by
   * each standard. Each is a response in the runtime's normal form
   * (`Response` in shared/scoring.ts): every choice worth the most on its
   * own, the right choices together, every accepted text worth the most,
   * the pairs, the order; for a numeric question the `[min, max]` of its
   * best answer; none for a survey. Left out of the quiz's hash: it follows
   * from the rest.
   */
  readonly correct: readonly (readonly string[])[]
}

/**
 * Choices named by one character each (`a`, `b`, …). Each choice is worth a
 * fraction of the points when chosen (`weights`, −1 to 1). `all-or-nothing`
 * needs exactly the choices of positive weight; `weighted` adds up the chosen
 * weights (partial credit, GIFT's percentages), from 0 to 1.
 */
export interface ChoiceData extends QuestionBase {
  readonly kind: 'single-choice' | 'multiple-response' | 'true-false'
  readonly choices: readonly string[]
  readonly weights: Readonly<Record<string, number>>
  readonly scoring: 'all-or-nothing' | 'weighted'
  /** For true/false: the id of the choice that means "true". */
  readonly trueChoice?: string
}

/** Accepted answers, each worth a fraction of the points; compared without case unless `caseSensitive`. */
export interface FillInData extends QuestionBase {
  readonly kind: 'fill-in'
  readonly answers: readonly { readonly text: string; readonly weight: number }[]
  readonly caseSensitive: boolean
}

/** Accepted numbers as ranges (an exact answer is a range of one value). */
export interface NumericData extends QuestionBase {
  readonly kind: 'numeric'
  readonly answers: readonly { readonly min: number; readonly max: number; readonly weight: number }[]
}

/** Sources (`1`, `2`, …) each matched to one target (`a`, `b`, …); each right pair earns its share. */
export interface MatchingData extends QuestionBase {
  readonly kind: 'matching'
  readonly sources: readonly string[]
  readonly targets: readonly string[]
  readonly pairs: Readonly<Record<string, string>>
}

/** Items (`a`, `b`, …) to put in order; only the whole order scores. */
export interface SequencingData extends QuestionBase {
  readonly kind: 'sequencing'
  readonly order: readonly string[]
}

/** A survey scale: no right answer, no points. */
export interface LikertData extends QuestionBase {
  readonly kind: 'likert'
  readonly choices: readonly string[]
}

export type QuestionData = ChoiceData | FillInData | NumericData | MatchingData | SequencingData | LikertData
