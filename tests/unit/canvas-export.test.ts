import path from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../../src/build.js'
import { canvasHtml } from '../../src/targets/cc/canvas/html.js'
import { canvasReads, qtiItems } from '../helpers/cc-importers.js'
import { buildCourse, packagePaths, packageText, problemsOf } from '../helpers/course-fixture.js'

/**
 * Canvas's own course export inside the cartridge (docs/reference/canvas-export-notes.md),
 * checked for its structure the way Canvas's converter reads it
 * (lib/cc/importer/canvas/*.rb): every file well-formed, every identifier
 * it names present, module items pointing at real Pages and quizzes, and
 * the quizzes' settings as the course says. Canvas's own converter was run
 * on these cartridges by hand (the README of the Canvas import harness).
 */
const fixture = path.resolve(import.meta.dirname, '../fixtures/courses/cartridge')
let result: BuildResult

type Node = Record<string, unknown>
const arrays = new Set(['module', 'item', 'completionRequirement', 'assignmentGroup', 'resource', 'file', 'folder', 'dependency'])
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => arrays.has(name) }).parse(xml) as Node
const text = (name: string, built = result) => packageText(built, name)

beforeAll(async () => {
  result = await build({ dir: fixture, targets: ['cc'], zip: false })
})

/** The Pages: file → the migration id in its `<meta name="identifier">`. */
function pages(built: BuildResult): Map<string, string> {
  return new Map(
    packagePaths(built)
      .filter((name) => name.startsWith('wiki_content/'))
      .map((name) => [name, /<meta name="identifier" content="([^"]+)"\/>/.exec(text(name, built))?.[1] ?? '']),
  )
}

/** The quizzes: assessment ident → its `assessment_meta.xml`, parsed. */
function quizzes(built: BuildResult): Map<string, Node> {
  return new Map(
    packagePaths(built)
      .filter((name) => name.startsWith('non_cc_assessments/') && text(name, built).includes('<assessment '))
      .map((name) => {
        const ident = /<assessment ident="([^"]+)"/.exec(text(name, built))![1]!
        return [ident, parse(text(`${ident}/assessment_meta.xml`, built)).quiz as Node]
      }),
  )
}

describe("Canvas's files in the cartridge", () => {
  it('marks the cartridge as a Canvas export: a resource whose href is course_settings/canvas_export.txt, listing the settings files', () => {
    const resources = (parse(text('imsmanifest.xml')).manifest as { resources: { resource: Node[] } }).resources.resource
    const flag = resources.find((resource) => resource['@href'] === 'course_settings/canvas_export.txt')!
    expect(flag['@type']).toBe('associatedcontent/imscc_xmlv1p1/learning-application-resource')
    expect((flag.file as Node[]).map((file) => file['@href']).sort()).toEqual(
      ['assignment_groups.xml', 'canvas_export.txt', 'course_settings.xml', 'files_meta.xml', 'module_meta.xml'].map((name) => `course_settings/${name}`),
    )
  })

  it('writes every XML file of Canvas well-formed, and lists every file of the package in the manifest', () => {
    const canvasFiles = packagePaths(result).filter((name) => (/^(course_settings|non_cc_assessments)\/|assessment_meta\.xml$/.test(name) && name.endsWith('.xml')) || name.endsWith('.qti'))
    expect(canvasFiles.length).toBeGreaterThan(6)
    for (const name of canvasFiles) expect([name, XMLValidator.validate(text(name))]).toEqual([name, true])
    const listed = (parse(text('imsmanifest.xml')).manifest as { resources: { resource: Node[] } }).resources.resource.flatMap((resource) => (resource.file as Node[]).map((file) => file['@href']))
    expect(listed.sort()).toEqual(packagePaths(result).filter((name) => name !== 'imsmanifest.xml').sort())
  })

  it('makes each lesson a Page whose migration id is its manifest resource, titled, published', () => {
    const found = pages(result)
    expect([...found.keys()].sort()).toEqual(['wiki_content/first.html', 'wiki_content/module-second.html'])
    const resources = (parse(text('imsmanifest.xml')).manifest as { resources: { resource: Node[] } }).resources.resource
    for (const [name, ident] of found) {
      expect(resources.find((resource) => resource['@identifier'] === ident)).toMatchObject({ '@type': 'webcontent', '@href': name })
      expect(text(name)).toContain('<meta name="workflow_state" content="active"/>')
    }
    expect(text('wiki_content/first.html')).toContain('<title>The first lesson</title>')
  })

  it('makes module items point at real Pages and quizzes, with the requirements of each', () => {
    const pageIds = new Set(pages(result).values())
    const quizIds = new Set(quizzes(result).keys())
    const modules = (parse(text('course_settings/module_meta.xml')).modules as { module: Node[] }).module
    expect(modules.map((module) => module.title)).toEqual(['Cartridge test: <links> & kinds', 'Module', 'Cartridge test: <links> & kinds'])
    const items = modules.flatMap((module) => (module.items as { item: Node[] }).item)
    expect(items.map((item) => [item.content_type, item.title])).toEqual([
      ['WikiPage', 'The first lesson'],
      ['WikiPage', 'The second lesson'],
      ['Quizzes::Quiz', 'Every kind'],
      ['Quizzes::Quiz', 'Only matching'],
    ])
    for (const item of items) expect(item.content_type === 'WikiPage' ? pageIds : quizIds).toContain(item.identifierref)
    for (const module of modules) {
      expect(module.require_sequential_progress).toBe('false')
      const ids = new Set((module.items as { item: Node[] }).item.map((item) => item['@identifier']))
      for (const requirement of (module.completionRequirements as { completionRequirement: Node[] }).completionRequirement) expect(ids).toContain(requirement.identifierref)
    }
    const requirements = modules.flatMap((module) => (module.completionRequirements as { completionRequirement: Node[] }).completionRequirement.map((requirement) => requirement['@type']))
    expect(requirements).toEqual(['must_view', 'must_view', 'must_submit', 'must_submit'])
  })

  it('writes each quiz\'s settings: a graded quiz an assignment in a group, its attempts, the attempt kept, shuffling, its points', () => {
    const meta = quizzes(result).get('RES-cartridge-test-quiz')!
    expect(meta).toMatchObject({ title: 'Every kind', quiz_type: 'assignment', allowed_attempts: '2', scoring_policy: 'keep_latest', shuffle_answers: 'true', available: 'true', points_possible: '13' })
    const groups = (parse(text('course_settings/assignment_groups.xml')).assignmentGroups as { assignmentGroup: Node[] }).assignmentGroup
    expect(groups.map((group) => group['@identifier'])).toContain(meta.assignment_group_identifierref)
    expect((meta.assignment as Node).assignment_group_identifierref).toBe(meta.assignment_group_identifierref)
    expect(meta.assignment).toMatchObject({ submission_types: 'online_quiz', points_possible: '13', quiz_identifierref: 'RES-cartridge-test-quiz', workflow_state: 'published' })
    // The quiz introduction, with its link to a lesson as a Page link.
    expect(String(meta.description)).toContain('$WIKI_REFERENCE$/pages/first')
  })

  it('weights the graded quizzes as the course score does: a group each, in percent, when they differ in points', () => {
    expect(parse(text('course_settings/course_settings.xml')).course).toMatchObject({ group_weighting_scheme: 'percent', course_code: 'cartridge-test' })
    const groups = (parse(text('course_settings/assignment_groups.xml')).assignmentGroups as { assignmentGroup: Node[] }).assignmentGroup
    expect(groups.map((group) => [group.title, group.group_weight])).toEqual([
      ['Every kind', '50'],
      ['Only matching', '50'],
    ])
  })

  it('writes every kind Canvas takes in Canvas\'s QTI, a bank\'s question naming its bank question, and the GIFT bank as a Canvas bank', () => {
    const quiz = text('non_cc_assessments/RES-cartridge-test-quiz.xml.qti')
    expect(canvasReads(quiz).map((question) => question.questionType)).toEqual([
      'multiple_choice_question',
      'multiple_answers_question',
      'true_false_question',
      'short_answer_question',
      'short_answer_question',
      'numerical_question',
      'short_answer_question',
      'matching_question',
      'matching_question',
      'multiple_choice_question',
      'numerical_question',
      'true_false_question',
    ])
    const bank = text('non_cc_assessments/RES-cartridge-test-bank-terms.xml.qti')
    const bankIds = new Set(qtiItems(bank).map((item) => item['@_ident']))
    const refs = [...quiz.matchAll(/<fieldlabel>assessment_question_identifierref<\/fieldlabel>\s*<fieldentry>([^<]+)<\/fieldentry>/g)].map((match) => match[1])
    expect(refs).toHaveLength(3)
    for (const ref of refs) expect(bankIds).toContain(ref)
  })

  it('rewrites links as Canvas\'s references, each to something in the cartridge: files, Pages, quizzes', () => {
    const pageUrls = new Set([...pages(result).keys()].map((name) => path.posix.basename(name, '.html')))
    const quizIds = new Set(quizzes(result).keys())
    const fileHrefs = new Set(
      (parse(text('imsmanifest.xml')).manifest as { resources: { resource: Node[] } }).resources.resource.flatMap((resource) =>
        resource['@type'] === 'webcontent' && String(resource['@href'] ?? '').startsWith('web_resources/') ? [String(resource['@href']).slice('web_resources/'.length)] : [],
      ),
    )
    const first = text('wiki_content/first.html')
    expect(first).toContain('<a href="$WIKI_REFERENCE$/pages/module-second#details">the second lesson</a>')
    expect(first).toContain('<a href="$CANVAS_OBJECT_REFERENCE$/quizzes/RES-cartridge-test-quiz">the quiz</a>')
    const sources = [...pages(result).keys(), 'non_cc_assessments/RES-cartridge-test-quiz.xml.qti', 'RES-cartridge-test-quiz/assessment_meta.xml'].map((name) => text(name).replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    let checked = 0
    for (const source of sources) {
      for (const [, token, target] of source.matchAll(/"\$(WIKI_REFERENCE|CANVAS_OBJECT_REFERENCE|IMS-CC-FILEBASE)\$\/([^"#]*)/g)) {
        checked++
        if (token === 'WIKI_REFERENCE') expect(pageUrls).toContain(target!.replace(/^pages\//, ''))
        else if (token === 'CANVAS_OBJECT_REFERENCE') expect(quizIds).toContain(target!.replace(/^quizzes\//, ''))
        else expect(fileHrefs).toContain(decodeURIComponent(target!))
      }
    }
    expect(checked).toBeGreaterThan(4)
  })

  it('writes Pages that read well without the course stylesheet: no class, no stylesheet, no script; math as MathML', () => {
    for (const name of pages(result).keys()) {
      const html = text(name)
      expect(html).not.toMatch(/\sclass=|<link|<style|<script/i)
    }
    expect(text('wiki_content/first.html')).toMatch(/<math xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML">.*<annotation encoding="application\/x-tex">\\pi r\^2<\/annotation>/)
  })

  it('hides the cartridge\'s own copies of the lessons among Canvas\'s course files', () => {
    expect(parse(text('course_settings/files_meta.xml')).fileMeta).toMatchObject({ folders: { folder: [{ '@path': 'pages', hidden: 'true' }] } })
  })

  it('makes a knowledge check a practice quiz, a pass mark "score at least" in points, `pick` a question group, and sequential modules when course.yml asks', async () => {
    const built = await buildCourse({
      'course.yml': 'title: Groups\ntargets: [cc]\ncanvas:\n  sequential: true\n',
      '01-a.md': '# A\n\nText.\n',
      '02-check.quiz.md': '---\ntitle: Check\ngraded: false\n---\n## One?\n- [x] Yes\n- [ ] No\n',
      '03-final.quiz.md': '---\ntitle: Final\npassingScore: 75\npick: 2\n---\n## One?\n- [x] Yes\n- [ ] No\n\n## Two?\n- [x] Yes\n- [ ] No\n\n## Three?\n- [x] Yes\n- [ ] No\n',
    })
    const metas = quizzes(built)
    const check = [...metas.values()].find((meta) => meta.title === 'Check')!
    expect(check).toMatchObject({ quiz_type: 'practice_quiz', allowed_attempts: '-1' })
    expect(check.assignment).toBeUndefined()
    const final = [...metas.values()].find((meta) => meta.title === 'Final')!
    expect(final).toMatchObject({ quiz_type: 'assignment', points_possible: '2' })
    const qti = text(packagePaths(built).find((name) => name.startsWith('non_cc_assessments/') && text(name, built).includes('title="Final"'))!, built)
    expect(qti).toMatch(/<selection_number>2<\/selection_number>\s*<selection_extension>\s*<points_per_item>1<\/points_per_item>/)
    const modules = (parse(text('course_settings/module_meta.xml', built)).modules as { module: Node[] }).module
    expect(modules.every((module) => module.require_sequential_progress === 'true')).toBe(true)
    const requirements = modules.flatMap((module) => (module.completionRequirements as { completionRequirement: Node[] }).completionRequirement)
    expect(requirements.map((requirement) => [requirement['@type'], requirement.min_score])).toEqual([
      ['must_view', undefined],
      ['must_submit', undefined],
      ['min_score', '1.5'],
    ])
    // One graded quiz: one group, no weighting.
    expect(parse(text('course_settings/course_settings.xml', built)).course).not.toHaveProperty('group_weighting_scheme')
    // Only what Moodle's restore loses is reported: Canvas takes all of it.
    expect(problemsOf(built)).toEqual(['02-check.quiz.md:3:1 quiz-setting-lost-in-lms', '03-final.quiz.md:4:1 quiz-setting-lost-in-lms'])
  })

  it('draws `pick` questions from the GIFT bank itself when the quiz is that bank, whole', async () => {
    const built = await buildCourse({
      'course.yml': 'title: Drawn\ntargets: [cc]\n',
      '_banks/terms.gift': '::A::One?{=yes ~no}\n\n::B::Two?{=yes ~no}\n\n::C::Three?{=yes ~no}\n',
      '01-drawn.quiz.md': '---\ntitle: Drawn\npick: 2\nquestions: _banks/terms.gift\n---\n\nTwo of three.\n',
    })
    const name = packagePaths(built).find((entry) => entry.startsWith('non_cc_assessments/') && text(entry, built).includes('<assessment '))!
    const qti = text(name, built)
    const bank = packagePaths(built).find((entry) => entry.startsWith('non_cc_assessments/') && text(entry, built).includes('<objectbank '))!
    const bankIdent = /<objectbank ident="([^"]+)"/.exec(text(bank, built))![1]
    expect(qti).toMatch(new RegExp(`<selection>\\s*<sourcebank_ref>${bankIdent}</sourcebank_ref>\\s*<selection_number>2</selection_number>`))
    expect(qtiItems(qti)).toEqual([])
    expect(qti).not.toContain('<item ')
  })

  it('gives a quiz the CC parts leave out (Moodle can take none of its questions) to Canvas', () => {
    expect(quizzes(result).get('RES-cartridge-test-matching-only')).toMatchObject({ title: 'Only matching', quiz_type: 'assignment' })
    expect(text('imsmanifest.xml')).not.toMatch(/<title>Only matching<\/title>/)
  })
})

describe('HTML for Canvas', () => {
  const url = (value: string) => value
  it('turns classes into inline styles the sanitizer keeps, and elements it drops into ones it keeps', () => {
    const html = canvasHtml('<aside class="cp-callout cp-callout--warning"><p class="cp-callout__title">Warning</p><p>Text <kbd>Ctrl</kbd></p></aside>', { direction: 'ltr', url })
    expect(html).toBe('<div style="margin: 1.25em 0; padding: 0.5em 1em; border-left: 4px solid #9a6700; background-color: #f4f6f8;"><p style="font-weight: bold; margin: 0.25em 0;">Warning</p><p>Text <code style="font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;">Ctrl</code></p></div>')
  })

  it('keeps highlighted code\'s colours as styles, on the right side for right-to-left text', () => {
    const html = canvasHtml('<pre><code class="hljs language-js"><span class="hljs-keyword">const</span> a</code></pre><blockquote><p>q</p></blockquote>', { direction: 'rtl', url })
    expect(html).toContain('<span style="color: #8a2c8f;">const</span>')
    expect(html).toContain('border-right: 4px solid')
    expect(html).not.toContain('class=')
  })

  it('keeps KaTeX\'s MathML only, and drops a link to what Canvas does not get, keeping its text', () => {
    const katex = '<span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mi>x</mi><annotation encoding="application/x-tex">x</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">x</span></span>'
    expect(canvasHtml(`<p>${katex} <a href="gone.html">gone</a></p>`, { direction: 'ltr', url: (value) => (value === 'gone.html' ? undefined : value) })).toBe(
      '<p><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mi>x</mi><annotation encoding="application/x-tex">x</annotation></semantics></math> gone</p>',
    )
  })
})
