import * as z from 'zod'
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

/** Keys whose YAML number is read as the text it was written as (`version: 1.10` is `1.10`, not 1.1). */
export const keptAsText = ['version'] as const

/**
 * `course.yml`. The schema is the single source of the keys, their types and
 * their defaults; unknown keys are errors so that typos do not pass silently.
 * The descriptions are what an editor shows beside each key (the JSON Schema
 * in schemas/, made from this one by `npm run schemas`).
 */
export const courseConfigSchema = z.strictObject({
  title: z.string().trim().min(1).describe('The course title, shown to learners and in the LMS.'),
  id: z
    .string()
    .regex(idPattern, { message: 'letters, digits, `-` and `_`, starting with a letter or digit' })
    .optional()
    .describe('Package id, part of the file names (default: the slug of the title).'),
  version: z
    .string()
    .regex(/^[0-9A-Za-z][0-9A-Za-z._-]*$/, { message: 'letters, digits, `.`, `-` and `_`, such as `1.0` or `2026-spring`' })
    .max(20)
    .default('1.0')
    .describe('Version, part of the file names, such as `1.0` or `2026-spring` (default: `1.0`).'),
  language: languageTag.default('en').describe('BCP 47 language of the course, such as `en`, `zh-Hans` or `es`; the learners\' interface follows it (default: `en`).'),
  description: z.string().optional().describe('What the course is about, for the LMS\'s course listing.'),
  author: z.string().optional().describe('Who wrote the course.'),
  passingScore: z.number().min(0).max(100).optional().describe('Pass mark in percent of the course score; it becomes the SCORM mastery score (optional).'),
  assets: z.array(z.string().trim().min(1)).default([]).describe('Files or folders to package even though no page links them (default: none).'),
  outline: z.array(outlineEntry).min(1).optional().describe('The pages and modules in order, in place of the folder tree: file paths, or `{ title, pages }` for a module (optional).'),
  html: z.enum(['sanitize', 'trusted']).default('sanitize').describe('Raw HTML in Markdown: `sanitize` keeps a safe subset, `trusted` keeps it all (default: `sanitize`).'),
  math: z.boolean().default(false).describe('`$…$` and `$$…$$` are math, rendered with KaTeX (default: false, so `US$300` stays text).'),
  embeds: z.array(z.enum(['youtube', 'vimeo'])).default([]).describe('Video hosts whose `<iframe>` embeds stay in sanitized HTML (default: none).'),
  canvas: z
    .strictObject({ sequential: z.boolean().default(false).describe("Each module's items open in order: a learner reaches an item once the one before it is complete (default: false).") })
    .optional()
    .describe('What only Canvas reads of the Common Cartridge, from the Canvas course export inside it (docs/canvas.md).'),
  targets: z.array(z.enum(targetNames)).min(1).optional().describe('The packages to build, one per target (default: `scorm12`); `--target` on the command line wins.'),
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
