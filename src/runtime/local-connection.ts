import type { Connection } from './connection.js'

/**
 * A Connection for a course opened without an LMS (from disk, or a preview):
 * what the session writes is kept in the browser's localStorage under the
 * course's id, in the package's own data model, and reported nowhere.
 * Interactions are a report for the teacher, so they are not kept.
 */
export function createLocalConnection(storageKey: string, learnerIdElement: string, storage: Storage | null = safeStorage()): Connection {
  let values: Record<string, string> = {}
  try {
    const stored: unknown = JSON.parse(storage?.getItem(storageKey) ?? '{}')
    if (typeof stored === 'object' && stored !== null) values = stored as Record<string, string>
  } catch {
    values = {}
  }
  let finished = false
  // Without an LMS there is no learner id: make one, so that question draws stay the same on return.
  if (!values[learnerIdElement]) values[learnerIdElement] = `local-${Math.random().toString(36).slice(2, 10)}`

  return {
    kind: 'local',
    initialize: () => true,
    get: (element) => (typeof values[element] === 'string' ? values[element] : ''),
    set(element, value) {
      if (finished) return { ok: false, code: 301 }
      if (!element.includes('.interactions.')) values[element] = value
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
