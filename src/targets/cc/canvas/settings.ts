import type { Course } from '../../../model.js'
import { toXml, xmlText } from '../../manifest-xml.js'
import { decimal } from '../qti/xml.js'
import type { CanvasModuleItem, CanvasPlan } from './plan.js'
import { canvasRoot } from './xml.js'

/**
 * The files of `course_settings/`, as Canvas's exporter writes them
 * (lib/cc/canvas_resource.rb, module_meta.rb, assignment_groups.rb,
 * web_resources.rb) and its importer reads them
 * (lib/cc/importer/canvas/course_settings.rb, module_converter.rb,
 * webcontent_converter.rb).
 */

/** Its presence, listed as a resource's `href`, is what makes Canvas read the cartridge as its own export (package_identifier.rb); its text is not read. */
export function canvasExportFlag(): string {
  return 'This Common Cartridge is also a Canvas course export: Canvas reads course_settings/, wiki_content/ and non_cc_assessments/ in place of the Common Cartridge parts.\n'
}

/**
 * The course's title and code (Canvas does not rename a course it imports
 * into: `title` is not among the settings it copies) and, when the course
 * score weights its assignment groups, `group_weighting_scheme`.
 */
export function courseSettingsXml(course: Course, plan: CanvasPlan): string {
  return toXml({
    course: {
      ...canvasRoot,
      '@_identifier': plan.settingsResource,
      title: xmlText(course.config.title),
      course_code: course.id,
      ...(plan.weighted ? { group_weighting_scheme: 'percent' } : {}),
    },
  })
}

/**
 * The modules: published, each item published, with its completion
 * requirement (lessons "view", knowledge checks "submit", graded quizzes
 * "submit" or "score at least" their pass mark in points), and sequential
 * progress when course.yml's `canvas.sequential` asks for it.
 */
export function moduleMetaXml(plan: CanvasPlan, sequential: boolean): string {
  return toXml({
    modules: {
      ...canvasRoot,
      module: plan.modules.map((module, index) => {
        const requirements = module.items.flatMap((item) => (item.kind === 'subheader' ? [] : [{ item: item.ident, requirement: item.requirement }]))
        return {
          '@_identifier': module.ident,
          title: xmlText(module.title),
          workflow_state: 'active',
          position: String(index + 1),
          require_sequential_progress: String(sequential),
          locked: 'false',
          items: { item: module.items.map((item, position) => moduleItem(item, position + 1)) },
          ...(requirements.length > 0
            ? {
                completionRequirements: {
                  completionRequirement: requirements.map(({ item, requirement }) => ({
                    '@_type': requirement.type,
                    ...(requirement.type === 'min_score' ? { min_score: decimal(requirement.minScore) } : {}),
                    identifierref: item,
                  })),
                },
              }
            : {}),
        }
      }),
    },
  })
}

const contentTypes = { page: 'WikiPage', quiz: 'Quizzes::Quiz', subheader: 'ContextModuleSubHeader' } as const

function moduleItem(item: CanvasModuleItem, position: number): object {
  return {
    '@_identifier': item.ident,
    content_type: contentTypes[item.kind],
    workflow_state: 'active',
    title: xmlText(item.title),
    ...(item.kind === 'subheader' ? {} : { identifierref: item.ref }),
    position: String(position),
    new_tab: '',
    indent: String(item.indent),
  }
}

/** The assignment groups of the graded quizzes, weighted when the course score needs it. */
export function assignmentGroupsXml(plan: CanvasPlan): string {
  return toXml({
    assignmentGroups: {
      ...canvasRoot,
      assignmentGroup: plan.assignmentGroups.map((group, index) => ({
        '@_identifier': group.ident,
        title: xmlText(group.title),
        position: String(index + 1),
        ...(group.weight !== undefined ? { group_weight: decimal(group.weight) } : {}),
      })),
    },
  })
}

/** Folders of course files to hide from students: the cartridge's own copies of the lessons and their math stylesheet, which Canvas unpacks with the course files (every file under `web_resources/`) though its Pages do not use them. */
export function filesMetaXml(hiddenFolders: readonly string[]): string {
  return toXml({
    fileMeta: {
      ...canvasRoot,
      folders: { folder: hiddenFolders.map((folder) => ({ '@_path': folder, hidden: 'true' })) },
    },
  })
}
