import type { Connection } from './connection.js'

export type SaveStatus = 'saving' | 'saved' | 'retrying' | 'failed'

export interface Options {
  readonly connection: Connection
  /** Told whenever the state of saving changes, for the "saved" indicator. */
  readonly onStatus: (status: SaveStatus) => void
  /** Waits between retries; after the last one the learner is told, and retries go on at the last delay. */
  readonly retryDelays?: readonly number[]
  readonly schedule?: (run: () => void, milliseconds: number) => unknown
}

/**
 * SCORM 1.2 errors that a retry cannot mend: the element or value is wrong
 * (201, 401–405) or the session is over (301). Such a write is dropped (and
 * logged by the connection) so it cannot hold up the writes behind it.
 */
const permanentErrors = new Set([201, 301, 401, 402, 403, 404, 405])

/**
 * Writes to the LMS in order, then LMSCommit. A write or commit that fails
 * is retried with growing delays, keeping the order (an interaction's `id`
 * before its other fields, the score before the status). A value written
 * again before it was sent replaces the pending one and moves to the end,
 * so the order is always that of the latest writes.
 */
export class SaveQueue {
  private readonly pending: [string, string][] = []
  private needsCommit = false
  private failures = 0
  private retryTimer: unknown = undefined
  private readonly retryDelays: readonly number[]
  private readonly schedule: (run: () => void, milliseconds: number) => unknown

  constructor(private readonly options: Options) {
    this.retryDelays = options.retryDelays ?? [250, 500, 1000, 2000, 4000]
    this.schedule = options.schedule ?? ((run, milliseconds) => setTimeout(run, milliseconds))
  }

  /** Queue one write; nothing is sent until `save()`. */
  write(element: string, value: string): void {
    const queued = this.pending.findIndex(([name]) => name === element)
    if (queued !== -1) this.pending.splice(queued, 1)
    this.pending.push([element, value])
    this.needsCommit = true
  }

  /** Send every queued write, then commit. Returns true when everything reached the LMS. */
  save(): boolean {
    if (!this.needsCommit) return true
    this.options.onStatus('saving')
    while (this.pending.length > 0) {
      const [element, value] = this.pending[0]!
      const result = this.options.connection.set(element, value)
      if (!result.ok && !permanentErrors.has(result.code)) return this.retryLater()
      this.pending.shift()
      // Writes get through again: an LMS that recovers is retried quickly.
      this.failures = 0
    }
    if (!this.options.connection.commit()) return this.retryLater()
    this.needsCommit = false
    this.failures = 0
    this.options.onStatus('saved')
    return true
  }

  /** True while writes wait to reach the LMS. */
  get unsaved(): boolean {
    return this.needsCommit
  }

  private retryLater(): false {
    this.failures += 1
    const exhausted = this.failures > this.retryDelays.length
    this.options.onStatus(exhausted ? 'failed' : 'retrying')
    if (this.retryTimer === undefined) {
      const delay = this.retryDelays[Math.min(this.failures, this.retryDelays.length) - 1] ?? 1000
      this.retryTimer = this.schedule(() => {
        this.retryTimer = undefined
        this.save()
      }, delay)
    }
    return false
  }
}
