import type { Strings } from '../../../render/theme.js'
import type { LessonView } from '../../../stages/render-pages.js'
import { canvasHtml, type CanvasHtmlOptions } from './html.js'
import type { CanvasPage } from './plan.js'
import { escapeHtml } from '../../../shared/escape-html.js'

export interface WikiPageOptions extends CanvasHtmlOptions {
  /** The UI strings in the course's language (`objectives`, `duration`). */
  readonly strings: Strings
}

/**
 * A lesson as Canvas's Page file (`wiki_content/<url>.html`, as Canvas's
 * exporter writes one: lib/cc/wiki_resources.rb and `html_page`): the title
 * in `<title>`, the Page's migration id and state in `<meta>`s, and in
 * `<body>` what Canvas keeps as the Page's content: the lesson's time and
 * objectives, then its body. Canvas shows the title above the content
 * itself, so the body does not repeat it.
 */
export function wikiPage(page: CanvasPage, view: LessonView, options: WikiPageOptions): string {
  const text = (key: string) => escapeHtml(options.strings[key] ?? key)
  const start = options.direction === 'rtl' ? 'right' : 'left'
  const head = [
    ...(view.duration ? [`<p style="color: #4a5360;">${text('duration')}: ${escapeHtml(view.duration)}</p>`] : []),
    ...(view.objectives.length > 0
      ? [
          `<div style="margin: 1em 0 1.5em; padding: 0.5em 1em; border-${start}: 4px solid #0b5cad; background-color: #f4f6f8;">`,
          `<h2 style="font-size: 1.1em; margin: 0.25em 0;">${text('objectives')}</h2>`,
          `<ul>${view.objectives.map((objective) => `<li>${escapeHtml(objective)}</li>`).join('')}</ul>`,
          '</div>',
        ]
      : []),
  ].join('\n')
  const body = [head, canvasHtml(view.html, options)].filter((part) => part !== '').join('\n')
  return [
    '<html>',
    '<head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    `<title>${escapeHtml(page.lesson.title)}</title>`,
    `<meta name="identifier" content="${escapeHtml(page.ident)}"/>`,
    '<meta name="editing_roles" content="teachers"/>',
    '<meta name="workflow_state" content="active"/>',
    '</head>',
    '<body>',
    options.direction === 'rtl' ? `<div dir="rtl">\n${body}\n</div>` : body,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
