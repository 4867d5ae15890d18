import type { Connection, SetResult } from './connection.js'
import type { Scorm12Api } from './find-api.js'

export interface Logger {
  warn(...values: unknown[]): void
}

/**
 * A Connection over the LMS's SCORM 1.2 API. Always passes the explicit
 * empty string to LMSInitialize/Commit/Finish (Moodle answers 201 to a call
 * without it), writes strings only, checks LMSGetLastError after every call,
 * never throws into the page, and makes no call after LMSFinish.
 */
export function createScorm12Connection(api: Scorm12Api, logger: Logger = console): Connection {
  let finished = false

  const call = (name: string, run: () => string): { value: string; code: number } => {
    if (finished) return { value: 'false', code: 301 }
    let value: string
    try {
      value = String(run())
    } catch (error) {
      logger.warn(`coursepack: ${name} threw`, error)
      return { value: 'false', code: 101 }
    }
    const code = lastError(api)
    if (code !== 0) {
      logger.warn(`coursepack: ${name} → error ${code}: ${describe(api, code)}`)
    }
    return { value, code }
  }

  return {
    kind: 'lms',
    initialize: () => call('LMSInitialize', () => api.LMSInitialize('')).value === 'true',
    get(element) {
      const { value, code } = call(`LMSGetValue(${element})`, () => api.LMSGetValue(element))
      return code === 0 ? value : ''
    },
    set(element, value): SetResult {
      const result = call(`LMSSetValue(${element})`, () => api.LMSSetValue(element, String(value)))
      if (result.value === 'true' && result.code === 0) return { ok: true }
      return { ok: false, code: result.code || 101 }
    },
    commit: () => {
      const { value, code } = call('LMSCommit', () => api.LMSCommit(''))
      return value === 'true' && code === 0
    },
    finish() {
      const { value } = call('LMSFinish', () => api.LMSFinish(''))
      finished = true
      return value === 'true'
    },
  }
}

function lastError(api: Scorm12Api): number {
  try {
    const code = Number(api.LMSGetLastError())
    return Number.isFinite(code) ? code : 101
  } catch {
    return 101
  }
}

function describe(api: Scorm12Api, code: number): string {
  try {
    return `${api.LMSGetErrorString(String(code))} (${api.LMSGetDiagnostic(String(code))})`
  } catch {
    return 'unknown error'
  }
}
