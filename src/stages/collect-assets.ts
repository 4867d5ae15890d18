import path from 'node:path'
import type { LoadedConfig } from '../config/load-config.js'
import { problem } from '../diagnostics/problem.js'
import { createFolderWalk, type FolderWalk, isInside, kindOf, listFolder } from '../fs/course-folder.js'
import type { PackageFile } from '../model.js'
import { withoutTrailingSlashes } from './load-outline.js'

/**
 * The package's assets: the files the pages refer to, plus what `course.yml`
 * lists under `assets` (files, or folders taken whole). Nothing else of the
 * course folder goes into the package. Each lands at `assets/<course path>`.
 */
export async function collectAssets(
  root: string,
  referenced: ReadonlyMap<string, string>,
  loaded: LoadedConfig,
): Promise<PackageFile[]> {
  const wanted = new Set(referenced.keys())
  const folders = createFolderWalk(root)
  for (const [index, entry] of (loaded.config?.assets ?? []).entries()) {
    const relative = withoutTrailingSlashes(entry.replace(/\\/g, '/'))
    const absolute = path.resolve(root, relative)
    const kind = await kindOf(absolute)
    const place = loaded.locate(['assets', index])
    if (kind === 'special') {
      problem(loaded.file, 'special-file', place, `The asset \`${entry}\` is a FIFO, socket or device, not a file: it is skipped`)
    } else if (path.isAbsolute(relative) || !kind) {
      problem(loaded.file, 'missing-file', place, `There is no file or folder \`${entry}\` in the course`, {
        hint: 'Asset paths are relative to `course.yml`.',
      })
    } else if (!(await isInside(root, absolute))) {
      problem(loaded.file, 'reference-outside-course', place, `The asset \`${entry}\` leaves the course folder`)
    } else if (kind === 'file') {
      wanted.add(path.relative(root, absolute).split(path.sep).join('/'))
    } else {
      for (const file of await listFilesDeep(root, path.relative(root, absolute).split(path.sep).join('/'), folders, loaded)) wanted.add(file)
    }
  }
  const coursePaths = [...wanted].sort()
  const byFoldedCase = new Map<string, string>()
  for (const coursePath of coursePaths) {
    const folded = coursePath.toLowerCase()
    const other = byFoldedCase.get(folded)
    if (other) problem(loaded.file, 'case-clash', null, `\`${other}\` and \`${coursePath}\` differ only in case`)
    else byFoldedCase.set(folded, coursePath)
  }
  // Assets stay on disk; the zip streams them.
  return coursePaths.map((coursePath) => ({ path: `assets/${coursePath}`, source: path.join(root, coursePath) }))
}

/** Every file of an asset folder, each folder read once: a link loop is reported, not walked round. */
async function listFilesDeep(root: string, relativeDir: string, folders: FolderWalk, loaded: LoadedConfig): Promise<string[]> {
  const entered = await folders.enter(relativeDir)
  if (!entered.ok) {
    // A folder listed twice, or one inside another listed folder, is simply taken once.
    if (entered.loop) problem(loaded.file, 'link-loop', null, `\`${relativeDir}\` is a link to ${entered.target === '' ? 'the course folder' : `\`${entered.target}\``}, which holds it: a loop, not followed`)
    return []
  }
  const { entries, special, unreadable } = await listFolder(root, relativeDir)
  if (unreadable) problem(loaded.file, 'unreadable-file', null, `Cannot read the folder \`${relativeDir}\` (${unreadable})`)
  for (const entry of special) {
    const reason = `\`${entry.relativePath}\` is a ${entry.kind}, not a file: it is skipped`
    // The walk through the outline may have met it already.
    if (!loaded.file.messages.some((message) => message.reason === reason)) problem(loaded.file, 'special-file', null, reason)
  }
  const files: string[] = []
  for (const entry of entries) {
    if (entry.kind === 'file') files.push(entry.relativePath)
    else files.push(...(await listFilesDeep(root, entry.relativePath, folders, loaded)))
  }
  return files
}
