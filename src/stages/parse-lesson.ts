import type { Root } from 'mdast'
import { lessonFrontmatterSchema } from '../config/page-schemas.js'
import type { Lesson, PageSource } from '../model.js'
import { parsePageHead } from './page-head.js'

/** A lesson as parsed: what the course keeps of it, and its Markdown tree, to render at once. */
export type ParsedLesson = Omit<Lesson, 'html' | 'assets' | 'pageLinks'> & { readonly body: Root }

/** A lesson file → its title, objectives and Markdown body. Problems go on the file. */
export function parseLesson(source: PageSource): ParsedLesson | undefined {
  const { file } = source
  const head = parsePageHead(file, lessonFrontmatterSchema, 'lesson')
  if (!head) return undefined
  const { tree: body, frontmatter, title } = head
  const objectives = frontmatter.objectives
  return {
    kind: 'lesson',
    id: frontmatter.id ?? source.pathId,
    title,
    objectives: objectives === undefined ? [] : typeof objectives === 'string' ? [objectives] : objectives,
    duration: typeof frontmatter.duration === 'number' ? `${frontmatter.duration} min` : frontmatter.duration,
    file,
    body,
  }
}
