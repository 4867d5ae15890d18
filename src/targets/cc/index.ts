import { problem } from '../../diagnostics/problem.js'
import type { Course, PackageFile } from '../../model.js'
import { type LessonView, textDirection } from '../../stages/render-pages.js'
import type { Target, TargetContext } from '../target.js'
import { canvasPart, quizzesGroupTitle } from './canvas/index.js'
import { planCanvas } from './canvas/plan.js'
import { lessonPage } from './lesson-page.js'
import { cartridgeManifest } from './manifest.js'
import { type Cartridge, planCartridge } from './plan.js'
import { assessmentXml, bankXml } from './qti/document.js'
import { ccSetupCard } from './setup-card.js'
import { lessonHtml, type PageKinds } from './urls.js'

/**
 * IMS Common Cartridge 1.1, which Moodle (Course reuse → Restore, through
 * backup/cc) and other LMSs turn into their own pages, quizzes and question
 * banks: the LMS grades, nothing runs in the package. The same file is a
 * Canvas course export too: Canvas reads its own files (canvas/) in place of
 * the Common Cartridge parts. What each importer reads, and why the
 * cartridge is laid out as it is, is in docs/reference/common-cartridge-notes.md
 * and canvas-export-notes.md; plan.ts decides what goes in, fates.ts what
 * each LMS keeps of each question, qti/ writes the CC-profile quizzes.
 */
export const cc: Target = {
  name: 'cc',
  label: 'IMS Common Cartridge 1.1',
  fileName: (course: Course) => `${course.id}-${course.config.version}.imscc`,
  check(context) {
    const cartridge = planCartridge(context.course)
    const canvas = planCanvas(cartridge, { quizzesGroupTitle: quizzesGroupTitle(context.courseData.strings) })
    for (const finding of [...cartridge.findings, ...canvas.findings]) {
      problem(finding.file, finding.rule, finding.place, finding.reason, finding.hint ? { hint: finding.hint } : {})
    }
  },
  packageFiles: async (context) => cartridgeFiles(context, planCartridge(context.course)),
  setupCard: ccSetupCard,
}

/** Where the web files go: under `web_resources/`, whose name Canvas strips from the paths of the course's files. */
const webFolder = 'web_resources'

/** Every file of the cartridge, the manifest first. No XSD ships in it: neither LMS reads one from a cartridge. */
function cartridgeFiles(context: TargetContext, cartridge: Cartridge): PackageFile[] {
  const { course, views } = context
  const pages: PageKinds = {
    lessons: new Set(course.pages.flatMap((page) => (page.kind === 'lesson' ? [page.id] : []))),
    quizzes: new Set(course.pages.flatMap((page) => (page.kind === 'quiz' ? [page.id] : []))),
  }
  let usesMath = false
  const lessons = cartridge.lessons.map(({ lesson, href, module }): PackageFile => {
    const view = views.get(lesson.id) as LessonView
    const body = lessonHtml(view.html, pages)
    const math = body.includes('class="katex"')
    usesMath ||= math
    const html = lessonPage(lesson, view, body, {
      language: course.config.language,
      direction: textDirection(course.config.language),
      courseTitle: course.config.title,
      module,
      strings: context.courseData.strings,
      stylesheets: ['../coursepack.css', ...(math ? ['../katex/katex.min.css'] : [])],
    })
    return { path: href, data: utf8(html) }
  })
  const usedBy = new Map<string, string[]>(cartridge.lessons.map(({ lesson, resource }) => [resource, [...lesson.assets.values()].map((file) => `${webFolder}/${file}`)]))
  const styles = context.web.flatMap((file): PackageFile[] => {
    const wanted = file.path === 'coursepack.css' || (usesMath && file.path.startsWith('katex/'))
    return wanted ? [{ ...file, path: `${webFolder}/${file.path}` }] : []
  })
  const assets = context.web.flatMap((file): PackageFile[] => (file.path.startsWith('assets/') ? [{ ...file, path: `${webFolder}/${file.path}` }] : []))
  const quizzes = cartridge.quizzes.map(({ quiz, href, ...planned }): PackageFile => {
    const view = views.get(quiz.id)
    if (!view || !('questions' in view)) throw new Error(`The quiz ${quiz.id} was not rendered`)
    const xml = assessmentXml({ quiz, href, ...planned }, view, pages)
    usedBy.set(planned.resource, filesIn(xml))
    return { path: href, data: utf8(xml) }
  })
  const bank = cartridge.bank ? [{ path: cartridge.bank.href, data: utf8(bankXml(cartridge.bank, views, pages)) }] : []
  if (cartridge.bank && bank[0]) usedBy.set(cartridge.bank.resource, filesIn(new TextDecoder().decode(bank[0].data)))
  // Canvas imports the lessons' copies too (their resources' hrefs are under web_resources/): hidden from students there.
  const canvas = canvasPart(context, cartridge, lessons.length > 0 ? ['pages'] : [])
  const manifest = cartridgeManifest(cartridge, { styles: styles.map((file) => file.path), assets: assets.map((file) => file.path), usedBy }, canvas)
  return [{ path: 'imsmanifest.xml', data: utf8(manifest) }, ...lessons, ...styles, ...assets, ...quizzes, ...bank, ...canvas.files]
}

/** The course files a QTI file uses: `$IMS-CC-FILEBASE$../web_resources/assets/…` (escaped for XML, percent-encoded). */
function filesIn(xml: string): string[] {
  return [...xml.matchAll(/\$IMS-CC-FILEBASE\$\.\.\/(web_resources\/assets\/[^"&?#<]+)/g)].flatMap((match) => {
    try {
      return [decodeURI(match[1]!)]
    } catch {
      return []
    }
  })
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
