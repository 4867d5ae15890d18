import { createWriteStream } from 'node:fs'
import { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import type { PackageFile } from '../model.js'
import { createZipWriter } from '../zip/zip-writer.js'

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
 * `imsmanifest.xml` first, then every other entry sorted by path, with fixed
 * dates and no folder entries, so two builds of the same course are
 * byte-identical. Names are UTF-8.
 */
async function zipInto(output: Writable, files: readonly PackageFile[]): Promise<void> {
  const zip = createZipWriter(output)
  const ordered = [...files].sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const file of ordered) {
    // Paths are built by coursepack, never taken from input as they are; a bad one is our bug.
    if (!isSafeEntryName(file.path)) throw new Error(`Refusing to write the zip entry \`${file.path}\``)
    await zip.add({ path: file.path, ...(file.data ? { data: file.data } : { source: file.source }), store: isStored(file.path) })
  }
  await zip.finish()
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
