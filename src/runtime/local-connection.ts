import type { Connection } from './connection.js'

/** What is kept between visits without an LMS. */
const kept = ['cmi.suspend_data', 'cmi.core.lesson_location', 'cmi.core.lesson_status', 'cmi.core.score.raw', 'cmi.core.student_id']

/**
 * A Connection for a course opened without an LMS (from disk, or a preview):
 * progress is kept in the browser's localStorage under the course's id, and
 * nothing is reported anywhere.
 */
export function createLocalConnection(storageKey: string, storage: Storage | null = safeStorage()): Connection {
  let values: Record<string, string> = {}
  try {
    values = JSON.parse(storage?.getItem(storageKey) ?? '{}') as Record<string, string>
  } catch {
    values = {}
  }
  let finished = false
  // Without an LMS there is no learner id: make one, so that question draws stay the same on return.
  if (!values['cmi.core.student_id']) values['cmi.core.student_id'] = `local-${Math.random().toString(36).slice(2, 10)}`

  return {
    kind: 'local',
    initialize: () => true,
    get(element) {
      if (element === 'cmi.core.entry') return values['cmi.suspend_data'] ? 'resume' : 'ab-initio'
      if (element === 'cmi.core.lesson_status') return values[element] ?? 'not attempted'
      return values[element] ?? ''
    },
    set(element, value) {
      if (finished) return { ok: false, code: 301 }
      if (kept.includes(element)) values[element] = value
      return { ok: true }
    },
    commit() {
      if (finished) return false
      try {
        storage?.setItem(storageKey, JSON.stringify(values))
      } catch {
        // Storage full or blocked: progress lasts as long as the page.
      }
      return true
    },
    finish() {
      finished = true
      return true
    },
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
