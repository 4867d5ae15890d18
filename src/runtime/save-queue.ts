import type { Connection } from './connection.js'

export type SaveStatus = 'saving' | 'saved' | 'retrying' | 'failed'

/**
 * How much a write matters, in the order writes go out:
 * - `outcome`: what the gradebook shows (score, status). Sent first and
 *   committed on its own, so a slow or failing LMS cannot keep it waiting
 *   behind the rest of the visit.
 * - `state`: what resume needs (location, suspend_data, exit, session time).
 * - `detail`: the record of each answer (interactions): useful reports, but
 *   the first thing to give up when time runs out as the page closes.
 */
export type Lane = 'outcome' | 'state' | 'detail'
const lanes: readonly Lane[] = ['outcome', 'state', 'detail']

export interface Options {
  readonly connection: Connection
  /** Told whenever the state of saving changes, for the "saved" indicator. */
  readonly onStatus: (status: SaveStatus) => void
  /** Waits between retries; after the last one the learner is told, and retries go on at the last delay. */
  readonly retryDelays?: readonly number[]
  readonly schedule?: (run: () => void, milliseconds: number) => unknown
  readonly cancel?: (timer: unknown) => void
  /** A clock in milliseconds, for the time budget of `flush()`. */
  readonly now?: () => number
}

/** How long `flush()` may hold a closing page, and how often it tries one call. */
export interface FlushLimits {
  readonly budgetMs: number
  readonly triesPerCall: number
}

/**
 * SCORM errors that a retry cannot mend: the element or value is wrong
 * (1.2: 201, 401–405; 2004: 351, 401–408) or the session is over (1.2: 301;
 * 2004: 132, 133, 142, 143). Such a write is dropped (and logged by the
 * connection) so it cannot hold up the writes behind it.
 */
const permanentErrors = new Set([132, 133, 142, 143, 201, 301, 351, 401, 402, 403, 404, 405, 406, 407, 408])

type Outcome = 'sent' | 'refused' | 'failed'

/**
 * Writes to the LMS, lane by lane, each lane in the order of its writes (an
 * interaction's `id` before its other fields, the score before the status),
 * and commits: after the outcome lane, then after the rest. A write or commit
 * that fails is retried with growing delays while the page lives, and at
 * once, within a time budget, when it goes away (`flush`). A value written
 * again before it was sent replaces the pending one and moves to the end of
 * its lane, so the order is always that of the latest writes.
 */
export class SaveQueue {
  private readonly pending: Record<Lane, [string, string][]> = { outcome: [], state: [], detail: [] }
  /** Writes that reached the LMS but no commit yet. */
  private uncommitted: Record<'outcome' | 'rest', boolean> = { outcome: false, rest: false }
  /** An outcome write the LMS refused for good since the last one it took: the score may be lost. */
  private outcomeRefused = false
  private failures = 0
  private retryTimer: unknown = undefined
  private readonly retryDelays: readonly number[]
  private readonly schedule: (run: () => void, milliseconds: number) => unknown
  private readonly cancel: (timer: unknown) => void
  private readonly now: () => number

  constructor(private readonly options: Options) {
    this.retryDelays = options.retryDelays ?? [250, 500, 1000, 2000, 4000]
    this.schedule = options.schedule ?? ((run, milliseconds) => setTimeout(run, milliseconds))
    this.cancel = options.cancel ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>))
    this.now = options.now ?? (() => Date.now())
  }

  /** Queue one write; nothing is sent until `save()` or `flush()`. */
  write(element: string, value: string, lane: Lane = 'state'): void {
    for (const queue of lanes.map((name) => this.pending[name])) {
      const queued = queue.findIndex(([name]) => name === element)
      if (queued !== -1) queue.splice(queued, 1)
    }
    this.pending[lane].push([element, value])
  }

  /**
   * Send what is queued, one call at a time, and commit. A failure waits for
   * a retry timer, keeping the order. Returns true when everything reached
   * the LMS and was committed.
   */
  save(): boolean {
    if (!this.unsaved) return true
    this.options.onStatus('saving')
    // One try per call while the page lives: a failure waits for the retry timer.
    if (!this.sendAll((call) => call())) return this.retryLater()
    this.failures = 0
    this.options.onStatus(this.outcomeRefused ? 'failed' : 'saved')
    return true
  }

  /**
   * The page is going away: send everything now, synchronously, trying each
   * call a few times at once (a timer would never fire), and give up on what
   * is left when the time budget is spent so the browser does not hang.
   * Outcome first, so the budget goes where it matters most.
   */
  flush(limits: FlushLimits = { budgetMs: 1500, triesPerCall: 3 }): boolean {
    if (this.retryTimer !== undefined) this.cancel(this.retryTimer)
    this.retryTimer = undefined
    if (!this.unsaved) return true
    const deadline = this.now() + limits.budgetMs
    const sendNow = (call: () => Outcome): Outcome => {
      let outcome: Outcome = 'failed'
      for (let tries = 0; tries < limits.triesPerCall && this.now() <= deadline; tries++) {
        outcome = call()
        if (outcome !== 'failed') break
      }
      return outcome
    }
    return this.sendAll((call) => sendNow(call))
  }

  /** True while writes wait to reach the LMS or to be committed. */
  get unsaved(): boolean {
    return lanes.some((lane) => this.pending[lane].length > 0) || this.uncommitted.outcome || this.uncommitted.rest
  }

  /**
   * Outcome writes, their commit, then the other lanes and a commit. Each call
   * goes through `attempt`, which says whether it got through; stops at the
   * first call that did not.
   */
  private sendAll(attempt: (call: () => Outcome) => Outcome): boolean {
    if (!this.drain('outcome', attempt)) return false
    if (this.uncommitted.outcome && !this.commit(attempt)) return false
    if (!this.drain('state', attempt) || !this.drain('detail', attempt)) return false
    return !this.uncommitted.rest || this.commit(attempt)
  }

  private drain(lane: Lane, attempt: (call: () => Outcome) => Outcome): boolean {
    const queue = this.pending[lane]
    if (lane === 'outcome' && queue.length > 0) this.outcomeRefused = false
    while (queue.length > 0) {
      const [element, value] = queue[0]!
      const outcome = attempt(() => this.set(element, value))
      if (outcome === 'failed') return false
      queue.shift()
      if (outcome === 'refused' && lane === 'outcome') this.outcomeRefused = true
      if (outcome === 'sent') {
        this.uncommitted[lane === 'outcome' ? 'outcome' : 'rest'] = true
        // Writes get through again: an LMS that recovers is retried quickly.
        this.failures = 0
      }
    }
    return true
  }

  private commit(attempt: (call: () => Outcome) => Outcome): boolean {
    if (attempt(() => (this.options.connection.commit() ? 'sent' : 'failed')) !== 'sent') return false
    this.uncommitted = { outcome: false, rest: false }
    return true
  }

  private set(element: string, value: string): Outcome {
    const result = this.options.connection.set(element, value)
    if (result.ok) return 'sent'
    return permanentErrors.has(result.code) ? 'refused' : 'failed'
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
