import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../../src/build.js'
import { cc } from '../../src/targets/cc/index.js'
import { kindsTable } from '../../src/targets/cc/setup-card.js'
import { buildCourse, packagePaths, packageText } from '../helpers/course-fixture.js'
import { validateCcManifest } from '../helpers/validate-cc.js'

/** The cartridge's layout and manifest (docs/reference/common-cartridge-notes.md §1), on tests/fixtures/courses/cartridge. */
const fixture = path.resolve(import.meta.dirname, '../fixtures/courses/cartridge')
let result: BuildResult
let manifest: string

type Item = { '@identifier': string; '@identifierref'?: string; title?: string; item?: Item[] }
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'resource', 'file', 'dependency'].includes(name) }).parse(xml).manifest as {
    '@version'?: string
    organizations: { organization: { '@structure': string; item: Item[] } }
    resources: { resource: { '@identifier': string; '@type': string; '@href'?: string; file: { '@href': string }[]; dependency?: { '@identifierref': string }[] }[] }
  }

beforeAll(async () => {
  result = await build({ dir: fixture, targets: ['cc'], zip: false })
  manifest = packageText(result, 'imsmanifest.xml')
})

describe('the cc target', () => {
  it('names the cartridge <id>-<version>.imscc', () => {
    expect(result.packages?.map((built) => built.fileName)).toEqual(['cartridge-test-1.0.imscc'])
    expect(cc.name).toBe('cc')
  })

  it('writes a manifest valid against the CC 1.1 XSDs', async () => {
    expect(await validateCcManifest(manifest)).toEqual({ valid: true, errors: [] })
  })

  it('puts the CC 1.1 namespace as the default one in the first 1024 bytes, where Moodle looks for it, and no version attribute', () => {
    const head = manifest.slice(0, 1024).toLowerCase().replace(/\s/g, '').replace(/["']/g, '')
    expect(head).toContain('xmlns=http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1')
    expect(parse(manifest)['@version']).toBeUndefined()
    expect(manifest).toMatch(/<schema>IMS Common Cartridge<\/schema>\s*<schemaversion>1\.1\.0<\/schemaversion>/)
  })

  it('keeps the namespace in the first 1024 bytes whatever the course id', async () => {
    const long = await buildCourse({ 'course.yml': `title: Long\nid: ${'a'.repeat(1200)}\ntargets: [cc]\n`, '01-a.md': '# A\n\nText.\n' })
    const head = packageText(long, 'imsmanifest.xml').slice(0, 1024).replace(/["']/g, '')
    expect(head).toContain('xmlns=http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1')
  })

  it('makes the outline the organization: a root without a title, modules below it, pages only under a module', () => {
    const root = parse(manifest).organizations.organization.item[0]!
    expect(root.title).toBeUndefined()
    expect(root['@identifierref']).toBeUndefined()
    const tree = (item: Item): unknown => (item.item ? { [item.title ?? '']: item.item.map(tree) } : item.title)
    expect(root.item!.map(tree)).toEqual([
      { 'Cartridge test: <links> & kinds': ['The first lesson'] },
      { Module: ['The second lesson'] },
      { 'Cartridge test: <links> & kinds': ['Every kind'] },
    ])
    for (const module of root.item!) expect(module['@identifierref']).toBeUndefined()
  })

  it('points every identifierref at a resource (libxml2 does not check IDREFs), and each lesson and quiz depends on the files it uses', () => {
    const parsed = parse(manifest)
    const ids = new Set(parsed.resources.resource.map((resource) => resource['@identifier']))
    const refs = (item: Item): string[] => [...(item['@identifierref'] ? [item['@identifierref']] : []), ...(item.item ?? []).flatMap(refs)]
    for (const ref of refs(parsed.organizations.organization.item[0]!)) expect(ids).toContain(ref)
    for (const resource of parsed.resources.resource) for (const dependency of resource.dependency ?? []) expect(ids).toContain(dependency['@identifierref'])
    // The Common Cartridge parts; Canvas's own resources (tests/unit/canvas-export.test.ts) come after them.
    const types = parsed.resources.resource.map((resource) => [resource['@type'], resource['@href'] ?? null, resource.file.length, resource.dependency?.length ?? 0])
    expect(types.filter(([type, href]) => type !== 'associatedcontent/imscc_xmlv1p1/learning-application-resource' && !String(href).startsWith('wiki_content/'))).toEqual([
      ['webcontent', 'web_resources/pages/first.html', 1, 2], // the stylesheets, and the image it shows
      ['webcontent', 'web_resources/pages/module-second.html', 1, 2],
      ['imsqti_xmlv1p2/imscc_xmlv1p1/assessment', null, 1, 3], // the stylesheets, an image, and Canvas's copy of the quiz
      ['imsqti_xmlv1p2/imscc_xmlv1p1/question-bank', null, 1, 1],
      ['webcontent', null, 22, 0], // the stylesheet, KaTeX's stylesheet and 20 fonts, which Canvas does not import
      ['webcontent', 'web_resources/assets/images/sketch map.svg', 1, 0], // each course file a resource of its own, which Canvas imports
      ['webcontent', 'web_resources/assets/images/timeline.svg', 1, 0],
    ])
  })

  it('lists every file once, unescaped, and ships no schema', () => {
    const listed = parse(manifest).resources.resource.flatMap((resource) => resource.file.map((file) => file['@href']))
    expect(listed.sort()).toEqual(packagePaths(result).filter((name) => name !== 'imsmanifest.xml').sort())
    expect(listed).toContain('web_resources/assets/images/sketch map.svg')
    expect(listed.some((name) => name.endsWith('.xsd'))).toBe(false)
  })

  it('leaves out of the Common Cartridge parts a quiz none of whose questions Moodle can restore (Canvas gets it from its own files)', () => {
    expect(manifest).not.toContain('<title>Only matching</title>')
    expect(packagePaths(result)).not.toContain('RES-cartridge-test-matching-only/assessment.xml')
    expect(packagePaths(result)).toContain('non_cc_assessments/RES-cartridge-test-matching-only.xml.qti')
  })

  it('writes each lesson as a page of its own: no script, the stylesheet (and KaTeX\'s for math), its title, time and objectives', () => {
    const first = packageText(result, 'web_resources/pages/first.html')
    expect(first).not.toMatch(/<script/i)
    expect(first).toContain('<link rel="stylesheet" href="../coursepack.css">\n<link rel="stylesheet" href="../katex/katex.min.css">')
    expect(first).toContain('<h1>The first lesson</h1>')
    expect(first).toContain('<p class="cp-page-header__meta">Time: 5 min</p>')
    expect(first).toContain('<li>follow a link to the next lesson</li>')
    expect(packageText(result, 'web_resources/pages/module-second.html')).not.toContain('katex.min.css')
    expect(packagePaths(result)).toContain('web_resources/katex/katex.min.css')
  })

  it('keeps links between lessons as relative links, writes file paths unescaped for Moodle, and makes a link to a quiz its text', () => {
    const first = packageText(result, 'web_resources/pages/first.html')
    expect(first).toContain('<a href="module-second.html#details">the second lesson</a>')
    expect(first).toContain('src="../assets/images/sketch map.svg"')
    expect(first).toContain(' and\nthe quiz when you are ready.')
    expect(packageText(result, 'web_resources/pages/module-second.html')).toContain('<a href="first.html">the first lesson</a>')
  })

  it('gives the same files when built again', async () => {
    const again = await build({ dir: fixture, targets: ['cc'], zip: false })
    const texts = (built: BuildResult) => built.packages![0]!.files.map((file) => [file.path, file.data ? new TextDecoder().decode(file.data) : file.source])
    expect(texts(again)).toEqual(texts(result))
  })

  it('writes no question bank when no quiz includes one, and no shared-files resource when nothing is shared', async () => {
    const plain = await buildCourse({ 'course.yml': 'title: Plain\ntargets: [cc]\n', '01-q.quiz.md': '# Q\n\n## One?\n\n- [x] Yes\n- [ ] No\n' })
    const xml = packageText(plain, 'imsmanifest.xml')
    expect(xml).not.toContain('question-bank')
    expect(await validateCcManifest(xml)).toEqual({ valid: true, errors: [] })
  })

  it('adds a Common Cartridge part to the setup card: how to import in Canvas and Moodle, and what each keeps', () => {
    const card = cc.setupCard(result.course!, 'cartridge-test-1.0.imscc')
    expect(card).toMatch(/^## IMS Common Cartridge 1\.1: `cartridge-test-1\.0\.imscc`/)
    expect(card).toContain('**More → Course reuse → Restore**')
    expect(card).toContain('| Matching | **Left out** | Matching, with the extra choices |')
    expect(card).toContain('Left out for Moodle, because it can restore none of their questions and a quiz without one stops its whole restore (Canvas gets them): Only matching.')
    expect(card).toContain('Content Type **Canvas Course Export Package**')
    expect(card).toContain('Not imported (Canvas has no such question), to add by hand if you need them: Every kind: "How sure are you?" (likert).')
    expect(card).toContain('The first lesson → The second lesson')
    expect(card).toContain('Every kind: "Which city?" 2')
  })

  it('shows the same table of question kinds in the setup card and docs/targets.md', async () => {
    expect(await readFile(path.resolve(import.meta.dirname, '../../docs/targets.md'), 'utf8')).toContain(kindsTable)
  })
})
