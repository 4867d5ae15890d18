import path from 'node:path'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import { isInside, kindOf } from './course-folder.js'
import { readSource } from './read-source.js'

/**
 * A reader of the GIFT banks that quizzes include (`questions: _banks/a.gift`),
 * confined to the course folder. Every bank read joins `files`, so that its
 * problems are reported with the rest.
 */
export function createBankReader(root: string, files: VFile[]) {
  return async function readBank(quizFile: VFile, relativePath: string, place: Point): Promise<VFile | undefined> {
    const absolute = path.resolve(path.dirname(quizFile.path), relativePath)
    const relative = path.relative(root, absolute)
    if (path.isAbsolute(relativePath) || relative.startsWith('..') || path.isAbsolute(relative)) {
      problem(quizFile, 'reference-outside-course', place, `The question bank \`${relativePath}\` leaves the course folder`)
      return undefined
    }
    const kind = await kindOf(absolute)
    if (kind !== 'file') {
      const reason = kind === 'special' ? `The question bank \`${relativePath}\` is a FIFO, socket or device, not a file` : `There is no question bank \`${relativePath}\``
      problem(quizFile, 'missing-file', place, reason, { hint: 'The path is relative to this quiz file.' })
      return undefined
    }
    if (!(await isInside(root, absolute))) {
      problem(quizFile, 'reference-outside-course', place, `The question bank \`${relativePath}\` is a link to a file outside the course folder`)
      return undefined
    }
    if (!/\.gift$/i.test(relativePath)) {
      problem(quizFile, 'invalid-frontmatter', place, `\`${relativePath}\` is not a GIFT file`, { hint: 'Question banks are Moodle GIFT files ending in `.gift`.' })
      return undefined
    }
    const existing = files.find((file) => file.path === absolute)
    if (existing) return existing
    const file = await readSource(root, relative)
    files.push(file)
    return file
  }
}
