// What the build's thread and its lesson workers say to each other (lesson-pool.ts, lesson-worker.ts):
// plain data that survives structured cloning. Both import it; neither imports the other.
import type { Point, Position } from 'unist'
import type { VFile } from 'vfile'
import type { ResolvedConfig } from '../config/schema.js'
import type { Lesson } from '../model.js'
import type { Strings } from '../render/theme.js'

/** What a worker is given once, to make the course's renderer. */
export interface WorkerSetup {
  readonly root: string
  readonly pageIds: readonly (readonly [string, string])[]
  readonly config: ResolvedConfig
  readonly strings: Strings
}

/** A lesson to build: its file's path and text, and the id its path gives it. */
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

/** A lesson file's problems, as the worker found them, to send back. */
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

/** A worker's problems put on the build's own copy of the file, in the order they were found. */
export function replayMessages(file: VFile, messages: readonly SerializedMessage[]): void {
  for (const serialized of messages) {
    const message = file.message(serialized.reason, { place: serialized.place, ruleId: serialized.ruleId, source: serialized.source })
    message.fatal = serialized.fatal
    if (serialized.note !== undefined) message.note = serialized.note
  }
}
