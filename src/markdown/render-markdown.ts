import type { Root as HastRoot } from 'hast'
import type { Root as MdastRoot, PhrasingContent } from 'mdast'
import type { Options as HighlightOptions } from 'rehype-highlight'
import type { Options as KatexOptions } from 'rehype-katex'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import { reportLibraryFailure } from '../diagnostics/library-failure.js'
import { problem } from '../diagnostics/problem.js'
import type { RuleId } from '../diagnostics/rules.js'
import rehypeFragmentLinks from './rehype-fragment-links.js'
import rehypeHighlightBudget from './rehype-highlight-budget.js'
import rehypeCourseLinks, { type Options as LinkOptions } from './rehype-course-links.js'
import rehypeMedia from './rehype-media.js'
import rehypeSafeHtml from './rehype-safe-html.js'
import remarkCallouts, { type CalloutKind } from './remark-callouts.js'
import remarkMathAsText from './remark-math-as-text.js'
import { clobberPrefix, type EmbedProvider } from './sanitize-schema.js'
import { hasCodeWithLanguage, hasMathElements, hasRawHtml, whenNeeded } from './rehype-when-needed.js'

export interface Options extends LinkOptions {
  /** `sanitize` keeps the safe subset of raw HTML, `trusted` keeps it all. */
  readonly html: 'sanitize' | 'trusted'
  /** Video hosts whose embeds stay when sanitizing. */
  readonly embeds: readonly EmbedProvider[]
  /** Render `$…$` as math (KaTeX); otherwise it stays text. */
  readonly math: boolean
  /** BCP 47 language of the course, for captions tracks. */
  readonly language: string
  /** Callout titles in the course's language. */
  readonly calloutTitles: Readonly<Record<CalloutKind, string>>
  /** The heading of the footnotes, in the course's language. */
  readonly footnoteLabel: string
  /** The label of a footnote's link back to its reference; `{number}` is the footnote's number. */
  readonly footnoteBackLabel: string
}

export interface MarkdownRenderer {
  /**
   * mdast → HTML text. The tree is the renderer's to change (plugins work on
   * it in place): pass a copy of a tree that is used again.
   */
  readonly render: (tree: MdastRoot, file: VFile) => Promise<string>
  /**
   * Inline content (a prompt, a choice's label) → HTML without a wrapping
   * paragraph, so that it can sit inside a `<legend>` or a `<label>`; the
   * content is changed, as with `render`.
   */
  readonly renderInline: (content: readonly PhrasingContent[], file: VFile) => Promise<string>
}

/**
 * One processor for a whole course (building one per fragment cost most of
 * the build: the highlighter loads its grammars each time): raw HTML parsed
 * then sanitized (unless trusted), every link and image rewritten to its
 * place in the package, math and code rendered.
 */
export function createMarkdownRenderer(options: Options): MarkdownRenderer {
  const sanitize = options.html !== 'trusted'
  const processor = unified()
    .use(options.math ? [] : [remarkMathAsText])
    .use(remarkCallouts, { titles: options.calloutTitles })
    .use(remarkRehype, {
      allowDangerousHtml: true,
      // rehype-sanitize prefixes ids itself; prefixing here too would break footnote links.
      clobberPrefix: sanitize ? '' : 'user-content-',
      footnoteLabel: options.footnoteLabel,
      footnoteBackLabel: (index: number) => options.footnoteBackLabel.replace('{number}', String(index + 1)),
    })
    // rehype-raw rebuilds the whole tree through an HTML parser, a fifth of rendering a lesson and twice
    // the memory: only for a tree with raw HTML in it; without any, the tree is what the parser would give back.
    .use(rehypeRaw)
    .use(rehypeMedia, { language: options.language })
    // Links are resolved before sanitizing, so a `file:` URL is reported, not silently dropped.
    .use(rehypeCourseLinks, { rewrite: options.rewrite })
    .use(sanitize ? [[rehypeSafeHtml, { embeds: options.embeds }]] : [])
    // Math and code highlighting come after sanitizing: their markup is ours, not the author's.
    .use(options.math ? [[rehypeKatex, { output: 'htmlAndMathml', throwOnError: false, strict: 'ignore' }]] : [])
    .use(rehypeHighlightBudget)
    .use(rehypeHighlight, { detect: false })
    .use(sanitize ? [[rehypeFragmentLinks, { prefix: clobberPrefix }]] : [])
    .use(rehypeStringify)
    .freeze()
  const render = async (tree: MdastRoot, file: VFile) => {
    const before = file.messages.length
    try {
      const hast = (await processor.run(tree, file)) as HastRoot
      return processor.stringify(hast, file)
    } catch (error) {
      reportLibraryFailure(file, error, 'render')
      return ''
    } finally {
      adoptMessages(file, before)
    }
  }
  return {
    render,
    async renderInline(content, file) {
      const html = await render({ type: 'root', children: [{ type: 'paragraph', children: [...content] }] }, file)
      return html.replace(/^<p>/, '').replace(/<\/p>$/, '')
    },
  }
}

const rehypeRaw = whenNeeded(hasRawHtml, async () => (await import('rehype-raw')).default)

const rehypeHighlight = whenNeeded<HighlightOptions>(hasCodeWithLanguage, async () => (await import('rehype-highlight')).default)

/**
 * rehype-katex, without KaTeX's remarks on the console (LaTeX compatibility,
 * missing font metrics for a character), which would land on the terminal
 * outside the report; what matters reaches the file as `invalid-math`. The
 * transform is synchronous, so nothing else runs while `console.warn` is
 * held.
 */
const rehypeKatex = whenNeeded<KatexOptions>(hasMathElements, async () => {
  const { default: plugin } = await import('rehype-katex')
  return function (this: unknown, options?: KatexOptions) {
    const transform = (plugin as (this: unknown, options?: KatexOptions) => (tree: HastRoot, file: VFile) => void).call(this, options)
    return (tree: HastRoot, file: VFile) => {
      const warn = console.warn
      console.warn = () => {}
      try {
        transform(tree, file)
      } finally {
        console.warn = warn
      }
    }
  }
})

/** The rules of the catalog that the highlighter's and KaTeX's own warnings become. */
const adopted: Readonly<Record<string, RuleId>> = { 'rehype-highlight': 'unknown-code-language', 'rehype-katex': 'invalid-math' }

/**
 * rehype-highlight and rehype-katex put warnings on the file with rule ids
 * of their own (`missing-language`, `parseerror`): replace each with the
 * catalog's rule, so that every problem a report shows is documented.
 */
function adoptMessages(file: VFile, from: number): void {
  const messages = file.messages.splice(from)
  for (const message of messages) {
    const rule = message.source ? adopted[message.source] : undefined
    if (!rule) {
      file.messages.push(message)
      continue
    }
    const place = message.place ?? null
    const cause = (message.cause as Error | undefined)?.message?.split('\n')[0]?.replace(/^KaTeX parse error: /, '')
    problem(file, rule, place, rule === 'invalid-math' ? `KaTeX cannot render this math: ${cause ?? message.reason}` : message.reason.replace(/, it’s not registered$/, ': the highlighter does not know this language'))
  }
}
