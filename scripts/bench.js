// npm run bench: build synthetic courses (seeded, so every run builds the same
// ones) several times, and compare with the floor measured in the same run on
// the same files: the unified Markdown → HTML pass alone, plus `zip -r` of the
// built package. Prints a Markdown table of medians (min–max).
//   node scripts/bench.js [--sizes small,medium,large] [--runs 3] [--keep]
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir, cpus } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import JSZip from 'jszip'
import { seededRandom } from '../lib/shared/draw.js'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback)
const sizes = option('sizes', 'small,medium,large').split(',')
const runs = Number(option('runs', '3'))
const here = path.dirname(new URL(import.meta.url).pathname)

const shapes = {
  small: { lessons: 5, words: 300, quizzes: 2, questions: 5, mediaFiles: 0, mediaMB: 0 },
  medium: { lessons: 100, words: 1000, quizzes: 20, questions: 10, mediaFiles: 0, mediaMB: 0 },
  // 100 quizzes, not 200: a learner's saved state for 200 quizzes of 10 questions cannot fit
  // in SCORM 1.2's 4096 characters, and the build rightly refuses such a course (state-too-large).
  large: { lessons: 1000, words: 1000, quizzes: 100, questions: 10, mediaFiles: 20, mediaMB: 10 },
}

const vocabulary = 'treaty alliance moscow beijing credit railway industry experts split border socialist republic economy history agreement delegation interest defence military aid'.split(' ')

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
    await writeFile(
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
  const result = spawnSync('zip', ['-r', '-q', '-X', target, '.'], { cwd: folder })
  if (result.status !== 0) throw new Error(`zip -r failed: ${result.stderr}`)
  return performance.now() - started
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const spread = (values, digits = 0) => `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`

// One runtime bundle per target (lib/runtime/<target>.js), each shipped as the package's coursepack.js.
const runtimeDir = path.join(here, '..', 'lib', 'runtime')
const runtimes = await Promise.all(
  (await readdir(runtimeDir)).filter((name) => name.endsWith('.js')).sort().map(async (name) => ({ target: name.replace(/\.js$/, ''), bytes: await readFile(path.join(runtimeDir, name)) })),
)
const rows = []
const work = await mkdtemp(path.join(tmpdir(), 'coursepack-bench-'))
try {
  for (const name of sizes) {
    const shape = shapes[name]
    const root = path.join(work, name, 'course')
    await generate(name, shape, root)
    const builds = []
    const floors = []
    let unzipped
    for (let run = 0; run < runs; run++) {
      const out = path.join(work, name, `out-${run}`)
      builds.push(child('build', root, out))
      const markdown = child('floor', root)
      if (!unzipped) {
        unzipped = path.join(work, name, 'unzipped')
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
      const zipMs = timeZip(unzipped, path.join(work, name, `floor-${run}.zip`))
      floors.push({ markdownMs: markdown.wallMs, zipMs, wallMs: markdown.wallMs + zipMs })
      await rm(out, { recursive: true, force: true })
    }
    const rebuilds = name === 'large' ? [] : Array.from({ length: runs }, () => child('rebuild', root))
    const wall = builds.map((b) => b.wallMs)
    const floor = floors.map((f) => f.wallMs)
    rows.push({
      name,
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
        : 'not measured',
    })
    console.error(`${name}: done`)
  }
} finally {
  if (args.includes('--keep')) console.error(`Kept the courses in ${work}`)
  else await rm(work, { recursive: true, force: true })
}

console.log(`Benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}, ${runs} runs each; times in ms, medians (min–max).`)
console.log(`Runtime JS (coursepack.js): ${runtimes.map(({ target, bytes }) => `${target} ${(bytes.length / 1024).toFixed(1)} KB minified, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`).join('; ')}.\n`)
console.log('| course | lessons | build wall | build CPU | peak RSS (MB) | zip | files | largest page | floor wall (unified + zip -r) | build / floor | ms per lesson | preview rebuild after one lesson changed |')
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for (const row of rows) console.log(`| ${row.name} | ${row.lessons} | ${row.wall} | ${row.cpu} | ${row.rss} | ${row.zip} | ${row.files} | ${row.largestPage} | ${row.floor} | ${row.ratio}× | ${row.perLesson} | ${row.rebuild} |`)
