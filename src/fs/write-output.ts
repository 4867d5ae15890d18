import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Temporary files being written, so that an interrupted build can remove them. */
const pending = new Set<string>()

/**
 * Write `data` to `target` through a temporary file in the same folder and a
 * rename, so that readers see the old file or the new one, never half of one,
 * and a failed write leaves the previous file in place.
 */
export async function writeFileAtomic(target: string, data: Uint8Array): Promise<void> {
  await writeAtomic(target, (temporary) => writeFile(temporary, data))
}

/** The same, for a writer that produces the file itself (a zip streamed to disk). */
export async function writeAtomic(target: string, write: (temporary: string) => Promise<void>): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true })
  const temporary = reserveTemporary(target)
  try {
    await write(temporary)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  } finally {
    releaseTemporary(temporary)
  }
}

/**
 * A new name next to `target` (same folder, so a rename moves it in place)
 * for a temporary file or folder, which `removePendingWrites` removes until
 * it is released.
 */
export function reserveTemporary(target: string): string {
  const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  pending.add(temporary)
  return temporary
}

/** The temporary file or folder was renamed into place or removed: no longer ours to clean up. */
export function releaseTemporary(temporary: string): void {
  pending.delete(temporary)
}

/** Remove the temporary files and folders of writes still under way (on SIGINT, say). */
export async function removePendingWrites(): Promise<void> {
  await Promise.all([...pending].map((file) => rm(file, { force: true, recursive: true })))
}
