import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { VFile } from 'vfile'
import type { Point, Position } from 'unist'
import type { Lesson, PageSource } from '../model.js'
import { buildLesson, type LessonRendering } from './build-lesson.js'
import type { WorkerSetup } from './lesson-worker.js'

/** Builds lessons (parse and render), in this thread or in worker threads. */
export interface LessonBuilder {
  build(source: PageSource): Promise<Lesson | undefined>
  close(): Promise<void>
}

export interface LessonJob {
  readonly id: number
  readonly path: string
  readonly text: string
  readonly pathId: string
}

export interface LessonJobResult {
  readonly id: number
  readonly lesson: (Omit<Lesson, 'file' | 'assets'> & { readonly assets: readonly (readonly [string, string])[] }) | undefined
  readonly messages: readonly SerializedMessage[]
  /** A bug in coursepack: what the worker threw. */
  readonly error?: string
}

interface SerializedMessage {
  readonly reason: string
  readonly place: Point | Position | undefined
  readonly ruleId: string | undefined
  readonly source: string | undefined
  readonly fatal: boolean | null | undefined
  readonly note: string | undefined
}

/**
 * The worker's script: compiled JavaScript. The tests run this module from
 * its TypeScript source, and `npm test` compiles lib/ first.
 */
const workerFile = new URL(import.meta.url.endsWith('.ts') ? '../../lib/stages/lesson-worker.js' : './lesson-worker.js', import.meta.url)

/** How many threads build lessons by default: one per core. */
export const defaultJobs = (): number => Math.max(1, availableParallelism())

/** Lessons built in this thread, one after the other (`--jobs 1`, and the preview's cache). */
export function inlineLessons(rendering: LessonRendering): LessonBuilder {
  return { build: (source) => buildLesson(source, rendering), close: async () => {} }
}

/**
 * Lessons built by `workers` worker threads, each with the course's own
 * renderer; a lesson goes to the worker with the fewest waiting. The
 * result is the same whatever the number of workers: each lesson is built
 * alone from its text and the course's settings, and its problems go back
 * onto its own file in the order they were found.
 */
export function workerLessons(workers: number, setup: WorkerSetup): LessonBuilder {
  // Lessons handed to a worker but not yet back: two keeps it busy while the next one travels.
  const inFlight = 2
  const queued: (() => void)[] = []
  const pool = Array.from({ length: workers }, () => {
    const worker = new Worker(workerFile)
    worker.postMessage({ setup })
    return { worker, waiting: new Map<number, { resolve: (result: LessonJobResult) => void; reject: (error: Error) => void }>() }
  })
  for (const entry of pool) {
    entry.worker.on('message', (result: LessonJobResult) => {
      entry.waiting.get(result.id)?.resolve(result)
      entry.waiting.delete(result.id)
      queued.shift()?.()
    })
    entry.worker.on('error', (error) => {
      for (const { reject } of entry.waiting.values()) reject(error)
      entry.waiting.clear()
    })
  }
  let next = 0
  return {
    async build(source) {
      const id = next++
      // Wait for room: lessons wait here as text, not in a worker as trees.
      while (pool.every((candidate) => candidate.waiting.size >= inFlight)) await new Promise<void>((resolve) => queued.push(resolve))
      const entry = pool.reduce((best, candidate) => (candidate.waiting.size < best.waiting.size ? candidate : best))
      const result = await new Promise<LessonJobResult>((resolve, reject) => {
        entry.waiting.set(id, { resolve, reject })
        const job: LessonJob = { id, path: source.file.path, text: String(source.file.value), pathId: source.pathId }
        entry.worker.postMessage({ job })
      })
      replayMessages(source.file, result.messages)
      if (result.error) throw new Error(`A lesson worker failed on ${source.file.path}:\n${result.error}`)
      return result.lesson && { ...result.lesson, file: source.file, assets: new Map(result.lesson.assets) }
    },
    async close() {
      await Promise.all(pool.map(({ worker }) => worker.terminate()))
    },
  }
}

export function serializeMessages(file: VFile): SerializedMessage[] {
  return file.messages.map((message) => ({
    reason: message.reason,
    place: message.place ?? undefined,
    ruleId: message.ruleId ?? undefined,
    source: message.source ?? undefined,
    fatal: message.fatal,
    note: message.note ?? undefined,
  }))
}

function replayMessages(file: VFile, messages: readonly SerializedMessage[]): void {
  for (const serialized of messages) {
    const message = file.message(serialized.reason, { place: serialized.place, ruleId: serialized.ruleId, source: serialized.source })
    message.fatal = serialized.fatal
    if (serialized.note !== undefined) message.note = serialized.note
  }
}
