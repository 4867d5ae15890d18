import { z } from 'zod'
import { targetNames } from './target-names.js'

/** Ids end up in file names, manifest identifiers and SCORM interaction ids: keep them plain ASCII. */
export const idPattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

/** A page's own `id:` in its frontmatter, in place of the one from its file name. */
export const pageIdSchema = z.string().max(64).regex(idPattern, { message: 'letters, digits, `-` and `_`, starting with a letter or digit' })

/** An outline entry: a path to a page file or a module folder, or a module with its own title. */
export type OutlineEntry = string | { readonly title: string; readonly pages: readonly OutlineEntry[] }

const outlineEntry: z.ZodType<OutlineEntry> = z.lazy(() =>
  z.union([
    z.string().trim().min(1),
    z.strictObject({ title: z.string().trim().min(1), pages: z.array(outlineEntry).min(1) }),
  ]),
)

const languageTag = z.string().refine(isLanguageTag, { message: 'a BCP 47 language tag such as `en`, `zh-Hans` or `es`' })

/**
 * `course.yml`. The schema is the single source of the keys, their types and
 * their defaults; unknown keys are errors so that typos do not pass silently.
 */
export const courseConfigSchema = z.strictObject({
  /** The course title, shown to learners and in the LMS. */
  title: z.string().trim().min(1),
  /** Package id (default: slug of the title). */
  id: z.string().regex(idPattern, { message: 'letters, digits, `-` and `_`, starting with a letter or digit' }).optional(),
  /** Version, part of the zip's name (default: `1.0`). */
  version: z
    .string()
    .regex(/^[0-9A-Za-z][0-9A-Za-z._-]*$/, { message: 'letters, digits, `.`, `-` and `_`, such as `1.0` or `2026-spring`' })
    .max(20)
    .default('1.0'),
  /** BCP 47 language of the course (default: `en`). */
  language: languageTag.default('en'),
  description: z.string().optional(),
  author: z.string().optional(),
  /** Pass mark in percent; it becomes the manifest's `adlcp:masteryscore` (optional). */
  passingScore: z.number().min(0).max(100).optional(),
  /** Files or folders to package even though no page links them (default: none). */
  assets: z.array(z.string().trim().min(1)).default([]),
  /** The outline, in place of the folder tree (optional). */
  outline: z.array(outlineEntry).min(1).optional(),
  /** Raw HTML in Markdown: `sanitize` keeps a safe subset, `trusted` keeps it all (default: `sanitize`). */
  html: z.enum(['sanitize', 'trusted']).default('sanitize'),
  /** `$…$` and `$$…$$` are math, rendered with KaTeX (default: false, so `US$300` stays text). */
  math: z.boolean().default(false),
  /** Video hosts whose `<iframe>` embeds stay in sanitized HTML (default: none). */
  embeds: z.array(z.enum(['youtube', 'vimeo'])).default([]),
  /** The packages to build, one per target (default: `scorm12`); `--target` on the command line wins. */
  targets: z.array(z.enum(targetNames)).min(1).optional(),
})

export type CourseConfig = z.input<typeof courseConfigSchema>
export type ResolvedConfig = z.output<typeof courseConfigSchema>

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1
  } catch {
    return false
  }
}
