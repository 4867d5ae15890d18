/**
 * The render stage writes each page's HTML for `pages/<id>.html`: another
 * page is `<id>.html`, a course file `../assets/<course path>`. The
 * cartridge keeps that layout under `web_resources/` (lessons in
 * `web_resources/pages/`, files in `web_resources/assets/`), so lessons keep
 * their relative URLs, which Moodle resolves against the page's folder and
 * Canvas keeps between its files (notes §1.6). QTI files sit in a folder of
 * their own, where a URL is `$IMS-CC-FILEBASE$../web_resources/…`, the form
 * both importers resolve. A quiz is not a page in a cartridge: a link to one
 * keeps its text and loses its link.
 */

/** Which page ids are lessons and which quizzes. */
export interface PageKinds {
  readonly lessons: ReadonlySet<string>
  readonly quizzes: ReadonlySet<string>
}

/**
 * A lesson's HTML for `web_resources/pages/`: links to quizzes become their
 * text, and the paths of course files are written unescaped (`my map.png`,
 * not `my%20map.png`): Moodle looks each one up on disk as written
 * (`entity11.resource.class.php`, `realpath`), and browsers, Canvas's
 * among them, escape it themselves. `%`, `#`, `?`, quotes, `&`, `<` and `>`
 * stay escaped, as they would change the URL or the HTML.
 */
export function lessonHtml(html: string, pages: PageKinds): string {
  return unlinkQuizzes(html, pages).replace(/\b(href|src|poster)="(\.\.\/assets\/[^"]*)"/g, (_whole, attribute: string, url: string) => `${attribute}="${unescapePath(url)}"`)
}

/** Decode the percent escapes of a path but those of characters that mean something in a URL or in HTML. */
function unescapePath(url: string): string {
  return url.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    let decoded: string
    try {
      decoded = decodeURIComponent(run)
    } catch {
      return run
    }
    return [...decoded].map((character) => (/[%#?"'&<>\s]/.test(character) && character !== ' ' ? encodeURIComponent(character) : character)).join('')
  })
}

/** HTML for a QTI file, one folder below the cartridge's root. */
export function qtiHtml(html: string, pages: PageKinds): string {
  return unlinkQuizzes(html, pages).replace(/\b(href|src|poster)="([^"]*)"/g, (whole, attribute: string, url: string) => {
    if (url.startsWith('../assets/')) return `${attribute}="$IMS-CC-FILEBASE$../web_resources/${url.slice(3)}"`
    const page = pageOf(url)
    if (page && pages.lessons.has(page.id)) return `${attribute}="$IMS-CC-FILEBASE$../web_resources/pages/${url}"`
    return whole
  })
}

function unlinkQuizzes(html: string, pages: PageKinds): string {
  if (pages.quizzes.size === 0 || !html.includes('<a ')) return html
  return html.replace(/<a\b([^>]*)>([\s\S]*?)<\/a>/g, (whole, attributes: string, inner: string) => {
    const href = /\bhref="([^"]*)"/.exec(attributes)?.[1]
    const page = href === undefined ? undefined : pageOf(href)
    return page && pages.quizzes.has(page.id) ? inner : whole
  })
}

/** `<id>.html` (with a `#fragment` or `?query`), as the render stage links a page. */
export function pageOf(url: string): { id: string } | undefined {
  const match = /^([^/?#:]+)\.html(?:[?#].*)?$/.exec(url)
  if (!match) return undefined
  try {
    return { id: decodeURIComponent(match[1]!) }
  } catch {
    return undefined
  }
}
