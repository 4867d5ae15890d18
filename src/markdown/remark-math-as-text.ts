import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { eachNode, skip } from './walk-tree.js'

/**
 * For courses without `math: true`: put `$…$` back as the text it was, so
 * that "US$300 million and US$500" never turns into a formula. The parser
 * always reads math; this undoes it from the source, character for character.
 */
export default function remarkMathAsText() {
  return function transform(tree: Root, file: VFile): void {
    const source = String(file.value)
    eachNode(tree, (node, index, parent) => {
      if (node.type !== 'inlineMath' && node.type !== 'math') return
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      const text = start === undefined || end === undefined ? `$${(node as { value: string }).value}$` : source.slice(start, end)
      const replacement = node.type === 'math' ? { type: 'paragraph' as const, children: [{ type: 'text' as const, value: text }] } : { type: 'text' as const, value: text }
      ;(parent.children as unknown[])[index] = replacement
      return skip
    })
  }
}
