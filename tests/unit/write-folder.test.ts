import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFolderAtomic } from '../../src/fs/write-folder.js'
import type { PackageFile } from '../../src/model.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'coursepack-folder-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const text = (value: string) => new TextEncoder().encode(value)

/** Every file under `folder`, as `path: contents`. */
async function contents(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
  return Object.fromEntries(await Promise.all(files.sort().map(async (name) => [name, await readFile(path.join(folder, name), 'utf8')])))
}

describe('writeFolderAtomic', () => {
  it('writes each file from its bytes, from a file on disk, or made as it is written', async () => {
    await writeFile(path.join(dir, 'photo.jpg'), 'jpeg bytes')
    const files: PackageFile[] = [
      { path: 'index.html', data: text('<p>shell</p>') },
      { path: 'assets/images/photo.jpg', source: path.join(dir, 'photo.jpg') },
      { path: 'pages/a.html', make: () => text('<p>a</p>') },
    ]
    await writeFolderAtomic(path.join(dir, 'out', 'site'), files)
    expect(await contents(path.join(dir, 'out', 'site'))).toEqual({ 'assets/images/photo.jpg': 'jpeg bytes', 'index.html': '<p>shell</p>', 'pages/a.html': '<p>a</p>' })
    expect(await readdir(path.join(dir, 'out'))).toEqual(['site'])
  })

  it('replaces an earlier folder whole: a file the new one does not have is gone, nothing is left beside it', async () => {
    const site = path.join(dir, 'site')
    await writeFolderAtomic(site, [{ path: 'index.html', data: text('old') }, { path: 'pages/removed.html', data: text('gone') }])
    await writeFolderAtomic(site, [{ path: 'index.html', data: text('new') }])
    expect(await contents(site)).toEqual({ 'index.html': 'new' })
    expect(await readdir(dir)).toEqual(['site'])
  })

  it('leaves the earlier folder as it was, and no temporary folder, when a write fails', async () => {
    const site = path.join(dir, 'site')
    await writeFolderAtomic(site, [{ path: 'index.html', data: text('good') }])
    const failing: PackageFile[] = [
      { path: 'index.html', data: text('half') },
      {
        path: 'pages/broken.html',
        make: () => {
          throw new Error('render failed')
        },
      },
    ]
    await expect(writeFolderAtomic(site, failing)).rejects.toThrow('render failed')
    expect(await contents(site)).toEqual({ 'index.html': 'good' })
    expect(await readdir(dir)).toEqual(['site'])
  })

  it('replaces a file that stands where the folder goes', async () => {
    const site = path.join(dir, 'site')
    await writeFile(site, 'a file')
    await writeFolderAtomic(site, [{ path: 'index.html', data: text('site') }])
    expect(await contents(site)).toEqual({ 'index.html': 'site' })
  })

  it('refuses a path that leaves the folder, and writes nothing', async () => {
    await mkdir(path.join(dir, 'out'))
    await expect(writeFolderAtomic(path.join(dir, 'out', 'site'), [{ path: '../escaped.html', data: text('x') }])).rejects.toThrow('outside its folder')
    expect(await readdir(path.join(dir, 'out'))).toEqual([])
    expect(await readdir(dir)).toEqual(['out'])
  })
})
