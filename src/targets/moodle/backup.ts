import type { PackageFile } from '../../model.js'
import type { TargetContext } from '../target.js'
import { activityFiles, gradeItemFields, moodleVersion, rolesXml } from './activities.js'
import { FileStore, storedFiles, utf8 } from './files.js'
import type { LinkTarget } from './html.js'
import { type BackupPlan, ids } from './plan.js'
import { questionsXml } from './questions.js'
import { element, field, fields, moodleName, xmlDocument } from './xml.js'
import { escapeHtml } from '../../shared/escape-html.js'

/** Moodle's `GRADE_AGGREGATE_WEIGHTED_MEAN`: the course score's weighted mean of the quizzes' grades. */
const weightedMean = 10

/**
 * Every file of the backup, as Moodle 4.5 lays one out
 * (docs/reference/moodle-backup-format.md): the manifest
 * (`moodle_backup.xml`), the course, its sections, an activity folder per
 * page and quiz, the question bank, the gradebook, the stored files, and
 * the empty files restore insists on.
 */
export async function backupFiles(plan: BackupPlan, context: TargetContext): Promise<PackageFile[]> {
  const files = new FileStore()
  const links = new Map<string, LinkTarget>(plan.activities.map((activity) => [activity.modname === 'page' ? activity.lesson.id : activity.quiz.id, { modname: activity.modname, cmid: activity.cmid }]))
  const out: PackageFile[] = []
  const add = (path: string, text: string) => out.push({ path, data: utf8(text) })

  for (const activity of plan.activities) {
    const folder = `activities/${activity.modname}_${activity.cmid}`
    for (const [name, text] of Object.entries(activityFiles(activity, { views: context.views, links, files, strings: context.courseData.strings }))) add(`${folder}/${name}`, text)
  }
  add('questions.xml', questionsXml(plan, { views: context.views, links, files }))
  for (const section of plan.sections) add(`sections/section_${section.id}/section.xml`, sectionXml(plan, section.id))
  add('course/course.xml', courseXml(plan))
  add('course/roles.xml', rolesXml)
  add('course/inforef.xml', xmlDocument(element('inforef', {}, [])))
  add('gradebook.xml', gradebookXml(plan))
  add('roles.xml', xmlDocument('<roles_definition></roles_definition>'))
  add('groups.xml', xmlDocument('<groups><groupcustomfields></groupcustomfields><groupings><groupingcustomfields></groupingcustomfields></groupings></groups>'))
  add('scales.xml', xmlDocument('<scales_definition></scales_definition>'))
  add('outcomes.xml', xmlDocument('<outcomes_definition></outcomes_definition>'))
  add('moodle_backup.log', '')
  out.push(...(await storedFiles(files, context.web)))
  // The manifest first: `convert_helper::detect_moodle2_format` reads it, and people open it first.
  return [{ path: 'moodle_backup.xml', data: utf8(manifestXml(plan)) }, ...out]
}

function manifestXml(plan: BackupPlan): string {
  const { course } = plan
  const setting = (level: string, name: string, value: number | string, scope?: readonly [string, string]) =>
    element('setting', {}, [field('level', level), ...(scope ? [field(scope[0], scope[1])] : []), field('name', name), field('value', value)])
  const rootSettings: [string, number | string][] = [
    ['filename', `${course.id}-${course.config.version}.mbz`],
    ['imscc11', 0],
    ['users', 0],
    ['anonymize', 0],
    ['role_assignments', 0],
    ['activities', 1],
    ['blocks', 0],
    ['files', 1],
    ['filters', 0],
    ['comments', 0],
    ['badges', 0],
    ['calendarevents', 0],
    ['userscompletion', 0],
    ['logs', 0],
    ['grade_histories', 0],
    ['questionbank', 1],
    ['groups', 0],
    ['competencies', 0],
    ['customfield', 0],
    ['contentbankcontent', 0],
    ['xapistate', 0],
    ['legacyfiles', 0],
  ]
  const information = [
    ...fields({
      name: `${course.id}-${course.config.version}.mbz`,
      moodle_version: moodleVersion,
      moodle_release: '4.5 (Build: 20241007)',
      backup_version: moodleVersion,
      backup_release: '4.5',
      backup_date: 0,
      mnet_remoteusers: 0,
      include_files: 1,
      include_file_references_to_external_content: 0,
      original_wwwroot: 'https://coursepack.invalid',
      original_site_identifier_hash: 'coursepack',
      original_course_id: ids.course,
      original_course_format: 'topics',
      original_course_fullname: moodleName(course.config.title),
      original_course_shortname: course.id,
      original_course_startdate: 0,
      original_course_enddate: 0,
      original_course_contextid: ids.courseContext,
      original_system_contextid: ids.systemContext,
    }),
    element('details', {}, [
      element('detail', { backup_id: `coursepack-${course.id}` }, fields({ type: 'course', format: 'moodle2', interactive: 1, mode: 10, execution: 1, executiontime: 0 })),
    ]),
    element('contents', {}, [
      element(
        'activities',
        {},
        plan.activities.map((activity) =>
          element('activity', {}, [
            ...fields({
              moduleid: activity.cmid,
              sectionid: activity.sectionId,
              modulename: activity.modname,
              title: moodleName(activity.modname === 'page' ? activity.lesson.title : activity.quiz.title),
              directory: `activities/${activity.modname}_${activity.cmid}`,
              insubsection: '',
            }),
          ]),
        ),
      ),
      element('sections', {}, plan.sections.map((section) => element('section', {}, fields({ sectionid: section.id, title: section.name === null ? String(section.number) : moodleName(section.name), directory: `sections/section_${section.id}`, parentcmid: '', modname: '' })))),
      element('course', {}, fields({ courseid: ids.course, title: course.id, directory: 'course' })),
    ]),
    element('settings', {}, [
      ...rootSettings.map(([name, value]) => setting('root', name, value)),
      ...plan.sections.flatMap((section) => {
        const key = `section_${section.id}`
        return [
          setting('section', `${key}_included`, 1, ['section', key]),
          setting('section', `${key}_userinfo`, 0, ['section', key]),
          ...section.activities.flatMap((activity) => {
            const name = `${activity.modname}_${activity.cmid}`
            return [setting('activity', `${name}_included`, 1, ['activity', name]), setting('activity', `${name}_userinfo`, 0, ['activity', name])]
          }),
        ]
      }),
    ]),
  ]
  return xmlDocument(element('moodle_backup', {}, [element('information', {}, information)]))
}

function courseXml(plan: BackupPlan): string {
  const { config } = plan.course
  return xmlDocument(
    element('course', { id: ids.course, contextid: ids.courseContext }, [
      ...fields({
        shortname: plan.course.id,
        fullname: moodleName(config.title),
        idnumber: '',
        summary: config.description ? `<p>${escapeHtml(config.description)}</p>` : '',
        summaryformat: 1,
        format: 'topics',
        showgrades: 1,
        newsitems: 0,
        startdate: 0,
        enddate: 0,
        marker: 0,
        maxbytes: 0,
        legacyfiles: 0,
        showreports: 0,
        visible: 1,
        groupmode: 0,
        groupmodeforce: 0,
        defaultgroupingid: 0,
        lang: '',
        theme: '',
        timecreated: 0,
        timemodified: 0,
        requested: 0,
        showactivitydates: 0,
        showcompletionconditions: 1,
        pdfexportfont: null,
        enablecompletion: 1,
        completionnotify: 0,
      }),
      element('category', { id: 1 }, fields({ name: 'coursepack', description: null })),
      element('tags', {}, []),
      element('customfields', {}, []),
      element('courseformatoptions', {}, [
        element('courseformatoption', {}, fields({ format: 'topics', sectionid: 0, name: 'hiddensections', value: 1 })),
        element('courseformatoption', {}, fields({ format: 'topics', sectionid: 0, name: 'coursedisplay', value: 0 })),
      ]),
    ]),
  )
}

function sectionXml(plan: BackupPlan, sectionId: number): string {
  const section = plan.sections.find((entry) => entry.id === sectionId)!
  const summary = section.number === 0 && plan.course.config.description ? `<p>${escapeHtml(plan.course.config.description)}</p>` : ''
  return xmlDocument(
    element('section', { id: section.id }, [
      ...fields({
        number: section.number,
        name: section.name === null ? null : moodleName(section.name),
        summary,
        summaryformat: 1,
        sequence: section.activities.map((activity) => activity.cmid).join(','),
        visible: 1,
        availabilityjson: null,
        component: null,
        itemid: null,
        timemodified: 0,
      }),
    ]),
  )
}

/**
 * The course total as the course score (shared/scoring.ts courseScore):
 * the weighted mean of the graded quizzes' grades, out of 100, the course's
 * pass mark its grade to pass. A knowledge check's grade item has no
 * grade type (`GRADE_TYPE_NONE`), so the mean leaves it out.
 */
function gradebookXml(plan: BackupPlan): string {
  const pass = plan.course.config.passingScore ?? 0
  return xmlDocument(
    element('gradebook', {}, [
      element('attributes', {}, []),
      element('grade_categories', {}, [
        element('grade_category', { id: 1 }, [
          ...fields({ parent: null, depth: 1, path: '/1/', fullname: '?', aggregation: weightedMean, keephigh: 0, droplow: 0, aggregateonlygraded: 1, aggregateoutcomes: 0, timecreated: 0, timemodified: 0, hidden: 0 }),
        ]),
      ]),
      element('grade_items', {}, [
        element('grade_item', { id: 1 }, [
          ...gradeItemFields({ categoryid: null, itemname: null, itemtype: 'course', itemmodule: null, iteminstance: 1, itemnumber: null, gradetype: 1, grademax: 100, gradepass: pass, aggregationcoef: 0, sortorder: 1 }),
          element('grade_grades', {}, []),
        ]),
      ]),
      element('grade_letters', {}, []),
      element('grade_settings', {}, [element('grade_setting', { id: '' }, fields({ name: 'minmaxtouse', value: 1 }))]),
    ]),
  )
}
