import { defaultSchema, type Options as Schema } from 'rehype-sanitize'

/**
 * What raw HTML may keep when the course does not trust it: GitHub's rules
 * (hast-util-sanitize's default), which already drop scripts, event handlers,
 * `javascript:` URLs, styles and frames.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    // Links to other sites open in a new tab (see rehype-course-links).
    a: [...(defaultSchema.attributes?.a ?? []), ['target', '_blank'], 'rel'],
  },
}
