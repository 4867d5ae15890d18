import { describe, expect, it } from 'vitest'
import type { Connection } from '../../src/runtime/connection.js'
import { createSaveQueue, type SaveQueue, type SaveStatus } from '../../src/runtime/save-queue.js'

/**
 * An LMS whose calls fail as a script says: `failing(call)` is asked before
 * every set or commit (1-based call numbers per kind) and returns an error
 * code to fail it with, or 0 to let it through.
 */
function scriptedLms(failing: (kind: 'set' | 'commit', number: number, element?: string) => number = () => 0) {
  const log: string[] = []
  const counts = { set: 0, commit: 0 }
  const connection: Connection = {
    kind: 'lms',
    initialize: () => true,
    get: () => '',
    set(element, value) {
      const code = failing('set', ++counts.set, element)
      if (code) return (log.push(`✗ ${element}`), { ok: false, code })
      log.push(`${element}=${value}`)
      return { ok: true }
    },
    commit() {
      if (failing('commit', ++counts.commit)) return (log.push('✗ commit'), false)
      log.push('commit')
      return true
    },
    finish: () => true,
  }
  return { connection, log }
}

function queueFor(lms: ReturnType<typeof scriptedLms>, clock = { now: 0 }) {
  const statuses: SaveStatus[] = []
  const timers: { run: () => void; delay: number }[] = []
  const queue = createSaveQueue({
    connection: lms.connection,
    onStatus: (status) => statuses.push(status),
    schedule: (run, delay) => timers.push({ run, delay }),
    cancel: () => (timers.length = 0),
    now: () => clock.now,
  })
  return { queue, statuses, timers }
}

/** A visit's worth of writes: the records of an answer, the saved state, then the score. */
function queueSubmission(queue: SaveQueue) {
  queue.write('cmi.interactions.0.id', 'quiz.q1', 'detail')
  queue.write('cmi.interactions.0.result', 'correct', 'detail')
  queue.write('cmi.suspend_data', 'state', 'state')
  queue.write('cmi.core.score.raw', '100', 'outcome')
  queue.write('cmi.core.lesson_status', 'passed', 'outcome')
}

describe('SaveQueue', () => {
  it('sends the outcome and commits it before what resume needs, then the records, then commits again', () => {
    const lms = scriptedLms()
    const { queue, statuses } = queueFor(lms)
    queueSubmission(queue)
    expect(queue.save()).toBe(true)
    expect(lms.log).toEqual([
      'cmi.core.score.raw=100',
      'cmi.core.lesson_status=passed',
      'commit',
      'cmi.suspend_data=state',
      'cmi.interactions.0.id=quiz.q1',
      'cmi.interactions.0.result=correct',
      'commit',
    ])
    expect(statuses).toEqual(['saving', 'saved'])
    expect(queue.unsaved).toBe(false)
  })

  it('a value written again before it was sent replaces the queued one', () => {
    const lms = scriptedLms()
    const { queue } = queueFor(lms)
    queue.write('cmi.core.lesson_status', 'failed', 'outcome')
    queue.write('cmi.core.lesson_status', 'passed', 'outcome')
    queue.save()
    expect(lms.log).toEqual(['cmi.core.lesson_status=passed', 'commit'])
  })

  it('while the page lives, waits for a timer after a failure and goes on in order', () => {
    const lms = scriptedLms((kind, number) => (kind === 'set' && number === 2 ? 101 : 0))
    const { queue, statuses, timers } = queueFor(lms)
    queueSubmission(queue)
    expect(queue.save()).toBe(false)
    expect(statuses).toEqual(['saving', 'retrying'])
    expect(timers.map((timer) => timer.delay)).toEqual([250])
    expect(lms.log).toEqual(['cmi.core.score.raw=100', '✗ cmi.core.lesson_status'])
    timers.shift()!.run()
    expect(lms.log.slice(2, 5)).toEqual(['cmi.core.lesson_status=passed', 'commit', 'cmi.suspend_data=state'])
    expect(statuses.at(-1)).toBe('saved')
  })

  it('says "saved" only once a commit has taken everything', () => {
    const lms = scriptedLms((kind) => (kind === 'commit' ? 101 : 0))
    const { queue, statuses, timers } = queueFor(lms)
    queueSubmission(queue)
    queue.save()
    for (let round = 0; round < 8; round++) timers.shift()?.run()
    expect(statuses).not.toContain('saved')
    expect(statuses.at(-1)).toBe('failed')
    expect(queue.unsaved).toBe(true)
  })

  it('drops a write the LMS refuses for good, and says the outcome may be lost when it was the score', () => {
    const lms = scriptedLms((kind, _number, element) => (kind === 'set' && element === 'cmi.core.score.raw' ? 405 : 0))
    const { queue, statuses, timers } = queueFor(lms)
    queueSubmission(queue)
    expect(queue.save()).toBe(true)
    expect(timers).toEqual([])
    expect(lms.log).toContain('cmi.interactions.0.result=correct')
    expect(statuses.at(-1)).toBe('failed')
  })

  it('on leaving, retries each failing call at once, without timers', () => {
    // Every third call fails, as in a flaky LMS.
    const lms = scriptedLms((_kind, number) => (number % 3 === 0 ? 101 : 0))
    const { queue, timers } = queueFor(lms)
    queueSubmission(queue)
    expect(queue.flush()).toBe(true)
    expect(timers).toEqual([])
    expect(lms.log.filter((entry) => !entry.startsWith('✗'))).toEqual([
      'cmi.core.score.raw=100',
      'cmi.core.lesson_status=passed',
      'commit',
      'cmi.suspend_data=state',
      'cmi.interactions.0.id=quiz.q1',
      'cmi.interactions.0.result=correct',
      'commit',
    ])
    expect(queue.unsaved).toBe(false)
  })

  it('on leaving, cancels a pending retry timer and sends at once', () => {
    const lms = scriptedLms((kind, number) => (kind === 'set' && number === 1 ? 101 : 0))
    const { queue, timers } = queueFor(lms)
    queueSubmission(queue)
    queue.save()
    expect(timers).toHaveLength(1)
    expect(queue.flush()).toBe(true)
    expect(timers).toEqual([])
    expect(lms.log.at(-1)).toBe('commit')
  })

  it('on leaving, stops within its time budget and gives up the records before the outcome', () => {
    const clock = { now: 0 }
    // An LMS that takes 400 ms per call and takes only the outcome's calls.
    const lms = scriptedLms((_kind, _number, element) => {
      clock.now += 400
      return element?.startsWith('cmi.interactions') ? 101 : 0
    })
    const { queue } = queueFor(lms, clock)
    queueSubmission(queue)
    expect(queue.flush({ budgetMs: 1500, triesPerCall: 3 })).toBe(false)
    expect(clock.now).toBeLessThanOrEqual(1500 + 400)
    expect(lms.log.slice(0, 3)).toEqual(['cmi.core.score.raw=100', 'cmi.core.lesson_status=passed', 'commit'])
    expect(lms.log).not.toContain('cmi.interactions.0.result=correct')
  })

  it('on leaving, tries a call at most the given number of times', () => {
    const lms = scriptedLms(() => 101)
    const { queue } = queueFor(lms)
    queue.write('cmi.core.score.raw', '100', 'outcome')
    expect(queue.flush({ budgetMs: 10_000, triesPerCall: 3 })).toBe(false)
    expect(lms.log).toEqual(['✗ cmi.core.score.raw', '✗ cmi.core.score.raw', '✗ cmi.core.score.raw'])
  })
})
