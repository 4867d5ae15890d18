import { XMLParser, XMLValidator } from 'fast-xml-parser'
import JSZip from 'jszip'

/** An element as fast-xml-parser gives it: `@name` attributes, children by name, text as strings. */
// biome-ignore lint: the parsed XML is untyped by nature
export type X = any

/** Elements that may repeat, always given as arrays (a root `<activity>` or `<section>` is not one of them). */
const repeated = new Set([
  'activities.activity', 'sections.section', 'settings.setting', 'files.file', 'fileref.file', 'question_categories.question_category', 'question_bank_entries.question_bank_entry',
  'answers.answer', 'matches.match', 'question_instances.question_instance', 'grade_items.grade_item', 'grade_categories.grade_category',
  'numerical_records.numerical_record', 'question_hints.question_hint', 'question_categoryref.question_category', 'grade_itemref.grade_item',
])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (_name, jpath) => repeated.has(String(jpath).split('.').slice(-2).join('.')),
})

/** Parse one of the backup's XML files. */
export function parseXml(text: string): X {
  return parser.parse(text)
}

/** The files every backup needs, or the restore stops (docs/reference/moodle-backup-format.md). */
const requiredRoot = ['moodle_backup.xml', 'files.xml', 'questions.xml', 'roles.xml', 'groups.xml', 'scales.xml', 'outcomes.xml', 'course/course.xml', 'course/roles.xml', 'gradebook.xml']

/**
 * The structural checks of a Moodle backup, without Moodle: every XML file
 * is well formed and starts as Moodle's detection wants, the files restore
 * needs are there, and every id one file gives another (activities,
 * sections, stored files and their blobs, question bank entries, question
 * categories, grade items, encoded links, `@@PLUGINFILE@@` files) names
 * something the backup holds. Returns what is wrong, `[]` when nothing is.
 */
export async function checkMoodleBackup(zipBytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(zipBytes)
  const names = Object.keys(zip.files).filter((name) => !name.endsWith('/'))
  const text = new Map<string, string>()
  for (const name of names) if (name.endsWith('.xml')) text.set(name, await zip.file(name)!.async('string'))
  return checkBackupFiles(names, text)
}

/** The same checks on the files: all names, and the text of the XML ones. */
export function checkBackupFiles(names: readonly string[], text: ReadonlyMap<string, string>): string[] {
  const wrong: string[] = []
  const have = new Set(names)
  for (const name of requiredRoot) if (!have.has(name)) wrong.push(`no ${name}`)
  const xml = new Map<string, X>()
  for (const [name, source] of text) {
    if (!source.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) wrong.push(`${name}: no XML declaration with UTF-8 first`)
    const valid = XMLValidator.validate(source)
    if (valid !== true) wrong.push(`${name}: not well formed: ${valid.err.msg} at line ${valid.err.line}`)
    else xml.set(name, parseXml(source))
  }
  if (wrong.length > 0) return wrong
  const manifestText = text.get('moodle_backup.xml')!
  if (!/^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<moodle_backup>\s*<information>/.test(manifestText.slice(0, 200))) wrong.push('moodle_backup.xml: Moodle does not find <moodle_backup><information> in its first 200 bytes')
  const info = xml.get('moodle_backup.xml').moodle_backup.information
  for (const key of ['backup_version', 'moodle_version', 'backup_release', 'original_wwwroot', 'original_course_id', 'original_course_contextid', 'original_system_contextid', 'original_course_fullname']) {
    if (info[key] === undefined || info[key] === '') wrong.push(`moodle_backup.xml: no ${key}`)
  }
  if (info.details?.detail?.type !== 'course') wrong.push('moodle_backup.xml: not a course backup')
  const settings: X[] = info.settings.setting
  const root = (name: string) => settings.find((setting) => setting.level === 'root' && setting.name === name)?.value
  if (root('activities') !== '1') wrong.push('moodle_backup.xml: the activities setting is not 1: no activity would be restored')
  if (root('users') !== '0' && !have.has('users.xml')) wrong.push('moodle_backup.xml: users = 1 without users.xml')
  for (const [setting, file] of [['filters', 'course/filters.xml'], ['calendarevents', 'course/calendar.xml'], ['contentbankcontent', 'course/contentbank.xml']] as const) {
    if (root(setting) !== '0' && !have.has(file)) wrong.push(`moodle_backup.xml: ${setting} is on without ${file}`)
  }

  // Sections and activities, as the manifest lists them.
  const sections: X[] = info.contents.sections.section
  const activities: X[] = info.contents.activities.activity ?? []
  const sectionIds = new Set(sections.map((section) => section.sectionid))
  const numbers = new Set<string>()
  for (const section of sections) {
    const file = `${section.directory}/section.xml`
    const parsed = xml.get(file)?.section
    if (!parsed) {
      wrong.push(`no ${file}`)
      continue
    }
    if (parsed['@id'] !== section.sectionid) wrong.push(`${file}: id ${parsed['@id']}, the manifest says ${section.sectionid}`)
    if (numbers.has(parsed.number)) wrong.push(`${file}: section number ${parsed.number} twice`)
    numbers.add(parsed.number)
    const sequence = parsed.sequence === '' ? [] : String(parsed.sequence).split(',')
    const inSection = activities.filter((activity) => activity.sectionid === section.sectionid).map((activity) => activity.moduleid)
    if (sequence.join(',') !== inSection.join(',')) wrong.push(`${file}: sequence ${sequence.join(',')}, the manifest puts ${inSection.join(',')} there`)
  }
  const contexts = new Map<string, { modname: string; directory: string }>()
  const cmids = new Map<string, string>()
  for (const activity of activities) {
    const dir = activity.directory
    if (dir !== `activities/${activity.modulename}_${activity.moduleid}`) wrong.push(`${dir}: not named after its module ${activity.modulename}_${activity.moduleid}`)
    if (!sectionIds.has(activity.sectionid)) wrong.push(`${dir}: in section ${activity.sectionid}, which the backup does not hold`)
    for (const name of ['module.xml', `${activity.modulename}.xml`, 'roles.xml', 'grades.xml', 'inforef.xml']) if (!have.has(`${dir}/${name}`)) wrong.push(`no ${dir}/${name}`)
    const module = xml.get(`${dir}/module.xml`)?.module
    const own = xml.get(`${dir}/${activity.modulename}.xml`)?.activity
    if (!module || !own) continue
    if (module['@id'] !== activity.moduleid || own['@moduleid'] !== activity.moduleid) wrong.push(`${dir}: module ids disagree`)
    if (module.sectionid !== activity.sectionid) wrong.push(`${dir}/module.xml: section ${module.sectionid}, the manifest says ${activity.sectionid}`)
    if (own['@modulename'] !== activity.modulename || module.modulename !== activity.modulename) wrong.push(`${dir}: module names disagree`)
    if (contexts.has(own['@contextid'])) wrong.push(`${dir}: context ${own['@contextid']} used twice`)
    contexts.set(own['@contextid'], { modname: activity.modulename, directory: dir })
    cmids.set(activity.moduleid, activity.modulename)
  }

  // Stored files: each has its blob, and each activity's files are in its inforef.
  const files: X[] = xml.get('files.xml').files.file ?? []
  const fileIds = new Set<string>()
  const blobs = new Set(names.filter((name) => name.startsWith('files/')))
  const usedBlobs = new Set<string>()
  for (const file of files) {
    if (fileIds.has(file['@id'])) wrong.push(`files.xml: file id ${file['@id']} twice`)
    fileIds.add(file['@id'])
    const blob = `files/${String(file.contenthash).slice(0, 2)}/${file.contenthash}`
    usedBlobs.add(blob)
    if (!have.has(blob)) wrong.push(`files.xml: ${file.filepath}${file.filename} has no ${blob}`)
    const owner = contexts.get(file.contextid)
    if (file.component.startsWith('mod_')) {
      if (!owner || `mod_${owner.modname}` !== file.component) wrong.push(`files.xml: ${file.filepath}${file.filename} in context ${file.contextid}, no ${file.component} activity`)
      else {
        const refs = asArray(xml.get(`${owner.directory}/inforef.xml`)?.inforef?.fileref?.file).map((entry: X) => entry.id)
        if (!refs.includes(file['@id'])) wrong.push(`${owner.directory}/inforef.xml: does not list file ${file['@id']}: restore would leave it out`)
      }
    } else if (file.contextid !== info.original_course_contextid) wrong.push(`files.xml: ${file.filename} of ${file.component} outside the course context`)
  }
  for (const blob of blobs) if (!usedBlobs.has(blob)) wrong.push(`${blob}: no file of files.xml names it`)
  const areaFiles = (contextid: string, component: string, filearea: string, itemid: string) =>
    new Set(files.filter((file) => file.contextid === contextid && file.component === component && file.filearea === filearea && file.itemid === itemid).map((file) => `${file.filepath}${file.filename}`))

  // Questions: unique ids, categories in the course context.
  const categories: X[] = xml.get('questions.xml').question_categories.question_category ?? []
  const categoryIds = new Set(categories.map((category) => category['@id']))
  const entries = new Map<string, X>()
  for (const category of categories) {
    if (category.contextlevel !== '50') wrong.push(`questions.xml: category ${category['@id']} not at the course level`)
    if (category.parent !== '0' && !categoryIds.has(category.parent)) wrong.push(`questions.xml: category ${category['@id']} has a parent ${category.parent} the backup does not hold`)
    for (const entry of asArray(category.question_bank_entries?.question_bank_entry)) {
      if (entries.has(entry['@id'])) wrong.push(`questions.xml: bank entry ${entry['@id']} twice`)
      entries.set(entry['@id'], entry)
      if (entry.questioncategoryid !== category['@id']) wrong.push(`questions.xml: entry ${entry['@id']} names category ${entry.questioncategoryid}, it is in ${category['@id']}`)
      const question = entry.question_version.question_versions.questions.question
      wrong.push(...checkQuestion(question, (area, itemid) => areaFiles(info.original_course_contextid, area[0], area[1], itemid), cmids))
    }
  }

  // Activities' own files: quizzes' slots, pages' content, links.
  const gradeItems: X[] = xml.get('gradebook.xml').gradebook.grade_items.grade_item ?? []
  const courseCategory = asArray(xml.get('gradebook.xml').gradebook.grade_categories.grade_category)[0]?.['@id']
  for (const [contextid, { modname, directory }] of contexts) {
    const own = xml.get(`${directory}/${modname}.xml`).activity[modname]
    const inforef = xml.get(`${directory}/inforef.xml`)?.inforef ?? {}
    const texts: [string, string, string, string][] = []
    if (modname === 'page') texts.push([own.content, 'mod_page', 'content', '0'], [own.intro, 'mod_page', 'intro', '0'])
    if (modname === 'quiz') {
      texts.push([own.intro, 'mod_quiz', 'intro', '0'])
      const named = new Set(asArray(inforef.question_categoryref?.question_category).map((category: X) => category.id))
      for (const instance of asArray(own.question_instances?.question_instance)) {
        const reference = instance.question_reference ?? instance.question_set_reference
        if (reference.usingcontextid !== contextid) wrong.push(`${directory}: slot ${instance.slot} used in context ${reference.usingcontextid}, the quiz's is ${contextid}`)
        if (instance.question_reference) {
          const entry = entries.get(instance.question_reference.questionbankentryid)
          if (!entry) wrong.push(`${directory}: slot ${instance.slot} names bank entry ${instance.question_reference.questionbankentryid}, which questions.xml does not hold`)
          else if (!named.has(entry.questioncategoryid)) wrong.push(`${directory}/inforef.xml: does not name category ${entry.questioncategoryid} of slot ${instance.slot}`)
        } else {
          const filter = JSON.parse(instance.question_set_reference.filtercondition)
          for (const id of filter.filter.category.values) {
            if (!categoryIds.has(String(id))) wrong.push(`${directory}: random slot ${instance.slot} draws from category ${id}, which questions.xml does not hold`)
            else if (!named.has(String(id))) wrong.push(`${directory}/inforef.xml: does not name category ${id} of random slot ${instance.slot}`)
          }
        }
      }
      const sum = asArray(own.question_instances?.question_instance).reduce((total: number, instance: X) => total + Number(instance.maxmark), 0)
      if (Math.abs(sum - Number(own.sumgrades)) > 1e-6) wrong.push(`${directory}: sumgrades ${own.sumgrades}, its slots add up to ${sum}`)
      const items: X[] = asArray(xml.get(`${directory}/grades.xml`).activity_gradebook.grade_items?.grade_item)
      const refs = asArray(inforef.grade_itemref?.grade_item).map((item: X) => item.id)
      for (const item of items) {
        if (!refs.includes(item['@id'])) wrong.push(`${directory}/inforef.xml: does not name its grade item ${item['@id']}`)
        if (item.categoryid !== courseCategory) wrong.push(`${directory}/grades.xml: grade item in category ${item.categoryid}, the gradebook's is ${courseCategory}`)
        if (item.iteminstance !== own['@id']) wrong.push(`${directory}/grades.xml: grade item of quiz ${item.iteminstance}, this one is ${own['@id']}`)
        if (gradeItems.some((other) => other['@id'] === item['@id'])) wrong.push(`${directory}/grades.xml: grade item id ${item['@id']} is the gradebook's too`)
      }
    }
    for (const [html, component, filearea, itemid] of texts) wrong.push(...checkHtml(String(html ?? ''), `${directory} ${filearea}`, areaFiles(contextid, component, filearea, itemid), cmids))
  }
  return wrong
}

/** A question's own references: its files, its true/false answers, its numerical tolerances. */
function checkQuestion(question: X, area: (area: [string, string], itemid: string) => Set<string>, cmids: ReadonlyMap<string, string>): string[] {
  const wrong: string[] = []
  const id = question['@id']
  const where = `questions.xml question ${id}`
  const plugin = question[`plugin_qtype_${question.qtype}_question`]
  if (!plugin) return [`${where}: no plugin_qtype_${question.qtype}_question`]
  const answers: X[] = asArray(plugin.answers?.answer)
  const answerIds = new Set(answers.map((answer) => answer['@id']))
  wrong.push(...checkHtml(String(question.questiontext), `${where} questiontext`, area(['question', 'questiontext'], id), cmids))
  wrong.push(...checkHtml(String(question.generalfeedback), `${where} generalfeedback`, area(['question', 'generalfeedback'], id), cmids))
  for (const answer of answers) {
    wrong.push(...checkHtml(String(answer.answertext), `${where} answer`, area(['question', 'answer'], answer['@id']), cmids))
    wrong.push(...checkHtml(String(answer.feedback), `${where} answer feedback`, area(['question', 'answerfeedback'], answer['@id']), cmids))
  }
  if (question.qtype === 'truefalse' && (!answerIds.has(plugin.truefalse.trueanswer) || !answerIds.has(plugin.truefalse.falseanswer))) wrong.push(`${where}: true/false answers not among its answers`)
  if (question.qtype === 'numerical') for (const record of asArray(plugin.numerical_records?.numerical_record)) if (!answerIds.has(record.answer)) wrong.push(`${where}: a tolerance for answer ${record.answer}, not one of its answers`)
  if (question.qtype === 'multichoice' && Number(plugin.multichoice.single) === 1 && !answers.some((answer) => Number(answer.fraction) > 0)) wrong.push(`${where}: no choice earns anything`)
  return wrong
}

/** `@@PLUGINFILE@@/…` names a file of its area; `$@…VIEWBYID*n@$` an activity of that kind. */
function checkHtml(html: string, where: string, files: ReadonlySet<string>, cmids: ReadonlyMap<string, string>): string[] {
  const wrong: string[] = []
  for (const match of html.matchAll(/@@PLUGINFILE@@(\/[^"'?#\s<>]*)/g)) {
    let decoded: string
    try {
      decoded = match[1]!.split('/').map(decodeURIComponent).join('/')
    } catch {
      wrong.push(`${where}: ${match[0]} cannot be decoded`)
      continue
    }
    if (!files.has(decoded)) wrong.push(`${where}: ${match[0]} is not a file of its area`)
  }
  for (const match of html.matchAll(/\$@(\w+)VIEWBYID\*(\d+)@\$/g)) {
    if (cmids.get(match[2]!) !== match[1]!.toLowerCase()) wrong.push(`${where}: ${match[0]} names no ${match[1]!.toLowerCase()} of the backup`)
  }
  if (/\.\.\/assets\//.test(html)) wrong.push(`${where}: a course file left as ../assets/`)
  return wrong
}

export function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]
}
