import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { PackageFile } from '../model.js'
import { releaseTemporary, reserveTemporary } from './write-output.js'

/** Files written at once: enough to keep the disk busy, few enough to hold little in memory. */
const parallelWrites = 8

/**
 * Write `files` as the folder `target`, whole or not at all: into a new
 * folder next to it, then swapped in by renames. A reader (a web server
 * serving the folder) sees the old site or the new one, never half of one;
 * a failed write leaves the previous folder as it was; and files the new
 * build no longer has do not linger.
 */
export async function writeFolderAtomic(target: string, files: readonly PackageFile[]): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true })
  const temporary = reserveTemporary(target)
  try {
    await mkdir(temporary)
    let next = 0
    const worker = async () => {
      while (next < files.length) await writeEntry(temporary, files[next++]!)
    }
    await Promise.all(Array.from({ length: Math.min(parallelWrites, files.length) }, worker))
    await swapIn(temporary, target)
  } catch (error) {
    await rm(temporary, { recursive: true, force: true })
    throw error
  } finally {
    releaseTemporary(temporary)
  }
}

async function writeEntry(folder: string, file: PackageFile): Promise<void> {
  // Paths are built by coursepack, never taken from input as they are; one that leaves the folder is our bug.
  const root = path.resolve(folder)
  const destination = path.resolve(root, file.path)
  if (file.path.includes('\\') || !destination.startsWith(root + path.sep)) throw new Error(`Refusing to write the file \`${file.path}\` outside its folder`)
  await mkdir(path.dirname(destination), { recursive: true })
  if (file.source !== undefined) await copyFile(file.source, destination)
  else await writeFile(destination, file.data ?? file.make())
}

/** Errors of a rename onto a folder that exists (POSIX: not empty; Windows: not permitted) or onto a file. */
const occupied = new Set(['ENOTEMPTY', 'EEXIST', 'EPERM', 'ENOTDIR', 'EISDIR'])

/**
 * Move the folder `temporary` to `target`. A rename cannot replace a folder
 * that holds files, so an earlier one is first renamed aside, then removed
 * once the new one is in place (or put back if that fails). Were the
 * process killed between the two renames, the earlier folder would still
 * be there under its `.old` name, never lost.
 */
async function swapIn(temporary: string, target: string): Promise<void> {
  try {
    await rename(temporary, target)
    return
  } catch (error) {
    if (!occupied.has((error as NodeJS.ErrnoException).code ?? '')) throw error
  }
  const old = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.old`
  await rename(target, old)
  try {
    await rename(temporary, target)
  } catch (error) {
    await rename(old, target)
    throw error
  }
  await rm(old, { recursive: true, force: true })
}
