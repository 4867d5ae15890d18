import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { hostPage } from './host-page.js'
import type { StandInStandard } from '../../../src/shared/stand-in-lms.js'

const scormAgainDist = fileURLToPath(new URL('../../../node_modules/scorm-again/dist/', import.meta.url))

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
}

export interface LmsServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  close(): Promise<void>
}

/**
 * A stand-in LMS on 127.0.0.1: `/host.html` is the LMS page (scorm-again's
 * API of the standard, the package in an iframe), `/pkg/` the unzipped
 * package, `/lms/` scorm-again's browser build.
 */
export async function startLmsServer(packageDir: string, standard: StandInStandard): Promise<LmsServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const send = async () => {
      if (url.pathname === '/host.html') return { type: types['.html']!, body: Buffer.from(hostPage(standard)) }
      const [root, prefix] = url.pathname.startsWith('/pkg/')
        ? [packageDir, '/pkg/']
        : url.pathname.startsWith('/lms/')
          ? [scormAgainDist, '/lms/']
          : [undefined, '']
      if (!root) return undefined
      const file = path.resolve(root, decodeURIComponent(url.pathname.slice(prefix.length)))
      if (!file.startsWith(root)) return undefined
      const body = await readFile(file)
      return { type: types[path.extname(file)] ?? 'application/octet-stream', body }
    }
    send()
      .then((found) => {
        if (!found) throw new Error('not found')
        response.writeHead(200, { 'content-type': found.type, 'cache-control': 'no-store' })
        response.end(found.body)
      })
      .catch(() => {
        response.writeHead(404)
        response.end()
      })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
