import type { VFile } from 'vfile'
import type { MarkdownRenderer } from '../markdown/render-markdown.js'
import type { Lesson, PageLink, PageSource } from '../model.js'
import { parseLesson } from './parse-lesson.js'

/** What a lesson's render collects: the course files it uses and its links to other pages. */
export interface LessonUses {
  readonly assets: Map<string, string>
  readonly pageLinks: PageLink[]
}

export interface LessonRendering {
  readonly markdown: MarkdownRenderer
  /** Start collecting what `file`'s render uses (its link rewriter reports to it). */
  track(file: VFile): LessonUses
  /** Stop collecting for `file`. */
  untrack(file: VFile): void
}

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
