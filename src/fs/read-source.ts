import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Read a course file as text. A byte-order mark is dropped (TextDecoder does
 * it); bytes that are not UTF-8 are reported on the file, which then reads as
 * empty so later stages have nothing half-decoded to trip on.
 */
export async function readSource(root: string, relativePath: string): Promise<VFile> {
  const absolute = path.join(root, relativePath)
  const file = new VFile({ path: absolute, cwd: root })
  let bytes: Uint8Array
  try {
    bytes = await readFile(absolute)
  } catch (error) {
    file.value = ''
    problem(file, 'unreadable-file', null, `Cannot read this file (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    return file
  }
  try {
    file.value = utf8.decode(bytes)
  } catch {
    file.value = ''
    problem(file, 'invalid-encoding', null, 'This file is not UTF-8 text')
  }
  return file
}
