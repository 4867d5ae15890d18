import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { formatReport } from '../../src/diagnostics/report.js'
import { rules } from '../../src/diagnostics/rules.js'
import { validateManifest } from '../helpers/validate-manifest.js'

const corpus = path.resolve(import.meta.dirname, '../fixtures/invalid')
const cases = (await readdir(corpus)).sort()

/**
 * Each folder of tests/fixtures/invalid holds a small course (`course/`) and
 * the report coursepack must print for it (`expected.txt`, paths relative to
 * the folder). Regenerate with `npx vitest run -u` and review the diff.
 */
describe('the diagnostics corpus', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
  })

  it.each(cases)('%s', async (name) => {
    const dir = path.join(corpus, name)
    const checked = await build({ dir: path.join(dir, 'course') })
    const report = formatReport(checked.files, { cwd: dir })
    await expect(`${report}\n`).toMatchFileSnapshot(path.join(dir, 'expected.txt'))

    // `build` reports exactly what `check` does, and on errors writes nothing.
    const out = await mkdtemp(path.join(tmpdir(), 'coursepack-corpus-'))
    try {
      const built = await build({ dir: path.join(dir, 'course'), out })
      expect(formatReport(built.files, { cwd: dir })).toBe(report)
      expect(built.ok).toBe(checked.ok)
      expect((await readdir(out)).sort()).toEqual(built.ok ? [...(built.packages ?? []).map((entry) => path.basename(entry.path ?? '')), path.basename(built.setupCardPath ?? '')].sort() : [])
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })

  it('ends every case with exit 0 or 1 from the command line, without a stack trace (issue 11)', async () => {
    // One process runs the command line's main() on every case in turn: the same path as `coursepack check`, without a Node start per case.
    const cli = pathToFileURL(path.resolve(import.meta.dirname, '../../lib/cli.js')).href
    const script = `
      process.setMaxListeners(0)
      const { main } = await import(${JSON.stringify(cli)})
      const codes = {}
      for (const dir of ${JSON.stringify(cases.map((name) => path.join(corpus, name, 'course')))}) {
        process.exitCode = 0
        await main(['check', dir, '--quiet'])
        codes[dir] = process.exitCode
      }
      process.exitCode = 0
      console.log(JSON.stringify(codes))`
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 })
    const codes = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, number>
    expect(Object.keys(codes)).toHaveLength(cases.length)
    expect(Object.entries(codes).filter(([, code]) => code !== 0 && code !== 1)).toEqual([])
    expect(stderr).not.toMatch(/bug in coursepack|^\s+at .+:\d+:\d+\)?$/m)
  }, 120_000)

  it('covers every rule of the catalog', async () => {
    const reports = await Promise.all(cases.map((name) => readFile(path.join(corpus, name, 'expected.txt'), 'utf8').catch(() => '')))
    const seen = new Set(reports.flatMap((report) => [...report.matchAll(/\[([a-z-]+)\]$/gm)].map((match) => match[1])))
    // git keeps no read permissions (and root reads anything): this one is tested in read-source.test.ts.
    // Symbolic link loops, FIFOs and sockets are made at run time: course-folder.test.ts.
    // Files of several GiB too (sparse): package-size.test.ts.
    const elsewhere = ['unreadable-file', 'link-loop', 'special-file', 'package-too-large']
    expect(Object.keys(rules).filter((rule) => !seen.has(rule) && !elsewhere.includes(rule))).toEqual([])
  })
})

describe('input that must simply work', () => {
  it('reads BOMs, CRLF line ends, and file names with spaces, Unicode and & < >', async () => {
    const result = await build({ dir: path.resolve(import.meta.dirname, '../fixtures/courses/tolerant-input') })
    expect(formatReport(result.files)).toBe('')
    expect(result.course?.config.title).toBe('Tolerant input: BOM, CRLF, & <names>')
    const zip = await JSZip.loadAsync(result.packages![0]!.zip!)
    expect(Object.keys(zip.files).filter((name) => name.startsWith('assets/')).sort()).toEqual(['assets/images/my map.svg', 'assets/images/地图.svg'])
    const page = await zip.file('pages/a-lesson-with-spaces.html')!.async('string')
    expect(page).toContain('<h1>Spaces &amp; Unicode: 中苏</h1>')
    expect(page).toContain('src="../assets/images/%E5%9C%B0%E5%9B%BE.svg"')
    expect((await validateManifest(await zip.file('imsmanifest.xml')!.async('string'))).valid).toBe(true)
  })
})
