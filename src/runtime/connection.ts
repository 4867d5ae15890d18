/** Outcome of a write: the standard's error code when it failed. */
export type SetResult = { readonly ok: true } | { readonly ok: false; readonly code: number }

/**
 * The LMS's API as calls on named elements, in the data model of the
 * package's standard (see lms.ts); or the browser's storage when there is no
 * LMS. Never throws.
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
