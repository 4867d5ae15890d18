import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../../src/build.js'
import { checkMoodleBackup } from '../helpers/check-moodle-backup.js'
import { canvasReads } from '../helpers/cc-importers.js'
import { validateCcManifest, validateCcQti } from '../helpers/validate-cc.js'
import { manifestHrefs, validateManifest, validateManifest2004 } from '../helpers/validate-manifest.js'

const exampleCourse = path.resolve(import.meta.dirname, '../../course')
let out: string
let result: BuildResult
let zip: JSZip
let zip2004: JSZip
let cartridge: JSZip

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'coursepack-example-'))
  result = await build({ dir: exampleCourse, out })
  zip = await JSZip.loadAsync(await readFile(result.packages?.[0]?.path ?? ''))
  zip2004 = await JSZip.loadAsync(await readFile(result.packages?.[1]?.path ?? ''))
  cartridge = await JSZip.loadAsync(await readFile(result.packages?.[2]?.path ?? ''))
})

afterAll(async () => {
  await rm(out, { recursive: true, force: true })
})

const text = (name: string) => zip.file(name)?.async('string') ?? Promise.reject(new Error(`No ${name} in the zip`))

describe('the example course', () => {
  it('builds into dist/<id>-<version>-scorm12.zip, -scorm2004.zip, .imscc, -web.zip (with the folder <id>-web/) and .mbz, as its course.yml asks, with only the warnings of what the LMSs cannot import', () => {
    const problems = result.files.flatMap((file) => file.messages.map((message) => `${path.relative(exampleCourse, file.path)}:${message.line}:${message.column} ${message.ruleId}`))
    expect(problems).toEqual([
      '03-check-your-understanding.quiz.md:3:1 quiz-setting-lost-in-lms',
      '03-check-your-understanding.quiz.md:50:1 question-lost-in-lms',
      // Moodle's multiple choice has no all-or-nothing grading (docs/moodle-backup.md).
      '03-check-your-understanding.quiz.md:20:1 moodle-backup-differs',
      '06-final-quiz.quiz.md:79:1 question-lost-in-lms',
      '06-final-quiz.quiz.md:90:1 question-lost-in-lms',
      '06-final-quiz.quiz.md:30:1 moodle-backup-differs',
      '06-final-quiz.quiz.md:59:1 moodle-backup-differs',
    ])
    expect(result.files.flatMap((file) => file.messages).every((message) => message.fatal === false)).toBe(true)
    expect(result.packages?.map((built) => path.basename(built.path ?? ''))).toEqual([
      'sino-soviet-treaty-1950-1.0-scorm12.zip',
      'sino-soviet-treaty-1950-1.0-scorm2004.zip',
      'sino-soviet-treaty-1950-1.0.imscc',
      'sino-soviet-treaty-1950-1.0-web.zip',
      'sino-soviet-treaty-1950-1.0.mbz',
    ])
    expect(result.packages?.map((built) => (built.folder ? path.basename(built.folder) : null))).toEqual([null, null, null, 'sino-soviet-treaty-1950-web', null])
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
    expect(sha(again.packages![2]!.zip!)).toBe(sha(await readFile(result.packages![2]!.path!)))
    expect(sha(again.packages![3]!.zip!)).toBe(sha(await readFile(result.packages![3]!.path!)))
    expect(sha(again.packages![4]!.zip!)).toBe(sha(await readFile(result.packages![4]!.path!)))
  })

  it('writes the website\'s folder with the files of its zip, byte for byte, and nothing else', async () => {
    const website = result.packages![3]!
    const site = await JSZip.loadAsync(await readFile(website.path!))
    const inZip = Object.keys(site.files).filter((name) => !name.endsWith('/')).sort()
    const inFolder = (await readdir(website.folder!, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(website.folder!, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort()
    expect(inFolder).toEqual(inZip)
    for (const name of inZip) expect(Buffer.from(await readFile(path.join(website.folder!, name))).equals(await site.file(name)!.async('nodebuffer')), name).toBe(true)
    expect(inZip).not.toContain('imsmanifest.xml')
    expect(await readdir(out)).toEqual(['sino-soviet-treaty-1950-1.0-scorm12.zip', 'sino-soviet-treaty-1950-1.0-scorm2004.zip', 'sino-soviet-treaty-1950-1.0-web.zip', 'sino-soviet-treaty-1950-1.0.imscc', 'sino-soviet-treaty-1950-1.0.mbz', 'sino-soviet-treaty-1950-LMS-SETUP.md', 'sino-soviet-treaty-1950-web'].sort())
  })
})

describe('the example course as a Common Cartridge', () => {
  const cc = (name: string) => cartridge.file(name)?.async('string') ?? Promise.reject(new Error(`No ${name} in the cartridge`))
  const ccHrefs = (xml: string): string[] => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['file', 'resource'].includes(name) }).parse(xml)
    return parsed.manifest.resources.resource.flatMap((resource: { file: { '@href': string }[] }) => resource.file.map((file) => file['@href']))
  }

  it('has the manifest of its golden file, valid against the CC 1.1 XSDs', async () => {
    const xml = await cc('imsmanifest.xml')
    await expect(xml).toMatchFileSnapshot('../golden/example-course.imscc.imsmanifest.xml')
    expect(await validateCcManifest(xml)).toEqual({ valid: true, errors: [] })
  })

  it('lists every file of the cartridge once, as written (Moodle and Canvas read hrefs unescaped), and every listed file is in it', async () => {
    const listed = ccHrefs(await cc('imsmanifest.xml'))
    expect(new Set(listed).size).toBe(listed.length)
    expect(listed.sort()).toEqual(Object.keys(cartridge.files).filter((name) => name !== 'imsmanifest.xml').sort())
  })

  it('holds the lessons as pages, the stylesheet and images, the two quizzes and the question bank, Canvas\'s own export, and no schema', () => {
    expect(Object.keys(cartridge.files).sort()).toEqual([
      'RES-sino-soviet-treaty-1950-check-your-understanding/assessment.xml',
      'RES-sino-soviet-treaty-1950-check-your-understanding/assessment_meta.xml',
      'RES-sino-soviet-treaty-1950-final-quiz/assessment.xml',
      'RES-sino-soviet-treaty-1950-final-quiz/assessment_meta.xml',
      'RES-sino-soviet-treaty-1950-question-bank/bank.xml',
      'course_settings/assignment_groups.xml',
      'course_settings/canvas_export.txt',
      'course_settings/course_settings.xml',
      'course_settings/files_meta.xml',
      'course_settings/module_meta.xml',
      'imsmanifest.xml',
      'non_cc_assessments/RES-sino-soviet-treaty-1950-bank-treaty-terms.xml.qti',
      'non_cc_assessments/RES-sino-soviet-treaty-1950-check-your-understanding.xml.qti',
      'non_cc_assessments/RES-sino-soviet-treaty-1950-final-quiz.xml.qti',
      'web_resources/assets/images/map.svg',
      'web_resources/assets/images/timeline.svg',
      'web_resources/coursepack.css',
      'web_resources/pages/before-the-treaty.html',
      'web_resources/pages/building-with-soviet-help.html',
      'web_resources/pages/from-alliance-to-split-cracks.html',
      'web_resources/pages/from-alliance-to-split-the-split.html',
      'web_resources/pages/review-questions.html',
      'web_resources/pages/signing-in-moscow.html',
      'wiki_content/before-the-treaty.html',
      'wiki_content/building-with-soviet-help.html',
      'wiki_content/from-alliance-to-split-cracks.html',
      'wiki_content/from-alliance-to-split-the-split.html',
      'wiki_content/review-questions.html',
      'wiki_content/signing-in-moscow.html',
    ])
  })

  it('has every QTI file of the Common Cartridge parts valid against the CC 1.1 QTI profile, with zero errors', async () => {
    expect(await validateCcQti(await cc('RES-sino-soviet-treaty-1950-check-your-understanding/assessment.xml'))).toEqual({ valid: true, errors: [] })
    expect(await validateCcQti(await cc('RES-sino-soviet-treaty-1950-question-bank/bank.xml'), 'bank.xml')).toEqual({ valid: true, errors: [] })
    expect(await validateCcQti(await cc('RES-sino-soviet-treaty-1950-final-quiz/assessment.xml'))).toEqual({ valid: true, errors: [] })
  })

  it('gives Canvas all 12 questions of the final quiz, in Canvas\'s own types, as an assignment quiz with 3 attempts', async () => {
    const qti = await cc('non_cc_assessments/RES-sino-soviet-treaty-1950-final-quiz.xml.qti')
    expect(canvasReads(qti).map((question) => question.questionType)).toEqual([
      'multiple_choice_question',
      'multiple_choice_question',
      'multiple_answers_question',
      'true_false_question',
      'multiple_choice_question',
      'multiple_answers_question',
      'multiple_choice_question',
      'matching_question',
      'matching_question',
      'short_answer_question',
      'short_answer_question',
      'true_false_question',
    ])
    const meta = await cc('RES-sino-soviet-treaty-1950-final-quiz/assessment_meta.xml')
    expect(meta).toContain('<quiz_type>assignment</quiz_type>')
    expect(meta).toContain('<allowed_attempts>3</allowed_attempts>')
    expect(await cc('RES-sino-soviet-treaty-1950-check-your-understanding/assessment_meta.xml')).toContain('<quiz_type>practice_quiz</quiz_type>')
  })

  it('has lesson pages with no script, the course stylesheet, and relative links and images that are in the cartridge', async () => {
    for (const name of Object.keys(cartridge.files).filter((entry) => entry.startsWith('web_resources/') && entry.endsWith('.html'))) {
      const html = await cc(name)
      expect(html).not.toMatch(/<script/i)
      expect(html).toContain('<link rel="stylesheet" href="../coursepack.css">')
      for (const match of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
        const url = match[1]!
        if (/^([a-z]+:|#|\/\/)/i.test(url)) continue
        expect(cartridge.file(path.posix.normalize(path.posix.join(path.posix.dirname(name), url.split(/[?#]/)[0]!)))).not.toBeNull()
      }
    }
  })

})

describe('the example course as a Moodle backup', () => {
  it('passes the structural checks of a Moodle backup, with a page per lesson and both quizzes', async () => {
    const backup = await readFile(result.packages?.find((built) => built.target === 'moodle')?.path ?? '')
    expect(await checkMoodleBackup(backup)).toEqual([])
    const manifest = await (await JSZip.loadAsync(backup)).file('moodle_backup.xml')!.async('string')
    expect([...manifest.matchAll(/<directory>activities\/(\w+)_\d+<\/directory>/g)].map((match) => match[1])).toEqual(['page', 'page', 'quiz', 'page', 'page', 'page', 'quiz', 'page'])
  })
})
