import type { PackageFile } from '../../../model.js'
import type { LessonView } from '../../../stages/render-pages.js'
import { textDirection } from '../../../stages/render-pages.js'
import type { TargetContext } from '../../target.js'
import type { Cartridge } from '../plan.js'
import { canvasHtml } from './html.js'
import { canvasUrls } from './links.js'
import { type CanvasPlan, planCanvas } from './plan.js'
import { assessmentMeta, canvasBankQti, canvasQuizQti } from './quiz.js'
import { assignmentGroupsXml, canvasExportFlag, courseSettingsXml, filesMetaXml, moduleMetaXml } from './settings.js'
import { wikiPage } from './wiki-page.js'

/** Canvas's resource type for its own files: the CC 1.1 "learning application resource" (lib/cc/cc_helper.rb `LOR`). */
export const canvasResourceType = 'associatedcontent/imscc_xmlv1p1/learning-application-resource'

const settingsFolder = 'course_settings'

/** What Canvas's part adds to the cartridge: its files, and the manifest resources that list them. */
export interface CanvasPart {
  readonly plan: CanvasPlan
  readonly files: readonly PackageFile[]
  readonly resources: readonly object[]
  /** A Common Cartridge assessment's resource → the resource of Canvas's files for the same quiz, which it depends on (as in Canvas's exports). */
  readonly dependencies: ReadonlyMap<string, string>
}

/** The title of the assignment group of the graded quizzes, in the course's language. */
export function quizzesGroupTitle(strings: Readonly<Record<string, string>>): string {
  return strings.quizzesGroup ?? 'Quizzes'
}

/**
 * Canvas's course export inside the cartridge (docs/reference/canvas-export-notes.md):
 * Pages in `wiki_content/`, quizzes and banks in `non_cc_assessments/` with
 * each quiz's `assessment_meta.xml`, and `course_settings/`. `hiddenFolders`:
 * the folders of `web_resources/` only the Common Cartridge parts use.
 */
export function canvasPart(context: TargetContext, cartridge: Cartridge, hiddenFolders: readonly string[]): CanvasPart {
  const { course, views } = context
  const plan = planCanvas(cartridge, { quizzesGroupTitle: quizzesGroupTitle(context.courseData.strings) })
  const direction = textDirection(course.config.language)
  const url = canvasUrls(plan, course)
  const html = (text: string) => canvasHtml(text, { direction, url })
  const utf8 = (text: string) => new TextEncoder().encode(text)

  // Pages, quizzes and banks are made when the zip reaches them, like the course's own pages: a check makes none.
  const pages = plan.pages.map((page): PackageFile => {
    const view = views.get(page.lesson.id) as LessonView
    return { path: page.href, make: () => utf8(wikiPage(page, view, { direction, url, strings: context.courseData.strings })) }
  })
  const quizzes = plan.quizzes.flatMap((planned): PackageFile[] => {
    const view = views.get(planned.quiz.id)
    if (!view || !('questions' in view)) throw new Error(`The quiz ${planned.quiz.id} was not rendered`)
    return [
      { path: planned.qtiHref, make: () => utf8(canvasQuizQti(planned, view, { html })) },
      { path: planned.metaHref, make: () => utf8(assessmentMeta(planned, html(view.introHtml))) },
    ]
  })
  const banks = plan.banks.map((bank): PackageFile => ({ path: bank.href, make: () => utf8(canvasBankQti(bank, views, { html })) }))

  const settings: PackageFile[] = [
    { path: `${settingsFolder}/course_settings.xml`, data: utf8(courseSettingsXml(course, plan)) },
    ...(plan.modules.length > 0 ? [{ path: `${settingsFolder}/module_meta.xml`, data: utf8(moduleMetaXml(plan, course.config.canvas?.sequential ?? false)) }] : []),
    ...(plan.assignmentGroups.length > 0 ? [{ path: `${settingsFolder}/assignment_groups.xml`, data: utf8(assignmentGroupsXml(plan)) }] : []),
    ...(hiddenFolders.length > 0 ? [{ path: `${settingsFolder}/files_meta.xml`, data: utf8(filesMetaXml(hiddenFolders)) }] : []),
    { path: `${settingsFolder}/canvas_export.txt`, data: utf8(canvasExportFlag()) },
  ]

  const resources = [
    ...plan.pages.map((page) => ({ '@_identifier': page.ident, '@_type': 'webcontent', '@_href': page.href, file: { '@_href': page.href } })),
    ...plan.quizzes.map((planned) => ({ '@_identifier': planned.metaResource, '@_type': canvasResourceType, '@_href': planned.metaHref, file: [{ '@_href': planned.metaHref }, { '@_href': planned.qtiHref }] })),
    ...plan.banks.map((bank) => ({ '@_identifier': bank.ident, '@_type': canvasResourceType, '@_href': bank.href, file: { '@_href': bank.href } })),
    {
      '@_identifier': plan.settingsResource,
      '@_type': canvasResourceType,
      '@_href': `${settingsFolder}/canvas_export.txt`,
      file: settings.map((file) => ({ '@_href': file.path })),
    },
  ]
  const dependencies = new Map(plan.quizzes.flatMap((planned) => (planned.ccResource ? [[planned.ccResource, planned.metaResource] as const] : [])))
  return { plan, files: [...pages, ...quizzes, ...banks, ...settings], resources, dependencies }
}
