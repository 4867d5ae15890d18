import type { Connection } from './connection.js'
import { findApi } from './find-api.js'

/**
 * How one standard names its API: the window property (`API`,
 * `API_1484_11`) and its eight functions (SCORM 1.2 `LMSInitialize`…, SCORM
 * 2004 `Initialize`…), in the order initialize, finish, get, set, commit,
 * last error, error string, diagnostic.
 */
export interface ApiNames {
  readonly object: string
  readonly functions: readonly [string, string, string, string, string, string, string, string]
  /** The error code a call after the end gets (1.2: 301, 2004: 143). */
  readonly afterFinishCode: number
  /** The code a get of an element never set answers, which just means empty (2004: 403). */
  readonly notSetCode?: number
}

type Api = Record<string, (...args: string[]) => unknown>

/**
 * A Connection over the LMS's SCORM API object found from `win` (see
 * find-api.ts), or `null` when there is none. Always passes the explicit
 * empty string to initialize/commit/finish (Moodle answers 201 to a call
 * without it), writes strings only, checks the last error after every call,
 * never throws into the page, and makes no call after the end.
 */
export function connectApi(win: Window, { object, functions, afterFinishCode, notSetCode }: ApiNames): Connection | null {
  const [initializeName, finishName, getName, setName, commitName, lastErrorName, errorStringName, diagnosticName] = functions
  // The six every call needs; the two that only describe an error may be missing.
  const required = functions.slice(0, 6)
  const lms = findApi(win, object, (candidate): candidate is Api =>
    typeof candidate === 'object' && candidate !== null && required.every((name) => typeof (candidate as Api)[name] === 'function'))
  if (!lms) return null
  let finished = false

  /** One call: its value as a string and the last error code (101 when the call threw). */
  const call = (name: string, args: string[], label = name, quiet?: number): [value: string, code: number] => {
    if (finished) return ['false', afterFinishCode]
    let value: string
    try {
      value = String(lms[name]!(...args))
    } catch (error) {
      console.warn(`coursepack: ${label} threw`, error)
      return ['false', 101]
    }
    let code = 101
    try {
      code = Number(lms[lastErrorName]!())
      if (!Number.isFinite(code)) code = 101
    } catch {
      // An API that cannot say its error: count the call as failed.
    }
    if (code !== 0 && code !== quiet) {
      let description = 'unknown error'
      try {
        description = `${String(lms[errorStringName]!(String(code)))} (${String(lms[diagnosticName]!(String(code)))})`
      } catch {
        // No words for it: the code alone.
      }
      console.warn(`coursepack: ${label} → error ${code}: ${description}`)
    }
    return [value, code]
  }
  /** Whether a call answered "true" without an error. */
  const succeeded = ([value, code]: [string, number]) => value === 'true' && code === 0

  return {
    kind: 'lms',
    initialize: () => call(initializeName, [''])[0] === 'true',
    get(element) {
      const [value, code] = call(getName, [element], `${getName}(${element})`, notSetCode)
      return code === 0 ? value : ''
    },
    set(element, value) {
      const result = call(setName, [element, String(value)], `${setName}(${element})`)
      return succeeded(result) ? { ok: true } : { ok: false, code: result[1] || 101 }
    },
    commit: () => succeeded(call(commitName, [''])),
    finish() {
      const [value] = call(finishName, [''])
      finished = true
      return value === 'true'
    },
  }
}
