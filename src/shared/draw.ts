import type { QuizData } from './course-data.js'

/** Which questions an attempt shows, in which order, and each question's order of choices. */
export interface AttemptPlan {
  readonly questionIds: readonly string[]
  /** Choice (or item, or target) order by question id, where the quiz shuffles. */
  readonly choiceOrder: Readonly<Record<string, readonly string[]>>
}

/**
 * The questions of one attempt: `pick` of them drawn, questions and choices
 * shuffled when the quiz says so. Seeded by `seed` (the learner, the quiz and
 * the attempt number), so a resumed attempt shows exactly what it showed.
 */
export function planAttempt(quiz: QuizData, seed: string): AttemptPlan {
  const random = seededRandom(seed)
  const ids = quiz.questions.map((question) => question.id)
  const drawn = quiz.pick !== null && quiz.pick < ids.length ? shuffled(ids, random).slice(0, quiz.pick) : ids
  const questionIds = quiz.shuffle ? shuffled(drawn, random) : ids.filter((id) => drawn.includes(id))
  const choiceOrder: Record<string, readonly string[]> = {}
  if (quiz.shuffle) {
    for (const question of quiz.questions) {
      if (question.kind === 'single-choice' || question.kind === 'multiple-response') choiceOrder[question.id] = shuffled(question.choices, random)
    }
  }
  return { questionIds, choiceOrder }
}

/** A copy of `items` in an order that depends only on `seed`. */
export function shuffleWithSeed<T>(items: readonly T[], seed: string): T[] {
  return shuffled(items, seededRandom(seed))
}

/** Numbers in [0, 1) that depend only on `seed`: the same sequence every time. */
export function seededRandom(seed: string): () => number {
  return mulberry32(fnv1a(seed))
}

/** Fisher–Yates over a copy. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items]
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[copy[index], copy[other]] = [copy[other]!, copy[index]!]
  }
  return copy
}

/** FNV-1a: a 32-bit hash of a string, to seed the generator. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** mulberry32: a small, fast, well-spread 32-bit generator. */
function mulberry32(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
