import { createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type JSZip from 'jszip'
import { lazyFileStream } from '../fs/lazy-file-stream.js'
import type { PackageFile } from '../model.js'

/** Formats that are compressed already: deflating them again costs time and saves nothing. */
const storedExtensions = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'mp3', 'm4a', 'aac', 'ogg', 'oga', 'opus',
  'mp4', 'm4v', 'webm', 'mov', 'zip', 'gz', 'woff', 'woff2', 'pdf', 'docx', 'xlsx', 'pptx',
])

/** What a zip without ZIP64 holds; JSZip writes no ZIP64, and past these its offsets and counts would wrap. */
export const zipLimits = { bytes: 0xffff_ffff, entries: 0xffff } as const

/** Every entry's date (JSZip writes it in MS-DOS format, from its UTC fields): the same input gives the same bytes. */
const fixedDate = new Date(Date.UTC(2000, 0, 1, 0, 0, 0))

/**
 * How JSZip writes every package. `streamFiles`: each entry's CRC and sizes
 * follow its data (a data descriptor), so an entry flows through in chunks
 * instead of being held whole to measure it first. `DOS`: no Unix
 * permissions for an LMS to misread.
 */
const generateOptions = { type: 'nodebuffer', platform: 'DOS', streamFiles: true } as const

/**
 * Bytes read from a file at a time, and held between JSZip and the disk: a
 * file is read, checksummed and written a few chunks apart rather than each
 * chunk waiting for the one before to reach the disk (a few MB at most).
 */
const readChunk = 256 * 1024
const outputBuffer = 1024 * 1024

/** JSZip, loaded when the first zip is made: `check` and `preview` make none, and start faster without it. */
let jszip: Promise<typeof JSZip> | undefined
const loadJSZip = () => (jszip ??= import('jszip').then((module) => module.default))

/** The package as a zip in memory (checks, tests, preview): the same bytes as `writeZip` writes. */
export async function packageZip(files: readonly PackageFile[]): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of await zipStream(files)) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** The package as a zip streamed to `target`: files on disk go into the zip chunk by chunk. */
export async function writeZip(files: readonly PackageFile[], target: string): Promise<void> {
  await pipeline(await zipStream(files), createWriteStream(target, { highWaterMark: outputBuffer }))
}

/**
 * The zip's bytes, made by JSZip as they are read. `imsmanifest.xml` comes
 * first, then every other entry sorted by path, with fixed dates and no
 * folder entries, so two builds of the same course are byte-identical;
 * names are UTF-8 (JSZip sets the flag). JSZip reads its entries one after
 * the other: a file on disk is opened, and a page (`make`) rendered, only
 * when the zip reaches it, and not kept once written.
 */
async function zipStream(files: readonly PackageFile[]): Promise<Readable> {
  if (files.length > zipLimits.entries) throw new Error(`The package has more than ${zipLimits.entries} files, more than a zip without ZIP64 holds`)
  const zip = new (await loadJSZip())()
  // The streams JSZip has yet to read or is reading, closed if the zip stops early.
  const sources: Readable[] = []
  const ordered = [...files].sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const file of ordered) {
    // Paths are built by coursepack, never taken from input as they are; a bad one is our bug.
    if (!isSafeEntryName(file.path)) throw new Error(`Refusing to write the zip entry \`${file.path}\``)
    // JSZip would keep the second of two entries with one name and drop the first without a word.
    if (zip.files[file.path]) throw new Error(`Two files of the package are both named \`${file.path}\``)
    let content: Uint8Array | Readable
    if (file.data) content = file.data
    else {
      content = file.source !== undefined ? lazyFileStream(file.source, readChunk) : madeWhenRead(file.make)
      sources.push(content)
    }
    zip.file(file.path, content, {
      date: fixedDate,
      createFolders: false,
      compression: storedAsIs(file) ? 'STORE' : 'DEFLATE',
      compressionOptions: { level: 9 },
    })
  }
  const generated = zip.generateInternalStream(generateOptions)
  let written = 0
  const output = new Readable({
    highWaterMark: outputBuffer,
    read() {
      generated.resume()
    },
    destroy(error, callback) {
      generated.pause()
      for (const source of sources) source.destroy()
      callback(error)
    },
  })
  generated
    .on('data', (chunk) => {
      written += chunk.byteLength
      if (written > zipLimits.bytes) output.destroy(new Error(`The package passes ${zipLimits.bytes} bytes (4 GiB), more than a zip without ZIP64 holds`))
      else if (!output.push(chunk)) generated.pause()
    })
    .on('error', (error) => output.destroy(error))
    .on('end', () => output.push(null))
  // JSZip drops an error its input stream raises while it has paused that entry (backpressure), and would wait forever.
  for (const source of sources) source.once('error', (error) => output.destroy(error))
  return output
}

/**
 * A page's bytes as a stream that makes them (renders the page) at its first
 * read: JSZip reads an entry's stream only when the zip reaches it.
 */
function madeWhenRead(make: () => Uint8Array): Readable {
  return new Readable({
    // The page goes to JSZip as the Uint8Array it is: JSZip copies a Buffer byte by byte before deflating it.
    objectMode: true,
    read() {
      try {
        this.push(make())
        this.push(null)
      } catch (error) {
        this.destroy(error as Error)
      }
    },
  })
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

/** Media by the entry's name, or by its file's on disk when the entry has another (a Moodle backup names its files by hash). */
function storedAsIs(file: PackageFile): boolean {
  return isStored(file.path) || (file.source !== undefined && isStored(file.source))
}

export function isStored(path: string): boolean {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase()
  return storedExtensions.has(extension)
}
