import path from 'node:path'
import type { Element } from 'hast'
import type { Position } from 'unist'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import { isInside, kindOf } from '../fs/course-folder.js'
import { isExternal } from '../markdown/rehype-course-links.js'

export interface LinkContext {
  /** Absolute path of the course folder. */
  readonly root: string
  /** Course path of each page's source file (`04-split/01-cracks.md`) → page id. */
  readonly pageIds: ReadonlyMap<string, string>
  /** Collects the assets the pages use: course path → path in the package. */
  readonly assets: Map<string, string>
  /** Told of each course file and page that a page (`file`) refers to (optional). */
  readonly onUse?: (file: VFile, use: { readonly asset: string; readonly packagePath: string } | { readonly pageId: string; readonly position: Position | undefined }) => void
}

/** Where pages sit in the package, and how a page refers to the package root. */
export const pagesFolder = 'pages'
const packageRootFromPage = '../'

/**
 * The URL policy of a page: links to other pages become links to their HTML,
 * files of the course become package assets (`assets/<course path>`), other
 * sites stay as they are. A reference to a missing file or one outside the
 * course folder is reported on the page's file and left untouched.
 */
export function createLinkRewriter(context: LinkContext) {
  return async function rewrite(url: string, element: Element, file: VFile): Promise<string | null | undefined> {
    const place = element.position
    if (/^file:/i.test(url)) {
      problem(file, 'reference-outside-course', place, `\`${url}\` points at a file on this computer, outside the course`)
      return null
    }
    if (url === '' || url.startsWith('#') || isExternal(url)) return undefined

    const split = url.search(/[?#]/)
    const rawPath = split === -1 ? url : url.slice(0, split)
    const suffix = split === -1 ? '' : url.slice(split)
    if (rawPath === '') return undefined
    if (rawPath.startsWith('/') || rawPath.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(rawPath)) {
      problem(file, 'reference-outside-course', place, `\`${url}\` is an absolute path, outside the course`)
      return undefined
    }

    let decoded: string
    try {
      decoded = decodeURIComponent(rawPath)
    } catch {
      problem(file, 'missing-file', place, `\`${url}\` is not a valid path`, { hint: 'Write spaces as `%20` or rename the file without them.' })
      return undefined
    }
    const absolute = path.resolve(path.dirname(file.path), decoded)
    const relative = path.relative(context.root, absolute)
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      problem(file, 'reference-outside-course', place, `\`${url}\` leaves the course folder`)
      return undefined
    }
    const kind = await kindOf(absolute)
    if (kind !== 'file') {
      const reason = kind === 'folder' ? `\`${url}\` is a folder, not a file` : kind === 'special' ? `\`${url}\` is a FIFO, socket or device, not a file` : `There is no file \`${decoded}\``
      problem(file, 'missing-file', place, reason, {
        hint: 'Paths are relative to this file, and the case of each letter counts.',
      })
      return undefined
    }
    if (!(await isInside(context.root, absolute))) {
      problem(file, 'reference-outside-course', place, `\`${url}\` is a link to a file outside the course folder`)
      return undefined
    }

    const coursePath = relative.split(path.sep).join('/')
    const pageId = context.pageIds.get(coursePath)
    if (pageId) {
      context.onUse?.(file, { pageId, position: place })
      return `${encodeURIComponent(pageId)}.html${suffix}`
    }
    if (/\.md$/i.test(coursePath)) {
      problem(file, 'link-to-unlisted-page', place, `\`${decoded}\` is not a page of the course`)
      return undefined
    }
    const packagePath = `assets/${coursePath}`
    context.assets.set(coursePath, packagePath)
    context.onUse?.(file, { asset: coursePath, packagePath })
    return packageRootFromPage + encodePath(packagePath) + suffix
  }
}

/** Percent-encode each segment of a package path for use in a URL. */
export function encodePath(packagePath: string): string {
  return packagePath.split('/').map(encodeURIComponent).join('/')
}
