import type { Node, Parent } from 'unist'
import type { VFile } from 'vfile'
import { problem, type Place } from '../diagnostics/problem.js'
import { maxBlockNesting, maxHtmlNesting, maxInlineNesting, maxMathNesting } from '../limits.js'

/** mdast nodes that nest inline content: what `maxInlineNesting` counts. */
const inlineContainers = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

/**
 * Any node deeper than this in a tree is refused whatever it is. Blockquotes
 * and lists (a list and its item per level), inline nesting and a few
 * wrappers (paragraph, table, row, cell, footnote) fit well within it; it
 * catches what the line measure of `guardMarkdown` cannot see.
 */
const maxTreeDepth = 2 * maxBlockNesting + maxInlineNesting + 32

/**
 * HTML elements that close themselves or whose end tag may be left out
 * (`<br>`, `<img>`, `<p>`, `<li>`): they do not nest, so they are not counted.
 */
const notNesting = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rb', 'rt', 'rtc', 'rp',
  'colgroup', 'caption', 'html', 'head', 'body',
])

export interface Options {
  /** Where to report, in place of the deep node's own position (for trees parsed from a fragment) (optional). */
  readonly place?: Place
}

/**
 * Check that `nodes` (an mdast tree, or the pieces of one) nest no deeper
 * than the renderer can follow: emphasis and links, raw HTML elements, and
 * the tree as a whole. Walks without recursion, so any depth is safe to
 * check. Returns false, with `nesting-too-deep` on `file`, when they do.
 */
export function checkNesting(nodes: Iterable<Node>, file: VFile, options: Options = {}): boolean {
  const found = findTooDeep(nodes)
  if (!found) return true
  const place = options.place ?? found.node
  if (found.kind === 'inline') {
    problem(file, 'nesting-too-deep', place, `Emphasis, strikethrough and links nested ${found.depth} deep; coursepack reads at most ${maxInlineNesting} levels`, {
      hint: 'Close the `*`, `_`, `~~` and `[` you open, and nest fewer of them.',
    })
  } else if (found.kind === 'math') {
    problem(file, 'nesting-too-deep', place, `Math nested ${found.depth} deep (\`{…}\`, \`\\left\`, \`\\begin\`); coursepack reads at most ${maxMathNesting} levels`, {
      hint: 'Nest fewer groups in each other, or split the formula.',
    })
  } else if (found.kind === 'html') {
    problem(file, 'nesting-too-deep', place, `HTML elements nested ${found.depth} deep; coursepack reads at most ${maxHtmlNesting} levels`, {
      hint: 'Close the elements you open (`</div>`), and nest fewer of them.',
    })
  } else {
    problem(file, 'nesting-too-deep', place, `Blocks, lists and emphasis nested ${found.depth} deep; coursepack reads at most ${maxTreeDepth} levels in all`, {
      hint: 'Nest lists, blockquotes and emphasis less deeply.',
    })
  }
  return false
}

type TooDeep = { kind: 'inline' | 'html' | 'math' | 'tree'; depth: number; node: Node }

function findTooDeep(roots: Iterable<Node>): TooDeep | undefined {
  // Depth-first, in document order, so that HTML tags are met in the order the HTML parser meets them.
  const stack: { node: Node; depth: number; inline: number }[] = []
  for (const node of [...roots].reverse()) stack.push({ node, depth: 1, inline: 0 })
  let html = 0
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, depth } = entry
    const inline = entry.inline + (inlineContainers.has(node.type) ? 1 : 0)
    if (inline > maxInlineNesting) return { kind: 'inline', depth: inline, node }
    if (depth > maxTreeDepth) return { kind: 'tree', depth, node }
    if (node.type === 'math' || node.type === 'inlineMath') {
      const deepest = mathDepth(String((node as Node & { value?: unknown }).value ?? ''))
      if (deepest > maxMathNesting) return { kind: 'math', depth: deepest, node }
    }
    if (node.type === 'html') {
      const deepest = htmlDepth(String((node as Node & { value?: unknown }).value ?? ''), html)
      if (deepest.max > maxHtmlNesting) return { kind: 'html', depth: deepest.max, node }
      html = deepest.end
    }
    const children = (node as Partial<Parent>).children
    if (!Array.isArray(children)) continue
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index]!, depth: depth + 1, inline })
  }
  return undefined
}

/**
 * How deep raw HTML nests, from `depth` elements already open: the deepest
 * point, and the depth at the end. A small tag scanner, linear in the text
 * (no regular expression that could backtrack).
 */
function htmlDepth(html: string, depth: number): { max: number; end: number } {
  let max = depth
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    if (html.startsWith('<!--', at)) {
      const close = html.indexOf('-->', at + 4)
      if (close === -1) break
      at = close + 2
      continue
    }
    const closing = html[at + 1] === '/'
    let nameEnd = at + (closing ? 2 : 1)
    while (nameEnd < html.length && /[A-Za-z0-9-]/.test(html[nameEnd]!)) nameEnd++
    const name = html.slice(at + (closing ? 2 : 1), nameEnd).toLowerCase()
    if (!/^[a-z]/.test(name)) continue
    const tagEnd = html.indexOf('>', nameEnd)
    if (tagEnd === -1) break
    if (notNesting.has(name) || html[tagEnd - 1] === '/') {
      at = tagEnd
      continue
    }
    depth = closing ? Math.max(0, depth - 1) : depth + 1
    max = Math.max(max, depth)
    at = tagEnd
  }
  return { max, end: depth }
}

/** How deep TeX nests: `{…}` groups, `\\left…\\right` pairs and `\\begin…\\end` environments. */
function mathDepth(tex: string): number {
  let depth = 0
  let max = 0
  for (let at = 0; at < tex.length; at++) {
    const char = tex[at]
    if (char === '\\') {
      if (tex.startsWith('left', at + 1) || tex.startsWith('begin', at + 1)) max = Math.max(max, ++depth)
      else if (tex.startsWith('right', at + 1) || tex.startsWith('end', at + 1)) depth = Math.max(0, depth - 1)
      at++
    } else if (char === '{') max = Math.max(max, ++depth)
    else if (char === '}') depth = Math.max(0, depth - 1)
  }
  return max
}
