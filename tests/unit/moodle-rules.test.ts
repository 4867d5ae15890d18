import { describe, expect, it } from 'vitest'
import { type Call, checkMoodleRules } from '../../src/shared/moodle-rules.js'

const call = (fn: string, ...args: string[]): Call => ({ fn, args, types: args.map(() => 'string'), result: 'true', error: '0', afterFinish: false })
const session = (...middle: Call[]) => [call('LMSInitialize', ''), ...middle, call('LMSCommit', ''), call('LMSFinish', '')]

describe('the Moodle rules oracle', () => {
  it('accepts a well-behaved session', () => {
    expect(
      checkMoodleRules(
        session(
          call('LMSSetValue', 'cmi.interactions.0.id', 'quiz.q1'),
          call('LMSSetValue', 'cmi.interactions.0.type', 'choice'),
          call('LMSSetValue', 'cmi.interactions.0.student_response', 'a,c'),
          call('LMSSetValue', 'cmi.interactions.0.correct_responses.0.pattern', 'a,c'),
          call('LMSSetValue', 'cmi.interactions.0.time', '13:45:07'),
          call('LMSSetValue', 'cmi.core.score.raw', '62.5'),
          call('LMSSetValue', 'cmi.core.lesson_status', 'failed'),
          call('LMSSetValue', 'cmi.core.session_time', '00:01:02.50'),
        ),
      ),
    ).toEqual([])
  })

  it('catches what scorm-again lets through', () => {
    const problems = checkMoodleRules([
      call('LMSInitialize'),
      call('LMSSetValue', 'cmi.core.exit', 'normal'),
      call('LMSSetValue', 'cmi.core.session_time', '0:01:02'),
      call('LMSSetValue', 'cmi.core.score.raw', '1e2'),
      call('LMSSetValue', 'cmi.core.lesson_status', 'not attempted'),
      call('LMSSetValue', 'cmi.interactions.1.id', 'q1'),
      call('LMSSetValue', 'cmi.interactions.0.type', 'choice'),
      call('LMSSetValue', 'cmi.interactions.0.id', 'has space'),
      call('LMSSetValue', 'cmi.interactions.0.type', 'multiple-choice'),
      call('LMSSetValue', 'cmi.interactions.0.result', 'incorrect'),
      call('LMSSetValue', 'cmi.interactions.0.time', '2026-11-28T13:45:07Z'),
      call('LMSSetValue', 'cmi.suspend_data', 'x'.repeat(4097)),
      call('LMSFinish', ''),
      call('LMSGetValue', 'cmi.core.lesson_status'),
    ])
    expect(problems.map((problem) => problem.split(' — ')[1])).toEqual([
      'LMSInitialize must get the explicit empty string (Moodle: 201)',
      'exit `normal` is not SCORM 1.2 vocabulary',
      'session_time `0:01:02` is not HH:MM:SS.SS with 2–4 hour digits',
      'score `1e2` is not a decimal from 0 to 100 with at most 2 decimals',
      'status `not attempted` is not one of passed, completed, failed, incomplete, browsed',
      'interaction 1 skips an index (count 0): Moodle answers 201',
      'interaction 0 must start with its id',
      'interaction id `has space` must be printable ASCII without spaces, 1–255 characters',
      'interaction type `multiple-choice` is not SCORM 1.2 vocabulary',
      'result `incorrect` is not SCORM 1.2 vocabulary',
      'time `2026-11-28T13:45:07Z` is not a time of day HH:MM:SS',
      'suspend_data is 4097 characters, more than 4096',
      'call after LMSFinish (Moodle: 301)',
    ])
  })
})
