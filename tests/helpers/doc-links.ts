import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import GithubSlugger from 'github-slugger'
import type { Element, Root as HastRoot } from 'hast'
import type { Root as MdastRoot } from 'mdast'
import { toString } from 'mdast-util-to-string'
import rehypeRaw from 'rehype-raw'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { eachNode } from '../../src/markdown/walk-tree.js'

/** A link or image source found in a Markdown file, with where it was written. */
interface FoundLink {
  readonly url: string
  readonly line: number
  readonly column: number
}

const toHast = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw)

/**
 * Every relative link and image of `files` (Markdown, relative to `root`)
 * whose file does not exist, or whose `#anchor` names no heading of the
 * Markdown page it points to, as GitHub makes heading ids. Links with a
 * scheme (`https:`, `mailto:`) are not followed. Markdown links, images and
 * definitions count, and so do `href`, `src` and `srcset` in raw HTML
 * (`<picture>`, `<img>`, `<a>`), read from the tree rehype-raw makes.
 * Each broken one is `file:line:column  url  why`, the file relative to the root.
 */
export async function brokenLinks(root: string, files: readonly string[]): Promise<string[]> {
  const anchorsOf = new Map<string, Promise<Set<string>>>()
  const anchors = (file: string) => {
    if (!anchorsOf.has(file)) anchorsOf.set(file, readFile(file, 'utf8').then(headingIds))
    return anchorsOf.get(file)!
  }
  const broken: string[] = []
  for (const name of files) {
    const file = path.resolve(root, name)
    for (const link of linksIn(await readFile(file, 'utf8'))) {
      const why = await whyBroken(root, file, link.url, anchors)
      if (why) broken.push(`${path.relative(root, file).split(path.sep).join('/')}:${link.line}:${link.column}  ${link.url}  ${why}`)
    }
  }
  return broken
}

/** What is wrong with `url`, written in `file`; undefined when it leads somewhere. */
async function whyBroken(root: string, file: string, url: string, anchors: (file: string) => Promise<Set<string>>): Promise<string | undefined> {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return undefined
  const hashAt = url.indexOf('#')
  const pathPart = (hashAt === -1 ? url : url.slice(0, hashAt)).replace(/\?.*$/, '')
  const anchor = hashAt === -1 ? undefined : decodeURIComponent(url.slice(hashAt + 1))
  let target = file
  if (pathPart !== '') {
    const decoded = decodeURIComponent(pathPart)
    // GitHub reads a path that starts with / from the repository's root.
    target = decoded.startsWith('/') ? path.join(root, decoded) : path.resolve(path.dirname(file), decoded)
    const inside = path.relative(root, target)
    if (inside.startsWith('..') || path.isAbsolute(inside)) return 'leaves the repository'
    const found = await stat(target).catch(() => undefined)
    if (!found) return 'no such file'
    if (found.isDirectory()) return undefined
  }
  if (anchor === undefined || anchor === '' || !/\.md$/i.test(target)) return undefined
  return (await anchors(target)).has(anchor) ? undefined : `no heading #${anchor} in ${path.basename(target)}`
}

/** The links and image sources written in a Markdown text, in document order: Markdown's own and raw HTML's alike. */
function linksIn(markdown: string): FoundLink[] {
  const found: FoundLink[] = []
  const add = (url: unknown, node: Element) => {
    if (typeof url !== 'string' || url === '') return
    found.push({ url, line: node.position?.start.line ?? 0, column: node.position?.start.column ?? 0 })
  }
  eachNode(toHtmlTree(markdown), (node) => {
    if (node.type !== 'element') return
    const { properties } = node
    // Footnote links are made by remark-rehype, not written.
    if (properties.dataFootnoteRef !== undefined || properties.dataFootnoteBackref !== undefined) return
    if (node.tagName === 'a') add(properties.href, node)
    if (node.tagName === 'img') add(properties.src, node)
    if (node.tagName === 'source') for (const candidate of srcset(properties.srcSet)) add(candidate, node)
  })
  return found
}

/** The page as HTML, raw HTML included, with positions in the Markdown (reference links resolved). */
function toHtmlTree(markdown: string): HastRoot {
  return toHast.runSync(parseMarkdown(markdown)) as HastRoot
}

function parseMarkdown(markdown: string): MdastRoot {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown)
}

/** The URLs of a `srcset` value (`a.png 1x, b.png 2x`). */
function srcset(value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : ''
  return text
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean)
}

/** The ids a Markdown page's headings get on GitHub, and the ids its raw HTML sets. */
function headingIds(markdown: string): Set<string> {
  const mdast = parseMarkdown(markdown)
  const slugger = new GithubSlugger()
  const ids = new Set<string>()
  eachNode(mdast, (node) => {
    if (node.type === 'heading') ids.add(slugger.slug(toString(node)))
  })
  eachNode(toHast.runSync(mdast) as HastRoot, (node) => {
    if (node.type !== 'element') return
    for (const key of ['id', 'name'] as const) {
      const value = node.properties[key]
      if (typeof value === 'string') ids.add(value)
    }
  })
  return ids
}
