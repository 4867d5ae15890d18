import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { crc32, createDeflateRaw, deflateRaw } from 'node:zlib'
import { promisify } from 'node:util'
import { lazyFileStream } from '../fs/lazy-file-stream.js'

/**
 * A zip writer on Node's own zlib: CRC-32 and deflate run in native code
 * (the deflate off the main thread), five times faster than in JavaScript,
 * which counts on a package of a few hundred megabytes of video. Entries go
 * out one after the other as they are added; a file on disk is opened only
 * when its turn comes and flows through in chunks, so memory stays flat
 * whatever the size of the package. APPNOTE 6.3.10 without ZIP64: a package
 * past 4 GiB or 65,535 entries is refused (see `zipLimits`).
 */

export interface ZipEntry {
  /** The entry's name: a relative path with `/` separators. */
  readonly path: string
  /** Its bytes, when in memory, as they go into the zip (see `compress`, which can run ahead of the entry's turn). */
  readonly data?: Compressed | Promise<Compressed>
  /** Else the file on disk to stream from. */
  readonly source?: string
  /** Store as it is (media compressed already) rather than deflate. */
  readonly store: boolean
}

/** Bytes in memory ready for the zip: their CRC and size, and the body written (deflated unless stored). */
export interface Compressed {
  readonly crc: number
  readonly size: number
  readonly body: Uint8Array
  readonly store: boolean
}

/** `data` ready for the zip; the deflate runs on libuv's threads. */
export async function compress(data: Uint8Array, store: boolean): Promise<Compressed> {
  return { crc: crc32(data), size: data.byteLength, body: store ? data : await deflateRawAsync(data, deflateOptions), store }
}

/** What a zip without ZIP64 can hold. */
export const zipLimits = { bytes: 0xffff_ffff, entries: 0xffff } as const

const deflateRawAsync = promisify(deflateRaw)
const deflateOptions = { level: 9 }

/** 2000-01-01 00:00 in MS-DOS format, every entry's date: the same input gives the same bytes. */
const dosTime = 0
const dosDate = ((2000 - 1980) << 9) | (1 << 5) | 1

const utf8Flag = 1 << 11
const dataDescriptorFlag = 1 << 3
const version = 20

export interface ZipWriter {
  /** Write the next entry; resolves once its bytes are handed to the output. */
  add(entry: ZipEntry): Promise<void>
  /** Write the central directory; the zip is complete when this resolves. */
  finish(): Promise<void>
}

interface Written {
  readonly name: Uint8Array
  readonly flags: number
  readonly method: number
  readonly crc: number
  readonly compressedSize: number
  readonly size: number
  readonly offset: number
}

/** A zip written to `output`, entry by entry, honouring its backpressure. */
export function createZipWriter(output: Writable): ZipWriter {
  const written: Written[] = []
  let offset = 0

  const write = async (bytes: Uint8Array): Promise<void> => {
    offset += bytes.byteLength
    if (offset > zipLimits.bytes) throw new Error(`The package passes ${zipLimits.bytes} bytes (4 GiB), more than a zip without ZIP64 holds`)
    if (!output.write(bytes)) await drained(output)
  }

  return {
    async add(entry) {
      if (written.length === zipLimits.entries) throw new Error(`The package has more than ${zipLimits.entries} files, more than a zip without ZIP64 holds`)
      const name = new TextEncoder().encode(entry.path)
      const method = entry.store ? 0 : 8
      const start = offset
      if (entry.data) {
        // In memory: sizes and CRC are known before the header.
        const { crc, size, body, store } = await entry.data
        if (store !== entry.store) throw new Error(`The zip entry \`${entry.path}\` was compressed for another method`)
        const record = { name, flags: utf8Flag, method, crc, compressedSize: body.byteLength, size, offset: start }
        await write(localHeader(record))
        await write(body)
        written.push(record)
        return
      }
      if (entry.source === undefined) throw new Error(`The zip entry \`${entry.path}\` has neither data nor a source file`)
      // From disk: streamed, its sizes and CRC follow it in a data descriptor.
      const flags = utf8Flag | dataDescriptorFlag
      await write(localHeader({ name, flags, method, crc: 0, compressedSize: 0, size: 0 }))
      let crc = 0
      let size = 0
      let compressedSize = 0
      const checksum = async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          crc = crc32(chunk, crc)
          size += chunk.byteLength
          yield chunk
        }
      }
      const out = async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) {
          compressedSize += chunk.byteLength
          await write(chunk)
        }
      }
      const input = lazyFileStream(entry.source)
      await (entry.store ? pipeline(input, checksum, out) : pipeline(input, checksum, createDeflateRaw(deflateOptions), out))
      await write(dataDescriptor(crc, compressedSize, size))
      written.push({ name, flags, method, crc, compressedSize, size, offset: start })
    },
    async finish() {
      const directoryStart = offset
      for (const record of written) await write(centralHeader(record))
      await write(endOfDirectory(written.length, offset - directoryStart, directoryStart))
    },
  }
}

function drained(stream: Writable): Promise<unknown> {
  // Rejects if the stream fails instead.
  return once(stream, 'drain')
}

function localHeader(record: Omit<Written, 'offset'>): Uint8Array {
  const bytes = new Uint8Array(30 + record.name.byteLength)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, 0x04034b50, true)
  view.setUint16(4, version, true)
  view.setUint16(6, record.flags, true)
  view.setUint16(8, record.method, true)
  view.setUint16(10, dosTime, true)
  view.setUint16(12, dosDate, true)
  view.setUint32(14, record.crc, true)
  view.setUint32(18, record.compressedSize, true)
  view.setUint32(22, record.size, true)
  view.setUint16(26, record.name.byteLength, true)
  view.setUint16(28, 0, true)
  bytes.set(record.name, 30)
  return bytes
}

function dataDescriptor(crc: number, compressedSize: number, size: number): Uint8Array {
  const bytes = new Uint8Array(16)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, 0x08074b50, true)
  view.setUint32(4, crc, true)
  view.setUint32(8, compressedSize, true)
  view.setUint32(12, size, true)
  return bytes
}

function centralHeader(record: Written): Uint8Array {
  const bytes = new Uint8Array(46 + record.name.byteLength)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, 0x02014b50, true)
  // Made by MS-DOS (0), spec 2.0: no Unix permissions for an LMS to misread.
  view.setUint16(4, version, true)
  view.setUint16(6, version, true)
  view.setUint16(8, record.flags, true)
  view.setUint16(10, record.method, true)
  view.setUint16(12, dosTime, true)
  view.setUint16(14, dosDate, true)
  view.setUint32(16, record.crc, true)
  view.setUint32(20, record.compressedSize, true)
  view.setUint32(24, record.size, true)
  view.setUint16(28, record.name.byteLength, true)
  // Extra field, comment, disk number, internal and external attributes: none.
  view.setUint32(42, record.offset, true)
  bytes.set(record.name, 46)
  return bytes
}

function endOfDirectory(entries: number, size: number, start: number): Uint8Array {
  const bytes = new Uint8Array(22)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, 0x06054b50, true)
  view.setUint16(8, entries, true)
  view.setUint16(10, entries, true)
  view.setUint32(12, size, true)
  view.setUint32(16, start, true)
  return bytes
}
