import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
}

/** What a request gets: a body with its type, or a redirect; `undefined` is a 404. */
export type Reply = { readonly type: string; readonly body: Buffer } | { readonly redirect: string } | undefined

export interface FileServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  close(): Promise<void>
}

/** An HTML page given as text. */
export const htmlReply = (html: string): Reply => ({ type: types['.html']!, body: Buffer.from(html) })

/** A file on disk, typed by its extension. */
export const fileReply = async (file: string): Promise<Reply> => ({ type: types[path.extname(file)] ?? 'application/octet-stream', body: await readFile(file) })

/**
 * A web server on 127.0.0.1, on a free port, for the end-to-end tests: each
 * request is answered by `reply` (any error it throws, a missing file say,
 * is a 404), never cached by the browser.
 */
export async function startFileServer(reply: (url: URL) => Promise<Reply>): Promise<FileServer> {
  const server = createServer((request, response) => {
    reply(new URL(request.url ?? '/', 'http://127.0.0.1'))
      .then((found) => {
        if (!found) throw new Error('not found')
        if ('redirect' in found) {
          response.writeHead(301, { location: found.redirect })
          return response.end()
        }
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
