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
  /** The last submission's responses, by question id. */
  answers: Record<string, readonly string[]>
}

/** Attempt counts stop here, so the encoded state has a known maximum size. */
const maxCountedAttempts = 9999
const formatVersion = '1'
const bits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

export function emptyState(): LearnerState {
  return { visited: new Set(), quizzes: new Map() }
}

/**
 * Encode the state compactly: `1|<hash>|<visited>|<quiz>;<quiz>…`, visited
 * pages as a base64url bitset in page order, each quiz (in page order) as
 * `<attempts>~<score>~<answers>` with answers `b,ac,,a` by question
 * (see `encodeAnswer`).
 *
 * @example
 *   encodeState(state, course) //=> '1|3f9a0c1d|_w|~~;2~87.5~b,ac,a'
 */
export function encodeState(state: LearnerState, course: CourseData): string {
  const visited = bitset(course.pages.map((page) => state.visited.has(page.id)))
  const quizzes = quizPages(course).map(({ id, quiz }) => {
    const saved = state.quizzes.get(id)
    if (!saved) return '~~'
    const answers = quiz.questions.map((question) => encodeAnswer(question, saved.answers[question.id] ?? [])).join(',')
    return `${Math.min(saved.attempts, maxCountedAttempts)}~${saved.score ?? ''}~${answers}`
  })
  return [formatVersion, course.hash, visited, quizzes.join(';')].join('|')
}

/**
 * Decode what `encodeState` wrote. State saved for another version of the
 * course (another hash) or that does not parse is dropped: `undefined`, and
 * the learner starts afresh rather than having answers misapplied.
 */
export function decodeState(text: string, course: CourseData): LearnerState | undefined {
  const [version, hash, visited = '', quizzes = '', ...rest] = text.split('|')
  if (version !== formatVersion || hash !== course.hash || rest.length > 0) return undefined
  const flags = unbitset(visited, course.pages.length)
  if (!flags) return undefined
  const state = emptyState()
  course.pages.forEach((page, index) => {
    if (flags[index]) state.visited.add(page.id)
  })
  const pages = quizPages(course)
  const segments = quizzes === '' ? [] : quizzes.split(';')
  if (segments.length !== pages.length) return undefined
  for (const [index, segment] of segments.entries()) {
    const { id, quiz } = pages[index]!
    if (segment === '~~') continue
    const [attempts = '', score = '', answers = ''] = segment.split('~')
    const parsedAttempts = Number(attempts)
    const parsedScore = score === '' ? null : Number(score)
    const perQuestion = answers.split(',')
    if (!Number.isInteger(parsedAttempts) || (parsedScore !== null && !(parsedScore >= 0 && parsedScore <= 100))) return undefined
    if (perQuestion.length !== quiz.questions.length) return undefined
    const restored: Record<string, readonly string[]> = {}
    for (const [questionIndex, question] of quiz.questions.entries()) {
      const response = decodeAnswer(question, perQuestion[questionIndex] ?? '')
      if (!response) return undefined
      if (response.length > 0) restored[question.id] = response
    }
    state.quizzes.set(id, { attempts: parsedAttempts, score: parsedScore, answers: restored })
  }
  return state
}

/**
 * The longest `encodeState` can get for this course: every page visited,
 * every quiz at the most attempts with a five-character score, and every
 * choice of every question chosen. The build refuses a course above 4096.
 */
export function worstCaseStateLength(course: CourseData): number {
  const quizzes = quizPages(course).map(({ quiz }) => {
    const attempts = String(Math.min(quiz.attempts ?? maxCountedAttempts, maxCountedAttempts)).length
    const answers = quiz.questions.reduce((sum, question) => sum + maxEncodedLength(question), 0) + Math.max(0, quiz.questions.length - 1)
    return attempts + 1 + '99.99'.length + 1 + answers
  })
  const quizzesLength = quizzes.reduce((sum, length) => sum + length, 0) + Math.max(0, quizzes.length - 1)
  return formatVersion.length + 1 + course.hash.length + 1 + Math.ceil(course.pages.length / 6) + 1 + quizzesLength
}

function quizPages(course: CourseData): { id: string; quiz: QuizData }[] {
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
