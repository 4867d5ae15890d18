import { watch } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { build } from '../build.js'
import { BuildCache } from '../cache/build-cache.js'
import { loadConfig } from '../config/load-config.js'
import { type JsonProblem, reportData } from '../diagnostics/report.js'
import type { PackageFile } from '../model.js'
import { packageFile } from '../package-root.js'

const previewTemplates = packageFile('templates/preview/')
const panelBundle = packageFile('lib/preview/panel.js')
/**
 * scorm-again's minified browser build of each SCORM standard, the stand-in
 * LMS: found as Node finds the package, wherever npm installed it (next to
 * coursepack in a course's node_modules, or in this repository's).
 */
const modules = createRequire(import.meta.url)
const scormAgain: Readonly<Record<PreviewTarget, string>> = {
  scorm12: modules.resolve('scorm-again/scorm12/min'),
  scorm2004: modules.resolve('scorm-again/scorm2004/min'),
}

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt',
  '.pdf': 'application/pdf',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
}

export interface PreviewOptions {
  readonly dir: string
  /** 0 picks a free port. */
  readonly port: number
  /** The SCORM target to preview (default: the first of course.yml's `targets`, else scorm12). */
  readonly target?: PreviewTarget
}

/** The targets preview has a stand-in LMS for. */
export type PreviewTarget = 'scorm12' | 'scorm2004'

/** What the panel is told after each build. */
export interface BuildEvent {
  readonly ok: boolean
  /** Counts builds, so the panel can tell a new one from the last. */
  readonly version: number
  readonly problems: readonly JsonProblem[]
}

/**
 * `coursepack preview`: the course, built in memory, inside a stand-in LMS
 * page on 127.0.0.1 (scorm-again's SCORM 1.2 API and a panel of every call).
 * Every change in the course folder rebuilds it, and the panel reloads the
 * course, or shows the build's problems over it.
 */
export async function startPreview(options: PreviewOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const root = path.resolve(options.dir)
  const target = options.target ?? (await courseTarget(root))
  let files = new Map<string, PackageFile>()
  let last: BuildEvent = { ok: false, version: 0, problems: [] }
  const listeners = new Set<ServerResponse>()

  // Each rebuild reuses what did not change: saving one lesson re-renders that lesson.
  const cache = new BuildCache()
  const rebuild = async () => {
    const result = await build({ dir: root, cache, zip: false, targets: [target] })
    const built = result.ok ? result.packages?.[0] : undefined
    if (built) files = new Map(built.files.map((file) => [file.path, file]))
    last = { ok: result.ok, version: last.version + 1, problems: reportData(result.files, { cwd: path.dirname(root) }) }
    for (const listener of listeners) listener.write(`data: ${JSON.stringify(last)}\n\n`)
  }
  await rebuild()

  let timer: NodeJS.Timeout | undefined
  let running = Promise.resolve()
  const watcher = watch(root, { recursive: true }, () => {
    clearTimeout(timer)
    // Editors write a file in several steps: wait for them to settle, and never run two builds at once.
    timer = setTimeout(() => {
      running = running.then(rebuild).catch((error: unknown) => console.error('coursepack preview: the rebuild failed', error))
    }, 100)
  })

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const send = (body: Uint8Array | string, type: string) => {
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' })
      response.end(body)
    }
    const notFound = () => {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      response.end('Not found')
    }
    if (url.pathname === '/__coursepack/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write(`data: ${JSON.stringify(last)}\n\n`)
      listeners.add(response)
      request.on('close', () => listeners.delete(response))
      return
    }
    if (url.pathname === '/') {
      const label = target === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004 4th Edition'
      readFile(path.join(previewTemplates, 'index.html'), 'utf8').then((page) => send(page.replace('%TARGET%', target).replace('%LABEL%', label), types['.html']!), notFound)
      return
    }
    const fixed: Record<string, [string, string]> = {
      '/__coursepack/panel.css': [path.join(previewTemplates, 'panel.css'), types['.css']!],
      '/__coursepack/panel.js': [panelBundle, types['.js']!],
      '/__coursepack/scorm-again.js': [scormAgain[target], types['.js']!],
    }
    const asset = fixed[url.pathname]
    if (asset) {
      readFile(asset[0]).then((body) => send(body, asset[1]), notFound)
      return
    }
    if (url.pathname.startsWith('/course/')) {
      const name = decodeURIComponent(url.pathname.slice('/course/'.length))
      const file = files.get(name)
      const type = types[path.extname(name).toLowerCase()] ?? 'application/octet-stream'
      if (file?.data) return send(file.data, type)
      if (file?.source) {
        readFile(file.source).then((body) => send(body, type), notFound)
        return
      }
    }
    notFound()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      watcher.close()
      clearTimeout(timer)
      for (const listener of listeners) listener.end()
      // Browsers keep connections open; closing them lets close() return at once.
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** The first SCORM target course.yml names, else scorm12: what the preview shows unless told. */
async function courseTarget(root: string): Promise<PreviewTarget> {
  const { config } = await loadConfig(root)
  const first = config?.targets?.find((name): name is PreviewTarget => name === 'scorm12' || name === 'scorm2004')
  return first ?? 'scorm12'
}
