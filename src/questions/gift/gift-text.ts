import type { PhrasingContent, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { assertMarkdownReadable, type Spent } from '../../markdown/guard-markdown.js'
import { unescapeGift } from './gift-chunks.js'

/** GIFT's text formats: `[moodle]` (the default), `[plain]`, `[markdown]`, `[html]`. */
export type GiftFormat = 'moodle' | 'plain' | 'markdown' | 'html'

const markdown = unified().use(remarkParse).use(remarkGfm)

/**
 * GIFT text (escapes still in) → inline mdast, following its format. The
 * Markdown of `[markdown]` text is measured first against the budget its file
 * has left (`spent`, optional), and refused with `MarkdownRefused`.
 */
export function giftInline(raw: string, format: GiftFormat, spent?: Spent): PhrasingContent[] {
  const text = unescapeGift(raw).trim()
  if (text === '') return []
  if (format === 'html') return [{ type: 'html', value: text }]
  if (format === 'markdown') {
    // The text micromark sees is this piece, not the file's lines: measured here (the caller reports a refusal).
    assertMarkdownReadable(text, { frontmatter: false, ...(spent ? { spent } : {}) })
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
export function giftBlocks(raw: string | undefined, format: GiftFormat, spent?: Spent): RootContent[] {
  const inline = giftInline(raw ?? '', format, spent)
  return inline.length === 0 ? [] : [{ type: 'paragraph', children: inline }]
}
