import { z } from 'zod'
import { pageIdSchema } from '../config/schema.js'
import type { Root } from 'mdast'
import type { Lesson, PageSource } from '../model.js'
import { parsePageHead } from './page-head.js'

export const lessonFrontmatterSchema = z.strictObject({
  title: z.string().trim().min(1).optional(),
  /** Page id in place of the one from the file name (optional). */
  id: pageIdSchema.optional(),
  objectives: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1))]).optional(),
  /** Minutes as a number, or a text such as `15 min`. */
  duration: z.union([z.number().positive(), z.string().trim().min(1)]).optional(),
})

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
