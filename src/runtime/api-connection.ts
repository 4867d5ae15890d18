import type { Connection, SetResult } from './connection.js'

export interface Logger {
  warn(...values: unknown[]): void
}

/** What one standard calls the eight functions of its API (SCORM 1.2 `LMSInitialize`…, SCORM 2004 `Initialize`…). */
export interface ApiFunctions {
  readonly initialize: string
  readonly finish: string
  readonly get: string
  readonly set: string
  readonly commit: string
  readonly lastError: string
  readonly errorString: string
  readonly diagnostic: string
  /** The error code a call after the end gets (1.2: 301, 2004: 143). */
  readonly afterFinishCode: number
  /** The code a get of an element never set answers, which just means empty (2004: 403). */
  readonly notSetCode?: number
}

type Api = Record<string, (...args: string[]) => unknown>

/**
 * A Connection over an LMS's SCORM API object. Always passes the explicit
 * empty string to initialize/commit/finish (Moodle answers 201 to a call
 * without it), writes strings only, checks the last error after every call,
 * never throws into the page, and makes no call after the end.
 */
export function createApiConnection(api: object, functions: ApiFunctions, logger: Logger = console): Connection {
  const lms = api as Api
  let finished = false

  const lastError = (): number => {
    try {
      const code = Number(lms[functions.lastError]!())
      return Number.isFinite(code) ? code : 101
    } catch {
      return 101
    }
  }
  const describe = (code: number): string => {
    try {
      return `${String(lms[functions.errorString]!(String(code)))} (${String(lms[functions.diagnostic]!(String(code)))})`
    } catch {
      return 'unknown error'
    }
  }
  const call = (name: string, args: string[], label = name, quiet?: number): { value: string; code: number } => {
    if (finished) return { value: 'false', code: functions.afterFinishCode }
    let value: string
    try {
      value = String(lms[name]!(...args))
    } catch (error) {
      logger.warn(`coursepack: ${label} threw`, error)
      return { value: 'false', code: 101 }
    }
    const code = lastError()
    if (code !== 0 && code !== quiet) logger.warn(`coursepack: ${label} → error ${code}: ${describe(code)}`)
    return { value, code }
  }

  return {
    kind: 'lms',
    initialize: () => call(functions.initialize, ['']).value === 'true',
    get(element) {
      const { value, code } = call(functions.get, [element], `${functions.get}(${element})`, functions.notSetCode)
      return code === 0 ? value : ''
    },
    set(element, value): SetResult {
      const result = call(functions.set, [element, String(value)], `${functions.set}(${element})`)
      if (result.value === 'true' && result.code === 0) return { ok: true }
      return { ok: false, code: result.code || 101 }
    },
    commit: () => {
      const { value, code } = call(functions.commit, [''])
      return value === 'true' && code === 0
    },
    finish() {
      const { value } = call(functions.finish, [''])
      finished = true
      return value === 'true'
    },
  }
}
