import { fileURLToPath } from 'node:url'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { courseConfigSchema } from '../../src/config/schema.js'
import type { Course, Lesson, Quiz } from '../../src/model.js'
import { maxTextAnswerLength } from '../../src/shared/answers.js'
import type { CourseData, PageData, QuestionData, QuizData } from '../../src/shared/course-data.js'
import { seededRandom } from '../../src/shared/draw.js'
import {
  decodeState,
  emptyState,
  encodeState,
  type LearnerState,
  type QuizState,
  stateFormFor,
  worstCaseStateLength,
} from '../../src/shared/learner-state.js'
import { courseScore, scoreQuiz } from '../../src/shared/scoring.js'
import { toCourseData, toQuizData } from '../../src/stages/course-data.js'
import { parseQuiz } from '../../src/stages/parse-quiz.js'

const quiz = (hash: string): QuizData => ({
  hash,
  graded: true,
  passingScore: 60,
  weight: 1,
  attempts: 3,
  keep: 'best',
  pick: null,
  shuffle: false,
  questions: [
    { id: 'q1', kind: 'single-choice', points: 1, choices: ['a', 'b', 'c'], weights: { b: 1 }, scoring: 'all-or-nothing', correct: [['b']] },
    { id: 'q2', kind: 'multiple-response', points: 2, choices: ['a', 'b', 'c', 'd'], weights: { a: 0.5, c: 0.5 }, scoring: 'all-or-nothing', correct: [['a', 'c']] },
  ],
})
const lesson = (id: string): PageData => ({ id, title: 'P', href: 'x', kind: 'lesson' })
const quizPage = (id: string, hash: string): PageData => ({ id, title: 'Q', href: 'x', kind: 'quiz', quiz: quiz(hash) })
/** Course data with the worst-case state lengths the build would give it. */
function courseOf(hash: string, pages: PageData[]): CourseData {
  const data = { id: 'c', version: '1', title: 'C', language: 'en', hash, passingScore: 60, strings: {}, pages }
  return { ...data, stateLength: { full: worstCaseStateLength(data, 'full'), compact: worstCaseStateLength(data, 'compact') } }
}

const course = courseOf('Pg3x', [...Array.from({ length: 7 }, (_, index) => lesson(`p${index}`)), quizPage('quiz', 'Qz1a')])

function stateOf(visited: string[], quizzes: Record<string, QuizState>): LearnerState {
  return { visited: new Set(visited), quizzes: new Map(Object.entries(quizzes)) }
}

describe('learner state in suspend_data', () => {
  it('round-trips visited pages, attempts, kept score and last answers in the full form', () => {
    const state = stateOf(['p0', 'p6', 'quiz'], { quiz: { attempts: 2, score: 66.67, answers: { q1: ['b'], q2: ['a', 'c'] } } })
    const text = encodeState(state, course, 'full')
    expect(text).toBe('2|Pg3x|BD|Qz1a2~66.67~b,ac;')
    expect(decodeState(text, course)).toEqual(state)
  })

  it('keeps no answers in the compact form: they decode as null', () => {
    const state = stateOf(['p0', 'p6', 'quiz'], { quiz: { attempts: 2, score: 66.67, answers: { q1: ['b'], q2: ['a', 'c'] } } })
    const text = encodeState(state, course, 'compact')
    expect(text).toBe('2|Pg3x|BD|Qz1a2~66.67;')
    expect(decodeState(text, course)).toEqual(stateOf(['p0', 'p6', 'quiz'], { quiz: { attempts: 2, score: 66.67, answers: null } }))
  })

  it('writes answers that are not known as not kept, also in the full form', () => {
    const state = stateOf([], { quiz: { attempts: 1, score: null, answers: null } })
    expect(encodeState(state, course, 'full')).toBe('2|Pg3x|AA|Qz1a1~;')
    expect(decodeState(encodeState(state, course, 'full'), course)).toEqual(state)
  })

  it('writes an empty state as the header alone', () => {
    expect(encodeState(emptyState(), course, 'full')).toBe('2|Pg3x|AA|')
    expect(decodeState('2|Pg3x|AA|', course)).toEqual(emptyState())
  })

  const twoQuizzes = courseOf('Two1', [lesson('a'), quizPage('check', 'Chk1'), lesson('b'), quizPage('final', 'Fin1')])
  const worked = stateOf(['a', 'check', 'b'], {
    check: { attempts: 1, score: 50, answers: { q1: ['b'] } },
    final: { attempts: 3, score: 100, answers: { q1: ['b'], q2: ['a', 'c'] } },
  })

  it('drops a changed quiz alone, and keeps the pages visited and the other quizzes', () => {
    const saved = encodeState(worked, twoQuizzes, 'full')
    const changed = courseOf('Two1', [lesson('a'), quizPage('check', 'Chk2'), lesson('b'), quizPage('final', 'Fin1')])
    const { check, ...others } = Object.fromEntries(worked.quizzes)
    expect(check).toBeDefined()
    expect(decodeState(saved, changed)).toEqual(stateOf(['a', 'check', 'b'], others))
  })

  it('drops the pages visited when a lesson is added, and keeps every quiz', () => {
    const saved = encodeState(worked, twoQuizzes, 'full')
    const longer = courseOf('Two2', [lesson('a'), lesson('new'), quizPage('check', 'Chk1'), lesson('b'), quizPage('final', 'Fin1')])
    expect(decodeState(saved, longer)).toEqual(stateOf([], Object.fromEntries(worked.quizzes)))
  })

  it('keeps a quiz when another is inserted before it', () => {
    const saved = encodeState(worked, twoQuizzes, 'compact')
    const inserted = courseOf('Two3', [lesson('a'), quizPage('check', 'Chk1'), lesson('b'), quizPage('extra', 'Xtr1'), quizPage('final', 'Fin1')])
    const decoded = decodeState(saved, inserted)
    expect([...decoded.quizzes.keys()]).toEqual(['check', 'final'])
    expect(decoded.quizzes.get('final')).toEqual({ attempts: 3, score: 100, answers: null })
    // And the new quiz's state is written in page order, between the two.
    decoded.quizzes.set('extra', { attempts: 1, score: 0, answers: null })
    expect(encodeState(decoded, inserted, 'compact')).toBe('2|Two3|A|Chk11~50;Xtr11~0;Fin13~100;')
  })

  it('keeps everything when nothing the state refers to changed (a text edit)', () => {
    const saved = encodeState(worked, twoQuizzes, 'full')
    const retitled = { ...twoQuizzes, title: 'New title', pages: twoQuizzes.pages.map((page) => ({ ...page, title: 'Renamed' })) }
    expect(decodeState(saved, retitled)).toEqual(worked)
  })

  it('gives an empty state for format version 1', () => {
    expect(decodeState('1|0123abcd|BD|2~66.67~b,ac', course)).toEqual(emptyState())
    expect(decodeState('1|0123abcd|_w|~~;2~87.5~b,ac,a', course)).toEqual(emptyState())
  })

  it('drops a segment that does not fit its quiz, and keeps the rest', () => {
    const decode = (quizzes: string) => decodeState(`2|Pg3x|BD|${quizzes}`, course)
    const visited = new Set(['p0', 'p6', 'quiz'])
    for (const segment of ['Qz1a2~66.67~z,ac;', 'Qz1a2~166~b,ac;', 'Qz1a2~66.67~b;', 'Qz1a2~66.67~b,ac,a;', 'Qz1ax~1;', 'Qz1a~1;', 'Qz1a12345~1;', 'Qz1a1~1~b,ac~x;', 'Qz1a1~1.234;', 'Qz1a1~-1;', 'Qz1a1~1e2;', 'Qz1a;', ';', 'Qz1b2~50;']) {
      expect(decode(segment), segment).toEqual({ visited, quizzes: new Map() })
    }
    // Two segments for one quiz (not something encodeState writes): the first one counts.
    expect(decode('Qz1a1~10;Qz1a2~20;').quizzes.get('quiz')?.score).toBe(10)
  })

  it('never throws on hostile text, and only ever restores pages and quizzes of the course', () => {
    const random = seededRandom('hostile')
    const alphabet = '2|;~,%-_AQzP1ag3x.0b9cBD\u0000\ud800é'
    const samples = ['', '|', '||||', '2', '2|', '2|Pg3x', '2|Pg3x|BD', '2|Pg3x|BD|Qz1a', '2|Pg3x|BD|Qz1a2~%E0%A4%A~b,ac;', '2|Pg3x|BD|Qz1a2~50~%;', 'null', '{"visited":[]}', 'x'.repeat(10_000)]
    for (let round = 0; round < 2000; round++) {
      samples.push(Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''))
      samples.push(`2|Pg3x|${samples.at(-1)}`)
    }
    const ids = new Set(course.pages.map((page) => page.id))
    for (const text of samples) {
      const state = decodeState(text, course)
      expect([...state.visited].every((id) => ids.has(id))).toBe(true)
      for (const [id, saved] of state.quizzes) {
        expect(id).toBe('quiz')
        expect(Number.isInteger(saved.attempts) && saved.attempts >= 0).toBe(true)
        expect(saved.score === null || (saved.score >= 0 && saved.score <= 100)).toBe(true)
      }
    }
  })

  it('keeps only complete parts of a truncated text (an LMS may cut suspend_data short)', () => {
    const text = encodeState(worked, twoQuizzes, 'full')
    for (let length = 0; length < text.length; length++) {
      const state = decodeState(text.slice(0, length), twoQuizzes)
      expect(state.visited.size === 0 || state.visited.size === worked.visited.size).toBe(true)
      for (const [id, saved] of state.quizzes) expect(saved).toEqual(worked.quizzes.get(id))
    }
    expect(decodeState(text.slice(0, text.indexOf('Fin1') + 3), twoQuizzes).quizzes.size).toBe(1)
  })

  it('chooses the full form when it fits, else the compact one, else none', () => {
    const full = worstCaseStateLength(twoQuizzes, 'full')
    const compact = worstCaseStateLength(twoQuizzes, 'compact')
    expect(compact).toBeLessThan(full)
    expect(stateFormFor(twoQuizzes, full)).toBe('full')
    expect(stateFormFor(twoQuizzes, full - 1)).toBe('compact')
    expect(stateFormFor(twoQuizzes, compact)).toBe('compact')
    expect(stateFormFor(twoQuizzes, compact - 1)).toBeUndefined()
  })
})

describe('the worst-case length of the saved state', () => {
  it('is at least every real encoding and exactly the longest, over random courses and states, in both forms', () => {
    const random = seededRandom('worst case')
    for (let round = 0; round < 200; round++) {
      const data = randomCourse(random, round)
      for (const form of ['full', 'compact'] as const) {
        const worst = worstCaseStateLength(data, form)
        for (let sample = 0; sample < 10; sample++) {
          const state = randomState(random, data)
          const text = encodeState(state, data, form)
          expect(text.length).toBeLessThanOrEqual(worst)
          expect(decodeState(text, data)).toEqual(form === 'full' ? state : withoutAnswers(state))
        }
        expect(encodeState(maximalState(data), data, form).length).toBe(worst)
      }
    }
  })

  it('counts at most the attempts a quiz allows, and 9999 for no limit', () => {
    const limited = courseOf('Pg3x', [quizPage('quiz', 'Qz1a')])
    const unlimited = courseOf('Pg3x', [{ ...quizPage('quiz', 'Qz1a'), quiz: { ...quiz('Qz1a'), attempts: null } }])
    const many = stateOf([], { quiz: { attempts: 123_456, score: 40, answers: null } })
    expect(encodeState(many, limited, 'compact')).toBe('2|Pg3x|A|Qz1a3~40;')
    expect(encodeState(many, unlimited, 'compact')).toBe('2|Pg3x|A|Qz1a9999~40;')
    expect(worstCaseStateLength(unlimited, 'compact') - worstCaseStateLength(limited, 'compact')).toBe(3)
  })
})

describe('the hashes of the course data', () => {
  const source = `---
title: Final quiz
attempts: 2
---

## When was the treaty signed?
- [ ] 1 October 1949
- [x] 14 February 1950
> It was signed in Moscow.

## Who signed it?
- [x] Zhou Enlai
- [x] Andrei Vyshinsky
- [ ] Mao Zedong
`
  async function quizOf(text: string, id = 'final-quiz'): Promise<Quiz> {
    const file = new VFile({ path: '/course/final.quiz.md', value: text })
    const parsed = await parseQuiz({ type: 'page', format: 'quiz', pathId: id, file }, async () => undefined)
    expect(file.messages).toEqual([])
    return parsed!
  }
  const hashOf = async (text: string, id?: string) => toQuizData(await quizOf(text, id)).hash

  it('gives each quiz a four-character base64url hash that its text does not change', async () => {
    const hash = await hashOf(source)
    expect(hash).toMatch(/^[A-Za-z0-9_-]{4}$/)
    expect(await hashOf(source.replace('When was the treaty signed?', 'When was it signed?').replace('in Moscow', 'in the Kremlin'))).toBe(hash)
    expect(await hashOf(source.replace('title: Final quiz', 'title: Last quiz'))).toBe(hash)
  })

  it('keeps the hash when what the runtime applies on reading changes: attempts allowed, weight, pass mark, graded', async () => {
    const hash = await hashOf(source)
    for (const setting of ['attempts: 3', 'weight: 2', 'passingScore: 80', 'graded: false']) {
      expect(await hashOf(source.replace('attempts: 2', setting)), setting).toBe(hash)
    }
  })

  it('changes the hash when saved answers or the kept score would mean something else', async () => {
    const hash = await hashOf(source)
    const changes = [
      source.replace('- [ ] Mao Zedong', '- [ ] Mao Zedong\n- [ ] Liu Shaoqi'),
      source.replace('- [x] Andrei Vyshinsky', '- [ ] Andrei Vyshinsky'),
      source.replace('## Who signed it?', '## Who signed it? {points=2}'),
      source.replace('attempts: 2', 'pick: 1'),
      source.replace('attempts: 2', 'shuffle: true'),
      source.replace('attempts: 2', 'keep: last'),
      `${source}\n## Where?\n- [x] Moscow\n- [ ] Beijing\n`,
    ]
    for (const changed of changes) expect(await hashOf(changed), changed).not.toBe(hash)
    expect(await hashOf(source, 'other-id')).not.toBe(hash)
  })

  it('gives a quiz whose hash is taken in the course another one', async () => {
    const parsed = await quizOf(source)
    const natural = toQuizData(parsed).hash
    const taken = new Set([natural])
    expect(toQuizData(parsed, taken).hash).not.toBe(natural)
    expect(taken.size).toBe(2)
  })

  it('hashes the page ids in order for the course: a lesson added changes it, the quizzes keep theirs', async () => {
    const final = await quizOf(source)
    const page = (id: string) => ({ kind: 'lesson', id, title: id }) as Lesson
    const course = (pages: Course['pages']): Course => ({ root: '/course', config: courseConfigSchema.parse({ title: 'T' }), id: 't', outline: [], pages })
    const before = toCourseData(course([page('a'), final]), {})
    const after = toCourseData(course([page('a'), page('b'), final]), {})
    const renamed = toCourseData(course([{ ...page('a'), title: 'New' }, final]), {})
    expect(before.hash).toMatch(/^[A-Za-z0-9_-]{4}$/)
    expect(after.hash).not.toBe(before.hash)
    expect(renamed.hash).toBe(before.hash)
    expect(after.pages[2]?.quiz?.hash).toBe(before.pages[1]?.quiz?.hash)
  })

  it('fits the example course in SCORM 1.2 with the full form', async () => {
    const data = await exampleCourseData()
    const full = worstCaseStateLength(data, 'full')
    const compact = worstCaseStateLength(data, 'compact')
    expect({ full, compact }).toEqual({ full: expect.any(Number), compact: expect.any(Number) })
    expect(stateFormFor(data, 4096)).toBe('full')
    expect(compact).toBeLessThan(100)
  })
})

describe('scoring', () => {
  const scored = quiz('Qz1a')
  it('scores all or nothing per question, weighted by points', () => {
    const result = scoreQuiz(scored, { q1: ['b'], q2: ['a'] })
    expect(result).toMatchObject({ points: 1, maxPoints: 3, percent: 33.33, passed: false })
    expect(scoreQuiz(scored, { q1: ['b'], q2: ['c', 'a'] }).percent).toBe(100)
  })

  it('averages graded quizzes by weight, two decimals at most', () => {
    expect(courseScore([{ percent: 100, weight: 1 }, { percent: 50, weight: 3 }])).toBe(62.5)
    expect(courseScore([{ percent: 100, weight: 2 }, { percent: 0, weight: 1 }])).toBe(66.67)
    expect(courseScore([{ percent: 80, weight: 0 }, { percent: 40, weight: 0 }])).toBe(60)
  })
})

/** The example course's data, as the build makes it. */
async function exampleCourseData(): Promise<CourseData> {
  const { course } = await build({ dir: fileURLToPath(new URL('../../course/', import.meta.url)), zip: false })
  return toCourseData(course!, {})
}

type Random = () => number
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const count = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1))
const ids = (length: number, first = 'a') => Array.from({ length }, (_, index) => String.fromCharCode(first.charCodeAt(0) + index))

function randomQuestion(random: Random, id: string): QuestionData {
  // The saved state never reads the correct responses.
  const base = { id, points: 1, correct: [] }
  switch (pick(random, ['single-choice', 'multiple-response', 'true-false', 'fill-in', 'numeric', 'matching', 'sequencing', 'likert'] as const)) {
    case 'single-choice':
      return { ...base, kind: 'single-choice', choices: ids(count(random, 2, 8)), weights: { a: 1 }, scoring: 'all-or-nothing' }
    case 'multiple-response':
      return { ...base, kind: 'multiple-response', choices: ids(count(random, 2, 26)), weights: { a: 1 }, scoring: 'weighted' }
    case 'true-false':
      return { ...base, kind: 'true-false', choices: ['a', 'b'], weights: { a: 1 }, scoring: 'all-or-nothing', trueChoice: 'a' }
    case 'fill-in':
      return { ...base, kind: 'fill-in', answers: [{ text: 'x', weight: 1 }], caseSensitive: false }
    case 'numeric':
      return { ...base, kind: 'numeric', answers: [{ min: 1, max: 2, weight: 1 }] }
    case 'matching': {
      const sources = ids(count(random, 2, 9), '1')
      return { ...base, kind: 'matching', sources, targets: ids(count(random, 2, 10)), pairs: Object.fromEntries(sources.map((source) => [source, 'a'])) }
    }
    case 'sequencing':
      return { ...base, kind: 'sequencing', order: ids(count(random, 2, 12)) }
    case 'likert':
      return { ...base, kind: 'likert', choices: ids(count(random, 3, 7)) }
  }
}

function randomCourse(random: Random, round: number): CourseData {
  const pages: PageData[] = Array.from({ length: count(random, 1, 40) }, (_, index) => {
    if (random() < 0.6) return lesson(`l${index}`)
    const data: QuizData = {
      ...quiz(`${round % 10}h${String(index).padStart(2, '0')}`),
      attempts: pick(random, [null, 1, 3, 10, 250, 12_000]),
      keep: pick(random, ['best', 'last'] as const),
      questions: Array.from({ length: count(random, 1, 12) }, (_, question) => randomQuestion(random, `q${question + 1}`)),
    }
    return { ...lesson(`q${index}`), kind: 'quiz', quiz: data }
  })
  return courseOf(`c${round}`, pages)
}

/** A response the runtime could keep for this question (non-empty: an empty one is not kept). */
function randomResponse(random: Random, question: QuestionData): string[] {
  const subset = (items: readonly string[]) => {
    const chosen = items.filter(() => random() < 0.5)
    return chosen.length > 0 ? chosen : [items[0]!]
  }
  switch (question.kind) {
    case 'single-choice':
    case 'true-false':
    case 'likert':
      return [pick(random, question.choices)]
    case 'multiple-response':
      return subset(question.choices)
    case 'fill-in':
    case 'numeric':
      return [Array.from({ length: count(random, 1, maxTextAnswerLength) }, () => pick(random, ['%', ',', '|', '~', ';', 'a', ' ', 'é', '中', '1', '.'])).join('')]
    case 'matching':
      return subset(question.sources).map((source) => `${source}.${pick(random, question.targets)}`)
    case 'sequencing':
      return [...question.order].sort(() => random() - 0.5)
  }
}

function randomState(random: Random, data: CourseData): LearnerState {
  const state = emptyState()
  for (const page of data.pages) {
    if (random() < 0.5) state.visited.add(page.id)
    const quizData = page.quiz
    if (!quizData || random() < 0.3) continue
    const attempts = count(random, 0, Math.min(quizData.attempts ?? 9999, 9999))
    const score = random() < 0.1 ? null : pick(random, [0, 100, 99.99, Math.round(random() * 10_000) / 100])
    const answers = random() < 0.2 ? null : Object.fromEntries(quizData.questions.filter(() => random() < 0.7).map((question) => [question.id, randomResponse(random, question)]))
    state.quizzes.set(page.id, { attempts, score, answers })
  }
  return state
}

/** Every page visited, every quiz at its most attempts, a five-character score and the longest answer to every question. */
function maximalState(data: CourseData): LearnerState {
  const state = emptyState()
  for (const page of data.pages) {
    state.visited.add(page.id)
    if (!page.quiz) continue
    const answers = Object.fromEntries(
      page.quiz.questions.map((question) => {
        switch (question.kind) {
          case 'multiple-response':
            return [question.id, question.choices]
          case 'fill-in':
          case 'numeric':
            return [question.id, ['%'.repeat(maxTextAnswerLength)]]
          case 'matching':
            return [question.id, question.sources.map((source) => `${source}.a`)]
          case 'sequencing':
            return [question.id, question.order]
          default:
            return [question.id, [question.choices[0]!]]
        }
      }),
    )
    state.quizzes.set(page.id, { attempts: page.quiz.attempts ?? 1_000_000, score: 12.34, answers })
  }
  return state
}

function withoutAnswers(state: LearnerState): LearnerState {
  return { visited: state.visited, quizzes: new Map([...state.quizzes].map(([id, saved]) => [id, { ...saved, answers: null }])) }
}
