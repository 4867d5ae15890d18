import type { Root, Yaml } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import { reportLibraryFailure } from '../diagnostics/library-failure.js'
import { checkNesting } from './check-nesting.js'
import { guardMarkdown } from './guard-markdown.js'

/**
 * CommonMark + GFM (tables, task lists, footnotes, strikethrough, autolinks)
 * + YAML frontmatter + `$math$` (turned back into text unless the course sets
 * `math: true`, see remark-math-as-text).
 */
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath)

/**
 * Parse a Markdown file into mdast; positions refer to the file's lines and
 * columns. `undefined` when the file cannot be read safely (nested too deep,
 * markup that would take minutes); the problem is on the file.
 */
export function parseMarkdown(file: VFile): Root | undefined {
  if (!guardMarkdown(file, String(file.value))) return undefined
  try {
    const tree = parser.parse(file)
    // Checked before the plugins run: they walk the tree recursively.
    if (!checkNesting([tree], file)) return undefined
    return parser.runSync(tree, file) as Root
  } catch (error) {
    reportLibraryFailure(file, error, 'read')
    return undefined
  }
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
