import type { VFile } from 'vfile'
import type { ResolvedConfig } from '../config/schema.js'
import { createMarkdownRenderer, type MarkdownRenderer } from '../markdown/render-markdown.js'
import type { PageLink } from '../model.js'
import { createLinkRewriter, type LinkContext } from './course-links.js'
import { type Strings, translate } from './theme.js'

/** What a lesson's render collects: the course files it uses and its links to other pages. */
export interface LessonUses {
  readonly assets: Map<string, string>
  readonly pageLinks: PageLink[]
}

/** What building a lesson needs of a renderer (stages/build-lesson.ts). */
export interface LessonRendering {
  readonly markdown: MarkdownRenderer
  /** Start collecting what `file`'s render uses (its link rewriter reports to it). */
  track(file: VFile): LessonUses
  /** Stop collecting for `file`. */
  untrack(file: VFile): void
}

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
