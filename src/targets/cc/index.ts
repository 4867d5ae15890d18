import { problem } from '../../diagnostics/problem.js'
import type { Course, PackageFile } from '../../model.js'
import { type LessonView, textDirection } from '../../stages/render-pages.js'
import type { Target, TargetContext } from '../target.js'
import { lessonPage } from './lesson-page.js'
import { cartridgeManifest } from './manifest.js'
import { type Cartridge, planCartridge } from './plan.js'
import { assessmentXml, bankXml } from './qti/document.js'
import { ccSetupCard } from './setup-card.js'
import { lessonHtml, type PageKinds } from './urls.js'

/**
 * IMS Common Cartridge 1.1, which Moodle (Course reuse → Restore, through
 * backup/cc) and Canvas (Import Course Content) turn into their own pages,
 * quizzes and question banks: the LMS grades, nothing runs in the package.
 * What each importer reads, and why the cartridge is laid out as it is, is
 * in docs/reference/common-cartridge-notes.md; plan.ts decides what goes in,
 * fates.ts what each LMS keeps of each question, qti/ writes the quizzes.
 */
export const cc: Target = {
  name: 'cc',
  label: 'IMS Common Cartridge 1.1',
  fileName: (course: Course) => `${course.id}-${course.config.version}.imscc`,
  check(context) {
    for (const finding of planCartridge(context.course).findings) {
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
  const shared = context.web.flatMap((file): PackageFile[] => {
    const wanted = file.path === 'coursepack.css' || file.path.startsWith('assets/') || (usesMath && file.path.startsWith('katex/'))
    return wanted ? [{ ...file, path: `${webFolder}/${file.path}` }] : []
  })
  const quizzes = cartridge.quizzes.map(({ quiz, href, ...planned }): PackageFile => {
    const view = views.get(quiz.id)
    if (!view || !('questions' in view)) throw new Error(`The quiz ${quiz.id} was not rendered`)
    return { path: href, data: utf8(assessmentXml({ quiz, href, ...planned }, view, pages)) }
  })
  const bank = cartridge.bank ? [{ path: cartridge.bank.href, data: utf8(bankXml(cartridge.bank, views, pages)) }] : []
  const manifest = cartridgeManifest(cartridge, shared.map((file) => file.path))
  return [{ path: 'imsmanifest.xml', data: utf8(manifest) }, ...lessons, ...shared, ...quizzes, ...bank]
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
