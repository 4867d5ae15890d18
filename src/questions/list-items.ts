import type { Blockquote, List, ListItem, Paragraph, PhrasingContent, RootContent, Text } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'

/** Ids for choices, items and targets: SCORM 1.2 names them with single characters. */
export const optionIds = 'abcdefghijklmnopqrstuvwxyz0123456789'
/** Ids for matching sources, so that a pair reads `1.a` as the RTE's examples do. */
export const sourceIds = '123456789abcdefghijklmnopqrstuvwxyz0'

/** An answer's list item: its label (inline content) and the feedback blockquote nested under it. */
export interface ItemParts {
  readonly label: PhrasingContent[]
  readonly feedback: RootContent[]
}

/**
 * Split a list item into its label, the first paragraph's inline content,
 * and the feedback of a blockquote nested under it. Anything else is
 * reported: an answer is one line.
 */
export function itemParts(item: ListItem, file: VFile): ItemParts | undefined {
  const [first, ...rest] = item.children
  if (first?.type !== 'paragraph') {
    problem(file, 'unexpected-question-content', first ?? item, 'Unexpected content in an answer, expected one line of text', {
      hint: 'An answer is one line; it may hold emphasis, `code`, links and images, and a `>` blockquote under it for feedback.',
    })
    return undefined
  }
  const feedback: RootContent[] = []
  for (const node of rest) {
    if (node.type === 'blockquote') feedback.push(...(node as Blockquote).children)
    else {
      problem(file, 'unexpected-question-content', node, `Unexpected ${node.type} in an answer, expected a \`>\` feedback blockquote`)
      return undefined
    }
  }
  return { label: [...(first as Paragraph).children], feedback }
}

/** The label without a leading marker such as `=` or `( )`; `undefined` when it does not start with it. */
export function stripMarker(label: readonly PhrasingContent[], marker: RegExp): PhrasingContent[] | undefined {
  const [first, ...rest] = label
  if (first?.type !== 'text') return undefined
  const match = marker.exec(first.value)
  if (!match || match.index !== 0) return undefined
  const remaining = first.value.slice(match[0].length)
  return remaining === '' ? rest : [{ ...first, value: remaining } satisfies Text, ...rest]
}

/** Plain text of inline content, trimmed. */
export function plainText(content: readonly PhrasingContent[]): string {
  return content.map((node) => toString(node)).join('').trim()
}

/**
 * Cut inline content at the first `separator` inside a text node:
 * `Zhou Enlai -> *China*` → `Zhou Enlai` and `*China*`.
 */
export function splitAt(content: readonly PhrasingContent[], separator: string): [PhrasingContent[], PhrasingContent[]] | undefined {
  for (const [index, node] of content.entries()) {
    if (node.type !== 'text') continue
    const at = node.value.indexOf(separator)
    if (at === -1) continue
    const before = node.value.slice(0, at).trimEnd()
    const after = node.value.slice(at + separator.length).trimStart()
    const left = [...content.slice(0, index), ...(before ? [{ ...node, value: before }] : [])]
    const right = [...(after ? [{ ...node, value: after }] : []), ...content.slice(index + 1)]
    return [left, right]
  }
  return undefined
}

export function isList(node: RootContent | undefined): node is List {
  return node?.type === 'list'
}
