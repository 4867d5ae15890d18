import path from 'node:path'
import { VFile } from 'vfile'
import { pageIdSchema } from '../config/schema.js'
import { frontmatterText } from '../markdown/parse-markdown.js'
import type { OutlineSource, PageSource } from '../model.js'
import { parseYaml } from '../yaml/parse-yaml.js'

/**
 * The id a page will have, before any page is parsed: its frontmatter's
 * `id:`, else the one from its path (a GIFT file has no frontmatter).
 * Lessons are parsed and rendered in one go, and a lesson's links to later
 * pages need their ids. Only the frontmatter is read; a page whose
 * frontmatter is broken gets its problems when it is parsed, and is left
 * out then.
 */
export function pageIdBeforeParsing(source: PageSource): string {
  if (source.format === 'gift') return source.pathId
  const text = frontmatterText(String(source.file.value))
  if (text === undefined) return source.pathId
  // Read on a scratch file: the lesson's own problems are reported once, when it is parsed.
  const { document } = parseYaml(new VFile(), text, { label: 'frontmatter' })
  if (!document || document.errors.length > 0) return source.pathId
  try {
    const parsed = pageIdSchema.safeParse(document.get('id'))
    return parsed.success ? parsed.data : source.pathId
  } catch {
    return source.pathId
  }
}

/** Every page source of the outline, in reading order. */
export function pageSources(nodes: readonly OutlineSource[]): PageSource[] {
  return nodes.flatMap((node) => (node.type === 'module' ? pageSources(node.children) : [node]))
}

/** A file's path in the course, with `/`: `04-split/01-cracks.md`. */
export function coursePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/')
}
