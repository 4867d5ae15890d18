import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { Lesson, PageSource } from '../model.js'
import { packageFile } from '../package-root.js'
import type { LessonRendering } from '../render/course-renderer.js'
import { buildLesson } from './build-lesson.js'
import { type LessonJob, type LessonJobResult, replayMessages, type WorkerSetup } from './lesson-protocol.js'

/** Builds lessons (parse and render), in this thread or in worker threads. */
export interface LessonBuilder {
  build(source: PageSource): Promise<Lesson | undefined>
  close(): Promise<void>
}

/**
 * The worker's script: lesson-worker.ts bundled beside the command line, whose
 * chunks it shares. The tests run this module from its TypeScript source, and
 * `npm test` bundles lib/ first.
 */
const workerFile = packageFile('lib/lesson-worker.js')

/** How many threads build lessons by default: one per core. */
export const defaultJobs = (): number => Math.max(1, availableParallelism())

/** Lessons built in this thread, one after the other (`--jobs 1`, and the preview's cache). */
export function inlineLessons(rendering: LessonRendering): LessonBuilder {
  return { build: (source) => buildLesson(source, rendering), close: async () => {} }
}

/**
 * Lessons built by `threads` threads: this one, which starts at once, and
 * `threads - 1` worker threads, each with the course's own renderer, which
 * join once they have loaded the Markdown libraries. A lesson goes to the
 * thread with the fewest waiting. The result is the same whatever the
 * number of threads: each lesson is built alone from its text and the
 * course's settings, and its problems go back onto its own file in the
 * order they were found.
 */
export function pooledLessons(threads: number, here: LessonRendering, setup: WorkerSetup): LessonBuilder {
  // Lessons handed to a thread but not yet back: two keep a worker busy while the next one travels.
  const inFlight = 2
  const queued: (() => void)[] = []
  const lanes: Lane[] = [localLane(here), ...Array.from({ length: threads - 1 }, () => workerLane(setup))]
  return {
    async build(source) {
      // Wait for room: lessons wait here as text, not in a thread as trees.
      while (lanes.every((lane) => lane.waiting() >= inFlight)) await new Promise<void>((resolve) => queued.push(resolve))
      const lane = lanes.reduce((best, candidate) => (candidate.waiting() < best.waiting() ? candidate : best))
      try {
        return await lane.build(source)
      } finally {
        // Room in a lane: the next lesson waiting may go.
        queued.shift()?.()
      }
    },
    async close() {
      await Promise.all(lanes.map((lane) => lane.close()))
    },
  }
}

interface Lane {
  waiting(): number
  build(source: PageSource): Promise<Lesson | undefined>
  close(): Promise<void>
}

/** This thread as a lane: it has the Markdown libraries loaded already. */
function localLane(rendering: LessonRendering): Lane {
  let waiting = 0
  // One lesson at a time, as in a worker: a lesson's tree is dropped before the next is parsed.
  let queue: Promise<unknown> = Promise.resolve()
  return {
    waiting: () => waiting,
    build(source) {
      waiting++
      const built = queue.then(() => buildLesson(source, rendering)).finally(() => waiting--)
      queue = built.catch(() => {})
      return built
    },
    close: async () => {},
  }
}

/** A worker thread as a lane. */
function workerLane(setup: WorkerSetup): Lane {
  const worker = new Worker(workerFile)
  worker.postMessage({ setup })
  const waiting = new Map<number, { resolve: (result: LessonJobResult) => void; reject: (error: Error) => void }>()
  let nextJob = 0
  worker.on('message', (result: LessonJobResult) => {
    waiting.get(result.id)?.resolve(result)
    waiting.delete(result.id)
  })
  // A worker that died (a bug, or out of memory) fails what it holds and anything handed to it later, rather than leave the build waiting.
  let failure: Error | undefined
  const fail = (error: Error) => {
    failure ??= error
    for (const { reject } of waiting.values()) reject(failure)
    waiting.clear()
  }
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`A lesson worker stopped (exit code ${code})`)))
  return {
    waiting: () => waiting.size,
    async build(source) {
      if (failure) throw failure
      const id = nextJob++
      const result = await new Promise<LessonJobResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        const job: LessonJob = { id, path: source.file.path, text: String(source.file.value), pathId: source.pathId }
        worker.postMessage({ job })
      })
      replayMessages(source.file, result.messages)
      if (result.error) throw new Error(`A lesson worker failed on ${source.file.path}:\n${result.error}`)
      return result.lesson && { ...result.lesson, file: source.file, assets: new Map(result.lesson.assets) }
    },
    async close() {
      failure ??= new Error('The lesson workers are closed')
      await worker.terminate()
    },
  }
}
