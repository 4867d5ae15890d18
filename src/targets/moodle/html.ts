/**
 * The render stage's HTML (URLs of a page in `pages/`: another page is
 * `<id>.html`, a course file `../assets/<course path>`) made into what a
 * Moodle backup holds in a text field: course files as
 * `@@PLUGINFILE@@/<path>` in the field's own file area, links to other
 * pages in the backup's link encoding (`$@PAGEVIEWBYID*<cmid>@$`,
 * `$@QUIZVIEWBYID*<cmid>@$`, decoded by the restore into the restored
 * activity's URL), and the course stylesheet's look carried by what Moodle
 * shows without it: Bootstrap classes of its Boost theme, and MathML in
 * place of KaTeX's HTML (which needs KaTeX's stylesheet).
 */

/** A course page as the backup names it: the module and the id of its course module. */
export interface LinkTarget {
  readonly modname: 'page' | 'quiz'
  readonly cmid: number
}

export interface HtmlContext {
  /** Page id → the activity it became. */
  readonly pages: ReadonlyMap<string, LinkTarget>
  /** Called with each course file the HTML uses (its path in the package, `assets/<course path>`). */
  readonly useFile: (packagePath: string) => void
}

/** Bootstrap's alert for each callout kind (Moodle's Boost theme ships Bootstrap 4). */
const calloutAlerts: Readonly<Record<string, string>> = {
  note: 'alert-info',
  tip: 'alert-success',
  important: 'alert-primary',
  warning: 'alert-warning',
  caution: 'alert-danger',
}

/** HTML of the render stage as a Moodle text field holds it. */
export function moodleHtml(html: string, context: HtmlContext): string {
  return withBootstrap(mathmlOnly(rewriteUrls(html, context)))
}

/** `../assets/…` → `@@PLUGINFILE@@/…`; `<id>.html` → the activity's encoded link. Other URLs stay. */
function rewriteUrls(html: string, context: HtmlContext): string {
  return html.replace(/\b(href|src|poster|data)="([^"]*)"/g, (whole, attribute: string, url: string) => {
    if (url.startsWith('../assets/')) {
      const encoded = url.slice('../assets/'.length)
      context.useFile(`assets/${decodePath(encoded.replace(/[?#].*$/, ''))}`)
      return `${attribute}="@@PLUGINFILE@@/${encoded}"`
    }
    const page = /^([^/?#:]+)\.html([?#].*)?$/.exec(url)
    if (!page) return whole
    const target = context.pages.get(safeDecode(page[1]!))
    if (!target) return whole
    return `${attribute}="${encodedLink(target)}${page[2] ?? ''}"`
  })
}

/** The backup's encoding of a link to an activity's view page, as `encode_content_links` writes it. */
export function encodedLink(target: LinkTarget): string {
  return `$@${target.modname.toUpperCase()}VIEWBYID*${target.cmid}@$`
}

/** A percent-encoded path (`images/my%20map.png`) as the file's path in Moodle (`images/my map.png`). */
export function decodePath(encoded: string): string {
  return encoded.split('/').map(safeDecode).join('/')
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * KaTeX writes each formula twice: MathML for assistive technology and
 * HTML that only its stylesheet lays out. Moodle has no KaTeX stylesheet,
 * and browsers lay out MathML themselves, so only the MathML is kept (its
 * `<annotation>` keeps the TeX source, which browsers do not show).
 */
export function mathmlOnly(html: string): string {
  if (!html.includes('class="katex"')) return html
  let out = ''
  let index = 0
  for (;;) {
    const start = html.indexOf('<span class="katex">', index)
    if (start < 0) break
    const end = closingSpan(html, start)
    const inner = html.slice(start, end)
    const math = /<math[\s\S]*<\/math>/.exec(inner)?.[0]
    out += html.slice(index, start) + (math ?? inner)
    index = end
  }
  return out + html.slice(index)
}

/** The index just past the `</span>` that closes the `<span` at `start`. */
function closingSpan(html: string, start: number): number {
  const tags = /<span\b[^>]*>|<\/span>/g
  tags.lastIndex = start
  let depth = 0
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[0].startsWith('</') ? -1 : 1
    if (depth === 0) return match.index + match[0].length
  }
  return html.length
}

/**
 * The theme's look, where Bootstrap has it: callouts as alerts, tables as
 * Bootstrap tables, captions as figure captions. Not Bootstrap's `figure`
 * class: it makes a figure an inline block, in which an image with no size
 * of its own (an SVG with only a viewBox) shrinks to nothing.
 */
function withBootstrap(html: string): string {
  return html
    .replace(/<aside class="cp-callout cp-callout--(\w+)">/g, (whole, kind: string) => {
      const alert = calloutAlerts[kind]
      return alert ? `<aside class="cp-callout cp-callout--${kind} alert ${alert}" role="note">` : whole
    })
    .replace(/<p class="cp-callout__title">/g, '<p class="cp-callout__title font-weight-bold">')
    .replace(/<table>/g, '<table class="table table-bordered">')
    .replace(/<figcaption>/g, '<figcaption class="figure-caption">')
    .replace(/<img (?![^>]*\bclass=)/g, '<img class="img-fluid" ')
}
