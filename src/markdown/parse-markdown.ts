import type { Root, Yaml } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { VFile } from 'vfile'

/**
 * CommonMark + GFM (tables, task lists, footnotes, strikethrough, autolinks)
 * + YAML frontmatter + `$math$` (turned back into text unless the course sets
 * `math: true`, see remark-math-as-text).
 */
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath)

/** Parse a Markdown file into mdast; positions refer to the file's lines and columns. */
export function parseMarkdown(file: VFile): Root {
  return parser.runSync(parser.parse(file), file) as Root
}

/**
 * Take the YAML frontmatter off the tree. Returns its text and the line the
 * text starts on (the line after the opening `---`), or `undefined`.
 */
export function takeFrontmatter(tree: Root): { text: string; startLine: number } | undefined {
  const first = tree.children[0]
  if (first?.type !== 'yaml') return undefined
  tree.children.shift()
  const node: Yaml = first
  return { text: node.value, startLine: (node.position?.start.line ?? 1) + 1 }
}
