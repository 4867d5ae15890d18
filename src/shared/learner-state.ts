import { decodeAnswer, encodeAnswer, maxEncodedLength } from './answers.js'
import type { CourseData, QuizData } from './course-data.js'

/**
 * What a learner has done, kept in `cmi.suspend_data` between visits.
 * Interactions are write-only in SCORM 1.2, so everything needed to resume
 * lives here.
 */
export interface LearnerState {
  /** Page ids visited. */
  readonly visited: Set<string>
  /** By quiz page id. */
  readonly quizzes: Map<string, QuizState>
}

export interface QuizState {
  /** Submissions made. */
  attempts: number
  /** The score that counts (best or last, as the quiz says); `null` before the first submission. */
  score: number | null
  /** The last submission's responses, by question id; `null` when they were not kept (the compact form). */
  answers: Record<string, readonly string[]> | null
}

/**
 * `full` keeps each quiz's last answers, so a resumed learner sees them;
 * `compact` keeps only attempts and scores, for courses whose answers could
 * not fit the target's budget.
 */
export type StateForm = 'full' | 'compact'

/** Length of `CourseData.hash` and `QuizData.hash` (base64url): 24 bits, a 1 in 16 million chance that a change goes unseen. */
export const stateHashLength = 4
/** Attempt counts stop here, so the encoded state has a known maximum size. */
const maxCountedAttempts = 9999
const formatVersion = '2'
const bits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

export function emptyState(): LearnerState {
  return { visited: new Set(), quizzes: new Map() }
}

/**
 * Encode the state: `2|<pages hash>|<visited>|<quiz>;<quiz>;…`, visited
 * pages as a base64url bitset in page order, then one segment per quiz the
 * state holds, each ended by `;` (so a truncated last one is recognised):
 * `<quiz hash><attempts>~<score>~<answers>` in the full form, answers
 * `b,ac,,a` by question (see `encodeAnswer`), and without `~<answers>` in
 * the compact form or when the answers are not known.
 *
 * @example
 *   encodeState(state, course, 'full') //=> '2|lP93|PA|pa8X1~66.67~b,ac,,,,,,,;'
 *   encodeState(state, course, 'compact') //=> '2|lP93|PA|pa8X1~66.67;'
 */
export function encodeState(state: LearnerState, course: CourseData, form: StateForm): string {
  const visited = bitset(course.pages.map((page) => state.visited.has(page.id)))
  let quizzes = ''
  for (const { id, quiz } of quizPages(course)) {
    const saved = state.quizzes.get(id)
    if (!saved) continue
    const attempts = Math.max(0, Math.min(saved.attempts, quiz.attempts ?? maxCountedAttempts, maxCountedAttempts))
    const score = saved.score === null ? '' : String(Math.min(100, Math.max(0, Math.round(saved.score * 100) / 100)))
    const answers = saved.answers
    const tail = form === 'full' && answers ? `~${quiz.questions.map((question) => encodeAnswer(question, answers[question.id] ?? [])).join(',')}` : ''
    quizzes += `${quiz.hash}${attempts}~${score}${tail};`
  }
  return [formatVersion, course.hash, visited, quizzes].join('|')
}

/**
 * Decode what `encodeState` wrote, in either form. Never throws. What no
 * longer fits the course is dropped, never misapplied: the visited pages
 * when the page list changed (another `course.hash`), a quiz's segment when
 * no quiz of the course has its hash any more, or when it does not parse.
 * Text that is not ours, including state of format version 1 (whose course
 * hash the runtime cannot check), gives an empty state.
 */
export function decodeState(text: string, course: CourseData): LearnerState {
  const state = emptyState()
  try {
    const [version, hash, visited, quizzes = '', ...rest] = text.split('|')
    if (version !== formatVersion || rest.length > 0) return state
    const flags = hash === course.hash && visited !== undefined ? unbitset(visited, course.pages.length) : undefined
    course.pages.forEach((page, index) => {
      if (flags?.[index]) state.visited.add(page.id)
    })
    const byHash = new Map<string, { id: string; quiz: QuizData } | null>()
    for (const page of quizPages(course)) byHash.set(page.quiz.hash, byHash.has(page.quiz.hash) ? null : page)
    // The last piece is what follows the last `;`: empty, or a truncated segment.
    for (const segment of quizzes.split(';').slice(0, -1)) {
      const page = byHash.get(segment.slice(0, stateHashLength))
      if (!page || state.quizzes.has(page.id)) continue
      const saved = decodeQuiz(segment.slice(stateHashLength), page.quiz)
      if (saved) state.quizzes.set(page.id, saved)
    }
  } catch {
    return emptyState()
  }
  return state
}

/**
 * The longest `encodeState` can write for this course in this form: every
 * page visited, every quiz at its most attempts with a five-character score
 * (`99.99`), and in the full form the longest answer to every question.
 * `form` defaults to `full`, the only form before the build chose one.
 */
export function worstCaseStateLength(course: Pick<CourseData, 'hash' | 'pages'>, form: StateForm = 'full'): number {
  let length = formatVersion.length + 1 + course.hash.length + 1 + Math.ceil(course.pages.length / 6) + 1
  for (const { quiz } of quizPages(course)) {
    length += quiz.hash.length + String(Math.min(quiz.attempts ?? maxCountedAttempts, maxCountedAttempts)).length + 1 + '99.99'.length + 1
    if (form === 'full') length += 1 + quiz.questions.reduce((sum, question) => sum + maxEncodedLength(question) + 1, -1)
  }
  return length
}

/**
 * `full` when its worst case fits `budget` characters, else `compact` when
 * that fits, else `undefined`: the course cannot be packaged. Reads the
 * lengths the build put in the course data (`CourseData.stateLength`).
 */
export function stateFormFor(course: Pick<CourseData, 'stateLength'>, budget: number): StateForm | undefined {
  if (course.stateLength.full <= budget) return 'full'
  return course.stateLength.compact <= budget ? 'compact' : undefined
}

/** `<attempts>~<score>` or `<attempts>~<score>~<answers>`; `undefined` unless every part fits the quiz. */
function decodeQuiz(text: string, quiz: QuizData): QuizState | undefined {
  const [attempts = '', score = '', answers, ...rest] = text.split('~')
  if (rest.length > 0 || !/^\d{1,4}$/.test(attempts) || !/^(\d{1,3}(\.\d{1,2})?)?$/.test(score) || Number(score) > 100) return undefined
  const saved: QuizState = { attempts: Number(attempts), score: score === '' ? null : Number(score), answers: null }
  if (answers === undefined) return saved
  const perQuestion = answers.split(',')
  if (perQuestion.length !== quiz.questions.length) return undefined
  const restored: Record<string, readonly string[]> = {}
  for (const [index, question] of quiz.questions.entries()) {
    const response = decodeAnswer(question, perQuestion[index]!)
    if (!response) return undefined
    if (response.length > 0) restored[question.id] = response
  }
  return { ...saved, answers: restored }
}

function quizPages(course: Pick<CourseData, 'pages'>): { id: string; quiz: QuizData }[] {
  return course.pages.flatMap((page) => (page.quiz ? [{ id: page.id, quiz: page.quiz }] : []))
}

function bitset(flags: readonly boolean[]): string {
  let text = ''
  for (let start = 0; start < flags.length; start += 6) {
    let value = 0
    for (let bit = 0; bit < 6; bit++) if (flags[start + bit]) value |= 1 << bit
    text += bits[value]
  }
  return text
}

function unbitset(text: string, length: number): boolean[] | undefined {
  if (text.length !== Math.ceil(length / 6)) return undefined
  const flags: boolean[] = []
  for (const char of text) {
    const value = bits.indexOf(char)
    if (value === -1) return undefined
    for (let bit = 0; bit < 6; bit++) flags.push((value & (1 << bit)) !== 0)
  }
  return flags.slice(0, length)
}
