import { describe, expect, it } from 'vitest'
import type { CourseData } from '../../src/shared/course-data.js'
import { decodeState, emptyState, encodeState, worstCaseStateLength } from '../../src/shared/learner-state.js'
import { courseScore, scoreQuiz } from '../../src/shared/scoring.js'
import { formatTimeOfDay, formatTimespan } from '../../src/runtime/time-format.js'

const quiz = {
  graded: true,
  passingScore: 60,
  weight: 1,
  attempts: 3,
  keep: 'best' as const,
  pick: null,
  shuffle: false,
  questions: [
    { id: 'q1', kind: 'single-choice' as const, points: 1, choices: ['a', 'b', 'c'], weights: { b: 1 }, scoring: 'all-or-nothing' as const },
    { id: 'q2', kind: 'multiple-response' as const, points: 2, choices: ['a', 'b', 'c', 'd'], weights: { a: 0.5, c: 0.5 }, scoring: 'all-or-nothing' as const },
  ],
}
const course: CourseData = {
  id: 'c',
  version: '1',
  title: 'C',
  language: 'en',
  hash: '0123abcd',
  passingScore: 60,
  strings: {},
  pages: [
    ...Array.from({ length: 7 }, (_, index) => ({ id: `p${index}`, title: 'P', href: 'x', kind: 'lesson' as const })),
    { id: 'quiz', title: 'Q', href: 'x', kind: 'quiz' as const, quiz },
  ],
}

describe('learner state in suspend_data', () => {
  it('round-trips visited pages and quiz answers compactly', () => {
    const state = emptyState()
    state.visited.add('p0').add('p6').add('quiz')
    state.quizzes.set('quiz', { attempts: 2, score: 66.67, answers: { q1: ['b'], q2: ['a', 'c'] } })
    const text = encodeState(state, course)
    expect(text).toBe('1|0123abcd|BD|2~66.67~b,ac')
    expect(decodeState(text, course)).toEqual(state)
  })

  it('drops state of another course version or that does not parse', () => {
    const text = encodeState(emptyState(), course)
    expect(decodeState(text, { ...course, hash: 'ffffffff' })).toBeUndefined()
    expect(decodeState('not ours', course)).toBeUndefined()
    expect(decodeState('1|0123abcd|BD|2~66.67~z,ac', course)).toBeUndefined()
    expect(decodeState('1|0123abcd|BD|2~166~b,ac', course)).toBeUndefined()
  })

  it('computes the longest state the course can produce', () => {
    const state = emptyState()
    for (const page of course.pages) state.visited.add(page.id)
    state.quizzes.set('quiz', { attempts: 3, score: 99.99, answers: { q1: ['c'], q2: ['a', 'b', 'c', 'd'] } })
    expect(worstCaseStateLength(course)).toBe(encodeState(state, course).length)
  })
})

describe('scoring', () => {
  it('scores all or nothing per question, weighted by points', () => {
    const result = scoreQuiz(quiz, { q1: ['b'], q2: ['a'] })
    expect(result).toMatchObject({ points: 1, maxPoints: 3, percent: 33.33, passed: false })
    expect(scoreQuiz(quiz, { q1: ['b'], q2: ['c', 'a'] }).percent).toBe(100)
  })

  it('averages graded quizzes by weight, two decimals at most', () => {
    expect(courseScore([{ percent: 100, weight: 1 }, { percent: 50, weight: 3 }])).toBe(62.5)
    expect(courseScore([{ percent: 100, weight: 2 }, { percent: 0, weight: 1 }])).toBe(66.67)
    expect(courseScore([{ percent: 80, weight: 0 }, { percent: 40, weight: 0 }])).toBe(60)
  })
})

describe('SCORM 1.2 times', () => {
  it('formats a timespan with at least two hour digits and centiseconds', () => {
    expect(formatTimespan(0)).toBe('00:00:00.00')
    expect(formatTimespan(3_723_456)).toBe('01:02:03.46')
    expect(formatTimespan(400 * 3_600_000)).toBe('400:00:00.00')
  })

  it('formats a time of day as HH:MM:SS', () => {
    expect(formatTimeOfDay(new Date(2026, 10, 28, 9, 5, 7))).toBe('09:05:07')
  })
})
