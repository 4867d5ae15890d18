import type { Element, ElementContent, Root } from 'hast'
import { describe, expect, it } from 'vitest'
import { eachElement, eachNode, skip, someNode } from '../../src/markdown/walk-tree.js'

/** An element whose children are elements or, given as a string, one text. */
const h = (tagName: string, children: string | ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties: {},
  children: typeof children === 'string' ? [{ type: 'text', value: children }] : children,
})

const tree = (): Root => ({ type: 'root', children: [h('p', [h('em', 'a'), h('strong', [h('code', 'b')])]), h('ul', [h('li', 'c'), h('li', 'd')])] })

describe('walk-tree', () => {
  it('walks every node below the root, depth first in document order', () => {
    const seen: string[] = []
    eachNode(tree(), (node) => {
      seen.push(node.type === 'element' ? node.tagName : node.type === 'text' ? node.value : node.type)
    })
    expect(seen).toEqual(['p', 'em', 'a', 'strong', 'code', 'b', 'ul', 'li', 'c', 'li', 'd'])
  })

  it('gives each node its index and parent', () => {
    const root = tree()
    eachElement(root, (element, index, parent) => {
      expect(parent.children[index]).toBe(element)
    })
  })

  it('does not enter a node whose visitor returns skip', () => {
    const seen: string[] = []
    eachElement(tree(), (element) => {
      seen.push(element.tagName)
      return element.tagName === 'strong' || element.tagName === 'ul' ? skip : undefined
    })
    expect(seen).toEqual(['p', 'em', 'strong', 'ul'])
  })

  it('goes on from the index a visitor returns, after removing a node', () => {
    const root = tree()
    const seen: string[] = []
    eachElement(root, (element, index, parent) => {
      seen.push(element.tagName)
      if (element.tagName === 'li') {
        parent.children.splice(index, 1)
        return index
      }
    })
    expect(seen).toEqual(['p', 'em', 'strong', 'code', 'ul', 'li', 'li'])
    expect((root.children[1] as Element).children).toEqual([])
  })

  it('walks the children of the node it was given when the visitor replaces it', () => {
    const root = tree()
    const seen: string[] = []
    eachElement(root, (element, index, parent) => {
      seen.push(element.tagName)
      if (element.tagName === 'strong') parent.children[index] = h('figure', [element])
    })
    expect(seen).toEqual(['p', 'em', 'strong', 'code', 'ul', 'li', 'li'])
    expect(((root.children[0] as Element).children[1] as Element).tagName).toBe('figure')
  })

  it('finds whether some node passes a test, without walking the rest', () => {
    let tested = 0
    expect(someNode(tree(), (node) => (tested++, node.type === 'text'))).toBe(true)
    expect(tested).toBe(3)
    expect(someNode(tree(), (node) => node.type === 'raw')).toBe(false)
  })
})
