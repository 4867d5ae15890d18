import { createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import type { PackageFile } from '../model.js'
import { compress, createZipWriter, type ZipEntry, zipLimits } from '../zip/zip-writer.js'

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const storedExtensions = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus',
  'mp4', 'm4v', 'webm', 'mov', 'zip', 'gz', 'woff', 'woff2', 'pdf', 'docx', 'xlsx', 'pptx',
])

/** The package as a zip in memory (checks, tests): the same bytes as `writeZip` writes. */
export async function packageZip(files: readonly PackageFile[]): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  const collect = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk)
      callback()
    },
  })
  await zipInto(collect, files)
  return Buffer.concat(chunks)
}

/** The package as a zip streamed to `target`: media go from disk to the zip chunk by chunk. */
export async function writeZip(files: readonly PackageFile[], target: string): Promise<void> {
  const output = createWriteStream(target)
  try {
    await zipInto(output, files)
    output.end()
    await finished(output)
  } catch (error) {
    // Writes still queued fail once it is destroyed: the error that counts is the one thrown.
    output.on('error', () => {})
    output.destroy()
    throw error
  }
}

/**
 * Entries whose bytes are made and deflated ahead of their turn (a page is
 * rendered, then deflated on libuv's threads while the zip writes the ones
 * before it): enough to keep both busy, few enough to hold little.
 */
const readAhead = 8

/**
 * `imsmanifest.xml` first, then every other entry sorted by path, with fixed
 * dates and no folder entries, so two builds of the same course are
 * byte-identical. Names are UTF-8. A page (`make`) is rendered only as its
 * turn comes near, and dropped once written.
 */
async function zipInto(output: Writable, files: readonly PackageFile[]): Promise<void> {
  const zip = createZipWriter(output)
  const ordered = [...files].sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const ahead: ZipEntry[] = []
  let next = 0
  const fill = () => {
    while (ahead.length < readAhead && next < ordered.length) ahead.push(zipEntry(ordered[next++]!))
  }
  fill()
  while (ahead.length > 0) {
    const entry = ahead.shift()!
    fill()
    await zip.add(entry)
  }
  await zip.finish()
}

function zipEntry(file: PackageFile): ZipEntry {
  // Paths are built by coursepack, never taken from input as they are; a bad one is our bug.
  if (!isSafeEntryName(file.path)) throw new Error(`Refusing to write the zip entry \`${file.path}\``)
  const store = isStored(file.path)
  if (file.source !== undefined) return { path: file.path, source: file.source, store }
  const data = compress(file.data ?? file.make(), store)
  // Awaited at its turn; a failure before then must not go unhandled.
  data.catch(() => {})
  return { path: file.path, data, store }
}

/**
 * What the package's files come to before compression, when it passes what
 * a zip without ZIP64 holds (`zipLimits`): the size of those on disk, and
 * at least that of those in memory. Pages yet to be made (a few KB each)
 * are left to the writer, which refuses to go past the limit.
 */
export async function oversizedPackage(files: readonly PackageFile[]): Promise<{ readonly bytes: number; readonly files: number } | undefined> {
  const sizes = await Promise.all(files.map(async (file) => file.data?.byteLength ?? (file.source === undefined ? 0 : (await stat(file.source)).size)))
  const bytes = sizes.reduce((sum, size) => sum + size, 0)
  return bytes > zipLimits.bytes || files.length > zipLimits.entries ? { bytes, files: files.length } : undefined
}

/** A package file with its bytes in memory, made now if it is a page (`make`); a file on disk stays there. */
export function inMemory(file: PackageFile): PackageFile {
  return file.make ? { path: file.path, data: file.make() } : file
}

/** A relative path with `/` separators, no `..` or `.` segments, no drive or root. */
export function isSafeEntryName(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !path.includes('\\') && !/^[A-Za-z]:/.test(path) && path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}

function rank(path: string): number {
  return path === 'imsmanifest.xml' ? 0 : 1
}

export function isStored(path: string): boolean {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase()
  return storedExtensions.has(extension)
}
