import type { Heading, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import { z } from 'zod'
import { idPattern } from '../config/schema.js'
import { problem } from '../diagnostics/problem.js'
import { parseMarkdown, takeFrontmatter } from '../markdown/parse-markdown.js'
import type { Lesson, PageSource } from '../model.js'
import { readYaml } from '../yaml/read-yaml.js'

export const lessonFrontmatterSchema = z.strictObject({
  title: z.string().trim().min(1).optional(),
  /** Page id in place of the one from the file name (optional). */
  id: z.string().max(64).regex(idPattern, { message: 'letters, digits, `-` and `_`' }).optional(),
  objectives: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1))]).optional(),
  /** Minutes as a number, or a text such as `15 min`. */
  duration: z.union([z.number().positive(), z.string().trim().min(1)]).optional(),
})

/** A lesson file → its title, objectives and Markdown body. Problems go on the file. */
export function parseLesson(source: PageSource): Lesson | undefined {
  const { file } = source
  const body = parseMarkdown(file)
  const frontmatter = readFrontmatter(file, body, lessonFrontmatterSchema)
  if (!frontmatter) return undefined
  const title = frontmatter.title ?? takeTitleHeading(body)
  if (!title) {
    problem(file, 'missing-title', { line: 1, column: 1 }, 'This lesson has no title')
    return undefined
  }
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

/** Validate the frontmatter of `tree` (taking it off the tree); `{}` when there is none. */
export function readFrontmatter<Schema extends z.ZodType>(
  file: VFile,
  tree: Root,
  schema: Schema,
): z.output<Schema> | undefined {
  const frontmatter = takeFrontmatter(tree)
  return readYaml(file, frontmatter?.text ?? '', schema, {
    label: 'frontmatter',
    startLine: frontmatter?.startLine ?? 1,
    invalidRule: 'invalid-frontmatter',
    unknownKeyRule: 'unknown-frontmatter-key',
    missing: { title: { rule: 'missing-title', reason: 'This page has no `title` in its frontmatter' } },
  }).data
}

/** When the body starts with `# Title`, take that heading off and return its text. */
export function takeTitleHeading(tree: Root): string | undefined {
  const first = tree.children[0]
  if (first?.type !== 'heading' || (first as Heading).depth !== 1) return undefined
  tree.children.shift()
  return toString(first).trim() || undefined
}
