import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { problem } from './problem.js'

/** C0 and C1 controls other than tab, and line breaks: invisible, and not allowed in XML 1.0. */
const controls = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/

/**
 * A title without control characters. When there were some, a warning at
 * `place` says so: the title still works, but not as typed.
 *
 * @example
 *   withoutControlCharacters('Signing\u0007 in Moscow', file, place) //=> 'Signing in Moscow'
 */
export function withoutControlCharacters(text: string, file: VFile, place: Point): string {
  if (!controls.test(text)) return text
  problem(file, 'control-characters', place, 'This title has control characters, which were removed')
  return text.replace(new RegExp(controls.source, 'g'), '').replace(/\s+/g, ' ').trim()
}
