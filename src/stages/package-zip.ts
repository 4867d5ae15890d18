import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import JSZip from 'jszip'
import { lazyFileStream } from '../fs/lazy-file-stream.js'
import type { PackageFile } from '../model.js'

/** Every entry gets this date, so that the same input gives the same bytes. */
const fixedDate = new Date(Date.UTC(2000, 0, 1, 0, 0, 0))

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const storedExtensions = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus',
  'mp4', 'm4v', 'webm', 'mov', 'zip', 'gz', 'woff', 'woff2', 'pdf', 'docx', 'xlsx', 'pptx',
])

/**
 * Zip options shared by both ways out: the same bytes whether the zip goes
 * to memory or streams to a file. `streamFiles` writes sizes after each
 * entry (a data descriptor), so entries stream from disk in chunks.
 */
const generateOptions = { platform: 'DOS', streamFiles: true } as const

/** The package as a zip in memory (checks, tests). */
export async function packageZip(files: readonly PackageFile[]): Promise<Uint8Array> {
  return createZip(files).generateAsync({ ...generateOptions, type: 'uint8array' })
}

/** The package as a zip streamed to `target`: media go from disk to the zip chunk by chunk. */
export async function writeZip(files: readonly PackageFile[], target: string): Promise<void> {
  await pipeline(createZip(files).generateNodeStream({ ...generateOptions, type: 'nodebuffer' }), createWriteStream(target))
}

/**
 * `imsmanifest.xml` first, then every other entry sorted by path, with fixed
 * dates and no folder entries, so two builds of the same course are
 * byte-identical. Names are UTF-8 (JSZip sets the flag).
 */
function createZip(files: readonly PackageFile[]): JSZip {
  const zip = new JSZip()
  const ordered = [...files].sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const file of ordered) {
    // Paths are built by coursepack, never taken from input as they are; a bad one is our bug.
    if (!isSafeEntryName(file.path)) throw new Error(`Refusing to write the zip entry \`${file.path}\``)
    zip.file(file.path, file.data ?? lazyFileStream(file.source), {
      date: fixedDate,
      createFolders: false,
      compression: isStored(file.path) ? 'STORE' : 'DEFLATE',
      compressionOptions: { level: 9 },
    })
  }
  return zip
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
