import type { Root } from 'hast'
import { eachElement } from './walk-tree.js'

export interface Options {
  /** The prefix the sanitizer put before every `id` (hast-util-sanitize's `clobberPrefix`). */
  readonly prefix: string
}

/**
 * Point in-page links (`#fn-1`, `#sources`) at the ids the sanitizer
 * prefixed to stop DOM clobbering (`user-content-fn-1`); rehype-sanitize's
 * readme suggests this rewrite. A link whose plain target exists stays as is.
 */
export default function rehypeFragmentLinks(options: Readonly<Options>) {
  return function transform(tree: Root): void {
    const ids = new Set<string>()
    eachElement(tree, (element) => {
      if (typeof element.properties.id === 'string') ids.add(element.properties.id)
    })
    eachElement(tree, (element) => {
      const href = element.properties.href
      if (element.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return
      const target = decoded(href.slice(1))
      if (target !== undefined && !ids.has(target) && ids.has(options.prefix + target)) element.properties.href = `#${options.prefix}${target}`
    })
  }
}

/** The fragment without its percent escapes; `undefined` for a broken escape (`#%zz`), which names no id. */
function decoded(fragment: string): string | undefined {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return undefined
  }
}
