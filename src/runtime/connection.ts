/** Outcome of a write: SCORM 1.2 error code when it failed. */
export type SetResult = { readonly ok: true } | { readonly ok: false; readonly code: number }

/**
 * The LMS as the session sees it: a SCORM 1.2 API, or the browser's storage
 * when there is no LMS. Never throws.
 */
export interface Connection {
  /** `lms` when scores reach an LMS, `local` when nothing is reported. */
  readonly kind: 'lms' | 'local'
  initialize(): boolean
  get(element: string): string
  set(element: string, value: string): SetResult
  commit(): boolean
  /** Ends the session; every later call does nothing and fails. */
  finish(): boolean
}
