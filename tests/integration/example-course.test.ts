import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../../src/build.js'
import { validateManifest, validateManifest2004 } from '../helpers/validate-manifest.js'

const exampleCourse = path.resolve(import.meta.dirname, '../../course')
let out: string
let result: BuildResult
let zip: JSZip
let zip2004: JSZip

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'coursepack-example-'))
  result = await build({ dir: exampleCourse, out })
  zip = await JSZip.loadAsync(await readFile(result.packages?.[0]?.path ?? ''))
  zip2004 = await JSZip.loadAsync(await readFile(result.packages?.[1]?.path ?? ''))
})

afterAll(async () => {
  await rm(out, { recursive: true, force: true })
})

const text = (name: string) => zip.file(name)?.async('string') ?? Promise.reject(new Error(`No ${name} in the zip`))
const manifestHrefs = (xml: string): string[] => {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['file', 'resource'].includes(name) }).parse(xml)
  return parsed.manifest.resources.resource.flatMap((resource: { file: { '@href': string }[] }) =>
    resource.file.map((file) => decodeURIComponent(file['@href'])),
  )
}

describe('the example course', () => {
  it('builds without a problem into dist/<id>-<version>-scorm12.zip and -scorm2004.zip, as its course.yml asks', () => {
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([])
    expect(result.packages?.map((built) => path.basename(built.path ?? ''))).toEqual([
      'sino-soviet-treaty-1950-1.0-scorm12.zip',
      'sino-soviet-treaty-1950-1.0-scorm2004.zip',
    ])
  })

  it('has the SCORM 2004 manifest of its golden file, valid against the 2004 XSDs, listing every file', async () => {
    const xml = await zip2004.file('imsmanifest.xml')!.async('string')
    await expect(xml).toMatchFileSnapshot('../golden/example-course.scorm2004.imsmanifest.xml')
    expect(await validateManifest2004(xml)).toEqual({ valid: true, errors: [] })
    expect(manifestHrefs(xml).sort()).toEqual(Object.keys(zip2004.files).filter((name) => name !== 'imsmanifest.xml').sort())
  })

  it('ships each package with its own standard\'s runtime only, and the same pages', async () => {
    const runtime12 = await text('coursepack.js')
    const runtime2004 = await zip2004.file('coursepack.js')!.async('string')
    expect(runtime12).toContain('LMSInitialize')
    expect(runtime12).not.toContain('API_1484_11')
    expect(runtime2004).toContain('API_1484_11')
    expect(runtime2004).not.toContain('LMSInitialize')
    const pages = Object.keys(zip.files).filter((name) => name.endsWith('.html'))
    for (const page of pages) expect(await zip2004.file(page)!.async('string')).toBe(await text(page))
  })

  it('has the manifest of the golden file', async () => {
    await expect(await text('imsmanifest.xml')).toMatchFileSnapshot('../golden/example-course.imsmanifest.xml')
  })

  it('has a manifest valid against the SCORM 1.2 XSDs', async () => {
    expect(await validateManifest(await text('imsmanifest.xml'))).toEqual({ valid: true, errors: [] })
  })

  it('lists every file of the zip in the manifest, and every listed file is in the zip', async () => {
    const entries = Object.keys(zip.files).filter((name) => name !== 'imsmanifest.xml').sort()
    expect(manifestHrefs(await text('imsmanifest.xml')).sort()).toEqual(entries)
  })

  it('holds only the pages, the theme, the schemas and the files the pages use', async () => {
    const names = Object.keys(zip.files)
    expect(names.every((name) => !name.endsWith('/') && !name.includes('..') && !name.startsWith('/'))).toBe(true)
    const pages = result.course?.pages.map((page) => `pages/${page.id}.html`) ?? []
    const fixed = ['imsmanifest.xml', 'index.html', 'coursepack.css', 'coursepack.js', 'NOTICE.txt', 'adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd']
    const referenced = new Set<string>()
    for (const page of pages) {
      for (const match of (await text(page)).matchAll(/(?:src|href)="\.\.\/(assets\/[^"#?]+)/g)) referenced.add(decodeURIComponent(match[1]!))
    }
    expect(names.sort()).toEqual([...fixed, ...pages, ...referenced].sort())
    expect(referenced).toEqual(new Set(['assets/images/map.svg', 'assets/images/timeline.svg']))
  })

  it('has no broken relative link or image in any page', async () => {
    const broken: string[] = []
    for (const name of Object.keys(zip.files).filter((entry) => entry.endsWith('.html'))) {
      for (const match of (await text(name)).matchAll(/(?:src|href)="([^"]+)"/g)) {
        const url = match[1]!
        if (/^([a-z]+:|#|\/\/)/i.test(url)) continue
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(name), decodeURIComponent(url.split(/[?#]/)[0]!)))
        if (!zip.file(target)) broken.push(`${name} → ${url}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('uses every question type', () => {
    const kinds = new Set(result.course?.pages.flatMap((page) => (page.kind === 'quiz' ? page.questions.map((q) => q.kind) : [])))
    expect([...kinds].sort()).toEqual(['fill-in', 'likert', 'matching', 'multiple-response', 'numeric', 'sequencing', 'single-choice', 'true-false'])
  })

  it('gives a byte-identical zip when built again', async () => {
    const again = await build({ dir: exampleCourse })
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
    expect(sha(again.packages![0]!.zip!)).toBe(sha(await readFile(result.packages![0]!.path!)))
    expect(sha(again.packages![1]!.zip!)).toBe(sha(await readFile(result.packages![1]!.path!)))
  })
})
