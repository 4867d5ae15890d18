// One measured run, in a process of its own so that CPU time and peak RSS are its own.
//   node scripts/bench-child.js build <course> <out> [jobs]   the coursepack build
//   node scripts/bench-child.js floor <course>         the unified Markdown → HTML pass alone
//   node scripts/bench-child.js rebuild <course>       preview's rebuild after one lesson changed, against its first build
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { build } from '../lib/dev/build.js'
import { BuildCache } from '../lib/dev/cache/build-cache.js'

const [mode, dir, out, jobs] = process.argv.slice(2)
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
  const result = await build({ dir, out, ...(jobs ? { jobs: Number(jobs) } : {}) })
  if (!result.ok) throw new Error(`The benchmark course ${dir} does not build:\n${(await import('../lib/dev/diagnostics/report.js')).formatReport(result.files)}`)
  detail = { zipSize: result.packages[0].size, files: result.packages[0].files.length, pages: result.course.pages.length }
} else {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify)
  let bytes = 0
  for (const file of await lessons(dir)) bytes += String(await processor.process(await readFile(file, 'utf8'))).length
  detail = { htmlBytes: bytes }
}
const wallMs = performance.now() - started
const usage = process.resourceUsage()
console.log(JSON.stringify({ wallMs, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMB: usage.maxRSS / 1024, ...detail }))

async function lessons(folder) {
  const found = []
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) found.push(...(await lessons(full)))
    else if (entry.name.endsWith('.md') && !entry.name.endsWith('.quiz.md')) found.push(full)
  }
  return found
}
