import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { build, type BuildResult } from '../../src/build.js'
import type { Quiz } from '../../src/model.js'
import { plainText } from '../../src/questions/list-items.js'
import { courseScore, type Response, scoreQuiz } from '../../src/shared/scoring.js'
import { toCourseData } from '../../src/stages/course-data.js'
import { mathmlOnly } from '../../src/targets/moodle/html.js'
import { moodle } from '../../src/targets/moodle/index.js'
import { moodleName } from '../../src/targets/moodle/xml.js'
import { asArray, checkBackupFiles, checkMoodleBackup, parseXml, type X } from '../helpers/check-moodle-backup.js'
import { buildCourse, packageOf, packagePaths, packageText, reportOf } from '../helpers/course-fixture.js'
import { moodleQuizPercent, type MoodleResponse } from '../helpers/moodle-grading.js'

/** The Moodle backup (docs/reference/moodle-backup-format.md), on tests/fixtures/courses/moodle. */
const fixture = path.resolve(import.meta.dirname, '../fixtures/courses/moodle')
let result: BuildResult
const xml = (name: string): X => parseXml(packageText(result, name))

beforeAll(async () => {
  result = await build({ dir: fixture, targets: ['moodle'] })
})

/** The activity folder of the page or quiz titled `title`. */
function activityDir(title: string): string {
  const activity = asArray(xml('moodle_backup.xml').moodle_backup.information.contents.activities.activity).find((entry: X) => entry.title === title)
  if (!activity) throw new Error(`No activity ${title}`)
  return activity.directory
}

describe('the moodle target', () => {
  it('names the backup <id>-<version>.mbz and passes the structural checks', async () => {
    expect(result.ok).toBe(true)
    expect(moodle.name).toBe('moodle')
    expect(packageOf(result)?.fileName).toBe('moodle-test-2.1.mbz')
    expect(await checkMoodleBackup(packageOf(result)!.zip!)).toEqual([])
  })

  it('writes the files restore needs at the root of the zip, and no imsmanifest.xml', () => {
    const paths = packagePaths(result)
    for (const name of ['moodle_backup.xml', 'files.xml', 'questions.xml', 'gradebook.xml', 'roles.xml', 'groups.xml', 'scales.xml', 'outcomes.xml', 'course/course.xml', 'course/roles.xml']) expect(paths).toContain(name)
    expect(paths.filter((name) => name.startsWith('activities/')).map((name) => name.split('/')[1]).filter((name, index, all) => all.indexOf(name) === index)).toEqual(['page_1', 'page_2', 'quiz_3', 'quiz_4', 'quiz_5'])
    expect(paths).not.toContain('imsmanifest.xml')
  })

  it('rebuilds byte for byte', async () => {
    const again = await build({ dir: fixture, targets: ['moodle'] })
    expect(Buffer.from(again.packages![0]!.zip!).equals(Buffer.from(packageOf(result)!.zip!))).toBe(true)
  })

  it('declares a course backup of Moodle 4.5 from another site, with the course name and no date', () => {
    const info = xml('moodle_backup.xml').moodle_backup.information
    expect(info.backup_release).toBe('4.5')
    expect(Number(info.backup_version)).toBeGreaterThanOrEqual(2024100700)
    expect(info.backup_date).toBe('0')
    expect(info.original_course_fullname).toBe('Moodle test: &lt;links> & kinds')
    expect(info.details.detail.type).toBe('course')
  })

  it('makes a section per module, the loose pages before it in section 0 with the course description', () => {
    const sections = asArray(xml('moodle_backup.xml').moodle_backup.information.contents.sections.section).map((section: X) => xml(`${section.directory}/section.xml`).section)
    expect(sections.map((section: X) => [section.number, section.name, section.sequence])).toEqual([
      ['0', '$@NULL@$', '1'],
      ['1', 'Practice', '2,3'],
      ['2', 'Final quiz', '4,5'],
    ])
    expect(sections[0].summary).toContain('Lessons that link to each other')
    expect(xml('course/course.xml').course.enablecompletion).toBe('1')
  })

  it('writes a lesson as a Page: files in its area whatever their names, links encoded, MathML for math, Bootstrap for callouts', () => {
    const dir = activityDir('The first lesson')
    const page = xml(`${dir}/page.xml`).activity.page
    expect(page.content).toContain('src="@@PLUGINFILE@@/images/carte%20de%20l%E2%80%99Asie%20%C3%A9.svg"')
    expect(page.content).toContain('href="$@PAGEVIEWBYID*2@$#details"')
    expect(page.content).toContain('href="$@QUIZVIEWBYID*4@$"')
    expect(page.content).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"')
    expect(page.content).not.toContain('katex-html')
    expect(page.content).toContain('alert alert-info')
    expect(page.content).toContain('<track')
    const files = asArray(xml('files.xml').files.file).filter((file: X) => file.component === 'mod_page')
    expect(files.map((file: X) => `${file.filepath}${file.filename}`)).toEqual(expect.arrayContaining(['/images/carte de l’Asie é.svg', '/media/speech.mp4', '/media/speech.vtt']))
    expect(xml(`${dir}/module.xml`).module).toMatchObject({ completion: '2', completionview: '1' })
  })

  it('writes a quiz with its settings: attempts, last attempt, shuffle, pass mark as grade to pass and completion', () => {
    const dir = activityDir('Final quiz')
    const quiz = xml(`${dir}/quiz.xml`).activity.quiz
    expect(quiz).toMatchObject({ attempts_number: '2', grademethod: '4', shuffleanswers: '1', grade: '15.00000', sumgrades: '15.00000', preferredbehaviour: 'deferredfeedback' })
    expect(quiz.intro).toContain('$@PAGEVIEWBYID*1@$')
    expect(quiz.sections.section[0].shufflequestions).toBe('1')
    const item = xml(`${dir}/grades.xml`).activity_gradebook.grade_items.grade_item[0]
    expect(item).toMatchObject({ gradetype: '1', grademax: '15.00000', gradepass: '10.50000', aggregationcoef: '3.00000' })
    expect(xml(`${dir}/module.xml`).module).toMatchObject({ completion: '2', completionpassgrade: '1', completiongradeitemnumber: '0' })
  })

  it('gives a knowledge check a maximum grade of 0 and a grade item without grade type, completed by one attempt', () => {
    const dir = activityDir('Practice check')
    const quiz = xml(`${dir}/quiz.xml`).activity.quiz
    expect(quiz).toMatchObject({ grade: '0.00000', completionminattempts: '1' })
    expect(xml(`${dir}/grades.xml`).activity_gradebook.grade_items.grade_item[0]).toMatchObject({ gradetype: '0', aggregationcoef: '0.00000' })
  })

  it('draws `pick` questions as random slots from the quiz\'s own category', () => {
    const dir = activityDir('A pool')
    const slots = asArray(xml(`${dir}/quiz.xml`).activity.quiz.question_instances.question_instance)
    expect(slots).toHaveLength(2)
    const categories = asArray(xml('questions.xml').question_categories.question_category)
    const pool = categories.find((category: X) => category.name === 'A pool')
    for (const slot of slots) expect(JSON.parse(slot.question_set_reference.filtercondition).filter.category.values).toEqual([Number(pool['@id'])])
    expect(asArray(pool.question_bank_entries.question_bank_entry)).toHaveLength(4)
  })

  it('keeps a GIFT bank two quizzes include as one category they both use', () => {
    const categories = asArray(xml('questions.xml').question_categories.question_category)
    expect(categories.map((category: X) => category.name)).toEqual(['top', 'Practice check', 'Terms', 'Final quiz', 'A pool'])
    const terms = categories.find((category: X) => category.name === 'Terms')
    const entries = asArray(terms.question_bank_entries.question_bank_entry).map((entry: X) => entry['@id'])
    for (const title of ['Practice check', 'Final quiz']) {
      const used = asArray(xml(`${activityDir(title)}/quiz.xml`).activity.quiz.question_instances.question_instance).map((slot: X) => slot.question_reference?.questionbankentryid)
      expect(used).toEqual(expect.arrayContaining(entries))
    }
  })

  it('writes every kind as Moodle\'s own question type', () => {
    const questions = asArray(xml('questions.xml').question_categories.question_category).flatMap((category: X) =>
      asArray(category.question_bank_entries?.question_bank_entry).map((entry: X) => entry.question_version.question_versions.questions.question),
    )
    const byName = (name: string) => questions.find((question: X) => question.name === name)
    expect(byName('Name the Soviet capital.').plugin_qtype_shortanswer_question.shortanswer.usecase).toBe('1')
    expect(byName('A credit of how many millions, roughly?').plugin_qtype_numerical_question.numerical_records.numerical_record[0].tolerance).toBe('10')
    const match = byName('Match the people and their parts.').plugin_qtype_match_question.matches.match
    expect(match.map((entry: X) => [plainText([{ type: 'text', value: String(entry.questiontext).replace(/<[^>]+>/g, '') }]), entry.answertext])).toEqual([
      ['Zhou Enlai', 'China'],
      ['Vyshinsky', 'USSR'],
      ['', 'Japan'],
    ])
    expect(byName('Order these events.').plugin_qtype_ordering_question.ordering.gradingtype).toBe('-1')
    const likert = byName('How sure are you?')
    expect(likert.qtype).toBe('multichoice')
    expect(likert.defaultmark).toBe('0.0000000')
    const all = byName('Which came with the treaty?').plugin_qtype_multichoice_question.answers.answer.map((answer: X) => answer.fraction)
    expect(all).toEqual(['0.3333333', '0.3333333', '-1.0000000', '0.3333333'])
  })

  it('makes the course total the course score: a weighted mean out of 100 with the course pass mark', () => {
    const book = xml('gradebook.xml').gradebook
    expect(book.grade_categories.grade_category[0].aggregation).toBe('10')
    expect(book.grade_items.grade_item[0]).toMatchObject({ itemtype: 'course', grademax: '100.00000', gradepass: '60.00000' })
  })

  it('warns only about all-or-nothing multiple response, which Moodle cannot grade so', () => {
    const warnings = reportOf(result).split('\n').filter((line) => line.includes('['))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/03-final\.quiz\.md:\d+:1 +warning .*all-or-nothing.*\[moodle-backup-differs\]/)
  })

  it('gives the same scores as coursepack\'s scoring, graded as Moodle grades, for every response of each question', () => {
    const courseData = toCourseData(result.course!, {})
    const questions = asArray(xml('questions.xml').question_categories.question_category).flatMap((category: X) =>
      asArray(category.question_bank_entries?.question_bank_entry).map((entry: X) => [entry['@id'], entry.question_version.question_versions.questions.question] as const),
    )
    const entry = new Map(questions)
    let compared = 0
    for (const page of result.course!.pages) {
      if (page.kind !== 'quiz' || page.pick !== undefined) continue
      const data = courseData.pages.find((entry) => entry.id === page.id)!.quiz!
      const slots = asArray(xml(`${activityDir(page.title)}/quiz.xml`).activity.quiz.question_instances.question_instance)
      for (const [index, question] of page.questions.entries()) {
        const slot = slots[index]
        const moodleQuestion = entry.get(slot.question_reference.questionbankentryid)
        for (const response of responsesOf(page, index)) {
          const expected = scoreQuiz(data, { [question.id]: response }, [question.id])
          const got = moodleQuizPercent([{ question: moodleQuestion, maxmark: Number(slot.maxmark), response: toMoodle(page, index, response) }])
          // The one known difference: a part of the right choices of an all-or-nothing multiple response.
          const knownDifference = question.kind === 'multiple-response' && question.scoring === 'all-or-nothing' && partOfTheRight(question.choices, response)
          if (knownDifference) expect(got).toBeGreaterThan(expected.percent)
          else expect([question.id, response, got]).toEqual([question.id, response, expected.percent])
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(100)
  })

  it('computes the course total as coursepack\'s course score', () => {
    const items = result.course!.pages.filter((page): page is Quiz => page.kind === 'quiz').map((quiz) => ({ quiz, item: xml(`${activityDir(quiz.title)}/grades.xml`).activity_gradebook.grade_items.grade_item[0] }))
    for (const percents of [[100, 50, 0], [30, 90, 60], [12.5, 66.67, 100]]) {
      const graded = items.filter(({ item }) => item.gradetype === '1')
      // Moodle's weighted mean (grade_category::aggregate_values, GRADE_AGGREGATE_WEIGHTED_MEAN) of the grades normalised to 0–1.
      let sum = 0
      let weights = 0
      graded.forEach(({ item }, index) => {
        sum += Number(item.aggregationcoef) * (percents[index]! / 100)
        weights += Number(item.aggregationcoef)
      })
      const moodleTotal = Math.round((sum / weights) * 100 * 100) / 100
      expect(moodleTotal).toBe(courseScore(graded.map(({ quiz }, index) => ({ percent: percents[index]!, weight: quiz.weight }))))
    }
  })

  it('gives the setup card the restore steps, and after the restore only the start date', () => {
    const card = moodle.setupCard(result.course!, 'moodle-test-2.1.mbz')
    expect(card).toMatch(/^## moodle-test-2\.1\.mbz: Moodle course backup/)
    expect(card).toContain('Course reuse → Restore')
    expect(card).toContain('admin/cli/restore_backup.php --file=moodle-test-2.1.mbz')
    expect(card).toContain('Knowledge checks with a maximum grade of 0, left out of the course total: Practice check.')
    const after = card.slice(card.indexOf('### After the restore'))
    expect(after.split('\n').filter((line) => line.startsWith('- '))).toEqual([expect.stringContaining('**start date**')])
  })

  it('writes names Moodle keeps as they are: a `<` that its cleaning would strip becomes &lt;', () => {
    expect(moodleName('Moodle test: <links> & kinds')).toBe('Moodle test: &lt;links> & kinds')
    expect(moodleName('a < b')).toBe('a < b')
    expect(moodleName('1 <2')).toBe('1 &lt;2')
  })

  it('keeps only the MathML of a KaTeX formula', () => {
    const katex = '<p>A <span class="katex"><span class="katex-mathml"><math><mi>x</mi></math></span><span class="katex-html" aria-hidden="true"><span class="base"><span class="mord">x</span></span></span></span> B</p>'
    expect(mathmlOnly(katex)).toBe('<p>A <math><mi>x</mi></math> B</p>')
  })

  it('builds a course with a lone page, no quiz and no module', async () => {
    const lone = await buildCourse({ 'course.yml': 'title: Lone\ntargets: [moodle]\n', '01-a.md': '# A\n\nText.\n' })
    expect(lone.ok).toBe(true)
    expect(await checkMoodleBackup(packageOf(lone)!.zip!)).toEqual([])
    expect(packageText(lone, 'gradebook.xml')).toContain('<aggregation>10</aggregation>')
  })

  it('finds what the structural checks are there to find', () => {
    const files = packageOf(result)!.files
    const names = files.map((file) => file.path)
    const text = new Map(files.filter((file) => file.path.endsWith('.xml')).map((file) => [file.path, new TextDecoder().decode(file.data)]))
    const broken = new Map(text)
    const quiz = `${activityDir('Final quiz')}/quiz.xml`
    broken.set(quiz, text.get(quiz)!.replace(/<questionbankentryid>\d+</, '<questionbankentryid>999<'))
    const page = `${activityDir('The first lesson')}/page.xml`
    broken.set(page, text.get(page)!.replace('$@QUIZVIEWBYID*4@$', '$@QUIZVIEWBYID*1@$'))
    broken.set('files.xml', text.get('files.xml')!.replace('<filename>timeline.svg</filename>', '<filename>gone.svg</filename>'))
    const found = checkBackupFiles(names, broken)
    expect(found).toEqual(expect.arrayContaining([
      expect.stringContaining('names bank entry 999'),
      expect.stringContaining('$@QUIZVIEWBYID*1@$ names no quiz'),
      expect.stringContaining('@@PLUGINFILE@@/images/timeline.svg is not a file of its area'),
    ]))
    expect(checkBackupFiles(names.filter((name) => name !== 'groups.xml'), text)).toEqual(['no groups.xml'])
  })
})

/** Every response worth trying for question `index` of `quiz`: each choice alone, every set of choices, typed answers near and far, orders and pairings. */
function responsesOf(quiz: Quiz, index: number): Response[] {
  const question = quiz.questions[index]!
  switch (question.kind) {
    case 'single-choice':
    case 'true-false':
    case 'likert':
      return [[], ...question.choices.map((choice) => [choice.id])]
    case 'multiple-response':
      return subsets(question.choices.map((choice) => choice.id))
    case 'fill-in':
      return [[''], ['nothing like it'], ...question.answers.flatMap((answer) => [[answer.value], [answer.value.toUpperCase()], [answer.value.toLowerCase()], [` ${answer.value} `]])]
    case 'numeric':
      return [['x'], ['-1e9'], ...question.answers.flatMap((answer) => [answer.value.min, answer.value.max, (answer.value.min + answer.value.max) / 2, answer.value.min - 0.5, answer.value.max + 0.5].map((value) => [String(value)]))]
    case 'matching':
      return permutations(question.targets.map((target) => target.id)).map((order) => question.sources.map((source, position) => `${source.id}.${order[position]}`))
    case 'sequencing':
      return permutations(question.items.map((item) => item.id))
  }
}

/** A response in Moodle's terms, as check-moodle-backup's grading reads it. */
function toMoodle(quiz: Quiz, index: number, response: Response): MoodleResponse {
  const question = quiz.questions[index]!
  switch (question.kind) {
    case 'single-choice':
    case 'multiple-response':
    case 'likert':
      return { chosen: response.map((id) => question.choices.findIndex((choice) => choice.id === id)) }
    case 'true-false': {
      const chosen = question.choices.find((choice) => choice.id === response[0])
      return chosen ? { value: chosen.booleanLabel === 'true' || /^true$/i.test(plainText(chosen.content)) } : {}
    }
    case 'fill-in':
    case 'numeric':
      return { text: response[0] ?? '' }
    case 'matching': {
      const given = new Map(response.map((pair) => pair.split('.') as [string, string]))
      return { matched: question.sources.map((source) => plainText(question.targets.find((target) => target.id === given.get(source.id))?.content ?? [])) }
    }
    case 'sequencing':
      return { order: response.map((id) => question.items.findIndex((item) => item.id === id)) }
  }
}

function partOfTheRight(choices: readonly { readonly id: string; readonly weight: number }[], response: Response): boolean {
  const right = choices.filter((choice) => choice.weight > 0).map((choice) => choice.id)
  return response.length > 0 && response.length < right.length && response.every((id) => right.includes(id))
}

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((subset) => [...subset, item])], [[]])
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]]
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]))
}

