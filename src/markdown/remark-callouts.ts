import type { Root, Text } from 'mdast'
import { eachNode } from './walk-tree.js'

/** GitHub's alert kinds: `> [!NOTE]`, `> [!TIP]`, `> [!IMPORTANT]`, `> [!WARNING]`, `> [!CAUTION]`. */
export const calloutKinds = ['note', 'tip', 'important', 'warning', 'caution'] as const
export type CalloutKind = (typeof calloutKinds)[number]

export interface Options {
  /** The visible title of each kind, in the course's language. */
  readonly titles: Readonly<Record<CalloutKind, string>>
}

/**
 * Callouts written as GitHub writes them, so they read the same on GitHub:
 *
 *     > [!NOTE]
 *     > The treaty ran for 30 years.
 *
 * become `<aside class="cp-callout cp-callout--note">` with a title.
 */
export default function remarkCallouts(options: Readonly<Options>) {
  return function transform(tree: Root): void {
    eachNode(tree, (node) => {
      if (node.type !== 'blockquote') return
      const paragraph = node.children[0]
      const first = paragraph?.type === 'paragraph' ? paragraph.children[0] : undefined
      if (first?.type !== 'text') return
      const match = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\r?\n|$)/i.exec(first.value)
      if (!match || paragraph?.type !== 'paragraph') return
      const kind = match[1]!.toLowerCase() as CalloutKind
      const rest = first.value.slice(match[0].length)
      if (rest === '') paragraph.children.shift()
      else paragraph.children[0] = { ...first, value: rest } satisfies Text
      if (paragraph.children.length === 0) node.children.shift()
      node.data = { hName: 'aside', hProperties: { className: ['cp-callout', `cp-callout--${kind}`] } }
      node.children.unshift({
        type: 'paragraph',
        data: { hProperties: { className: ['cp-callout__title'] } },
        children: [{ type: 'text', value: options.titles[kind] }],
      })
    })
  }
}
