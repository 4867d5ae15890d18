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

describe('the Moodle rules oracle for SCORM 2004 (scorm_13.js)', () => {
  const check = (calls: readonly Call[]) => checkMoodleRules(calls, 'scorm2004')
  const set = (element: string, value: string) => call('SetValue', element, value)
  const get = (element: string, result = '') => ({ ...call('GetValue', element), result })
  const at = (n: number, field: string) => `cmi.interactions.${n}.${field}`
  /** `.id` then `.type` of interaction n, the order Moodle requires. */
  const interaction = (n: number, type: string) => [set(at(n, 'id'), `urn:coursepack:treaty:q${n}`), set(at(n, 'type'), type)]
  const session = (...middle: Call[]) => [call('Initialize', ''), ...middle, call('Commit', ''), call('Terminate', '')]
  /** The problems of `session(...setup, last)`: exactly one, on `last`, with Moodle's answer `code`. */
  const rejects = (setup: readonly Call[], last: Call, code: string) =>
    expect(check(session(...setup, last))).toEqual([expect.stringMatching(new RegExp(`^#${setup.length + 1} .* — .*\\(Moodle: ${code}\\)$`, 's'))])
  const accepts = (...middle: Call[]) => expect(check(session(...middle))).toEqual([])

  it('accepts a realistic session: launch reads, one interaction of each type, score, statuses, exit, time', () => {
    const q = (n: number, type: string, patterns: readonly string[], response: string, result: string, description = `Question ${n}`) => [
      ...interaction(n, type),
      ...patterns.map((pattern, m) => set(at(n, `correct_responses.${m}.pattern`), pattern)),
      set(at(n, 'learner_response'), response),
      set(at(n, 'result'), result),
      set(at(n, 'weighting'), '1'),
      set(at(n, 'latency'), 'PT0H0M12.5S'),
      set(at(n, 'timestamp'), '2026-03-14T09:26:53.58Z'),
      set(at(n, 'description'), description),
    ]
    expect(
      check([
        call('Initialize', ''),
        get('cmi.entry', 'ab-initio'),
        get('cmi.suspend_data'),
        get('cmi.location'),
        get('cmi.completion_status', 'unknown'),
        get('cmi.success_status', 'unknown'),
        get('cmi.mode', 'normal'),
        get('cmi.credit', 'credit'),
        get('cmi.learner_name', 'Jane Doe'),
        get('cmi.learner_id', 's1'),
        get('cmi.interactions._count', '0'),
        get('cmi.scaled_passing_score', '0.8'),
        set('cmi.completion_status', 'incomplete'),
        set('cmi.location', 'lesson-2'),
        set('cmi.suspend_data', '{"seen":["lesson-1"],\n"answers":{}}'),
        set('cmi.exit', 'suspend'),
        call('Commit', ''),
        ...q(0, 'true-false', ['true'], 'false', 'incorrect'),
        ...q(1, 'choice', ['b', 'c'], 'b', 'correct', '{lang=zh-CN}哪一年签订了条约？'),
        ...q(2, 'choice', ['a[,]c'], 'a[,]c', 'correct'),
        ...q(3, 'fill-in', ['{case_matters=false}Mao Zedong', '{case_matters=false}{lang=zh}毛泽东'], 'mao zedong', 'correct'),
        ...q(4, 'long-fill-in', ['{case_matters=true}An alliance against Japan'], 'An alliance, mostly.', 'neutral'),
        ...q(5, 'matching', ['1[.]a[,]2[.]c[,]3[.]b'], '1[.]a[,]2[.]b[,]3[.]c', '0.33'),
        ...q(6, 'sequencing', ['c[,]a[,]b'], 'c[,]a[,]b', 'correct'),
        ...q(7, 'numeric', ['1950[:]1950'], '1950', 'correct'),
        ...q(8, 'numeric', ['2.5[:]3.5'], '-12.5', 'incorrect'),
        ...q(9, 'likert', [], 'agree', 'neutral'),
        ...q(10, 'performance', ['{order_matters=false}step_1[.]3.5[,]step_2[.]x'], 'step_1[.]3.5[,][.]x', 'correct'),
        ...q(11, 'other', [''], 'Free text of any kind', 'unanticipated'),
        set('cmi.score.raw', '66.67'),
        set('cmi.score.min', '0'),
        set('cmi.score.max', '100'),
        set('cmi.score.scaled', '0.6667'),
        set('cmi.success_status', 'failed'),
        set('cmi.completion_status', 'completed'),
        call('Commit', ''),
        set('cmi.exit', 'normal'),
        set('cmi.session_time', 'PT0H12M3.25S'),
        call('Terminate', ''),
      ]),
    ).toEqual([])
  })

  it('reports the order of the session with Moodle codes', () => {
    const problems = check([
      call('GetValue', 'cmi.entry'),
      call('SetValue', 'cmi.location', 'a'),
      call('Commit', ''),
      call('Terminate', ''),
      call('Initialize', ''),
      call('Initialize', ''),
      call('Commit', 'x'),
      call('Terminate', ''),
      call('GetValue', 'cmi.entry'),
      call('SetValue', 'cmi.location', 'b'),
      call('Commit', ''),
      call('Terminate', ''),
      call('Initialize', ''),
    ])
    expect(problems.map((problem) => problem.split(' — ')[1])).toEqual([
      'GetValue before Initialize (Moodle: 122)',
      'SetValue before Initialize (Moodle: 132)',
      'Commit before Initialize (Moodle: 142)',
      'Terminate before Initialize (Moodle: 112)',
      'Initialize called twice (Moodle: 103)',
      'Commit must get the explicit empty string (Moodle: 201)',
      'GetValue after Terminate (Moodle: 123)',
      'SetValue after Terminate (Moodle: 133)',
      'Commit after Terminate (Moodle: 143)',
      'Terminate after Terminate (Moodle: 113)',
      'Initialize after Terminate (Moodle: 104)',
    ])
  })

  it('wants strings, and the explicit empty string for Initialize, Terminate and Commit (Moodle: 201 without it)', () => {
    const number: Call = { ...call('SetValue', 'cmi.score.raw', '85'), types: ['string', 'number'] }
    // A Terminate with a wrong argument ends nothing in Moodle: the next one is not "after Terminate".
    expect(check([call('Initialize'), number, call('Commit'), call('Terminate'), call('Terminate', '')]).map((problem) => problem.split(' — ')[1])).toEqual([
      'Initialize must get the explicit empty string (Moodle: 201)',
      'every argument must be a string (the spec; Moodle converts it)',
      'Commit must get the explicit empty string (Moodle: 201)',
      'Terminate must get the explicit empty string (Moodle: 201)',
    ])
    // A wrong Initialize opens nothing in Moodle: the right one after it is not "twice".
    expect(check([call('Initialize'), call('Initialize', ''), call('Terminate', '')])).toEqual(['#0 Initialize() — Initialize must get the explicit empty string (Moodle: 201)'])
    expect(check([call('Initialize', ''), call('LMSSetValue', 'cmi.core.lesson_status', 'passed'), call('Terminate', '')])).toEqual([
      '#1 LMSSetValue("cmi.core.lesson_status", "passed") — LMSSetValue is not a SCORM 2004 function',
    ])
  })

  it('wants the session ended by a Terminate that succeeded, and lets a failed one be retried', () => {
    expect(check([call('Initialize', ''), call('Commit', '')])).toEqual(['Terminate must be called exactly once: no Terminate("") ended the session'])
    const failed: Call = { ...call('Terminate', ''), result: 'false', error: '101', injected: true }
    const notStored: Call = { ...set('cmi.score.raw', '1e2'), result: 'false', error: '101', injected: true }
    expect(check([call('Initialize', ''), notStored, failed, set('cmi.location', 'p1'), call('Terminate', '')])).toEqual([])
    expect(check([call('Initialize', ''), failed])).toEqual(['Terminate must be called exactly once: no Terminate("") ended the session'])
    const notOpened: Call = { ...call('Initialize', ''), result: 'false', error: '101', injected: true }
    expect(check([notOpened, call('Initialize', ''), call('Terminate', '')])).toEqual([])
    expect(check([notOpened, get('cmi.entry'), call('Terminate', '')])).toEqual([
      '#1 GetValue("cmi.entry") — GetValue before Initialize (Moodle: 122)',
      '#2 Terminate("") — Terminate before Initialize (Moodle: 112)',
      'Terminate must be called exactly once: no Terminate("") ended the session',
    ])
  })

  it('knows the SCORM 2004 elements (Moodle: 401 for others, 301 for GetValue of "")', () => {
    expect(check(session(set('cmi.core.lesson_status', 'passed'), get('cmi.core.student_name'), ...interaction(0, 'choice'), set(at(0, 'student_response'), 'a'), set('cmi.progress', '1'), get('')))).toEqual([
      '#1 SetValue("cmi.core.lesson_status", "passed") — cmi.core.lesson_status is not a SCORM 2004 element (a SCORM 1.2 name) (Moodle: 401)',
      '#2 GetValue("cmi.core.student_name") — cmi.core.student_name is not a SCORM 2004 element (a SCORM 1.2 name) (Moodle: 401)',
      '#5 SetValue("cmi.interactions.0.student_response", "a") — cmi.interactions.0.student_response is not a SCORM 2004 element (a SCORM 1.2 name) (Moodle: 401)',
      '#6 SetValue("cmi.progress", "1") — cmi.progress is not a SCORM 2004 element (Moodle: 401)',
      '#7 GetValue("") — GetValue of "" (Moodle: 301)',
    ])
  })

  it('wants an element, and a value to set', () => {
    expect(check(session(call('GetValue'), call('SetValue', 'cmi.location'), set('', 'x'), set('cmi.score.raw', '')))).toEqual([
      '#1 GetValue() — GetValue must get one element',
      '#2 SetValue("cmi.location") — SetValue must get an element and a value',
      '#3 SetValue("", "x") — SetValue of "" (Moodle: 351)',
      '#4 SetValue("cmi.score.raw", "") — cmi.score.raw "" is not a decimal with at most 5 digits before the point and 18 after, no exponent (Moodle: 406)',
    ])
  })

  it('reports reads of write-only elements (Moodle: 405)', () => {
    rejects([], get('cmi.exit'), '405')
    rejects([], get('cmi.session_time'), '405')
  })

  it.each([
    'cmi.entry',
    'cmi.scaled_passing_score',
    'cmi.learner_name',
    'cmi.learner_id',
    'cmi.mode',
    'cmi.credit',
    'cmi.total_time',
    'cmi.interactions._count',
    'cmi.interactions._children',
    'cmi.objectives._count',
    'cmi.score._children',
    'cmi.completion_threshold',
    'cmi.launch_data',
    'cmi.max_time_allowed',
    'cmi.time_limit_action',
  ])('reports a write to the read-only %s (Moodle: 404)', (element) => {
    expect(check(session(set(element, 'x')))).toEqual([`#1 SetValue("${element}", "x") — ${element} is read-only (Moodle: 404)`])
  })

  it.each([
    ['cmi.completion_status', 'passed', '406'],
    ['cmi.success_status', 'completed', '406'],
    ['cmi.exit', 'finish', '406'],
    ['cmi.score.scaled', '1.5', '407'],
    ['cmi.score.scaled', '85', '407'],
    ['cmi.score.scaled', '-1.01', '407'],
    ['cmi.score.scaled', '.5', '406'],
    ['cmi.score.scaled', '1e-2', '406'],
    ['cmi.score.scaled', '', '406'],
    ['cmi.score.raw', '123456', '406'],
    ['cmi.score.raw', '', '406'],
    ['cmi.score.raw', '85,5', '406'],
    ['cmi.score.min', '1e2', '406'],
    ['cmi.score.max', '0.1234567890123456789', '406'],
    ['cmi.progress_measure', '1.5', '407'],
    ['cmi.progress_measure', '-0.1', '407'],
    ['cmi.location', 'l'.repeat(1001), '406'],
    ['cmi.suspend_data', 's'.repeat(64001), '406'],
    ['cmi.session_time', 'PT1.125S', '406'],
    ['cmi.session_time', 'PT', '406'],
    ['cmi.session_time', 'P1W', '406'],
    ['cmi.session_time', 'PT0.5H', '406'],
    ['cmi.session_time', '00:01:02', '406'],
  ])('rejects %s = %j (Moodle: %s)', (element, value, code) => rejects([], set(element, value), code))

  // Elements coursepack does not write: Moodle still checks their formats. (Objectives and comments
  // have the counts the LMS filled in, so only their values are judged.)
  it.each([
    ['cmi._version', '1.0', '404'],
    ['cmi._children', 'x', '404'],
    ['cmi.objectives._children', 'x', '404'],
    ['cmi.comments_from_learner._children', 'x', '404'],
    ['cmi.comments_from_lms._children', 'x', '404'],
    ['cmi.comments_from_lms._count', '1', '404'],
    ['cmi.comments_from_lms.0.comment', 'x', '404'],
    ['cmi.comments_from_lms.0.location', 'x', '404'],
    ['cmi.comments_from_lms.0.timestamp', '2024', '404'],
    ['cmi.comments_from_learner._count', '1', '404'],
    ['cmi.learner_preference._children', 'x', '404'],
    ['cmi.objectives.0.score._children', 'x', '404'],
    ['cmi.interactions.0.objectives._count', '1', '404'],
    ['cmi.interactions.0.correct_responses._count', '1', '404'],
    ['cmi.comments_from_learner.0.comment', '{x} hi', '406'],
    ['cmi.comments_from_learner.0.location', 'l'.repeat(251), '406'],
    ['cmi.comments_from_learner.0.timestamp', '12:30', '406'],
    ['cmi.learner_preference.language', 'english', '406'],
    ['cmi.learner_preference.audio_level', '-1', '407'],
    ['cmi.learner_preference.delivery_speed', '-0.5', '407'],
    ['cmi.learner_preference.audio_captioning', '0.5', '406'],
    ['cmi.learner_preference.audio_captioning', '2', '407'],
    ['cmi.objectives.0.id', 'a b', '406'],
    ['cmi.objectives.0.score.scaled', '2', '407'],
    ['cmi.objectives.0.score.raw', '1e2', '406'],
    ['cmi.objectives.0.score.min', '', '406'],
    ['cmi.objectives.0.score.max', '.5', '406'],
    ['cmi.objectives.0.success_status', 'completed', '406'],
    ['cmi.objectives.0.completion_status', 'passed', '406'],
    ['cmi.objectives.0.progress_measure', '2', '407'],
    ['cmi.objectives.0.description', '{x}', '406'],
    ['adl.nav.request', 'next', '406'],
  ])('rejects %s = %j (Moodle: %s)', (element, value, code) => rejects([], set(element, value), code))

  it('accepts what Moodle accepts, even where the spec or scorm-again would not', () => {
    accepts(
      ...['unknown', 'not attempted', 'incomplete', 'completed'].map((value) => set('cmi.completion_status', value)),
      ...['unknown', 'passed', 'failed'].map((value) => set('cmi.success_status', value)),
      ...['', 'normal', 'logout', 'time-out', 'suspend'].map((value) => set('cmi.exit', value)),
      ...['-1', '0.8', '1', '0.123456789012345678'].map((value) => set('cmi.score.scaled', value)),
      set('cmi.score.raw', '150'),
      set('cmi.score.raw', '-99999.5'),
      set('cmi.progress_measure', '0'),
      ...['PT1H2M3S', 'PT0S', 'PT1.25S', 'PT90M', 'P1DT2H', 'PT1,5S'].map((value) => set('cmi.session_time', value)),
      set('cmi.location', 'l'.repeat(1000)),
      set('cmi.suspend_data', `${'s'.repeat(63999)}\n`),
    )
  })

  it('wants interactions in order: id of n first, n at most the count (Moodle: 351, 408)', () => {
    rejects([], set(at(1, 'id'), 'q1'), '351')
    rejects([], set(at(0, 'type'), 'choice'), '408')
    rejects([], set(at(0, 'result'), 'correct'), '408')
    rejects([], set(at(0, 'correct_responses.0.pattern'), 'a'), '408')
    rejects([set(at(0, 'id'), 'q0')], set(at(0, 'learner_response'), 'a'), '408')
    rejects([set(at(0, 'id'), 'q0')], set(at(0, 'correct_responses.0.pattern'), 'a'), '408')
    rejects(interaction(0, 'choice'), set(at(0, 'correct_responses.1.pattern'), 'a'), '351')
    rejects(interaction(0, 'choice'), set('cmi.interactions.01.id', 'q1'), '351')
    rejects(interaction(0, 'choice'), set(at(0, 'objectives.1.id'), 'o1'), '351')
    rejects([...interaction(0, 'choice'), set(at(0, 'objectives.0.id'), 'o')], set(at(0, 'objectives.1.id'), 'o'), '351')
    rejects(interaction(0, 'choice'), set(at(0, 'objectives.0.id'), 'o 1'), '406')
    // Timestamp, weighting, latency, description, result and objectives need the id only; an id may be rewritten.
    accepts(set(at(0, 'id'), 'q0'), set(at(0, 'timestamp'), '2024-05-01T12:30:45'), set(at(0, 'objectives.0.id'), 'o'), set(at(0, 'id'), 'q0-renamed'), set(at(1, 'id'), 'q0'))
  })

  it('counts the interactions the LMS restored before the new ones', () => {
    accepts(get('cmi.interactions._count', '2'), ...interaction(2, 'choice'), set(at(2, 'learner_response'), 'a'), set(at(1, 'learner_response'), 'anything'))
    rejects([get('cmi.interactions._count', '2')], set(at(3, 'id'), 'q3'), '351')
  })

  it('reports a second type, which makes Moodle drop the correct responses', () => {
    expect(check(session(...interaction(0, 'choice'), set(at(0, 'correct_responses.0.pattern'), 'a'), set(at(0, 'type'), 'choice'), set(at(0, 'correct_responses.1.pattern'), 'b')))).toEqual([
      '#4 SetValue("cmi.interactions.0.type", "choice") — interaction 0 gets its type again (Moodle: true, and it empties correct_responses, dropping 1); set the type once',
      '#5 SetValue("cmi.interactions.0.correct_responses.1.pattern", "b") — cmi.interactions.0.correct_responses.1.pattern skips an index: the next pattern is 0 (Moodle: 351)',
    ])
  })

  it.each([
    ['id', 'q 1'],
    ['id', 'urn:x'],
    ['id', 'x'.repeat(4001)],
    ['id', ''],
    ['type', 'multiple-choice'],
    ['timestamp', '2024-05-01T12:30:45Z'],
    ['timestamp', '2024-05-01 12:30:45'],
    ['timestamp', '12:30:45'],
    ['timestamp', '2024-05-01T12:30:45.123Z'],
    ['timestamp', '2039-01-01T00:00:00'],
    ['weighting', '1e2'],
    ['weighting', ''],
    ['result', 'wrong'],
    ['result', '12345'],
    ['latency', 'PT0.123S'],
    ['description', '{x} braces'],
    ['description', 'line1\nline2'],
    ['description', 'd'.repeat(252)],
  ])('rejects interaction %s = %j (Moodle: 406)', (field, value) => rejects(interaction(0, 'choice'), set(at(0, field), value), '406'))

  it('accepts the interaction fields Moodle accepts', () => {
    accepts(
      ...interaction(0, 'choice'),
      ...['übung-1', 'urn:coursepack:treaty:q-1.a', 'x'.repeat(4000)].map((value) => set(at(0, 'id'), value)),
      ...['2024-05-01T12:30:45', '2024-05-01T12:30:45.5+02:00', '2024-05-01T12:30:45.12+02', '2024-05-01T12:30:45.12Z', '2024-05-01T12:30:45.0Z', '2024-05-01T12:30', '2038-12-31'].map((value) =>
        set(at(0, 'timestamp'), value),
      ),
      ...['1', '-2.5'].map((value) => set(at(0, 'weighting'), value)),
      ...['correct', 'incorrect', 'unanticipated', 'neutral', '-1234.5'].map((value) => set(at(0, 'result'), value)),
      ...['PT5S', 'PT1M5.25S'].map((value) => set(at(0, 'latency'), value)),
      ...['d'.repeat(251), '{lang=zh-CN}哪一年', ''].map((value) => set(at(0, 'description'), value)),
    )
  })

  const choices = (count: number) => Array.from({ length: count }, (_, k) => `c${k}`).join('[,]')
  it.each([
    ['true-false', 't', '406'],
    ['true-false', '1', '406'],
    ['choice', 'a,b', '406'],
    ['choice', 'opt-1', '406'],
    ['choice', 'ü', '406'],
    ['choice', 'i'.repeat(251), '406'],
    ['choice', 'a[,]a', '406'],
    ['choice', '', '406'],
    ['choice', 'a\nb', '406'],
    ['choice', choices(37), '351'],
    ['fill-in', 'w[,]'.repeat(10) + 'w', '351'],
    ['fill-in', 'Beijing\n', '406'],
    ['long-fill-in', 'a\r\nb', '406'],
    ['long-fill-in', 'a\u2029b', '406'],
    ['matching', '1.a', '406'],
    ['matching', '1[.]a[.]b', '406'],
    ['sequencing', 'a-b', '406'],
    ['numeric', '3,14', '406'],
    ['numeric', '1e3', '406'],
    ['numeric', '123456', '406'],
    ['matching', Array.from({ length: 37 }, (_, k) => `s${k}[.]t`).join('[,]'), '351'],
    ['sequencing', choices(37), '351'],
    ['likert', 'strongly agree', '406'],
    ['other', 'o'.repeat(4001), '406'],
    ['other', 'line1\nline2', '406'],
    ['performance', 'a', '406'],
    ['performance', Array.from({ length: 251 }, () => 'a[.]1').join('[,]'), '351'],
  ])('rejects a %s learner_response %j (Moodle: %s)', (type, value, code) => rejects(interaction(0, type), set(at(0, 'learner_response'), value), code))

  it('accepts the learner responses Moodle accepts (fill-in is not checked beyond one line and 10 nodes)', () => {
    const responses: [string, string[]][] = [
      ['true-false', ['true', 'false']],
      ['choice', ['a', 'a[,]b', 'opt_1.b', 'A[,]B[,]C', choices(36)]],
      ['fill-in', ['Beijing', 'Mao Zedong', '{lang=en}Beijing', '毛泽东', '', 'f'.repeat(300), '{abc} answer', 'w[,]'.repeat(9) + 'w']],
      ['long-fill-in', ['l'.repeat(4001), '{case_matters=true}text']],
      ['matching', ['1[.]a[,]2[.]c', 'src_1[.]tgt_a']],
      ['sequencing', ['c[,]a[,]b', 'a[,]a']],
      ['numeric', ['3.14', '-12.5', '99999']],
      ['likert', ['agree']],
      ['other', ['o'.repeat(4000)]],
      ['performance', ['step_1[.]3.5[,][.]x']],
    ]
    accepts(...responses.flatMap(([type, values], n) => [...interaction(n, type), ...values.map((value) => set(at(n, 'learner_response'), value))]))
  })

  it.each([
    ['true-false', [], '', '406'],
    ['true-false', ['true'], 'false', '351'],
    ['choice', [], 'a[,]a', '406'],
    ['choice', [], 'a,b', '406'],
    ['choice', [], 'a[,]', '406'],
    ['choice', ['a', 'b'], 'a', '351'],
    ['choice', [], choices(37), '351'],
    ['fill-in', [], '{lang=zz}Beijing', '406'],
    ['fill-in', [], '{case_matters=yes}Beijing', '406'],
    ['fill-in', [], '{order_matters=1}a[,]b', '406'],
    ['fill-in', [], 'p'.repeat(251), '406'],
    ['fill-in', [], 'w[,]'.repeat(10) + 'w', '351'],
    ['fill-in', [], 'Bei\njing', '406'],
    ['long-fill-in', ['same'], 'same', '351'],
    ['long-fill-in', [], 'two\nlines', '406'],
    ['other', [], 'two\nlines', '406'],
    ['matching', [], '1.a,2.c', '406'],
    ['numeric', [], '5[:]1', '406'],
    ['numeric', [], '[:]5', '406'],
    ['numeric', [], '1[:]', '406'],
    ['numeric', [], '1[:]2[:]3', '351'],
    ['numeric', ['1[:]5'], '3.14', '351'],
    ['likert', ['agree'], 'disagree', '351'],
    ['other', ['a'], 'b', '351'],
  ])('rejects a %s correct pattern after %j: %j (Moodle: %s)', (type, before, value, code) =>
    rejects([...interaction(0, type), ...before.map((pattern, m) => set(at(0, `correct_responses.${m}.pattern`), pattern))], set(at(0, `correct_responses.${before.length}.pattern`), value), code),
  )

  it('accepts the correct patterns Moodle accepts', () => {
    const patterns: [string, string[]][] = [
      ['true-false', ['true']],
      ['choice', ['a', 'b[,]c', '']],
      ['fill-in', ['{case_matters=false}{lang=en}Beijing[,]{order_matters=true}Mao Zedong', '{lang=EN-gb}{case_matters=true}p'.concat('p'.repeat(249)), '{lang=en}{case_matters=yes}x']],
      ['long-fill-in', ['{case_matters=true}text', '', '']],
      ['matching', ['1[.]a[,]2[.]c', '1[.]a']],
      ['sequencing', ['a[,]a', 'a[,]a']],
      ['numeric', ['1950[:]1950']],
      ['likert', ['agree']],
      ['other', ['o'.repeat(4000)]],
    ]
    accepts(...patterns.flatMap(([type, values], n) => [...interaction(n, type), ...values.map((value, m) => set(at(n, `correct_responses.${m}.pattern`), value))]))
    accepts(...interaction(0, 'numeric'), set(at(0, 'correct_responses.0.pattern'), '1[:]5'), set(at(0, 'correct_responses.0.pattern'), '3.14'))
  })

  it('says when a pattern makes Moodle throw', () => {
    expect(check(session(...interaction(0, 'fill-in'), set(at(0, 'correct_responses.0.pattern'), '{lang=-ab}x')))).toEqual([
      '#3 SetValue("cmi.interactions.0.correct_responses.0.pattern", "{lang=-ab}x") — cmi.interactions.0.correct_responses.0.pattern: {lang=-ab} names no language (Moodle: a TypeError, thrown into the SCO)',
    ])
  })

  it('judges no value of a call the harness failed on purpose, and shows long values by their start', () => {
    const injected: Call = { ...set('cmi.session_time', '1 hour'), result: 'false', error: '101', injected: true }
    expect(check(session(injected))).toEqual([])
    expect(check(session(set('cmi.location', `${'l'.repeat(1000)}!`)))).toEqual([
      `#1 SetValue("cmi.location", "${'l'.repeat(40)}"… (1001 characters)) — cmi.location is 1001 characters, more than 1000 (Moodle: 406)`,
    ])
  })

  it('keeps SCORM 1.2 the default standard', () => {
    const log = session(set('cmi.completion_status', 'completed'))
    expect(check(log)).toEqual([])
    expect(checkMoodleRules(log)).toContain('LMSFinish must be called exactly once')
  })
})
