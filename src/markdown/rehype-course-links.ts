import type { Element, Root } from 'hast'
import type { VFile } from 'vfile'
import { eachElement } from './walk-tree.js'

/** Attributes that hold a URL, by element. */
const urlAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  img: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  source: ['src'],
  track: ['src'],
  iframe: ['src'],
  object: ['data'],
  embed: ['src'],
}

export interface Options {
  /**
   * Rewrite one URL found in the page: return the URL to write in its place,
   * `undefined` to leave it as it is, or `null` to remove it (a reference
   * already reported as an error).
   */
  readonly rewrite: (url: string, element: Element, file: VFile) => Promise<string | null | undefined> | string | null | undefined
}

/**
 * Rewrite every URL of a hast tree (links, images, media) through
 * `options.rewrite`, and open links to other sites in a new tab: inside an
 * LMS the course sits in a frame that such a link would otherwise replace.
 */
export default function rehypeCourseLinks(options: Readonly<Options>) {
  return async function transform(tree: Root, file: VFile): Promise<void> {
    const jobs: Promise<void>[] = []
    eachElement(tree, (element) => {
      for (const attribute of urlAttributes[element.tagName] ?? []) {
        const value = element.properties[attribute]
        if (typeof value !== 'string') continue
        jobs.push(
          Promise.resolve(options.rewrite(value, element, file)).then((rewritten) => {
            if (rewritten === null) delete element.properties[attribute]
            else if (rewritten !== undefined) element.properties[attribute] = rewritten
          }),
        )
        if (element.tagName === 'a' && isExternal(value)) {
          element.properties.target = '_blank'
          element.properties.rel = ['noopener', 'noreferrer']
        }
      }
    })
    await Promise.all(jobs)
  }
}

/** A URL with a scheme (`https:`, `mailto:`) or a protocol-relative one (`//host/…`). */
export function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')
}
