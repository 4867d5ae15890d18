import type { Element, ElementContent, Root, RootContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toHtml } from 'hast-util-to-html'

/**
 * HTML as Canvas keeps it. Canvas runs every Page, quiz description,
 * question and answer through its sanitizer (`CanvasSanitize::SANITIZE`,
 * gems/canvas_sanitize) and shows it inside its own layout, without the
 * course's stylesheet: what the render stage says with classes is said
 * here with inline styles, in the properties that sanitizer keeps (no
 * `border-radius`, no `border-inline-*`, no custom properties); elements it
 * drops become ones it keeps (`aside` → `div`); math is KaTeX's MathML
 * alone (the sanitizer keeps MathML, which browsers and Canvas's MathJax
 * show); highlighted code keeps its colours as `style`; classes go.
 */

export interface CanvasHtmlOptions {
  readonly direction: 'ltr' | 'rtl'
  /**
   * The URL Canvas should get for `url` in `attribute` (`href`, `src`,
   * `poster`): unchanged (return it), rewritten, or `undefined` to drop the
   * link and keep its text (a link to something Canvas does not get).
   */
  readonly url: (url: string, attribute: string) => string | undefined
}

const colours = {
  text: '#1b1f24',
  muted: '#4a5360',
  surface: '#f4f6f8',
  border: '#c9d0d8',
  accent: '#0b5cad',
  correct: '#1a6b34',
  wrong: '#a4262c',
} as const

const monospace = 'font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;'

/** highlight.js's classes, coloured as the course's stylesheet colours them (light scheme). */
const codeColours: readonly (readonly [readonly string[], string])[] = [
  [['hljs-comment', 'hljs-quote'], `color: ${colours.muted}; font-style: italic;`],
  [['hljs-keyword', 'hljs-selector-tag', 'hljs-built_in'], 'color: #8a2c8f;'],
  [['hljs-string', 'hljs-attr', 'hljs-template-tag'], `color: ${colours.correct};`],
  [['hljs-number', 'hljs-literal', 'hljs-symbol'], 'color: #005cc5;'],
  [['hljs-title', 'hljs-section', 'hljs-name'], 'color: #9a3c00;'],
]

const calloutColours: Readonly<Record<string, string>> = {
  note: colours.accent,
  tip: colours.correct,
  important: '#8250df',
  warning: '#9a6700',
  caution: colours.wrong,
}

/** Elements the sanitizer drops, and what says the same in ones it keeps. */
const renamed: Readonly<Record<string, string>> = {
  aside: 'div',
  section: 'div',
  article: 'div',
  header: 'div',
  footer: 'div',
  main: 'div',
  nav: 'div',
  details: 'div',
  summary: 'p',
  kbd: 'code',
  samp: 'code',
  var: 'i',
  s: 'del',
  mark: 'span',
  dfn: 'i',
  picture: 'span',
}

/** The render stage's HTML (a fragment) as Canvas keeps it. */
export function canvasHtml(html: string, options: CanvasHtmlOptions): string {
  if (html.trim() === '') return ''
  const tree = fromHtml(html, { fragment: true })
  tree.children = transformChildren(tree.children, options) as Root['children']
  return toHtml(tree, { allowDangerousHtml: false })
}

function transformChildren(children: readonly (RootContent | ElementContent)[], options: CanvasHtmlOptions): ElementContent[] {
  return children.flatMap((child): ElementContent[] => (child.type === 'element' ? transformElement(child, options) : isElementContent(child) ? [child] : []))
}

function transformElement(element: Element, options: CanvasHtmlOptions): ElementContent[] {
  const classes = classList(element)
  // KaTeX: its MathML alone, which carries the TeX source as an annotation.
  if (classes.includes('katex-display') || classes.includes('katex')) {
    const math = findMath(element)
    return math ? [math] : transformChildren(element.children, options)
  }
  if (classes.includes('katex-html')) return []

  for (const attribute of ['href', 'src', 'poster'] as const) {
    const value = element.properties[attribute]
    if (typeof value !== 'string') continue
    const url = options.url(value, attribute)
    if (url === undefined) {
      if (element.tagName === 'a') return transformChildren(element.children, options)
      delete element.properties[attribute]
    } else element.properties[attribute] = url
  }

  const style = [styleOf(element, classes, options.direction), typeof element.properties.style === 'string' ? element.properties.style : ''].filter(Boolean).join(' ')
  delete element.properties.className
  if (style) element.properties.style = style
  element.tagName = renamed[element.tagName] ?? element.tagName
  element.children = transformChildren(element.children, options)
  return [element]
}

/** The inline style that stands for the course stylesheet's rules on `element`. */
function styleOf(element: Element, classes: readonly string[], direction: 'ltr' | 'rtl'): string {
  const start = direction === 'rtl' ? 'right' : 'left'
  const callout = classes.find((name) => name.startsWith('cp-callout--'))
  if (callout) {
    const colour = calloutColours[callout.slice('cp-callout--'.length)] ?? colours.accent
    return `margin: 1.25em 0; padding: 0.5em 1em; border-${start}: 4px solid ${colour}; background-color: ${colours.surface};`
  }
  if (classes.includes('cp-callout__title')) return 'font-weight: bold; margin: 0.25em 0;'
  for (const [names, style] of codeColours) if (names.some((name) => classes.includes(name))) return style
  switch (element.tagName) {
    case 'table':
      return 'border-collapse: collapse; margin: 1em 0;'
    case 'th':
      return `border: 1px solid ${colours.border}; padding: 0.4em 0.6em; vertical-align: top; text-align: ${start}; background-color: ${colours.surface};`
    case 'td':
      return `border: 1px solid ${colours.border}; padding: 0.4em 0.6em; vertical-align: top;`
    case 'blockquote':
      return `margin: 1em 0; padding: 0.25em 1em; border-${start}: 4px solid ${colours.border}; color: ${colours.muted};`
    case 'pre':
      return `overflow-x: auto; padding: 0.75em; background-color: ${colours.surface}; color: ${colours.text}; ${monospace}`
    case 'code':
    case 'kbd':
    case 'samp':
      return monospace
    case 'figure':
      return 'margin: 1.5em 0;'
    case 'figcaption':
      return `margin-top: 0.4em; color: ${colours.muted}; font-size: 0.9em;`
    case 'img':
    case 'video':
      return 'max-width: 100%; height: auto;'
    case 'mark':
      return 'background-color: #fff3b0;'
    case 'summary':
      return 'font-weight: bold;'
    default:
      return ''
  }
}

function classList(element: Element): string[] {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

function findMath(element: Element): Element | undefined {
  for (const child of element.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'math') return child
    const found = findMath(child)
    if (found) return found
  }
  return undefined
}

function isElementContent(node: RootContent | ElementContent): node is ElementContent {
  return node.type !== 'doctype'
}
