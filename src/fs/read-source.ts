import { constants } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import path from 'node:path'
import { VFile } from 'vfile'
import { problem } from '../diagnostics/problem.js'
import { maxTextFileBytes, maxTextFileLines } from '../limits.js'
import { specialKind } from './course-folder.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Read a course file as text. A byte-order mark is dropped (TextDecoder does
 * it); bytes that are not UTF-8 are reported on the file, which then reads as
 * empty so later stages have nothing half-decoded to trip on. So is a file
 * larger than `maxTextFileBytes` or longer than `maxTextFileLines`, and
 * anything that is not a regular file: a FIFO, a socket or a device is
 * never opened, since opening a FIFO waits for a writer that may never come.
 */
export async function readSource(root: string, relativePath: string): Promise<VFile> {
  const absolute = path.join(root, relativePath)
  const file = new VFile({ path: absolute, cwd: root, value: '' })
  let bytes: Uint8Array
  try {
    const stats = await stat(absolute)
    if (!stats.isFile()) return refuse(file, stats.isDirectory() ? 'EISDIR' : specialKind(stats))
    if (stats.size > maxTextFileBytes) return tooLarge(file, stats.size)
    bytes = await readRegularFile(absolute)
  } catch (error) {
    return refuse(file, (error as NodeJS.ErrnoException).code ?? 'error')
  }
  if (bytes.byteLength > maxTextFileBytes) return tooLarge(file, bytes.byteLength)
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    problem(file, 'invalid-encoding', null, 'This file is not UTF-8 text')
    return file
  }
  const lines = countLines(text)
  if (lines > maxTextFileLines) {
    problem(file, 'file-too-large', null, `This file has ${lines} lines, more than the ${maxTextFileLines} that coursepack reads in one file`)
    return file
  }
  file.value = text
  return file
}

function countLines(text: string): number {
  let lines = 1
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++
  return lines
}

/**
 * The bytes of a file that `stat` found regular. Opened without blocking and
 * checked again through the open descriptor, so that a file swapped for a
 * FIFO in between cannot hang the build; read up to one byte past the limit.
 */
async function readRegularFile(absolute: string): Promise<Uint8Array> {
  const handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw Object.assign(new Error('Not a regular file'), { code: specialKind(stats) ?? 'ENOTFILE' })
    const buffer = Buffer.alloc(Math.min(stats.size, maxTextFileBytes) + 1)
    let length = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
      if (length === buffer.length) break
    }
    return buffer.subarray(0, length)
  } finally {
    await handle.close()
  }
}

/** The folder walk skips special files with a warning; one met here was swapped in since. */
function refuse(file: VFile, reason: string | undefined): VFile {
  problem(file, 'unreadable-file', null, `Cannot read this file (${reason ?? 'error'})`)
  return file
}

function tooLarge(file: VFile, size: number): VFile {
  problem(file, 'file-too-large', null, `This file has ${size} bytes, more than the ${maxTextFileBytes} (1 MiB) that coursepack reads`)
  return file
}
