import type { Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import rehypeCourseLinks, { type Options as LinkOptions } from './rehype-course-links.js'
import { sanitizeSchema } from './sanitize-schema.js'

export interface Options extends LinkOptions {
  /** `sanitize` keeps the safe subset of raw HTML, `trusted` keeps it all. */
  readonly html: 'sanitize' | 'trusted'
}

/**
 * mdast → HTML text: raw HTML parsed then sanitized (unless trusted), every
 * link and image rewritten to its place in the package.
 */
export async function renderMarkdown(tree: MdastRoot, file: VFile, options: Options): Promise<string> {
  const processor = unified()
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(options.html === 'trusted' ? [] : [[rehypeSanitize, sanitizeSchema]])
    .use(rehypeCourseLinks, { rewrite: options.rewrite })
    .use(rehypeStringify)
  const hast = (await processor.run(structuredClone(tree), file)) as HastRoot
  return processor.stringify(hast, file)
}
