import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { packageZip } from '../../src/stages/package-zip.js'

const bytes = (text: string) => new TextEncoder().encode(text)

/** Compression method of each entry, read from the zip's local file headers (APPNOTE 4.3.7). */
function methods(zip: Uint8Array): Record<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const found: Record<string, number> = {}
  for (let offset = 0; view.getUint32(offset, true) === 0x04034b50; ) {
    const method = view.getUint16(offset + 8, true)
    const compressedSize = view.getUint32(offset + 18, true)
    const nameLength = view.getUint16(offset + 26, true)
    const extraLength = view.getUint16(offset + 28, true)
    const name = new TextDecoder().decode(zip.subarray(offset + 30, offset + 30 + nameLength))
    found[name] = method
    offset += 30 + nameLength + extraLength + compressedSize
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
    expect(methods(await packageZip(files))).toEqual({
      'imsmanifest.xml': 8,
      'assets/photo.jpg': 0,
      'assets/中文 名.svg': 8,
      'pages/b.html': 8,
    })
  })

  it('gives the same bytes for the same files, whatever their order', async () => {
    const first = await packageZip(files)
    const second = await packageZip([...files].reverse())
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true)
  })

  it('marks names as UTF-8 (general purpose flag bit 11)', async () => {
    const zip = await packageZip(files)
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
    let offset = 0
    const flags: number[] = []
    while (view.getUint32(offset, true) === 0x04034b50) {
      flags.push(view.getUint16(offset + 6, true))
      offset += 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true) + view.getUint32(offset + 18, true)
    }
    // Entry 3 is `assets/中文 名.svg`.
    expect(flags[2]! & 0x0800).toBe(0x0800)
  })
})
