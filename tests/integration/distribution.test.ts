import { execFile, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { manifestHrefs, validateManifest, validateManifest2004 } from '../helpers/validate-manifest.js'

/**
 * coursepack as a teacher gets it: `npm pack` of this repository, installed
 * into a course repository of its own, with nothing else. Packing runs
 * `prepack` (a clean compile) in a copy of the sources, so that it never
 * rewrites the lib/ that the other tests are running. The install is
 * `--offline`: every dependency comes from the npm cache that `npm ci` of this
 * repository filled, at the versions this repository's package-lock.json
 * pins (the course repository starts from a lock file made of those
 * entries), so the test needs no network and proves that the tarball and
 * its declared dependencies are all that runs.
 */
const repo = path.resolve(import.meta.dirname, '../..')
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> }
/** Top-level folders of this repository that packing does not need. */
const notCopied = new Set(['.git', 'node_modules', 'lib', 'dist', 'coverage', 'tests', 'course', 'docs'])

interface Packed {
  readonly filename: string
  readonly size: number
  readonly unpackedSize: number
  readonly files: readonly { path: string; size: number }[]
}

let work: string
let packed: Packed
/** The teacher's course repository, with coursepack installed from the tarball. */
let project: string
const timings: Record<string, number> = {}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'coursepack-distribution-'))
  let started = performance.now()
  const source = path.join(work, 'source')
  await cp(repo, source, { recursive: true, filter: (from) => !notCopied.has(path.relative(repo, from).split(path.sep)[0]!) })
  await symlink(await realpath(path.join(repo, 'node_modules')), path.join(source, 'node_modules'), 'dir')
  packed = (JSON.parse((await npm(['pack', '--json', '--pack-destination', work], source)).stdout) as Packed[])[0]!
  timings.pack = performance.now() - started

  started = performance.now()
  project = path.join(work, 'history-course')
  await mkdir(project)
  await copyFile(path.join(work, packed.filename), path.join(project, packed.filename))
  await writeFile(path.join(project, 'package.json'), `${JSON.stringify({ name: 'history-course', private: true }, null, 2)}\n`)
  await writeFile(path.join(project, 'package-lock.json'), await lockedDependencies('history-course'))
  await npm(['install', '--offline', '--no-audit', '--no-fund', '--save-dev', `./${packed.filename}`], project)
  timings.install = performance.now() - started
}, 180_000)

afterAll(async () => {
  console.log(`distribution: ${Object.entries(timings).map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`).join(', ')}; tarball ${packed?.size} bytes, ${packed?.files.length} files`)
  if (work) await rm(work, { recursive: true, force: true })
})

describe('coursepack as an npm package', () => {
  it('packs what runs and nothing else: bin/, lib/, templates/, schemas/ with their notices, README, LICENSE', async () => {
    const paths = packed.files.map((file) => file.path)
    for (const name of paths) expect(name).toMatch(/^(bin|lib|templates|schemas)\/|^(package\.json|README\.md|LICENSE)$/)
    expect(paths.filter((name) => name.endsWith('.map') || name.endsWith('.ts'))).toEqual([])
    expect(paths).toEqual(expect.arrayContaining([
      'LICENSE',
      'README.md',
      'bin/coursepack.js',
      'lib/cli.js',
      'lib/runtime/scorm12.js',
      'lib/runtime/scorm2004.js',
      'lib/preview/panel.js',
      'schemas/scorm12/NOTICE.txt',
      'schemas/scorm2004/NOTICE.txt',
      'schemas/course.schema.json',
      'schemas/lesson.schema.json',
      'schemas/quiz.schema.json',
    ]))
    // Every template and every schema the SCORM packages ship, the starter course and the workflow among them.
    for (const folder of ['templates', 'schemas/scorm12', 'schemas/scorm2004']) {
      const files = (await readdir(path.join(repo, folder), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile())
      const names = files.map((entry) => path.relative(repo, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      expect(paths).toEqual(expect.arrayContaining(names))
    }
    // The Common Cartridge schemas only check the cartridges in the tests (270 KB): no cartridge carries them.
    expect(paths.filter((name) => name.startsWith('schemas/cc11/'))).toEqual([])
    const installed = JSON.parse(await readFile(path.join(project, 'node_modules/coursepack/package.json'), 'utf8')) as Record<string, unknown>
    expect(installed.private).toBeUndefined()
    expect(installed.engines).toEqual({ node: '>=20.19' })
    expect(Object.keys(installed.scripts as object)).not.toContain('prepare')
  })

  it('imports nothing at run time but Node\'s own modules and its dependencies', async () => {
    const lib = path.join(project, 'node_modules/coursepack/lib')
    const files = (await readdir(lib, { recursive: true })).filter((name) => name.endsWith('.js') && !name.startsWith(`runtime${path.sep}`) && name !== path.join('preview', 'panel.js'))
    const imported = new Set<string>()
    for (const name of files) {
      const text = await readFile(path.join(lib, name), 'utf8')
      // A specifier is a path or a package name: in the bundled code, `"from","global"` is a list of keywords.
      for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\(\s*|\.resolve\(\s*|^import\s+)['"]((?:\.{1,2}\/|node:|@?[a-z0-9])[^'"\s,]*)['"]/gm)) {
        const specifier = match[1]!
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue
        imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!)
      }
    }
    const outside = [...imported].filter((name) => !builtinModules.includes(name) && !(name in manifest.dependencies))
    expect(outside).toEqual([])
    // createRequire(…).resolve: the stand-in LMS and KaTeX's stylesheet and fonts.
    expect([...imported]).toEqual(expect.arrayContaining(['scorm-again', 'katex']))
  })

  it('installed in a course repository of its own, init and build make the same bytes as this repository\'s CLI', async () => {
    let started = performance.now()
    const init = await npx(['coursepack', 'init'], project)
    expect(init.stdout).toContain('Created a starter course in course.')
    // The schema that course.yml's first line names is in the installed package.
    const schemaLine = /^# yaml-language-server: \$schema=(.+)$/m.exec(await readFile(path.join(project, 'course/course.yml'), 'utf8'))
    expect(JSON.parse(await readFile(path.resolve(project, 'course', schemaLine![1]!), 'utf8')).title).toBe('coursepack course.yml')
    const scripts = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> }
    expect(scripts.scripts).toEqual({ build: 'coursepack build course', check: 'coursepack check course', preview: 'coursepack preview course' })
    expect(scripts.devDependencies).toEqual({ coursepack: `file:${packed.filename}` })
    expect(await readFile(path.join(project, '.gitignore'), 'utf8')).toContain('dist/\nnode_modules/\n')
    const workflow = parse(await readFile(path.join(project, '.github/workflows/course.yml'), 'utf8')) as { jobs: Record<string, unknown> }
    expect(Object.keys(workflow.jobs)).toEqual(['check', 'build'])

    expect((await npm(['run', 'check', '--', '--format', 'github'], project)).stdout).toContain('No errors in 3 pages.')
    expect((await npm(['run', 'build'], project)).stdout).toMatch(/→ dist\/my-first-course-1\.0-scorm12\.zip \(\d+ KB, \d+ files\)/)
    timings.initAndBuild = performance.now() - started

    started = performance.now()
    const zipPath = path.join(project, 'dist/my-first-course-1.0-scorm12.zip')
    const zip = await JSZip.loadAsync(await readFile(zipPath))
    const xml = await zip.file('imsmanifest.xml')!.async('string')
    expect(await validateManifest(xml)).toEqual({ valid: true, errors: [] })
    expect(manifestHrefs(xml).sort()).toEqual(Object.keys(zip.files).filter((name) => name !== 'imsmanifest.xml').sort())

    // The starter course, and this repository's example course (math, GIFT, images; both targets), built by each.
    await cp(path.join(repo, 'course'), path.join(project, 'example'), { recursive: true })
    await npx(['coursepack', 'build', 'example', '--out', 'dist-example', '--target', 'scorm12,scorm2004', '--quiet'], project)
    await run(process.execPath, [path.join(repo, 'bin/coursepack.js'), 'build', 'course', '--out', path.join(work, 'repo-dist'), '--quiet'], project)
    await run(process.execPath, [path.join(repo, 'bin/coursepack.js'), 'build', 'example', '--out', path.join(work, 'repo-dist-example'), '--target', 'scorm12,scorm2004', '--quiet'], project)
    await expectSameFiles(path.join(project, 'dist'), path.join(work, 'repo-dist'), ['my-first-course-1.0-scorm12.zip', 'my-first-course-LMS-SETUP.md'])
    await expectSameFiles(path.join(project, 'dist-example'), path.join(work, 'repo-dist-example'), [
      'sino-soviet-treaty-1950-1.0-scorm12.zip',
      'sino-soviet-treaty-1950-1.0-scorm2004.zip',
      'sino-soviet-treaty-1950-LMS-SETUP.md',
    ])
    const example2004 = await JSZip.loadAsync(await readFile(path.join(project, 'dist-example/sino-soviet-treaty-1950-1.0-scorm2004.zip')))
    expect(await validateManifest2004(await example2004.file('imsmanifest.xml')!.async('string'))).toEqual({ valid: true, errors: [] })
    timings.compare = performance.now() - started
  }, 120_000)

  it('previews the course in the stand-in LMS, scorm-again included, from the installed package', async () => {
    const child = spawn(process.execPath, [path.join(project, 'node_modules/coursepack/bin/coursepack.js'), 'preview', '--port', '0'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = ''
        child.stdout.on('data', (chunk: Buffer) => {
          output += String(chunk)
          const found = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
          if (found) resolve(found[1]!)
        })
        child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)))
        child.on('exit', (code) => reject(new Error(`preview stopped (${code}):\n${output}`)))
      })
      const get = async (name: string) => {
        const response = await fetch(new URL(name, url))
        expect({ name, status: response.status }).toEqual({ name, status: 200 })
        return response.text()
      }
      expect(await get('/')).toContain('<script src="/__coursepack/scorm-again.js"></script>')
      expect(await get('/__coursepack/scorm-again.js')).toBe(await readFile(path.join(project, 'node_modules/scorm-again/dist/scorm12.min.js'), 'utf8'))
      expect(await get('/__coursepack/panel.js')).not.toBe('')
      expect(await get('/course/index.html')).toContain('My first course')
    } finally {
      child.kill('SIGINT')
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve))
    }
  }, 60_000)
})

/** Each of `names` in folder `a` has the bytes of the same file in folder `b`, and there is nothing else. */
async function expectSameFiles(a: string, b: string, names: readonly string[]): Promise<void> {
  expect((await readdir(a)).sort()).toEqual([...names].sort())
  expect((await readdir(b)).sort()).toEqual([...names].sort())
  for (const name of names) {
    const [left, right] = await Promise.all([readFile(path.join(a, name)), readFile(path.join(b, name))])
    expect({ name, same: left.equals(right) }).toEqual({ name, same: true })
  }
}

/**
 * A package-lock.json for an empty project that locks the packages this
 * repository's lock installs at run time (not its dev tools), marked as
 * development dependencies: `npm install --save-dev <tarball>` then installs
 * exactly those, from the cache, where otherwise npm would ask the registry
 * for the newest versions of each.
 */
async function lockedDependencies(name: string): Promise<string> {
  const lock = JSON.parse(await readFile(path.join(repo, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> }
  const packages: Record<string, object> = { '': { name } }
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (location === '' || entry.dev || entry.devOptional) continue
    packages[location] = { ...entry, dev: true }
  }
  return `${JSON.stringify({ name, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`
}

async function npm(args: string[], cwd: string) {
  return run('npm', args, cwd)
}

async function npx(args: string[], cwd: string) {
  return run('npx', ['--offline', '--no', ...args], cwd)
}

/** Run a command; fail with what it printed, and for npm's cache misses with what to do. */
async function run(command: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  try {
    return await promisify(execFile)(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 })
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    const output = `${failed.stdout}\n${failed.stderr}`
    if (output.includes('ENOTCACHED')) {
      throw new Error(
        `npm could not install coursepack's dependencies from its cache, and this test never uses the network. The cache has them once \`npm ci\` has run in this repository: run it, then the tests again.\n\n${command} ${args.join(' ')} (in ${cwd}):\n${output}`,
      )
    }
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited with ${failed.code}:\n${output}`)
  }
}
