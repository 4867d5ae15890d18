import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { writeAtomic } from '../../src/fs/write-output.js'
import { packageZip, writeZip } from '../../src/stages/package-zip.js'

const bytes = (text: string) => new TextEncoder().encode(text)

interface Recorded {
  method: number
  flags: number
  crc: number
  compressedSize: number
  size: number
}

/**
 * Each entry as the zip's central directory records it (APPNOTE 4.3.12),
 * checked against what its local header, or the data descriptor after its
 * data, says: strict readers (unzip) refuse a zip where they differ.
 */
function entries(zip: Uint8Array): Record<string, Recorded> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let end = zip.byteLength - 22
  while (view.getUint32(end, true) !== 0x06054b50) end--
  const count = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)
  const found: Record<string, Recorded> = {}
  for (let index = 0; index < count; index++) {
    const nameLength = view.getUint16(offset + 28, true)
    const name = new TextDecoder().decode(zip.subarray(offset + 46, offset + 46 + nameLength))
    const central: Recorded = {
      method: view.getUint16(offset + 10, true),
      flags: view.getUint16(offset + 8, true),
      crc: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
    }
    const local = view.getUint32(offset + 42, true)
    expect(view.getUint32(local, true)).toBe(0x04034b50)
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const descriptor = central.flags & 0x08 ? data + central.compressedSize : undefined
    if (descriptor !== undefined) expect(view.getUint32(descriptor, true)).toBe(0x08074b50)
    const at = descriptor === undefined ? local + 14 : descriptor + 4
    expect({ crc: view.getUint32(at, true), compressedSize: view.getUint32(at + 4, true), size: view.getUint32(at + 8, true) }, name).toEqual({
      crc: central.crc,
      compressedSize: central.compressedSize,
      size: central.size,
    })
    found[name] = central
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true)
  }
  return found
}

describe('packageZip', () => {
  const files = [
    { path: 'pages/b.html', data: bytes('<p>b</p>'.repeat(50)) },
    { path: 'assets/photo.jpg', data: bytes('not really a jpeg') },
    { path: 'imsmanifest.xml', data: bytes('<manifest/>') },
    { path: 'assets/中文 名.svg', data: bytes('<svg/>') },
  ]

  it('puts the manifest first and sorts the rest, without folder entries', async () => {
    const zip = await JSZip.loadAsync(await packageZip(files))
    expect(Object.keys(zip.files)).toEqual(['imsmanifest.xml', 'assets/photo.jpg', 'assets/中文 名.svg', 'pages/b.html'])
  })

  it('stores media that is compressed already and deflates the rest', async () => {
    const found = entries(await packageZip(files))
    expect(Object.fromEntries(Object.entries(found).map(([name, entry]) => [name, entry.method]))).toEqual({
      'imsmanifest.xml': 8,
      'assets/photo.jpg': 0,
      'assets/中文 名.svg': 8,
      'pages/b.html': 8,
    })
  })

  it('stores a file on disk by its own name when the entry is named otherwise (a hash, as in a Moodle backup)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'coursepack-zip-'))
    try {
      await writeFile(path.join(dir, 'clip.mp4'), randomBytes(1000))
      await writeFile(path.join(dir, 'notes.txt'), 'notes '.repeat(200))
      const found = entries(await packageZip([
        { path: 'files/ab/ab12', source: path.join(dir, 'clip.mp4') },
        { path: 'files/cd/cd34', source: path.join(dir, 'notes.txt') },
      ]))
      expect(found['files/ab/ab12']!.method).toBe(0)
      expect(found['files/cd/cd34']!.method).toBe(8)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('streams files from disk into the zip, with the same bytes as in memory', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'coursepack-zip-'))
    try {
      const media = path.join(dir, 'clip.mp4')
      await writeFile(media, randomBytes(3 * 1024 * 1024))
      const withSource = [...files, { path: 'assets/clip.mp4', source: media }]
      await writeZip(withSource, path.join(dir, 'out.zip'))
      const written = await readFile(path.join(dir, 'out.zip'))
      expect(written.equals(Buffer.from(await packageZip(withSource)))).toBe(true)
      const zip = await JSZip.loadAsync(written)
      expect((await zip.file('assets/clip.mp4')!.async('nodebuffer')).equals(await readFile(media))).toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('opens each file on disk only when its turn in the zip comes, one at a time', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'coursepack-zip-'))
    try {
      const names = Array.from({ length: 5 }, (_, index) => `image-${index}.png`)
      for (const name of names) await writeFile(path.join(dir, name), randomBytes(1000))
      const zipping = writeZip(names.map((name) => ({ path: `assets/${name}`, source: path.join(dir, name) })), path.join(dir, 'out.zip'))
      // Removed before its turn: a file opened up front would still be read (Linux keeps it for the open handle).
      await rm(path.join(dir, names[4]!))
      await expect(zipping).rejects.toThrow(/ENOENT/)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  // Open files are counted in /proc (Linux).
  it.runIf(existsSync('/proc/self/fd'))('holds at most one file on disk open at a time while the zip is written', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'coursepack-zip-'))
    try {
      const names = Array.from({ length: 20 }, (_, index) => `clip-${index}.${index % 2 ? 'mp4' : 'css'}`)
      for (const name of names) await writeFile(path.join(dir, name), randomBytes(200_000))
      // This process's open files in `dir`, counted at every turn of the event loop while the zip is written.
      const openInDir = async () => {
        let count = 0
        for (const fd of await readdir('/proc/self/fd')) if ((await readlink(`/proc/self/fd/${fd}`).catch(() => '')).startsWith(`${dir}/`)) count++
        return count
      }
      let most = 0
      let writing = true
      const sampling = (async () => {
        while (writing) {
          most = Math.max(most, await openInDir())
          await new Promise((resolve) => setImmediate(resolve))
        }
      })()
      // Outside `dir`: the zip being written is an open file too.
      const out = path.join(tmpdir(), `coursepack-zip-out-${process.pid}.zip`)
      try {
        try {
          await writeZip(names.map((name) => ({ path: `assets/${name}`, source: path.join(dir, name) })), out)
        } finally {
          writing = false
          await sampling
        }
        // Never two at once (files opened up front, as fs.createReadStream does, show up here 17 at a time),
        // and all closed at the end. That each is opened at its turn, not before, is the test above's.
        // Whether the sampling catches one open at all depends on the machine's speed: not asserted.
        expect(most).toBeLessThanOrEqual(1)
        expect(await openInDir()).toBe(0)
        const zip = await JSZip.loadAsync(await readFile(out))
        expect(Object.keys(zip.files)).toHaveLength(20)
      } finally {
        await rm(out, { force: true })
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('leaves the earlier package in place, and no temporary file, when a zip fails part-way', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'coursepack-zip-'))
    try {
      const target = path.join(dir, 'course.zip')
      await writeFile(target, 'the earlier package')
      await writeFile(path.join(dir, 'a.png'), randomBytes(100_000))
      const broken = [
        { path: 'assets/a.png', source: path.join(dir, 'a.png') },
        { path: 'assets/b.png', source: path.join(dir, 'gone.png') },
        ...files,
      ]
      await expect(writeAtomic(target, (temporary) => writeZip(broken, temporary))).rejects.toThrow(/ENOENT/)
      expect(await readFile(target, 'utf8')).toBe('the earlier package')
      expect((await readdir(dir)).sort()).toEqual(['a.png', 'course.zip'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('gives the same bytes for the same files, whatever their order', async () => {
    const first = await packageZip(files)
    const second = await packageZip([...files].reverse())
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true)
  })

  it('marks names as UTF-8 (general purpose flag bit 11)', async () => {
    const found = entries(await packageZip(files))
    expect(found['assets/中文 名.svg']!.flags & 0x0800).toBe(0x0800)
  })

  it('writes CRCs and sizes a reader checks, for entries in memory and streamed from disk, stored and deflated', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'coursepack-zip-'))
    try {
      const onDisk = { css: bytes('body { color: black; }\n'.repeat(5000)), mp4: randomBytes(200_000), empty: new Uint8Array(0) }
      for (const [name, data] of Object.entries(onDisk)) await writeFile(path.join(dir, `file.${name}`), data)
      const zip = await packageZip([
        ...files,
        { path: 'assets/empty.txt', data: new Uint8Array(0) },
        ...Object.keys(onDisk).map((name) => ({ path: `assets/disk.${name}`, source: path.join(dir, `file.${name}`) })),
      ])
      const read = await JSZip.loadAsync(zip, { checkCRC32: true })
      for (const [name, data] of Object.entries(onDisk)) expect(Buffer.from(await read.file(`assets/disk.${name}`)!.async('uint8array')).equals(Buffer.from(data))).toBe(true)
      expect(await read.file('pages/b.html')!.async('string')).toBe('<p>b</p>'.repeat(50))
      expect(await read.file('assets/empty.txt')!.async('string')).toBe('')
      // Deflated on disk: much smaller than the file; stored media: its size.
      const found = entries(zip)
      expect(found['assets/disk.css']!.method).toBe(8)
      expect(found['assets/disk.mp4']!.method).toBe(0)
      expect(zip.byteLength).toBeLessThan(200_000 + 20_000)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('makes a page (make) once, only as the zip reaches it, with the bytes of one given in memory', async () => {
    const made: string[] = []
    const pages = Array.from({ length: 30 }, (_, index) => `pages/p${String(index).padStart(2, '0')}.html`)
    const page = (path: string) => bytes(`<h1>${path}</h1>`.repeat(20))
    const lazy = pages.map((path) => ({ path, make: () => (made.push(path), page(path)) }))
    expect(Buffer.from(await packageZip(lazy)).equals(Buffer.from(await packageZip(pages.map((path) => ({ path, data: page(path) })))))).toBe(true)
    expect(made).toEqual(pages)
    // The zip stops at a file gone from disk, which sorts first: none of the pages after it was made in advance.
    made.length = 0
    await expect(packageZip([{ path: 'assets/gone.png', source: '/nonexistent/gone.png' }, ...lazy])).rejects.toThrow(/ENOENT/)
    expect(made).toEqual([])
    // One that sorts in the middle: the pages before it were made, none after.
    await expect(packageZip([{ path: 'pages/p14x.png', source: '/nonexistent/gone.png' }, ...lazy])).rejects.toThrow(/ENOENT/)
    expect(made).toEqual(pages.slice(0, 15))
  })

  it('refuses two entries with one name rather than keep one of them', async () => {
    await expect(packageZip([...files, { path: 'pages/b.html', data: bytes('<p>other</p>') }])).rejects.toThrow(/both named `pages\/b\.html`/)
  })

  it('refuses more entries than a zip without ZIP64 holds, with a message that says so', async () => {
    const many = Array.from({ length: 0x10000 }, (_, index) => ({ path: `assets/${index}.png`, data: new Uint8Array(0) }))
    await expect(packageZip(many)).rejects.toThrow(/more than 65535 files/)
  })
})
