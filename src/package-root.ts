import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

let root: URL | undefined

/**
 * A file of coursepack's own package (templates/, schemas/, lib/runtime/…) by its path
 * from the package root. Every such path is made here: a module's own place differs
 * between the sources (src/stages/…), the bundled command line (lib/, where the code
 * of all of src/ sits in a few chunks) and the compiled modules (lib/dev/…), so a
 * `new URL('../../templates/', import.meta.url)` elsewhere would be right in one and
 * wrong in the others. The root is the nearest folder above this module with a
 * package.json: coursepack's own, in the repository or in node_modules/coursepack.
 */
export function packageFile(relative: string): string {
  root ??= findRoot()
  return fileURLToPath(new URL(relative, root))
}

function findRoot(): URL {
  for (let folder = new URL('./', import.meta.url); ; folder = new URL('../', folder)) {
    if (existsSync(new URL('package.json', folder))) return folder
    if (folder.pathname === '/') throw new Error(`coursepack: no package.json above ${fileURLToPath(import.meta.url)}`)
  }
}
