import type { Heading, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import type * as z from 'zod'
import { problem } from '../diagnostics/problem.js'
import { withoutControlCharacters } from '../diagnostics/clean-text.js'
import { parseMarkdown, takeFrontmatter } from '../markdown/parse-markdown.js'
import type { Point } from 'unist'
import { readYaml, type YamlResult } from '../yaml/read-yaml.js'

export interface PageHead<Frontmatter> {
  /** The Markdown body, without frontmatter and without the `# Title` line it may start with. */
  readonly tree: Root
  readonly frontmatter: Frontmatter
  readonly title: string
  /** Where a frontmatter value is in the file, for problems found later. */
  readonly locate: (path: readonly (string | number)[]) => Point
}

/**
 * What every page file starts with: frontmatter validated by `schema`, and a
 * title from it or from a leading `# Title`. `undefined` when either is
 * wrong; the problems are on the file.
 */
export function parsePageHead<Schema extends z.ZodType<{ title?: string | undefined }>>(
  file: VFile,
  schema: Schema,
  what: string,
): PageHead<z.output<Schema>> | undefined {
  const tree = parseMarkdown(file)
  if (!tree) return undefined
  const { data: frontmatter, locate } = readFrontmatter(file, tree, schema)
  if (!frontmatter) return undefined
  const heading = frontmatter.title === undefined ? tree.children[0] : undefined
  const rawTitle = frontmatter.title ?? takeTitleHeading(tree)
  if (!rawTitle) {
    problem(file, 'missing-title', { line: 1, column: 1 }, `This ${what} has no title`)
    return undefined
  }
  const title = withoutControlCharacters(rawTitle, file, heading?.position?.start ?? locate(['title']))
  return { tree, frontmatter, title, locate }
}

/** Validate the frontmatter of `tree` (taking it off the tree); `{}` when there is none. */
function readFrontmatter<Schema extends z.ZodType>(
  file: VFile,
  tree: Root,
  schema: Schema,
): YamlResult<z.output<Schema>> {
  const frontmatter = takeFrontmatter(tree)
  return readYaml(file, frontmatter?.text ?? '', schema, {
    label: 'frontmatter',
    startLine: frontmatter?.startLine ?? 1,
    invalidRule: 'invalid-frontmatter',
    unknownKeyRule: 'unknown-frontmatter-key',
    missing: { title: { rule: 'missing-title', reason: 'This page has no `title` in its frontmatter' } },
  })
}

/** When the body starts with `# Title`, take that heading off and return its text. */
function takeTitleHeading(tree: Root): string | undefined {
  const first = tree.children[0]
  if (first?.type !== 'heading' || (first as Heading).depth !== 1) return undefined
  tree.children.shift()
  return toString(first).trim() || undefined
}
