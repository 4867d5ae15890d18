import { describe, expect, it } from 'vitest'
import type { Connection } from '../../src/runtime/connection.js'
import { createSaveQueue, type SaveStatus } from '../../src/runtime/save-queue.js'
import { createCourseSession } from '../../src/runtime/session.js'
import { scorm12 } from '../../src/targets/scorm12/runtime/standard.js'
import type { CourseData, QuizData } from '../../src/shared/course-data.js'

const quiz = (overrides: Partial<QuizData> = {}): QuizData => ({
  graded: true,
  passingScore: null,
  weight: 1,
  attempts: null,
  keep: 'best',
  pick: null,
  shuffle: false,
  questions: [
    { id: 'q1', kind: 'single-choice', points: 1, choices: ['a', 'b'], weights: { b: 1 }, scoring: 'all-or-nothing', correct: [['b']] },
    { id: 'q2', kind: 'true-false', points: 1, choices: ['a', 'b'], weights: { a: 1 }, scoring: 'all-or-nothing', trueChoice: 'a', correct: [['a']] },
  ],
  ...overrides,
})

function course(pages: CourseData['pages'], passingScore: number | null = 50): CourseData {
  return { id: 'c', version: '1', title: 'C', language: 'en', hash: 'abcd1234', passingScore, pages, strings: {}, stateLength: { full: 0, compact: 0 } }
}

const lesson = (id: string) => ({ id, title: id, href: `pages/${id}.html`, kind: 'lesson' as const })
/** A quiz page; its state hash is made from its id, so that it is unique in the course. */
const quizPage = (id: string, data: QuizData = quiz()) => ({ id, title: id, href: `pages/${id}.html`, kind: 'quiz' as const, quiz: { ...data, hash: `${id}____`.slice(0, 4) } })

/** An LMS in memory that logs every write and commit, and fails when told to. */
function fakeLms(launch: Record<string, string> = {}) {
  const values: Record<string, string> = { 'cmi.core.lesson_status': 'not attempted', 'cmi.interactions._count': '0', ...launch }
  const log: string[] = []
  let failNextSets = 0
  let failNextCommits = 0
  const connection: Connection = {
    kind: 'lms',
    initialize: () => (log.push('initialize'), true),
    get: (element) => values[element] ?? '',
    set(element, value) {
      if (failNextSets > 0) return (failNextSets--, { ok: false, code: 101 })
      values[element] = value
      log.push(`${element}=${value}`)
      return { ok: true }
    },
    commit() {
      if (failNextCommits > 0) return (failNextCommits--, false)
      log.push('commit')
      return true
    },
    finish: () => (log.push('finish'), true),
  }
  return {
    connection,
    values,
    log,
    failSets: (count: number) => (failNextSets = count),
    failCommits: (count: number) => (failNextCommits = count),
  }
}

function start(data: CourseData, lms = fakeLms(), statuses: SaveStatus[] = []) {
  const timers: (() => void)[] = []
  const queue = createSaveQueue({ connection: lms.connection, onStatus: (status) => statuses.push(status), schedule: (run) => timers.push(run) })
  let now = 0
  const session = createCourseSession(data, scorm12, lms.connection, queue, () => now)
  const info = session.start()
  return { session, lms, info, timers, statuses, advance: (ms: number) => (now += ms) }
}

describe('CourseSession', () => {
  it('marks a first launch incomplete and commits it', () => {
    const { lms } = start(course([lesson('a')]))
    expect(lms.log).toEqual(['initialize', 'cmi.core.lesson_status=incomplete', 'commit'])
  })

  it('writes no score until the last graded quiz, then score, status and commit before anything else', () => {
    const { session, lms } = start(course([quizPage('one'), quizPage('two', quiz({ weight: 3 })), quizPage('check', quiz({ graded: false }))]))
    session.submit('one', { q1: ['b'], q2: ['a'] }, 1000)
    session.submit('check', { q1: ['a'], q2: ['a'] }, 1000)
    expect(lms.log.some((entry) => entry.startsWith('cmi.core.score'))).toBe(false)
    lms.log.length = 0
    session.submit('two', { q1: ['b'], q2: ['b'] }, 1000)
    // one: 100% (weight 1), two: 50% (weight 3) → 62.5; then what resume needs, then the answers' records.
    expect(lms.log.map((entry) => entry.replace(/^(cmi\.interactions\.\d+)\..*/, '$1').replace(/=.*/s, (value) => (value.length > 12 ? '=…' : value)))).toEqual([
      'cmi.core.score.raw=62.5',
      'cmi.core.score.min=0',
      'cmi.core.score.max=100',
      'cmi.core.lesson_status=passed',
      'commit',
      'cmi.suspend_data=…',
      ...Array(8).fill('cmi.interactions.4'),
      ...Array(8).fill('cmi.interactions.5'),
      'commit',
    ])
  })

  it('lets the LMS mastery score override the course pass mark', () => {
    const { session, lms } = start(course([quizPage('one')], 50), fakeLms({ 'cmi.student_data.mastery_score': '80' }))
    const view = session.submit('one', { q1: ['b'], q2: ['b'] }, 0)
    expect(lms.values['cmi.core.lesson_status']).toBe('failed')
    expect(view?.course).toEqual({ score: 50, status: 'failed', passingScore: 80 })
  })

  it('reports completed when the course has no pass mark', () => {
    const { session, lms } = start(course([quizPage('one')], null))
    session.submit('one', { q1: ['a'], q2: ['b'] }, 0)
    expect(lms.values['cmi.core.lesson_status']).toBe('completed')
    expect(lms.values['cmi.core.score.raw']).toBe('0')
  })

  it('completes a course without graded quizzes when every page was visited', () => {
    const { session, lms } = start(course([lesson('a'), lesson('b')], null))
    session.visit('a')
    expect(lms.values['cmi.core.lesson_status']).toBe('incomplete')
    session.visit('b')
    expect(lms.values['cmi.core.lesson_status']).toBe('completed')
    session.end()
    expect(lms.values['cmi.core.exit']).toBe('')
  })

  it('keeps the best or the last score, and stops at the allowed attempts', () => {
    const best = start(course([quizPage('one', quiz({ attempts: 2 }))]))
    best.session.submit('one', { q1: ['b'], q2: ['a'] }, 0)
    best.session.submit('one', { q1: ['a'], q2: ['a'] }, 0)
    expect(best.lms.values['cmi.core.score.raw']).toBe('100')
    const third = best.session.submit('one', { q1: ['a'], q2: ['b'] }, 0)
    expect(third).toMatchObject({ attempts: 2, canSubmit: false, kept: 100 })

    const last = start(course([quizPage('one', quiz({ keep: 'last' }))]))
    last.session.submit('one', { q1: ['b'], q2: ['a'] }, 0)
    last.session.submit('one', { q1: ['a'], q2: ['a'] }, 0)
    expect(last.lms.values['cmi.core.score.raw']).toBe('50')
  })

  it('writes interactions after those the LMS already holds', () => {
    const { session, lms } = start(course([quizPage('one')]), fakeLms({ 'cmi.interactions._count': '4' }))
    session.submit('one', { q1: ['b'], q2: ['a'] }, 83_500)
    expect(lms.log.filter((entry) => entry.startsWith('cmi.interactions.4.'))).toEqual([
      'cmi.interactions.4.id=one.q1',
      'cmi.interactions.4.type=choice',
      'cmi.interactions.4.student_response=b',
      'cmi.interactions.4.correct_responses.0.pattern=b',
      'cmi.interactions.4.result=correct',
      'cmi.interactions.4.weighting=1',
      'cmi.interactions.4.latency=00:01:23.50',
      expect.stringMatching(/^cmi\.interactions\.4\.time=\d\d:\d\d:\d\d$/),
    ])
    expect(lms.values['cmi.interactions.5.student_response']).toBe('t')
  })

  it('resumes from suspend_data even when entry is empty, and drops only what a re-uploaded package changed', () => {
    const first = start(course([lesson('a'), quizPage('one')]))
    first.session.visit('a')
    first.session.submit('one', { q1: ['b'], q2: ['a'] }, 0)
    first.session.end()
    const saved = first.lms.values['cmi.suspend_data']!

    const again = start(course([lesson('a'), quizPage('one')]), fakeLms({ 'cmi.core.entry': '', 'cmi.suspend_data': saved, 'cmi.core.lesson_location': 'one', 'cmi.core.lesson_status': 'passed' }))
    expect(again.info.location).toBe('one')
    expect(again.session.quizView('one')?.last?.answers).toEqual({ q1: ['b'], q2: ['a'] })
    expect(again.lms.log).not.toContain('cmi.core.lesson_status=incomplete')

    // Pages changed: the visited pages go, the unchanged quiz stays.
    const pagesChanged = start({ ...course([lesson('a'), quizPage('one')]), hash: 'ffff0000' }, fakeLms({ 'cmi.suspend_data': saved }))
    expect(pagesChanged.session.quizView('one')?.attempts).toBe(1)
    expect(pagesChanged.session.visitedCount).toBe(0)
    // The quiz changed: its attempts and answers go, the visited pages stay.
    const quizChanged = course([lesson('a'), quizPage('one')])
    const changedQuiz = { ...quizChanged, pages: quizChanged.pages.map((page) => (page.quiz ? { ...page, quiz: { ...page.quiz, hash: 'zzzz' } } : page)) }
    const other = start(changedQuiz, fakeLms({ 'cmi.suspend_data': saved }))
    expect(other.session.quizView('one')?.attempts).toBe(0)
    expect(other.session.visitedCount).toBe(1)
  })

  it('ends once: exit suspend while unfinished, session time, then LMSFinish', () => {
    const { session, lms, advance } = start(course([lesson('a'), quizPage('one')]))
    advance(61_000)
    session.end()
    session.end()
    expect(lms.log.slice(-4)).toEqual(['cmi.core.exit=suspend', 'cmi.core.session_time=00:01:01.00', 'commit', 'finish'])
  })

  it('retries failed writes in order, and says when saving keeps failing', () => {
    const statuses: SaveStatus[] = []
    const lms = fakeLms()
    lms.failCommits(100)
    const { session, timers } = start(course([quizPage('one')]), lms, statuses)
    session.submit('one', { q1: ['b'], q2: ['a'] }, 0)
    for (let round = 0; round < 6; round++) timers.shift()?.()
    expect(statuses.at(-1)).toBe('failed')
    lms.failCommits(0)
    timers.shift()?.()
    expect(statuses.at(-1)).toBe('saved')
    expect(lms.values['cmi.core.lesson_status']).toBe('passed')
  })

  it('keeps the score before the status when a failed write delays both', () => {
    const lms = fakeLms()
    const { session, timers } = start(course([quizPage('one')]), lms)
    lms.failSets(1)
    session.submit('one', { q1: ['b'], q2: ['a'] }, 0)
    timers.shift()?.()
    const order = lms.log.filter((entry) => /score\.raw|lesson_status=passed/.test(entry))
    expect(order).toEqual(['cmi.core.score.raw=100', 'cmi.core.lesson_status=passed'])
  })
})
