// npm run bench: build synthetic courses (seeded, so every run builds the same
// ones) several times, and compare with the floor measured in the same run on
// the same files: the unified Markdown → HTML pass alone, plus `zip -r` of the
// built package (media stored, not deflated again). Prints a Markdown table of
// medians (min–max).
//   node scripts/bench.js [--sizes small,medium,large,real-medium,real-250,real-500,real-large,real-large@1] [--write example,real-large] [--runs 3] [--keep] [--startup-runs 15]
// (`--sizes ''` builds no course: the startup of the command line alone.)
// A name@N builds that course with --jobs N (default: coursepack's own choice).
// --write: the courses whose write stage is set beside JSZip alone and zip -r (`example` is the repository's course; none: skip).
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir, cpus } from 'node:os'
import path from 'node:path'
import { deflateSync, gzipSync } from 'node:zlib'
import { build as esbuild } from 'esbuild'
import JSZip from 'jszip'
import { seededRandom } from '../lib/dev/shared/draw.js'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback)
const sizes = option('sizes', 'small,medium,large,real-medium,real-250,real-500,real-large,real-large@1').split(',').filter((size) => size !== '')
const runs = Number(option('runs', '3'))
const here = path.dirname(new URL(import.meta.url).pathname)

/**
 * The first three are the shapes of earlier runs, kept to compare with. The
 * `real-` ones look like teaching material: each lesson has heading levels,
 * emphasis, inline code, links (most to other sites), bullet and numbered
 * lists, a table, a code block and a PNG image of its own (about 30 KB, as a
 * web-ready figure); the video is incompressible. real-250 and real-500 are
 * real-large cut short, to see memory as lessons grow.
 */
const shapes = {
  small: { lessons: 5, words: 300, quizzes: 2, questions: 5, mediaFiles: 0, mediaMB: 0 },
  medium: { lessons: 100, words: 1000, quizzes: 20, questions: 10, mediaFiles: 0, mediaMB: 0 },
  large: { lessons: 1000, words: 1000, quizzes: 100, questions: 10, mediaFiles: 20, mediaMB: 10 },
  'real-medium': { lessons: 100, words: 1000, quizzes: 20, questions: 10, mediaFiles: 2, mediaMB: 10, real: true },
  'real-250': { lessons: 250, words: 1000, quizzes: 25, questions: 10, mediaFiles: 5, mediaMB: 10, real: true },
  'real-500': { lessons: 500, words: 1000, quizzes: 50, questions: 10, mediaFiles: 10, mediaMB: 10, real: true },
  'real-large': { lessons: 1000, words: 1000, quizzes: 100, questions: 10, mediaFiles: 20, mediaMB: 10, real: true },
}

const vocabulary = 'treaty alliance moscow beijing credit railway industry experts split border socialist republic economy history agreement delegation interest defence military aid'.split(' ')

/** A PNG of random pixels (incompressible, like a photo saved for the web): about 30 KB at 128 × 80. */
function png(random, width = 128, height = 80) {
  const rows = Buffer.alloc((width * 3 + 1) * height)
  for (let index = 0; index < rows.length; index++) rows[index] = index % (width * 3 + 1) === 0 ? 0 : (random() * 256) >>> 0
  const chunk = (type, data) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

function crc32(bytes) {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1))
  }
  return (crc ^ 0xffffffff) >>> 0
}

/** A lesson shaped like teaching material: headings, emphasis, inline code, links, lists, a table, code, its own image. */
function realLesson(index, paragraphs, sentence, random) {
  const link = () => (random() < 0.8 ? `[${sentence(2)}](https://example.org/${sentence(1)}/${index})` : `[the lesson before](${String(Math.max(1, index)).padStart(4, '0')}-lesson-${Math.max(1, index)}.md)`)
  const rich = (text) => text.replace(/^(\w+) (\w+) (\w+)/, '**$1** *$2* `$3`') + ` See ${link()}.`
  const body = paragraphs.map(rich)
  return [
    `# Lesson ${index + 1}`,
    body.slice(0, 2).join('\n\n'),
    `## ${sentence(3)}`,
    body.slice(2, 4).join('\n\n'),
    `### ${sentence(2)}`,
    `- ${sentence(5)}\n- ${sentence(5)} ${link()}\n- ${sentence(5)}`,
    `1. ${sentence(4)}\n2. ${sentence(4)}\n3. ${sentence(4)}`,
    `| Year | Event | Source |\n| --- | --- | --- |\n| 1950 | ${sentence(4)} | ${link()} |\n| 1960 | ${sentence(4)} | ${link()} |`,
    '```python\nyear = 1950\nprint(year + 30)\n```',
    `![Figure ${index + 1}: ${sentence(3)}](images/figure-${index + 1}.png)`,
    `## ${sentence(3)}`,
    body.slice(4).join('\n\n'),
  ].join('\n\n')
}

async function generate(name, shape, root) {
  // Seeded: the same course every run.
  const random = seededRandom('coursepack-bench-1950')
  const word = () => vocabulary[Math.floor(random() * vocabulary.length)]
  const sentence = (length) => Array.from({ length }, word).join(' ')
  await mkdir(path.join(root, 'images'), { recursive: true })
  await mkdir(path.join(root, 'media'), { recursive: true })
  await writeFile(path.join(root, 'course.yml'), `title: Benchmark ${name}\nid: bench-${name}\npassingScore: 60\n`)
  await writeFile(path.join(root, 'images', 'figure.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n')
  for (let index = 0; index < shape.mediaFiles; index++) {
    // Incompressible, like real video.
    const bytes = Buffer.alloc(shape.mediaMB * 1024 * 1024)
    for (let offset = 0; offset < bytes.length; offset += 4) bytes.writeUInt32LE((random() * 0xffffffff) >>> 0, offset)
    await writeFile(path.join(root, 'media', `clip-${index}.mp4`), bytes)
  }
  const quizEvery = Math.max(1, Math.floor(shape.lessons / shape.quizzes))
  let quizzes = 0
  for (let index = 0; index < shape.lessons; index++) {
    const number = String(index + 1).padStart(4, '0')
    const paragraphs = []
    let words = 0
    while (words < shape.words) {
      const length = 40 + Math.floor(random() * 40)
      paragraphs.push(sentence(length) + '.')
      words += length
    }
    const media = shape.mediaFiles > 0 && index < shape.mediaFiles ? `\n![A clip](media/clip-${index}.mp4)\n` : ''
    if (shape.real) {
      await writeFile(path.join(root, 'images', `figure-${index + 1}.png`), png(random))
      await writeFile(path.join(root, `${number}-lesson-${index + 1}.md`), `${realLesson(index, paragraphs, sentence, random)}\n${media}`)
    } else await writeFile(
      path.join(root, `${number}-lesson-${index + 1}.md`),
      `---\ntitle: Lesson ${index + 1}\nobjectives:\n  - ${sentence(6)}\n---\n\n${paragraphs.slice(0, 3).join('\n\n')}\n\n## ${sentence(3)}\n\n- ${sentence(5)}\n- ${sentence(5)}\n- ${sentence(5)}\n\n| Year | Event |\n| --- | --- |\n| 1950 | ${sentence(4)} |\n| 1960 | ${sentence(4)} |\n\n\`\`\`python\nyear = 1950\nprint(year + 30)\n\`\`\`\n\n![A figure](images/figure.svg)\n${media}\n${paragraphs.slice(3).join('\n\n')}\n`,
    )
    if ((index + 1) % quizEvery === 0 && quizzes < shape.quizzes) {
      quizzes += 1
      const questions = Array.from({ length: shape.questions }, (_, q) => `## ${sentence(6)}?\n\n- [x] ${sentence(3)}\n- [ ] ${sentence(3)}\n- [ ] ${sentence(3)}\n\n> ${sentence(8)}.\n`)
      await writeFile(path.join(root, `${number}-quiz-${quizzes}.quiz.md`), `---\ntitle: Quiz ${quizzes}\n---\n\n${questions.join('\n')}`)
    }
  }
}

function child(...parameters) {
  const output = execFileSync(process.execPath, [path.join(here, 'bench-child.js'), ...parameters], { encoding: 'utf8', maxBuffer: 1 << 24 })
  return JSON.parse(output.trim().split('\n').pop())
}

function timeZip(folder, target) {
  const started = performance.now()
  // As coursepack does, compressed media are stored, not deflated again.
  const result = spawnSync('zip', ['-r', '-q', '-X', '-n', '.png:.jpg:.jpeg:.gif:.webp:.mp3:.mp4:.webm:.woff2', target, '.'], { cwd: folder })
  if (result.status !== 0) throw new Error(`zip -r failed: ${result.stderr}`)
  return performance.now() - started
}

/** The bytes each source module leaves in a target's runtime bundle, largest first (the bundle's own build, without terser). */
async function moduleSizes(target) {
  const result = await esbuild({ absWorkingDir: path.join(here, '..'), entryPoints: [`src/targets/${target}/runtime/main.ts`], bundle: true, write: false, minify: true, format: 'iife', target: 'es2020', metafile: true, logLevel: 'silent' })
  const [output] = Object.values(result.metafile.outputs)
  return Object.entries(output.inputs)
    .map(([file, { bytesInOutput }]) => ({ file: file.replace(/^src\//, ''), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
}

// The write stage (issue 21): coursepack's zip beside JSZip alone and `zip -r`, on the same files.

/**
 * For one course, `runs` times, each in a process of its own: the build of
 * its SCORM 1.2 package with the write stage timed (from the stage's start to
 * the end of the build: the zip, then the setup card), JSZip alone zipping
 * the same package's files (read into memory, then streamed to disk with the
 * same options), and `zip -r` of them (media stored). Medians, and ratios of
 * medians from this run.
 */
async function measureWriteStage(name, root, folder) {
  const builds = []
  const bare = []
  const info = []
  let unzipped
  for (let run = 0; run < runs; run++) {
    const out = path.join(folder, `write-out-${run}`)
    const built = child('build', root, out, '', 'scorm12')
    builds.push(built)
    if (!unzipped) {
      unzipped = path.join(folder, 'write-unzipped')
      await unzipTo(path.join(out, built.fileName), unzipped)
    }
    bare.push(child('jszip', unzipped, path.join(folder, `write-jszip-${run}.zip`)))
    info.push(timeZip(unzipped, path.join(folder, `write-zip-${run}.zip`)))
    await rm(out, { recursive: true, force: true })
  }
  const write = median(builds.map((b) => b.writeMs))
  return {
    name,
    files: builds[0].files,
    zip: `${(builds[0].zipSize / 1024 / 1024).toFixed(2)} MB`,
    write: spread(builds.map((b) => b.writeMs)),
    writeCpu: spread(builds.map((b) => b.writeCpuMs)),
    jszip: spread(bare.map((b) => b.wallMs)),
    jszipCpu: spread(bare.map((b) => b.zipCpuMs)),
    info: spread(info),
    toJszip: (write / median(bare.map((b) => b.wallMs))).toFixed(2),
    toInfo: (write / median(info)).toFixed(2),
    rss: spread(builds.map((b) => b.maxRssMB)),
    writeRss: `${median(builds.map((b) => b.writeRssStartMB)).toFixed(0)} → ${median(builds.map((b) => b.writeRssMostMB)).toFixed(0)}`,
    jszipRss: spread(bare.map((b) => b.maxRssMB)),
  }
}

async function unzipTo(zipPath, folder) {
  const zip = await JSZip.loadAsync(await readFile(zipPath))
  for (const [entryName, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue
    await mkdir(path.dirname(path.join(folder, entryName)), { recursive: true })
    await writeFile(path.join(folder, entryName), await entry.async('nodebuffer'))
  }
}

function printWriteStage(rows) {
  if (rows.length === 0) return
  console.log('')
  console.log('Write stage of the SCORM 1.2 package beside JSZip alone and zip -r on the same files (media stored); ms, medians (min–max). CPU: the process time during the stage (JSZip alone: reading the files and zipping them).')
  console.log('')
  console.log('| course | files | zip | write stage | its CPU | JSZip alone | its CPU | zip -r | write / JSZip | write / zip -r | RSS in the write stage, at its start → most (MB) | build peak RSS (MB) | JSZip alone peak RSS (MB) |')
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const row of rows) console.log(`| ${row.name} | ${row.files} | ${row.zip} | ${row.write} | ${row.writeCpu} | ${row.jszip} | ${row.jszipCpu} | ${row.info} | ${row.toJszip}× | ${row.toInfo}× | ${row.writeRss} | ${row.rss} | ${row.jszipRss} |`)
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const spread = (values, digits = 0) => `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`

// One runtime bundle per target (lib/runtime/<target>.js), each shipped as the package's coursepack.js.
const runtimeDir = path.join(here, '..', 'lib', 'runtime')
const runtimes = await Promise.all(
  (await readdir(runtimeDir)).filter((name) => name.endsWith('.js')).sort().map(async (name) => ({ target: name.replace(/\.js$/, ''), bytes: await readFile(path.join(runtimeDir, name)) })),
)
const rows = []
const writeRows = []
const writeCourses = option('write', 'example,real-large').split(',').filter((name) => name && name !== 'none')
const generated = new Set()
const work = await mkdtemp(path.join(tmpdir(), 'coursepack-bench-'))
try {
  for (const size of sizes) {
    const [name, jobs] = size.split('@')
    const shape = shapes[name]
    const root = path.join(work, name, 'course')
    // A course built again with other --jobs is the same course, generated once.
    if (!generated.has(name)) await generate(name, shape, root)
    generated.add(name)
    const jobsArgs = jobs ? [jobs] : []
    const builds = []
    const floors = []
    let unzipped
    for (let run = 0; run < runs; run++) {
      const out = path.join(work, name, `out-${run}`)
      builds.push(child('build', root, out, ...jobsArgs))
      const markdown = child('floor', root)
      if (!unzipped) {
        unzipped = path.join(work, name, `unzipped-${size}`)
        const zip = await JSZip.loadAsync(await readFile(path.join(out, `bench-${name}-1.0-scorm12.zip`)))
        let largestPage = 0
        for (const [entryName, entry] of Object.entries(zip.files)) {
          const bytes = await entry.async('nodebuffer')
          if (entryName.startsWith('pages/')) largestPage = Math.max(largestPage, bytes.length)
          await mkdir(path.dirname(path.join(unzipped, entryName)), { recursive: true })
          await writeFile(path.join(unzipped, entryName), bytes)
        }
        builds.largestPage = largestPage
      }
      const zipMs = timeZip(unzipped, path.join(work, name, `floor-${size}-${run}.zip`))
      floors.push({ markdownMs: markdown.wallMs, zipMs, wallMs: markdown.wallMs + zipMs })
      await rm(out, { recursive: true, force: true })
    }
    // The preview builds in one thread whatever --jobs: its rebuild is measured once per course.
    const rebuilds = jobs ? [] : Array.from({ length: runs }, () => child('rebuild', root))
    const wall = builds.map((b) => b.wallMs)
    const floor = floors.map((f) => f.wallMs)
    rows.push({
      name: jobs ? `${name}, --jobs ${jobs}` : name,
      lessons: shape.lessons,
      wall: spread(wall),
      cpu: spread(builds.map((b) => b.cpuMs)),
      rss: spread(builds.map((b) => b.maxRssMB)),
      zip: `${(builds[0].zipSize / 1024 / 1024).toFixed(2)} MB`,
      files: builds[0].files,
      largestPage: `${(builds.largestPage / 1024).toFixed(1)} KB`,
      floor: `${spread(floor)} (md ${median(floors.map((f) => f.markdownMs)).toFixed(0)} + zip ${median(floors.map((f) => f.zipMs)).toFixed(0)})`,
      ratio: (median(wall) / median(floor)).toFixed(2),
      perLesson: (median(wall) / shape.lessons).toFixed(1),
      rebuild: rebuilds.length
        ? `${spread(rebuilds.map((r) => r.warmMs))} of ${median(rebuilds.map((r) => r.coldMs)).toFixed(0)} (${((median(rebuilds.map((r) => r.warmMs)) / median(rebuilds.map((r) => r.coldMs))) * 100).toFixed(0)}%)`
        : jobs ? 'as above (the preview builds in one thread)' : 'not measured',
    })
    console.error(`${size}: done`)
  }
  for (const name of writeCourses) {
    const root = name === 'example' ? path.join(here, '..', 'course') : path.join(work, name, 'course')
    if (name !== 'example' && !generated.has(name)) await generate(name, shapes[name], root)
    generated.add(name)
    await mkdir(path.join(work, name), { recursive: true })
    writeRows.push(await measureWriteStage(name, root, path.join(work, name)))
    console.error(`write stage of ${name}: done`)
  }
} finally {
  if (args.includes('--keep')) console.error(`Kept the courses in ${work}`)
  else await rm(work, { recursive: true, force: true })
}

console.log(`Benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}, ${runs} runs each; times in ms, medians (min–max).`)
console.log(`Runtime JS (coursepack.js): ${runtimes.map(({ target, bytes }) => `${target} ${(bytes.length / 1024).toFixed(1)} KB minified, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`).join('; ')}.`)
for (const { target } of runtimes) console.log(`  ${target}, what is heavy (KB each module leaves in the bundle, esbuild-minified before terser): ${(await moduleSizes(target)).slice(0, 12).map(({ file, bytes }) => `${file} ${(bytes / 1024).toFixed(1)}`).join(', ')}.`)
console.log('')
console.log('| course | lessons | build wall | build CPU | peak RSS (MB) | zip | files | largest page | floor wall (unified + zip -r) | build / floor | ms per lesson | preview rebuild after one lesson changed |')
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for (const row of rows) console.log(`| ${row.name} | ${row.lessons} | ${row.wall} | ${row.cpu} | ${row.rss} | ${row.zip} | ${row.files} | ${row.largestPage} | ${row.floor} | ${row.ratio}× | ${row.perLesson} | ${row.rebuild} |`)

printWriteStage(writeRows)

await printStartup(Number(option('startup-runs', '15')))

/**
 * How soon the command line answers, beside a bare `node -e ''` timed in the same rounds
 * (each round runs every command once, so a busy machine slows them all alike):
 * `--version` and `--help`, which load next to nothing, and `check` of the example
 * course, which editors, hooks and CI run again and again. Whole processes, as a shell runs them.
 */
async function printStartup(rounds) {
  const root = path.join(here, '..')
  const bin = path.join(root, 'bin', 'coursepack.js')
  const commands = [
    { name: "bare Node.js (`node -e ''`)", args: ['-e', ''], expect: '' },
    { name: 'coursepack --version', args: [bin, '--version'], expect: JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')).version },
    { name: 'coursepack --help', args: [bin, '--help'], expect: 'Usage: coursepack' },
    { name: 'coursepack check course (the example course)', args: [bin, 'check', 'course'], expect: 'No errors in' },
  ]
  const times = commands.map(() => [])
  // One round first, not counted: the files into the disk cache.
  for (let round = -1; round < rounds; round++) {
    for (const [index, { name, args, expect }] of commands.entries()) {
      const started = performance.now()
      const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' })
      const ms = performance.now() - started
      if (result.status !== 0 || !result.stdout.includes(expect)) throw new Error(`bench: ${name} failed (${result.status}):\n${result.stdout}${result.stderr}`)
      if (round >= 0) times[index].push(ms)
    }
  }
  const bare = median(times[0])
  console.log('')
  console.log(`Startup, ${rounds} rounds; ms, medians (min–max), and the median over bare Node.js's.`)
  console.log('')
  console.log('| command | wall | × bare Node.js |')
  console.log('| --- | --- | --- |')
  for (const [index, { name }] of commands.entries()) console.log(`| ${name} | ${spread(times[index])} | ${(median(times[index]) / bare).toFixed(1)}× |`)
}
