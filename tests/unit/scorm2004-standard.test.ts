import { describe, expect, it } from 'vitest'
import type { Interaction } from '../../src/runtime/lms.js'
import type { QuestionData } from '../../src/shared/course-data.js'
import { correctResponses } from '../../src/stages/course-data.js'
import { scorm12 } from '../../src/targets/scorm12/runtime/standard.js'
import { scorm2004 } from '../../src/targets/scorm2004/runtime/standard.js'

const at = new Date(Date.UTC(2026, 10, 30, 8, 0, 0, 456))

function interaction(question: QuestionData, response: readonly string[], verdict: Interaction['verdict'] = 'correct', extra: Partial<Interaction> = {}): Interaction {
  return { id: `quiz.${question.id}`, courseId: 'treaty', question, response, verdict, points: 1, weighting: 1, prompt: 'When was it signed?', latencyMs: 65_250, at, ...extra }
}

/** A question as the build gives it to the runtime, with its correct responses. */
const withCorrect = (question: Parameters<typeof correctResponses>[0]) => ({ ...question, correct: correctResponses(question) }) as QuestionData

const values = (writes: readonly (readonly [string, string])[]) => Object.fromEntries(writes)

describe('the SCORM 2004 data model', () => {
  it('reads the pass mark from cmi.scaled_passing_score, and the launch state', () => {
    const launch = scorm2004.readLaunch((element) => ({ 'cmi.scaled_passing_score': '0.7', 'cmi.completion_status': 'unknown', 'cmi.interactions._count': '3', 'cmi.learner_id': 'u1' })[element] ?? '')
    expect(launch).toMatchObject({ passingScore: 70, statusRecorded: false, interactionCount: 3, learnerId: 'u1' })
    expect(scorm2004.readLaunch(() => '').passingScore).toBeNull()
    expect(scorm2004.readLaunch((element) => (element === 'cmi.completion_status' ? 'incomplete' : '')).statusRecorded).toBe(true)
  })

  it('writes raw in percent (what Moodle grades) and scaled (what the spec reports)', () => {
    expect(scorm2004.score(66.67)).toEqual([
      ['cmi.score.raw', '66.67'],
      ['cmi.score.min', '0'],
      ['cmi.score.max', '100'],
      ['cmi.score.scaled', '0.6667'],
    ])
  })

  it('keeps completion and success apart; SCORM 1.2 folds them and says completed only when finished', () => {
    const cases = [
      [{ allPagesSeen: false, finished: false, success: 'unknown' }, 'incomplete', 'unknown', 'incomplete'],
      [{ allPagesSeen: true, finished: false, success: 'unknown' }, 'completed', 'unknown', 'incomplete'],
      [{ allPagesSeen: false, finished: true, success: 'failed' }, 'completed', 'failed', 'failed'],
      [{ allPagesSeen: true, finished: true, success: 'unknown' }, 'completed', 'unknown', 'completed'],
    ] as const
    for (const [status, completion, success, lessonStatus] of cases) {
      expect(values(scorm2004.status(status))).toEqual({ 'cmi.completion_status': completion, 'cmi.success_status': success })
      expect(values(scorm12.status(status))).toEqual({ 'cmi.core.lesson_status': lessonStatus })
    }
  })

  it('says suspend with every save (Moodle restores state only after it), and normal when done', () => {
    expect(values(scorm2004.savedState('2|x'))).toEqual({ 'cmi.suspend_data': '2|x', 'cmi.exit': 'suspend' })
    expect(values(scorm2004.exit(true, 3_723_456))).toEqual({ 'cmi.exit': 'normal', 'cmi.session_time': 'PT1H2M3.46S' })
    expect(values(scorm2004.exit(false, 0))).toEqual({ 'cmi.exit': 'suspend', 'cmi.session_time': 'PT0H0M0S' })
  })

  it('writes an interaction id first, then type, then patterns and response, in 2004 formats', () => {
    const choice = withCorrect({ id: 'q1', kind: 'multiple-response', points: 1, choices: ['a', 'b', 'c'], weights: { a: 0.5, c: 0.5 }, scoring: 'all-or-nothing' })
    const writes = scorm2004.interaction(4, interaction(choice, ['c', 'a']))
    expect(writes.map(([element]) => element.replace('cmi.interactions.4.', ''))).toEqual([
      'id', 'type', 'correct_responses.0.pattern', 'learner_response', 'result', 'weighting', 'latency', 'timestamp', 'description',
    ])
    expect(values(writes)).toMatchObject({
      'cmi.interactions.4.id': 'urn:coursepack:treaty:quiz.q1',
      'cmi.interactions.4.type': 'choice',
      'cmi.interactions.4.correct_responses.0.pattern': 'a[,]c',
      'cmi.interactions.4.learner_response': 'a[,]c',
      'cmi.interactions.4.latency': 'PT0H1M5.25S',
      'cmi.interactions.4.timestamp': '2026-11-30T08:00:00.45Z',
      'cmi.interactions.4.description': 'When was it signed?',
    })
  })

  it('formats each kind, and never writes what Moodle rejects: line breaks, `[,]` inside an answer, a leading `{`, `wrong`', () => {
    const tf = withCorrect({ id: 'q2', kind: 'true-false', points: 1, choices: ['a', 'b'], weights: { b: 1 }, scoring: 'all-or-nothing', trueChoice: 'a' })
    expect(values(scorm2004.interaction(0, interaction(tf, ['a'], 'wrong')))).toMatchObject({
      'cmi.interactions.0.learner_response': 'true',
      'cmi.interactions.0.correct_responses.0.pattern': 'false',
      'cmi.interactions.0.result': 'incorrect',
    })
    const fill = withCorrect({ id: 'q3', kind: 'fill-in', points: 1, caseSensitive: false, answers: [{ text: 'Moscow', weight: 1 }, { text: 'Moskva', weight: 1 }, { text: 'Russia', weight: 0.5 }] })
    const fillWrites = values(scorm2004.interaction(0, interaction(fill, ['{Mos[,]cow\nx}'], 'partial', { points: 0.5, prompt: '{lang} line one\nline two' })))
    expect(fillWrites).toMatchObject({
      'cmi.interactions.0.learner_response': 'Mos[ ,]cow x}',
      'cmi.interactions.0.correct_responses.0.pattern': '{case_matters=false}Moscow',
      'cmi.interactions.0.correct_responses.1.pattern': '{case_matters=false}Moskva',
      'cmi.interactions.0.result': '0.5',
      'cmi.interactions.0.description': 'lang} line one line two',
    })
    expect(fillWrites['cmi.interactions.0.correct_responses.2.pattern']).toBeUndefined()
    const numeric = withCorrect({ id: 'q4', kind: 'numeric', points: 1, answers: [{ min: 1949, max: 1951, weight: 1 }] })
    expect(values(scorm2004.interaction(0, interaction(numeric, ['1950'])))['cmi.interactions.0.correct_responses.0.pattern']).toBe('1949[:]1951')
    const matching = withCorrect({ id: 'q5', kind: 'matching', points: 1, sources: ['1', '2'], targets: ['a', 'b'], pairs: { 1: 'a', 2: 'b' } })
    expect(values(scorm2004.interaction(0, interaction(matching, ['2.a', '1.b'], 'wrong')))).toMatchObject({
      'cmi.interactions.0.learner_response': '1[.]b[,]2[.]a',
      'cmi.interactions.0.correct_responses.0.pattern': '1[.]a[,]2[.]b',
    })
    const likert = withCorrect({ id: 'q6', kind: 'likert', points: 0, choices: ['a', 'b', 'c'] })
    const likertWrites = values(scorm2004.interaction(0, interaction(likert, ['b'], 'neutral', { weighting: 0 })))
    expect(likertWrites).toMatchObject({ 'cmi.interactions.0.type': 'likert', 'cmi.interactions.0.learner_response': 'b', 'cmi.interactions.0.result': 'neutral' })
    expect(Object.keys(likertWrites).some((element) => element.includes('correct_responses'))).toBe(false)
  })
})
