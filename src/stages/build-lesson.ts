import type { Lesson, PageSource } from '../model.js'
import type { LessonRendering } from '../render/course-renderer.js'
import { parseLesson } from './parse-lesson.js'

/**
 * Parse a lesson and render its body at once, keeping the HTML and not the
 * Markdown tree: the memory a build holds grows with the HTML of its lessons
 * (a few KB each), not with their trees. `undefined` when the lesson cannot
 * be used; its problems are on its file.
 */
export async function buildLesson(source: PageSource, rendering: LessonRendering): Promise<Lesson | undefined> {
  const parsed = parseLesson(source)
  if (!parsed) return undefined
  const { body, ...lesson } = parsed
  const uses = rendering.track(source.file)
  try {
    const html = await rendering.markdown.render(body, source.file)
    return { ...lesson, html, assets: uses.assets, pageLinks: uses.pageLinks }
  } finally {
    rendering.untrack(source.file)
  }
}
