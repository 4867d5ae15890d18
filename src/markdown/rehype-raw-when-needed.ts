import type { Root } from 'hast'
import rehypeRaw from 'rehype-raw'
import type { VFile } from 'vfile'
import { someNode } from './walk-tree.js'

/**
 * rehype-raw, run only on a tree that has raw HTML in it. rehype-raw
 * rebuilds the whole tree through an HTML parser, which costs about a fifth
 * of rendering a lesson and doubles the memory it holds; most lessons have
 * no HTML of their own, and their tree is then already what the parser
 * would give back.
 */
export default function rehypeRawWhenNeeded(this: unknown) {
  const transform = (rehypeRaw as (this: unknown) => (tree: Root, file: VFile) => Root).call(this)
  return (tree: Root, file: VFile): Root => (hasRaw(tree) ? transform(tree, file) : tree)
}

function hasRaw(tree: Root): boolean {
  return someNode(tree, (node) => node.type === 'raw')
}
