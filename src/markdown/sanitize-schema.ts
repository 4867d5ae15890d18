import { defaultSchema, type Schema } from 'hast-util-sanitize'

/** Video hosts a course may allow embeds from (`embeds:` in course.yml), and their iframe hosts. */
export const embedHosts = {
  youtube: ['www.youtube-nocookie.com', 'www.youtube.com'],
  vimeo: ['player.vimeo.com'],
} as const

export type EmbedProvider = keyof typeof embedHosts

/**
 * What raw HTML may keep when the course does not trust it: GitHub's rules
 * (hast-util-sanitize's default), which drop scripts, event handlers,
 * `javascript:` URLs, styles and frames. With embeds allowed, iframes pass
 * here and their host is checked after (rehype-safe-html).
 */
export function sanitizeSchema(allowIframes: boolean): Schema {
  return {
    ...defaultSchema,
    tagNames: [...(defaultSchema.tagNames ?? []), 'aside', 'figure', 'figcaption', 'video', 'audio', 'source', 'track', ...(allowIframes ? ['iframe'] : [])],
    attributes: {
      ...defaultSchema.attributes,
      // Callouts (remark-callouts) and media (rehype-media).
      aside: [['className', /^cp-callout/]],
      p: [...(defaultSchema.attributes?.p ?? []), ['className', 'cp-callout__title']],
      figure: [['className', 'cp-figure']],
      video: ['src', 'controls', 'preload', 'poster', 'ariaLabel', 'width', 'height'],
      audio: ['src', 'controls', 'preload', 'ariaLabel'],
      source: ['src', 'type'],
      track: ['src', 'kind', 'srcLang', 'label', 'default'],
      // Links to other sites open in a new tab (see rehype-course-links).
      a: [...(defaultSchema.attributes?.a ?? []), ['target', '_blank'], 'rel'],
      ...(allowIframes ? { iframe: ['src', 'title', 'width', 'height', 'allow', 'allowFullScreen', 'loading', 'referrerPolicy'] } : {}),
    },
    protocols: { ...defaultSchema.protocols, ...(allowIframes ? { src: ['https'] } : {}) },
  }
}

/** The prefix the sanitizer puts before ids (against DOM clobbering). */
export const clobberPrefix = defaultSchema.clobberPrefix ?? 'user-content-'
