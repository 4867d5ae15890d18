// One measured run, in a process of its own so that CPU time and peak RSS are its own.
//   node scripts/bench-child.js build <course> <out> [jobs] [target]   the coursepack build (its write stage timed too)
//   node scripts/bench-child.js jszip <folder> <zip>   bare JSZip zipping a folder's files, as coursepack's rule stores or deflates them
//   node scripts/bench-child.js floor <course>         the unified Markdown → HTML pass alone
//   node scripts/bench-child.js rebuild <course>       preview's rebuild after one lesson changed, against its first build
import { createWriteStream } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import JSZip from 'jszip'
import path from 'node:path'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { build } from '../lib/dev/build.js'
import { BuildCache } from '../lib/dev/cache/build-cache.js'
import { isStored } from '../lib/dev/stages/package-zip.js'

const [mode, dir, out, jobs, target] = process.argv.slice(2)
const started = performance.now()
let detail = {}
if (mode === 'rebuild') {
  // As preview does: in memory, no zip, with the cache. Time the cold build, change one lesson, time the rebuild.
  const cache = new BuildCache()
  const cold = performance.now()
  await build({ dir, cache, zip: false })
  const coldMs = performance.now() - cold
  const lesson = (await lessons(dir)).sort()[Math.floor((await lessons(dir)).length / 2)]
  await writeFile(lesson, `${await readFile(lesson, 'utf8')}\nOne more sentence.\n`)
  const warm = performance.now()
  const result = await build({ dir, cache, zip: false })
  if (!result.ok) throw new Error('The rebuild failed')
  const warmMs = performance.now() - warm
  console.log(JSON.stringify({ coldMs, warmMs }))
  process.exit(0)
}
if (mode === 'build') {
  // The write stage runs from its start to the end of the build (the zips, then the setup card).
  let writeStarted
  let writeCpu
  // Resident memory while the packages are written, sampled: the peak RSS of the whole build is the parse stage's.
  let writeRss = { start: 0, most: 0 }
  let sampler
  const onStage = (stage) => {
    if (stage === 'write') {
      writeStarted = performance.now()
      // The lesson threads have ended by then: the process's CPU time is the write stage's own.
      writeCpu = process.cpuUsage()
      writeRss = { start: process.memoryUsage.rss(), most: process.memoryUsage.rss() }
      sampler = setInterval(() => (writeRss.most = Math.max(writeRss.most, process.memoryUsage.rss())), 20)
    }
  }
  const result = await build({ dir, out, onStage, ...(jobs ? { jobs: Number(jobs) } : {}), ...(target ? { targets: [target] } : {}) })
  if (!result.ok) throw new Error(`The benchmark course ${dir} does not build:\n${(await import('../lib/dev/diagnostics/report.js')).formatReport(result.files)}`)
  const writeMs = performance.now() - writeStarted
  const writeCpuMs = cpuMs(process.cpuUsage(writeCpu))
  clearInterval(sampler)
  const mb = (bytes) => bytes / 1024 / 1024
  detail = { zipSize: result.packages[0].size, files: result.packages[0].files.length, pages: result.course.pages.length, fileName: result.packages[0].fileName, writeMs, writeCpuMs, writeRssStartMB: mb(writeRss.start), writeRssMostMB: mb(writeRss.most) }
} else if (mode === 'jszip') {
  // JSZip alone on the same files: each read into memory, then the zip streamed to disk with coursepack's options.
  const zipCpu = process.cpuUsage()
  const zip = new JSZip()
  const date = new Date(Date.UTC(2000, 0, 1))
  for (const name of (await files(dir)).sort()) {
    const compression = isStored(name) ? 'STORE' : 'DEFLATE'
    zip.file(name, await readFile(path.join(dir, name)), { date, createFolders: false, compression, compressionOptions: { level: 9 } })
  }
  await pipeline(zip.generateNodeStream({ type: 'nodebuffer', platform: 'DOS', streamFiles: true }), createWriteStream(out))
  detail = { zipCpuMs: cpuMs(process.cpuUsage(zipCpu)) }
} else {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify)
  let bytes = 0
  for (const file of await lessons(dir)) bytes += String(await processor.process(await readFile(file, 'utf8'))).length
  detail = { htmlBytes: bytes }
}
const wallMs = performance.now() - started
const usage = process.resourceUsage()
console.log(JSON.stringify({ wallMs, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMB: usage.maxRSS / 1024, ...detail }))

function cpuMs({ user, system }) {
  return (user + system) / 1000
}

/** Every file under `folder`, as a relative path with `/` separators. */
async function files(folder, prefix = '') {
  const found = []
  for (const entry of await readdir(path.join(folder, prefix), { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) found.push(...(await files(folder, name)))
    else found.push(name)
  }
  return found
}

async function lessons(folder) {
  const found = []
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) found.push(...(await lessons(full)))
    else if (entry.name.endsWith('.md') && !entry.name.endsWith('.quiz.md')) found.push(full)
  }
  return found
}
