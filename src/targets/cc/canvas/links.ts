import type { Course } from '../../../model.js'
import { pageOf } from '../urls.js'
import type { CanvasPlan } from './plan.js'

/**
 * Canvas's own references, as its exporter writes them (`CC::CCHelper`
 * `HtmlContentExporter`) and its importer resolves them
 * (app/models/importers/link_parser.rb, link_resolver.rb):
 * - a course file: `$IMS-CC-FILEBASE$/<path under web_resources/>`;
 * - a Page: `$WIKI_REFERENCE$/pages/<url name>` (a `#fragment` kept);
 * - a quiz: `$CANVAS_OBJECT_REFERENCE$/quizzes/<migration id>`.
 * The render stage links from `pages/<id>.html`: another page is
 * `<id>.html`, a course file `../assets/<path>`. A link to a quiz Canvas
 * does not get keeps its text only; anything else is left as it is.
 */
export function canvasUrls(plan: CanvasPlan, course: Course): (url: string, attribute: string) => string | undefined {
  const pageUrl = new Map(plan.pages.map(({ lesson, url }) => [lesson.id, url]))
  const quizIdent = new Map(plan.quizzes.map(({ quiz, ident }) => [quiz.id, ident]))
  const quizIds = new Set(plan.quizzes.map(({ quiz }) => quiz.id))
  const allQuizzes = new Set(course.pages.flatMap((page) => (page.kind === 'quiz' ? [page.id] : [])))
  return (url, attribute) => {
    if (url.startsWith('../assets/')) return `$IMS-CC-FILEBASE$/${url.slice(3)}`
    if (attribute !== 'href') return url
    const page = pageOf(url)
    if (!page) return url
    const fragment = /#.*$/.exec(url)?.[0] ?? ''
    const lesson = pageUrl.get(page.id)
    if (lesson !== undefined) return `$WIKI_REFERENCE$/pages/${lesson}${fragment}`
    if (quizIds.has(page.id)) return `$CANVAS_OBJECT_REFERENCE$/quizzes/${quizIdent.get(page.id)}`
    if (allQuizzes.has(page.id)) return undefined
    return url
  }
}
