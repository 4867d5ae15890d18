import { stat } from 'node:fs/promises'
import path from 'node:path'
import { type FileServer, fileReply, htmlReply, startFileServer } from './file-server.js'

export type SiteServer = FileServer

/**
 * A static web server on 127.0.0.1 as GitHub Pages serves a project site:
 * the folder `siteDir` under the sub-path `base` (`/repo/`), `index.html`
 * for a folder's address, a redirect from `/repo` to `/repo/`; and any
 * other `pages` given by path (a page that frames the site, say).
 */
export async function startSiteServer(siteDir: string, base: string, pages: Readonly<Record<string, string>> = {}): Promise<SiteServer> {
  const root = path.resolve(siteDir)
  return startFileServer(async (url) => {
    const page = pages[url.pathname]
    if (page !== undefined) return htmlReply(page)
    if (`${url.pathname}/` === base) return { redirect: base }
    if (!url.pathname.startsWith(base)) return undefined
    let file = path.resolve(root, decodeURIComponent(url.pathname.slice(base.length)))
    if (file !== root && !file.startsWith(root + path.sep)) return undefined
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html')
    return fileReply(file)
  })
}
