import type { Lesson } from '../../model.js'
import type { Strings } from '../../render/theme.js'
import type { LessonView } from '../../stages/render-pages.js'
import { escapeHtml } from '../../shared/escape-html.js'

export interface LessonPageOptions {
  readonly language: string
  readonly direction: 'ltr' | 'rtl'
  readonly courseTitle: string
  /** The title of the lesson's module, shown above its title. */
  readonly module: string | undefined
  /** The UI strings in the course's language (`objectives`, `duration`). */
  readonly strings: Strings
  /** Some URL relative to the page: the course's stylesheet, and KaTeX's when the page has math. */
  readonly stylesheets: readonly string[]
}

/**
 * A lesson as a page of its own: its title, time and objectives, then its
 * body as the render stage made it, with the course's stylesheet and no
 * script (the LMS tracks). Moodle keeps what is inside `<body>` as a Page
 * and drops the rest, stylesheet included (`entities.class.php`
 * `prepare_content`); Canvas shows the whole file.
 */
export function lessonPage(lesson: Lesson, view: LessonView, body: string, options: LessonPageOptions): string {
  const text = (key: string) => escapeHtml(options.strings[key] ?? key)
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(options.language)}" dir="${options.direction}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="coursepack">',
    `<title>${escapeHtml(lesson.title)} · ${escapeHtml(options.courseTitle)}</title>`,
    ...options.stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    '</head>',
    '<body class="cp-page-body cp-page-body--lesson">',
    `<main class="cp-page" data-page="${escapeHtml(lesson.id)}">`,
    '<article class="cp-article">',
    '<header class="cp-page-header">',
    ...(options.module ? [`<p class="cp-page-header__module">${escapeHtml(options.module)}</p>`] : []),
    `<h1>${escapeHtml(view.title)}</h1>`,
    ...(view.duration ? [`<p class="cp-page-header__meta">${text('duration')}: ${escapeHtml(view.duration)}</p>`] : []),
    '</header>',
    ...(view.objectives.length > 0
      ? [
          '<section class="cp-objectives" aria-labelledby="cp-objectives-title">',
          `<h2 id="cp-objectives-title">${text('objectives')}</h2>`,
          `<ul>${view.objectives.map((objective) => `<li>${escapeHtml(objective)}</li>`).join('')}</ul>`,
          '</section>',
        ]
      : []),
    body,
    '</article>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
