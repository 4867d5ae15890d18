import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { problem } from './problem.js'

/**
 * Report an exception that a library (micromark, the yaml parser, KaTeX,
 * the HTML parser…) threw on a course file, as a problem on that file: a
 * file must never crash the build (issue #11). The guards before parsing
 * keep such throws away; this is what remains when one still happens. A
 * stack overflow is nesting too deep; anything else is told as it is, with
 * a request to report it, since it may be a bug.
 *
 * @example
 *   reportLibraryFailure(file, new RangeError('Maximum call stack size exceeded'), 'render')
 */
export function reportLibraryFailure(file: VFile, error: unknown, doing: 'read' | 'render'): void {
  // `file.fail()` in a plugin has already put its message on the file.
  if (error instanceof VFileMessage && file.messages.includes(error)) return
  const text = error instanceof Error ? error.message : String(error)
  if (error instanceof RangeError && /call stack/i.test(text)) {
    problem(file, 'nesting-too-deep', null, `This file is nested too deeply to ${doing}: the ${doing === 'read' ? 'parser' : 'renderer'} ran out of stack`, {
      hint: 'Nest lists, blockquotes, emphasis and HTML less deeply.',
    })
    return
  }
  problem(file, 'unreadable-file', null, `Cannot ${doing} this file: ${text.split('\n')[0]}`, {
    hint: 'A library that coursepack uses failed on this file. Simplify what you changed last; and please report it with the file, since it may be a bug.',
  })
}
