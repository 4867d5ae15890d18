import { open, type FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'

/**
 * A file's bytes as a stream that opens the file only when the first bytes
 * are wanted, and closes it at the end. The zip streams its entries one
 * after the other, so a package of a thousand images holds one of them
 * open at a time, not a thousand (fs.createReadStream opens at once).
 */
export function lazyFileStream(path: string, chunkSize = 64 * 1024): Readable {
  let handle: FileHandle | undefined
  return new Readable({
    highWaterMark: chunkSize,
    read(size) {
      void (async () => {
        try {
          handle ??= await open(path, 'r')
          const buffer = Buffer.allocUnsafe(Math.max(size, 1))
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
          if (bytesRead === 0) {
            await handle.close()
            handle = undefined
            this.push(null)
          } else this.push(buffer.subarray(0, bytesRead))
        } catch (error) {
          this.destroy(error as Error)
        }
      })()
    },
    destroy(error, callback) {
      const closing = handle?.close()
      handle = undefined
      void Promise.resolve(closing).then(() => callback(error), () => callback(error))
    },
  })
}
