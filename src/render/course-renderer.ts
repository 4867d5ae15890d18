import type { VFile } from 'vfile'
import type { ResolvedConfig } from '../config/schema.js'
import { createMarkdownRenderer, type MarkdownRenderer } from '../markdown/render-markdown.js'
import type { LessonRendering, LessonUses } from '../stages/build-lesson.js'
import { createLinkRewriter, type LinkContext } from './course-links.js'
import { type Strings, translate } from './theme.js'

export interface CourseRenderer extends LessonRendering {
  readonly markdown: MarkdownRenderer
  /** Every course file the pages rendered so far use: course path → package path. */
  readonly links: LinkContext
}

/**
 * The course's Markdown renderer, made once per build: every page's links
 * and images go through the course's link policy, and what each lesson
 * uses is collected while it renders (see build-lesson.ts).
 */
export function createCourseRenderer(root: string, pageIds: ReadonlyMap<string, string>, config: ResolvedConfig, strings: Strings): CourseRenderer {
  const tracked = new Map<VFile, LessonUses>()
  const links: LinkContext = {
    root,
    pageIds,
    assets: new Map(),
    onUse(file, use) {
      const uses = tracked.get(file)
      if (!uses) return
      if ('asset' in use) uses.assets.set(use.asset, use.packagePath)
      else uses.pageLinks.push(use)
    },
  }
  const markdown = createMarkdownRenderer({
    rewrite: createLinkRewriter(links),
    html: config.html,
    embeds: config.embeds,
    math: config.math,
    language: config.language,
    calloutTitles: {
      note: translate(strings, 'calloutNote'),
      tip: translate(strings, 'calloutTip'),
      important: translate(strings, 'calloutImportant'),
      warning: translate(strings, 'calloutWarning'),
      caution: translate(strings, 'calloutCaution'),
    },
    footnoteLabel: translate(strings, 'footnotes'),
    footnoteBackLabel: strings.backToReference ?? '',
  })
  return {
    markdown,
    links,
    track(file) {
      const uses: LessonUses = { assets: new Map(), pageLinks: [] }
      tracked.set(file, uses)
      return uses
    },
    untrack(file) {
      tracked.delete(file)
    },
  }
}
