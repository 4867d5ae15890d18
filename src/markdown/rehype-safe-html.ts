import type { Element, Root } from 'hast'
import { sanitize } from 'hast-util-sanitize'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import { embedHosts, type EmbedProvider, sanitizeSchema } from './sanitize-schema.js'
import { eachElement } from './walk-tree.js'

export interface Options {
  /** Video hosts whose `<iframe>` embeds the course allows (default: none). */
  readonly embeds?: readonly EmbedProvider[]
}

/**
 * Sanitize a page's HTML (GitHub's rules: no scripts, event handlers,
 * `javascript:` URLs, styles or frames), and warn about each thing removed,
 * at its line, so an author is never surprised by a silently missing embed.
 * Iframes from the allowed video hosts stay.
 */
export default function rehypeSafeHtml(options: Readonly<Options> = {}) {
  const allowedHosts = new Set<string>((options.embeds ?? []).flatMap((provider) => embedHosts[provider]))
  return function transform(tree: Root, file: VFile): Root {
    const before = snapshot(tree)
    const clean = sanitize(tree, sanitizeSchema(allowedHosts.size > 0)) as Root
    eachElement(clean, (element, index, parent) => {
      if (element.tagName !== 'iframe') return
      const src = String(element.properties.src ?? '')
      if (allowedHosts.has(hostOf(src))) return
      problem(file, 'unsafe-html-removed', element.position, `Removed an embed from \`${hostOf(src) || src}\`, which is not an allowed video host`, {
        hint: `Allowed hosts come from \`embeds:\` in course.yml (${Object.keys(embedHosts).join(', ')}).`,
      })
      parent.children.splice(index, 1)
      return index
    })
    const after = snapshot(clean)
    for (const [key, element] of before) {
      const kept = after.get(key)
      if (!kept) {
        if (element.tagName !== 'iframe' || !allowedHosts.size) {
          problem(file, 'unsafe-html-removed', element.position, `Removed \`<${element.tagName}>\`, which is not allowed in course pages`)
        }
        continue
      }
      for (const name of Object.keys(element.properties)) {
        if (!(name in kept.properties)) {
          problem(file, 'unsafe-html-removed', element.position, `Removed the \`${attributeName(name)}\` attribute of \`<${element.tagName}>\``)
        }
      }
    }
    return clean
  }
}

/** Elements with a position, by tag and start offset: sanitizing keeps positions. */
function snapshot(tree: Root): Map<string, Element> {
  const elements = new Map<string, Element>()
  eachElement(tree, (element) => {
    const start = element.position?.start
    if (start) elements.set(`${element.tagName}@${start.line}:${start.column}`, element)
  })
  return elements
}

function hostOf(url: string): string {
  try {
    return new URL(url, 'https://invalid.invalid/').hostname.replace(/^invalid\.invalid$/, '')
  } catch {
    return ''
  }
}

/** `onError` → `onerror`, `className` → `class`, `dataFoo` → `data-foo`. */
function attributeName(property: string): string {
  if (property === 'className') return 'class'
  if (/^data[A-Z]/.test(property)) return `data-${property.slice(4).replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`)}`
  return property.toLowerCase()
}
