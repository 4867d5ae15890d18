import type { QuizView } from './session.js'
import type { SaveStatus } from './save-queue.js'

/**
 * Messages between the course shell (`index.html`, which owns the LMS
 * session) and the page in its frame. postMessage works across file://
 * frames too, where the two documents cannot touch each other directly.
 */
export type ToShell =
  | { readonly type: 'cp:hello'; readonly pageId: string }
  | {
      readonly type: 'cp:submit'
      readonly pageId: string
      readonly responses: Readonly<Record<string, readonly string[]>>
      readonly latencyMs: number
      /** Each question's prompt as plain text, for the LMS's record (SCORM 2004's interaction description). */
      readonly prompts?: Readonly<Record<string, string>>
    }

export type ToPage =
  /** The shell is ready: say hello (again). */
  | { readonly type: 'cp:ready' }
  | { readonly type: 'cp:quiz'; readonly view: QuizView; readonly strings: Readonly<Record<string, string>>; readonly submitted: boolean }
  | { readonly type: 'cp:save-status'; readonly status: SaveStatus | 'standalone' }

export function isMessage<T extends { type: string }>(data: unknown): data is T {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string' && (data as { type: string }).type.startsWith('cp:')
}
