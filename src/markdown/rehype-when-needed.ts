import type { Element, ElementContent, Root } from 'hast'
import type { VFile } from 'vfile'
import { someNode } from './walk-tree.js'

type Transform = (tree: Root, file: VFile) => Root | undefined | void
type Attacher<Options> = (this: unknown, options?: Options) => Transform

/**
 * A rehype plugin that runs only on a tree that `needed` says has work for
 * it, and is imported the first time one has. KaTeX, highlight.js's
 * grammars and the HTML parser are a third of the command line's code, and
 * most pages have no math, code or HTML of their own: a course without
 * any never loads them, and `check` answers sooner.
 */
export function whenNeeded<Options>(needed: (tree: Root) => boolean, load: () => Promise<Attacher<Options>>) {
  return function attacher(this: unknown, options?: Options) {
    const processor = this
    let transform: Promise<Transform> | undefined
    return async (tree: Root, file: VFile): Promise<Root> => {
      if (!needed(tree)) return tree
      transform ??= load().then((plugin) => plugin.call(processor, options))
      return (await transform)(tree, file) ?? tree
    }
  }
}

/** Raw HTML of the author's, which rehype-raw parses. */
export function hasRawHtml(tree: Root): boolean {
  return someNode(tree, (node) => node.type === 'raw')
}

/** Math from remark-math, which rehype-katex renders (the classes it looks for). */
export function hasMathElements(tree: Root): boolean {
  return someNode(tree, (node) => node.type === 'element' && classesOf(node as Element).some((name) => name === 'language-math' || name === 'math-inline' || name === 'math-display'))
}

/** A code block with a language, which rehype-highlight colours (`pre > code.language-*`, as it looks for them). */
export function hasCodeWithLanguage(tree: Root): boolean {
  return someNode(tree, (node) => isElement(node, 'pre') && node.children.some((child) => isElement(child, 'code') && classesOf(child).some((name) => name.startsWith('language-') || name.startsWith('lang-'))))
}

function isElement(node: { type: string } | ElementContent, tagName: string): node is Element {
  return node.type === 'element' && (node as Element).tagName === tagName
}

function classesOf(element: Element): string[] {
  return Array.isArray(element.properties.className) ? element.properties.className.map(String) : []
}
