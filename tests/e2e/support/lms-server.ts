import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type FileServer, fileReply, htmlReply, startFileServer } from './file-server.js'
import { hostPage } from './host-page.js'
import type { StandInStandard } from '../../../src/shared/stand-in-lms.js'

const scormAgainDist = fileURLToPath(new URL('../../../node_modules/scorm-again/dist/', import.meta.url))

export type LmsServer = FileServer

/**
 * A stand-in LMS on 127.0.0.1: `/host.html` is the LMS page (scorm-again's
 * API of the standard, the package in an iframe), `/pkg/` the unzipped
 * package, `/lms/` scorm-again's browser build.
 */
export async function startLmsServer(packageDir: string, standard: StandInStandard): Promise<LmsServer> {
  return startFileServer(async (url) => {
    if (url.pathname === '/host.html') return htmlReply(hostPage(standard))
    const [root, prefix] = url.pathname.startsWith('/pkg/')
      ? [packageDir, '/pkg/']
      : url.pathname.startsWith('/lms/')
        ? [scormAgainDist, '/lms/']
        : [undefined, '']
    if (!root) return undefined
    const file = path.resolve(root, decodeURIComponent(url.pathname.slice(prefix.length)))
    if (!file.startsWith(root)) return undefined
    return fileReply(file)
  })
}
