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

/** The queue of writes to the LMS: see `createSaveQueue`. */
export interface SaveQueue {
  /** Queue one write; nothing is sent until `save()` or `flush()`. */
  write(element: string, value: string, lane?: Lane): void
  /**
   * Send what is queued, one call at a time, and commit. A failure waits for
   * a retry timer, keeping the order. Returns true when everything reached
   * the LMS and was committed.
   */
  save(): boolean
  /**
   * The page is going away: send everything now, synchronously, trying each
   * call a few times at once (a timer would never fire), and give up on what
   * is left when the time budget is spent so the browser does not hang.
   * Outcome first, so the budget goes where it matters most.
   */
  flush(limits?: FlushLimits): boolean
  /** True while writes wait to reach the LMS or to be committed. */
  readonly unsaved: boolean
}

/**
 * Writes to the LMS, lane by lane, each lane in the order of its writes (an
 * interaction's `id` before its other fields, the score before the status),
 * and commits: after the outcome lane, then after the rest. A write or commit
 * that fails is retried with growing delays while the page lives, and at
 * once, within a time budget, when it goes away (`flush`). A value written
 * again before it was sent replaces the pending one and moves to the end of
 * its lane, so the order is always that of the latest writes.
 */
export function createSaveQueue({
  connection,
  onStatus,
  retryDelays = [250, 500, 1000, 2000, 4000],
  schedule = setTimeout,
  cancel = clearTimeout as (timer: unknown) => void,
  now = Date.now,
}: Options): SaveQueue {
  const pending: Record<Lane, [string, string][]> = { outcome: [], state: [], detail: [] }
  // Writes that reached the LMS but no commit yet: of the outcome lane, of the others.
  let outcomeUncommitted = false
  let restUncommitted = false
  // An outcome write the LMS refused for good since the last one it took: the score may be lost.
  let outcomeRefused = false
  let failures = 0
  let retryTimer: unknown

  const unsaved = () => lanes.some((lane) => pending[lane].length > 0) || outcomeUncommitted || restUncommitted

  // Outcome writes, their commit, then the other lanes and a commit. Each call goes through
  // `attempt`, which says whether it got through; stops at the first call that did not.
  const sendAll = (attempt: (call: () => Outcome) => Outcome): boolean =>
    drain('outcome', attempt) &&
    (!outcomeUncommitted || commit(attempt)) &&
    drain('state', attempt) &&
    drain('detail', attempt) &&
    (!restUncommitted || commit(attempt))

  function drain(lane: Lane, attempt: (call: () => Outcome) => Outcome): boolean {
    const queue = pending[lane]
    const outcomeLane = lane === 'outcome'
    if (outcomeLane && queue.length > 0) outcomeRefused = false
    while (queue.length > 0) {
      const [element, value] = queue[0]!
      const outcome = attempt(() => {
        const result = connection.set(element, value)
        return result.ok ? 'sent' : permanentErrors.has(result.code) ? 'refused' : 'failed'
      })
      if (outcome === 'failed') return false
      queue.shift()
      if (outcome === 'refused') outcomeRefused ||= outcomeLane
      else {
        if (outcomeLane) outcomeUncommitted = true
        else restUncommitted = true
        // Writes get through again: an LMS that recovers is retried quickly.
        failures = 0
      }
    }
    return true
  }

  function commit(attempt: (call: () => Outcome) => Outcome): boolean {
    if (attempt(() => (connection.commit() ? 'sent' : 'failed')) !== 'sent') return false
    outcomeUncommitted = restUncommitted = false
    return true
  }

  function save(): boolean {
    if (!unsaved()) return true
    onStatus('saving')
    // One try per call while the page lives: a failure waits for the retry timer.
    if (sendAll((call) => call())) {
      failures = 0
      onStatus(outcomeRefused ? 'failed' : 'saved')
      return true
    }
    failures += 1
    onStatus(failures > retryDelays.length ? 'failed' : 'retrying')
    retryTimer ??= schedule(() => {
      retryTimer = undefined
      save()
    }, retryDelays[Math.min(failures, retryDelays.length) - 1] ?? 1000)
    return false
  }

  return {
    write(element, value, lane = 'state') {
      for (const name of lanes) {
        const queued = pending[name].findIndex(([queuedElement]) => queuedElement === element)
        if (queued !== -1) pending[name].splice(queued, 1)
      }
      pending[lane].push([element, value])
    },
    save,
    flush({ budgetMs, triesPerCall } = { budgetMs: 1500, triesPerCall: 3 }) {
      if (retryTimer !== undefined) cancel(retryTimer)
      retryTimer = undefined
      if (!unsaved()) return true
      const deadline = now() + budgetMs
      return sendAll((call) => {
        let outcome: Outcome = 'failed'
        for (let tries = 0; tries < triesPerCall && now() <= deadline && outcome === 'failed'; tries++) outcome = call()
        return outcome
      })
    },
    get unsaved() {
      return unsaved()
    },
  }
}
