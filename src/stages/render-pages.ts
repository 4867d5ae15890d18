import { type BuildCache, hashOf } from '../cache/build-cache.js'
import type { MarkdownRenderer } from '../markdown/render-markdown.js'
import type { Course, Lesson, OutlineNode, Page, PackageFile, Quiz } from '../model.js'
import type { CourseRenderer } from '../render/course-renderer.js'
import { questionView, type Renderers } from '../render/question-view.js'
import { type Strings, translate, type Theme } from '../render/theme.js'
import type { CourseData } from '../shared/course-data.js'
import { pageHref } from './course-data.js'

export interface Rendered {
  /** `index.html`, `coursepack.css` and one HTML file per page (these two made as the zip reaches them). */
  readonly files: PackageFile[]
  /** Course path → package path of every file the pages use. */
  readonly assets: ReadonlyMap<string, string>
  /** Some page has math: the package needs KaTeX's stylesheet and fonts. */
  readonly usesMath: boolean
  /**
   * What any non-SCORM target gets: each page's rendered content, by page
   * id, before the theme wraps it: a lesson's body HTML, a quiz's
   * introduction and question views. Their URLs are those of the pages in
   * `pages/`: another page is `<id>.html`, a course file `../assets/<course path>`.
   */
  readonly views: ReadonlyMap<string, PageView>
}

export type LessonView = ReturnType<typeof lessonView>
export type QuizView = Awaited<ReturnType<typeof quizView>>
export type PageView = LessonView | QuizView

/**
 * Render the course shell (`index.html`), every page and the stylesheet:
 * lessons are wrapped in the theme (their bodies were rendered as they were
 * parsed), quizzes rendered here, through `cache` when given (`environment`:
 * what a page depends on besides its text, see renderEnvironment).
 */
export async function renderPages(
  course: Course,
  courseData: CourseData,
  theme: Theme,
  renderer: CourseRenderer,
  cache?: { readonly bodies: BuildCache; readonly environment: string },
): Promise<Rendered> {
  const { markdown, links } = renderer
  const common = {
    lang: course.config.language,
    dir: textDirection(course.config.language),
    course: { title: course.config.title, description: course.config.description },
  }
  const placed = placePages(course.outline)
  const files: PackageFile[] = []
  const views = new Map<string, PageView>()
  let usesMath = false
  // A quiz is its questions, which may come from GIFT banks.
  const quizBody = async (quiz: Quiz): Promise<QuizView> => {
    const make = () => quizView(quiz, markdown, theme.strings)
    if (!cache) return make()
    const { view, cached } = await cache.bodies.render(quiz.file, hashOf(cache.environment, quiz.id, JSON.stringify([quiz.intro, quiz.questions])), make)
    if (cached) registerAssets(JSON.stringify(view), links.assets)
    return view
  }

  for (const [index, { page, module }] of placed.entries()) {
    const neighbour = (other: { page: Page } | undefined) =>
      other && { title: other.page.title, href: `${other.page.id}.html` }
    const view = {
      ...common,
      root: '../',
      pageTitle: page.title,
      bodyClass: `cp-page-body cp-page-body--${page.kind}`,
      module,
      position: index + 1,
      total: placed.length,
      previous: neighbour(placed[index - 1]),
      next: neighbour(placed[index + 1]),
    }
    // A lesson's files are known from its render, which may come from the cache.
    if (page.kind === 'lesson') for (const [coursePath, packagePath] of page.assets) links.assets.set(coursePath, packagePath)
    const content = page.kind === 'lesson' ? lessonView(page) : await quizBody(page)
    views.set(page.id, content)
    // KaTeX's stylesheet goes only on pages with math, and into the package only when some page has math.
    const math = hasMath(content)
    usesMath ||= math
    const wrapped = { ...view, usesMath: math }
    // The page is wrapped in the theme when the zip reaches it, and not kept: its content is, for the views.
    const make =
      page.kind === 'lesson'
        ? () => utf8(theme.render('lesson', { ...wrapped, page: content }))
        : () => utf8(theme.render('quiz', { ...wrapped, page: { id: page.id, title: page.title }, quiz: content }))
    files.push({ path: pageHref(page), make })
  }

  const first = placed[0]?.page
  const shellView = {
    ...common,
    root: '',
    bodyClass: 'cp-shell-body',
    total: placed.length,
    firstHref: first ? pageHref(first) : '',
    toc: tocView(course.outline),
    courseJson: jsonForScript(courseData),
  }
  // Made as the pages are, when a package needs it: `check` wraps nothing in the theme.
  files.push({ path: 'index.html', make: () => utf8(theme.render('shell', shellView)) }, { path: 'coursepack.css', data: utf8(theme.css) })
  return { files, assets: links.assets, usesMath, views }
}

/** Whether a page's content has math rendered by KaTeX (the theme's own markup never has). */
function hasMath(content: PageView): boolean {
  const marker = 'class="katex"'
  return 'html' in content ? content.html.includes(marker) : content.introHtml.includes(marker) || JSON.stringify(content.questions).includes(JSON.stringify(marker).slice(1, -1))
}

function lessonView(lesson: Lesson) {
  return {
    id: lesson.id,
    title: lesson.title,
    duration: lesson.duration,
    objectives: lesson.objectives,
    html: lesson.html,
  }
}

async function quizView(quiz: Quiz, markdown: MarkdownRenderer, strings: Strings) {
  // The quiz's trees are kept (the preview renders them again when the course's settings change): each render gets a copy.
  const render: Renderers = {
    text: (key) => translate(strings, key),
    inline: (content) => markdown.renderInline(structuredClone(content), quiz.file),
    blocks: (children) => (children.length === 0 ? Promise.resolve('') : markdown.render({ type: 'root', children: [...structuredClone(children)] }, quiz.file)),
  }
  const questions = []
  for (const [index, question] of quiz.questions.entries()) questions.push(await questionView(question, index + 1, quiz.id, render))
  return {
    id: quiz.id,
    graded: quiz.graded,
    passingScore: quiz.passingScore,
    attempts: quiz.attempts,
    pick: quiz.pick,
    introHtml: await markdown.render(structuredClone(quiz.intro), quiz.file),
    questions,
  }
}

function tocView(nodes: readonly OutlineNode[]): object[] {
  return nodes.map((node) =>
    node.type === 'page'
      ? { page: { id: node.page.id, title: node.page.title, kind: node.page.kind, href: pageHref(node.page) } }
      : { module: { title: node.title, children: tocView(node.children) } },
  )
}

/** Every page in reading order, with the title of the module it is in. */
function placePages(nodes: readonly OutlineNode[], module?: string): { page: Page; module: string | undefined }[] {
  return nodes.flatMap((node) => (node.type === 'page' ? [{ page: node.page, module }] : placePages(node.children, node.title)))
}

/** The assets a cached page body uses, found from its URLs: `../assets/<course path>`. */
function registerAssets(html: string, assets: Map<string, string>): void {
  for (const match of html.matchAll(/\.\.\/assets\/([^"#?\\]+)/g)) {
    const coursePath = match[1]!.split('/').map(decodeURIComponent).join('/')
    assets.set(coursePath, `assets/${coursePath}`)
  }
}

/** JSON that is safe inside `<script type="application/json">`: no `</script>` can close it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/** `rtl` for the languages written right to left (Arabic, Hebrew…), else `ltr`. */
export function textDirection(language: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(language) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } }
  const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction
  return direction === 'rtl' ? 'rtl' : 'ltr'
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
