import type { PhrasingContent, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { unescapeGift } from './gift-chunks.js'

/** GIFT's text formats: `[moodle]` (the default), `[plain]`, `[markdown]`, `[html]`. */
export type GiftFormat = 'moodle' | 'plain' | 'markdown' | 'html'

const markdown = unified().use(remarkParse).use(remarkGfm)

/** GIFT text (escapes still in) → inline mdast, following its format. */
export function giftInline(raw: string, format: GiftFormat): PhrasingContent[] {
  const text = unescapeGift(raw).trim()
  if (text === '') return []
  if (format === 'html') return [{ type: 'html', value: text }]
  if (format === 'markdown') {
    const blocks = markdown.parse(text).children
    return blocks.flatMap((block, index) => [
      ...(index > 0 ? [{ type: 'break' } as PhrasingContent] : []),
      ...(block.type === 'paragraph' || block.type === 'heading' ? block.children : [{ type: 'text', value: String((block as { value?: string }).value ?? '') } as PhrasingContent]),
    ])
  }
  // moodle and plain: text, with its line breaks kept.
  return text.split('\n').flatMap((line, index) => [...(index > 0 ? [{ type: 'break' } as PhrasingContent] : []), { type: 'text', value: line } as PhrasingContent])
}

/** GIFT feedback → block mdast (one paragraph), or nothing. */
export function giftBlocks(raw: string | undefined, format: GiftFormat): RootContent[] {
  const inline = giftInline(raw ?? '', format)
  return inline.length === 0 ? [] : [{ type: 'paragraph', children: inline }]
}
