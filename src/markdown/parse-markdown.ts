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
 * The text of the YAML frontmatter a file starts with, read without parsing
 * the whole file: the parser runs on the lines up to the closing fence only,
 * which decides the frontmatter exactly as the whole file would (it depends
 * on nothing after that fence). `undefined` when there is none.
 */
export function frontmatterText(text: string): string | undefined {
  if (!/^---[ \t]*\r?\n/.test(text)) return undefined
  const closing = /\n---[ \t]*(\r?\n|$)/g
  closing.lastIndex = 3
  const end = closing.exec(text)
  const prefix = end ? text.slice(0, end.index + end[0].length) : text
  // The prefix is small and was guarded as part of the file: parsing it cannot be slow.
  const first = parser.parse(prefix).children[0]
  return first?.type === 'yaml' ? first.value : undefined
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
