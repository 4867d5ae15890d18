// A worker thread that parses and renders lessons for the build (see lesson-pool.ts).
import { parentPort } from 'node:worker_threads'
import { VFile } from 'vfile'
import { createCourseRenderer } from '../render/course-renderer.js'
import { buildLesson } from './build-lesson.js'
import { type LessonJob, type LessonJobResult, serializeMessages, type WorkerSetup } from './lesson-protocol.js'

const port = parentPort
if (port) {
  let renderer: ReturnType<typeof createCourseRenderer> | undefined
  // One lesson at a time: a lesson's tree is dropped before the next is parsed.
  let queue = Promise.resolve()
  port.on('message', (message: { setup: WorkerSetup } | { job: LessonJob }) => {
    if ('setup' in message) {
      const { root, pageIds, config, strings } = message.setup
      renderer = createCourseRenderer(root, new Map(pageIds), config, strings)
      return
    }
    const { job } = message
    queue = queue.then(async () => port.postMessage(await run(job)))
  })

  async function run(job: LessonJob): Promise<LessonJobResult> {
    {
      const file = new VFile({ path: job.path, value: job.text })
      try {
        const lesson = await buildLesson({ type: 'page', format: 'lesson', pathId: job.pathId, file }, renderer!)
        const { file: _file, assets, ...rest } = lesson ?? ({} as never)
        return { id: job.id, lesson: lesson ? { ...rest, assets: [...assets] } : undefined, messages: serializeMessages(file) }
      } catch (error) {
        return { id: job.id, lesson: undefined, messages: serializeMessages(file), error: String((error as Error)?.stack ?? error) }
      }
    }
  }
}
