import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast'
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast'

/**
 * Tree walks for coursepack's own plugins. unist-util-visit makes a closure
 * and renames a function (`Object.defineProperty`) for every node it
 * passes, for its stack traces: in a profile of a 1,000-lesson build that
 * was a fifth of rendering a lesson. These are plain loops, with the same
 * order and the same rules for a visitor that changes the tree.
 */

/** Returned by a visitor: do not walk into this node's children. */
export const skip = Symbol('skip')

/**
 * What a visitor may return: nothing (walk on), `skip`, or the index to
 * go on from in the parent (after removing or inserting siblings).
 */
export type VisitResult = void | typeof skip | number

type AnyParent = { children: unknown[] }

/**
 * Call `visitor` for each node below `tree` (not the root), depth first
 * in document order, with its index in its parent and the parent. The
 * visitor may replace `parent.children[index]`; the walk then goes on into
 * the children of the node it was given, as unist-util-visit does.
 */
export function eachNode<Tree extends HastRoot | MdastRoot>(tree: Tree, visitor: (node: Tree extends HastRoot ? HastContent : MdastContent, index: number, parent: Tree | Extract<Tree extends HastRoot ? HastContent : MdastContent, AnyParent>) => VisitResult): void {
  const walk = (parent: AnyParent): void => {
    const children = parent.children
    let index = 0
    while (index < children.length) {
      const node = children[index] as { children?: unknown[] }
      const result = visitor(node as never, index, parent as never)
      if (result !== skip && Array.isArray(node.children)) walk(node as AnyParent)
      index = typeof result === 'number' ? result : index + 1
    }
  }
  walk(tree)
}

/** `eachNode` for the elements of an HTML tree. */
export function eachElement(tree: HastRoot, visitor: (element: Element, index: number, parent: HastRoot | Element) => VisitResult): void {
  eachNode(tree, (node, index, parent) => (node.type === 'element' ? visitor(node, index, parent as HastRoot | Element) : undefined))
}

/** Whether some node below `tree` passes `test`; stops at the first. */
export function someNode(tree: HastRoot | MdastRoot, test: (node: { type: string }) => boolean): boolean {
  const search = (parent: AnyParent): boolean =>
    parent.children.some((child) => test(child as { type: string }) || (Array.isArray((child as AnyParent).children) && search(child as AnyParent)))
  return search(tree)
}
