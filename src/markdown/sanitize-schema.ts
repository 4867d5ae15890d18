import { defaultSchema, type Options as Schema } from 'rehype-sanitize'

/**
 * What raw HTML may keep when the course does not trust it: GitHub's rules
 * (hast-util-sanitize's default), which already drop scripts, event handlers,
 * `javascript:` URLs, styles and frames.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
}
