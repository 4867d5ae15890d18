import path from 'node:path'
import type { LoadedConfig } from '../config/load-config.js'
import { problem } from '../diagnostics/problem.js'
import { isInside, kindOf, listFolder } from '../fs/course-folder.js'
import type { PackageFile } from '../model.js'

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
  for (const [index, entry] of (loaded.config?.assets ?? []).entries()) {
    const relative = entry.replace(/\\/g, '/').replace(/\/+$/, '')
    const absolute = path.resolve(root, relative)
    const kind = await kindOf(absolute)
    const place = loaded.locate(['assets', index])
    if (path.isAbsolute(relative) || !kind) {
      problem(loaded.file, 'missing-file', place, `There is no file or folder \`${entry}\` in the course`, {
        hint: 'Asset paths are relative to `course.yml`.',
      })
    } else if (!(await isInside(root, absolute))) {
      problem(loaded.file, 'reference-outside-course', place, `The asset \`${entry}\` leaves the course folder`)
    } else if (kind === 'file') {
      wanted.add(path.relative(root, absolute).split(path.sep).join('/'))
    } else {
      for (const file of await listFilesDeep(root, path.relative(root, absolute).split(path.sep).join('/'))) wanted.add(file)
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

async function listFilesDeep(root: string, relativeDir: string): Promise<string[]> {
  const { entries } = await listFolder(root, relativeDir)
  const files: string[] = []
  for (const entry of entries) {
    if (entry.kind === 'file') files.push(entry.relativePath)
    else files.push(...(await listFilesDeep(root, entry.relativePath)))
  }
  return files
}
