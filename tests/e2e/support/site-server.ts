import { readFile, stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
}

export interface SiteServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  close(): Promise<void>
}

/**
 * A static web server on 127.0.0.1 as GitHub Pages serves a project site:
 * the folder `siteDir` under the sub-path `base` (`/repo/`), `index.html`
 * for a folder's address, a redirect from `/repo` to `/repo/`; and any
 * other `pages` given by path (a page that frames the site, say).
 */
export async function startSiteServer(siteDir: string, base: string, pages: Readonly<Record<string, string>> = {}): Promise<SiteServer> {
  const root = path.resolve(siteDir)
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const find = async (): Promise<{ type: string; body: Buffer } | { redirect: string } | undefined> => {
      const page = pages[url.pathname]
      if (page !== undefined) return { type: types['.html']!, body: Buffer.from(page) }
      if (`${url.pathname}/` === base) return { redirect: base }
      if (!url.pathname.startsWith(base)) return undefined
      let file = path.resolve(root, decodeURIComponent(url.pathname.slice(base.length)))
      if (file !== root && !file.startsWith(root + path.sep)) return undefined
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html')
      return { type: types[path.extname(file)] ?? 'application/octet-stream', body: await readFile(file) }
    }
    find()
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
