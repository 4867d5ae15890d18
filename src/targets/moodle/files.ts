import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import path from 'node:path'
import type { PackageFile } from '../../model.js'
import { mimeType } from './mime.js'
import { element, fields, xmlDocument } from './xml.js'

/** A file area of Moodle's file storage: where a text field's `@@PLUGINFILE@@` files live. */
export interface FileArea {
  readonly contextId: number
  readonly component: string
  readonly fileArea: string
  readonly itemId: number
}

/** One stored file: a course file placed in a file area. */
export interface StoredFile {
  readonly id: number
  readonly area: FileArea
  /** Its path in the package's `web` files: `assets/<course path>`. */
  readonly packagePath: string
  /** `/images/`, as Moodle splits a path. */
  readonly filePath: string
  readonly fileName: string
}

/**
 * The files the backup stores, each once per file area that uses it (a
 * Page's images go in its `content` area, a question's in its
 * `questiontext` area…), with the ids `files.xml` and the `inforef.xml`
 * files name them by.
 */
export class FileStore {
  readonly files: StoredFile[] = []
  private readonly byKey = new Map<string, StoredFile>()

  /** Store `packagePath` (`assets/images/map.svg`) in `area` (once). */
  use(area: FileArea, packagePath: string): StoredFile {
    const key = [area.contextId, area.component, area.fileArea, area.itemId, packagePath].join('\u0000')
    const known = this.byKey.get(key)
    if (known) return known
    const coursePath = packagePath.replace(/^assets\//, '')
    const folder = path.posix.dirname(coursePath)
    const stored: StoredFile = {
      id: this.files.length + 1,
      area,
      packagePath,
      filePath: folder === '.' ? '/' : `/${folder}/`,
      fileName: path.posix.basename(coursePath),
    }
    this.files.push(stored)
    this.byKey.set(key, stored)
    return stored
  }

  /** The ids of the files stored in the areas of one context and component (for an `inforef.xml`). */
  idsOf(contextId: number, component: string): number[] {
    return this.files.filter((file) => file.area.contextId === contextId && file.area.component === component).map((file) => file.id)
  }
}

/**
 * `files.xml` and the blobs it names (`files/<2 hex>/<sha1>`): the bytes of
 * each course file, once, however many areas store it. A course file
 * missing from `web` (never, as the render stage collected them) is a bug.
 */
export async function storedFiles(store: FileStore, web: readonly PackageFile[]): Promise<PackageFile[]> {
  const byPath = new Map(web.map((file) => [file.path, file]))
  const hashes = new Map<string, { hash: string; size: number; file: PackageFile }>()
  for (const stored of store.files) {
    if (hashes.has(stored.packagePath)) continue
    const file = byPath.get(stored.packagePath)
    if (!file) throw new Error(`The course file ${stored.packagePath} was not collected`)
    hashes.set(stored.packagePath, { ...(await hashOf(file)), file })
  }
  const entries = store.files.map((stored) => {
    const { hash, size } = hashes.get(stored.packagePath)!
    return element('file', { id: stored.id }, [
      ...fields({
        contenthash: hash,
        contextid: stored.area.contextId,
        component: stored.area.component,
        filearea: stored.area.fileArea,
        itemid: stored.area.itemId,
        filepath: stored.filePath,
        filename: stored.fileName,
        userid: null,
        filesize: size,
        mimetype: mimeType(stored.fileName),
        status: 0,
        timecreated: 0,
        timemodified: 0,
        source: stored.fileName,
        author: null,
        license: null,
        sortorder: 0,
        repositorytype: null,
        repositoryid: null,
        reference: null,
      }),
    ])
  })
  const blobs = new Map<string, PackageFile>()
  for (const { hash, file } of hashes.values()) {
    const blobPath = `files/${hash.slice(0, 2)}/${hash}`
    if (!blobs.has(blobPath)) blobs.set(blobPath, { ...file, path: blobPath })
  }
  return [{ path: 'files.xml', data: utf8(xmlDocument(element('files', {}, entries))) }, ...blobs.values()]
}

/** SHA-1 and size of a package file's bytes; a file on disk is read as a stream. */
async function hashOf(file: PackageFile): Promise<{ hash: string; size: number }> {
  const hash = createHash('sha1')
  if (file.source !== undefined) {
    let size = 0
    for await (const chunk of createReadStream(file.source)) {
      hash.update(chunk as Buffer)
      size += (chunk as Buffer).byteLength
    }
    return { hash: hash.digest('hex'), size }
  }
  const data = file.data ?? file.make()
  return { hash: hash.update(data).digest('hex'), size: data.byteLength }
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
