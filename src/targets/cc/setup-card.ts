import type { Course, Quiz } from '../../model.js'
import { plainText } from '../../questions/list-items.js'
import { type CanvasPlan, planCanvas } from './canvas/plan.js'
import { type PlannedQuiz, planCartridge } from './plan.js'

/**
 * What each LMS keeps of each kind of question (notes §2.4, §3.4, §4.11),
 * as the setup card and docs/targets.md show it.
 */
export const kindsTable = [
  '| Question | Moodle | Canvas |',
  '| --- | --- | --- |',
  '| Single choice | Multiple choice, one answer; per-choice and general feedback; a choice worth part of the points is wrong | Multiple choice; per-choice comments, general feedback as the neutral comment; a choice worth part of the points is wrong |',
  '| Multiple response | Multiple choice, several answers: each right choice worth an equal share, **wrong choices cost nothing** (give them a negative grade after the restore); per-choice and general feedback | Multiple answers: right choices minus wrong ones, over the number of right ones; the right choices\' feedback as the "correct" comment, the wrong choices\' lost |',
  '| True/false | True/false | True/false when the choices say True and False, else multiple choice |',
  '| Fill-in | Short answer, the answers worth full marks, any case; a right answer\'s feedback is lost | Short answer, the answers worth full marks, any case; a right answer\'s feedback is the "correct" comment |',
  '| Numeric, exact | Short answer: the number as text (`1.5` and `1,5`) | Short answer: the number as text (`1.5` and `1,5`) |',
  '| Numeric, range or tolerance | **Left out** | Numerical question, range or exact with margin |',
  '| Matching | **Left out** | Matching, with the extra choices |',
  '| Ordering | **Left out** | Matching: each position (1, 2, …) matched to its item; partial credit |',
  '| Likert | **Left out** | **Left out** |',
].join('\n')

/** The Common Cartridge part of the setup card: what is in it, how to import it, what to set afterwards. */
export function ccSetupCard(course: Course, fileName: string): string {
  const cartridge = planCartridge(course)
  const canvas = planCanvas(cartridge, { quizzesGroupTitle: 'Quizzes' })
  const quizzes = cartridge.quizzes
  const checks = quizzes.filter(({ quiz }) => !quiz.graded).map(({ quiz }) => quiz)
  const withPoints = quizzes.filter(({ questions }) => questions.some(({ fate, question }) => fate.moodle && question.points !== 1))
  const multiple = quizzes.flatMap(({ quiz, questions }) => {
    const found = questions.filter(({ fate }) => fate.form === 'multiple-response')
    return found.length === 0 ? [] : [`${quiz.title}: ${found.map(({ question }) => quote(question.prompt)).join(', ')}`]
  })
  const lostInMoodle = lostIn(quizzes, 'moodle')
  const passMarks = quizzes.filter(({ quiz }) => quiz.passingScore !== undefined).map(({ quiz }) => `${quiz.title} (${quiz.passingScore}%)`)
  const intros = quizzes.filter(({ quiz }) => quiz.intro.children.length > 0).map(({ quiz }) => quiz.title)
  const lessonCount = cartridge.lessons.length
  const graded = quizzes.filter(({ quiz }) => quiz.graded).map(({ quiz }) => quiz.title)

  const lines = [
    `## IMS Common Cartridge 1.1: \`${fileName}\``,
    '',
    'The course as the LMS\'s own pages and quizzes: no SCORM tool and no script. The LMS grades each quiz itself, in a gradebook column of its own; a cartridge carries no course pass mark, so the scoring above is what the SCORM packages report. The same file is two things: a strict IMS Common Cartridge 1.1, which Moodle and other LMSs (Brightspace, Blackboard, Schoology, Sakai) read, and a Canvas course export, which Canvas reads in its place.',
    '',
    '### What is in it',
    '',
    `- ${lessonCount} ${lessonCount === 1 ? 'lesson' : 'lessons'}: pages in Moodle and in Canvas.`,
    ...(graded.length > 0 ? [`- Graded quizzes: ${graded.join(', ')}.`] : []),
    ...(checks.length > 0 ? [`- Knowledge checks: practice quizzes in Canvas, graded quizzes in Moodle (see below): ${checks.map((quiz) => quiz.title).join(', ')}.`] : []),
    ...(cartridge.bank ? [`- A question bank with the GIFT questions the quizzes include: "Quiz Bank 1" in Moodle (${cartridge.bank.questions.length} questions).`] : []),
    ...(canvas.banks.length > 0 ? [`- Question banks in Canvas, one per GIFT file: ${canvas.banks.map((bank) => `"${bank.title}" (${bank.entries.length})`).join(', ')}.`] : []),
    ...(cartridge.omitted.length > 0 ? [`- Left out for Moodle, because it can restore none of their questions and a quiz without one stops its whole restore (Canvas gets them): ${cartridge.omitted.map((quiz) => quiz.title).join(', ')}.`] : []),
    '',
    '### Canvas',
    '',
    ...canvasSection(course, canvas),
    '',
    '### Moodle',
    '',
    '1. In the course, **More → Course reuse → Restore** (or **Site administration → Courses → Restore course**); upload the `.imscc` file under **Import a backup file** and choose **Restore**. Moodle recognises IMS Common Cartridge 1.1 and converts it.',
    '2. Restore **as a new course**, or **into this course** (merging with or deleting its content). Moodle\'s **Import** copies from another Moodle course only: a cartridge goes through Restore.',
    '3. Each quiz becomes a Moodle quiz with its questions in a category named after it; the lessons become pages, the first module the course\'s first section.',
    ...moodleAfter({ checks, withPoints, multiple, settings: [...quizzes.flatMap(({ quiz }) => settingsOf(quiz, 'moodle')), ...weights(quizzes, 'moodle')], passMarks, intros, lostInMoodle, links: cartridge.lessonLinks.map(({ from, to }) => `${from.title} → ${to.title}`) }),
    '',
    '### What each LMS keeps of each kind of question',
    '',
    kindsTable,
    '',
  ]
  return lines.join('\n')
}

/** The Canvas part of the card: the import, what arrives, and only what Canvas cannot take. */
function canvasSection(course: Course, canvas: CanvasPlan): string[] {
  const graded = canvas.quizzes.filter(({ quiz }) => quiz.graded)
  const practice = canvas.quizzes.filter(({ quiz }) => !quiz.graded)
  const attempts = (quiz: Quiz) => (quiz.attempts === undefined ? 'unlimited attempts' : `${quiz.attempts} ${quiz.attempts === 1 ? 'attempt' : 'attempts'}`)
  const describe = ({ quiz, points, group }: CanvasPlan['quizzes'][number]) =>
    [
      `${quiz.title} (${points} ${points === 1 ? 'point' : 'points'}, ${attempts(quiz)}, ${quiz.keep === 'last' ? 'latest' : 'highest'} score kept`,
      ...(group ? [group.pick < canvas.quizzes.find((entry) => entry.quiz === quiz)!.entries.length ? `, ${group.pick} questions drawn per attempt` : ', questions shuffled'] : []),
      ...(quiz.shuffle ? [', answers shuffled'] : []),
      ...(quiz.graded && quiz.passingScore !== undefined ? [`, passed at ${quiz.passingScore}%: "score at least" in its module`] : []),
      ')',
    ].join('')
  const weighted = canvas.weighted ? [`- Assignment groups, one per graded quiz, weighted as the course score weights them: ${canvas.assignmentGroups.map((group) => `${group.title} ${group.weight}%`).join(', ')}.`] : []
  const sequential = course.config.canvas?.sequential ? ['- Each module\'s items open in order (`canvas: { sequential: true }` in course.yml).'] : []
  const lost = canvas.quizzes.flatMap(({ quiz, entries }) => {
    const kept = new Set(entries.map((entry) => entry.question))
    const left = quiz.questions.filter((question) => !kept.has(question))
    return left.length === 0 ? [] : [`${quiz.title}: ${left.map((question) => `${quote(question.prompt)} (${kindName[question.kind]})`).join(', ')}`]
  })
  const omitted = course.pages.filter((page): page is Quiz => page.kind === 'quiz' && !canvas.quizzes.some((entry) => entry.quiz === page))
  const allOrNothing = canvas.quizzes.flatMap(({ quiz, entries }) => {
    const found = entries.filter((entry) => entry.question.kind === 'multiple-response' && 'scoring' in entry.question && entry.question.scoring === 'all-or-nothing')
    return found.length === 0 ? [] : [`${quiz.title}: ${found.map((entry) => quote(entry.question.prompt)).join(', ')}`]
  })
  const after = [
    ...(lost.length > 0 ? [`- Not imported (Canvas has no such question), to add by hand if you need them: ${lost.join('; ')}.`] : []),
    ...(omitted.length > 0 ? [`- Left out, since Canvas can take none of their questions: ${omitted.map((quiz) => quiz.title).join(', ')}.`] : []),
    ...(allOrNothing.length > 0 ? [`- Multiple answers: Canvas gives partial credit (right choices minus wrong ones), where the course gives all or nothing; a Classic Quiz cannot do all or nothing: ${allOrNothing.join('; ')}.`] : []),
    ...(course.config.passingScore !== undefined ? [`- The course's pass mark (${course.config.passingScore}%): Canvas has no course pass mark; the quizzes' pass marks are their modules' requirements.`] : []),
  ]
  return [
    'The cartridge is also a Canvas course export: Canvas reads its own files in it, not the Common Cartridge parts.',
    '',
    '1. In the course, **Settings → Import Course Content**; Content Type **Canvas Course Export Package**; choose the `.imscc` file. (**Common Cartridge 1.x Package** finds the same export and gives the same course, with an extra question bank per quiz.)',
    '2. Keep **All content**; leave **Import existing quizzes as New Quizzes** off to get the Classic Quizzes described here (see below); then **Import**.',
    '3. What arrives, published:',
    `   - ${canvas.pages.length} ${canvas.pages.length === 1 ? 'Page' : 'Pages'}, one per lesson, in the modules of the outline; each module item is a requirement (view a Page, submit a quiz).`,
    ...(graded.length > 0 ? [`   - Graded quizzes, each with its assignment: ${graded.map(describe).join('; ')}.`] : []),
    ...(practice.length > 0 ? [`   - Practice quizzes, which count for nothing: ${practice.map(describe).join('; ')}.`] : []),
    ...weighted.map((line) => `   ${line}`),
    ...sequential.map((line) => `   ${line}`),
    '',
    'After the import:',
    '',
    ...(after.length > 0 ? after : ['- Nothing to set: Canvas takes the whole course.']),
    '',
    '**Import existing quizzes as New Quizzes** (where Canvas offers it): Canvas first imports the quizzes as above, then makes each graded quiz a New Quiz (an assignment of the New Quizzes tool, in the same group) and each practice quiz an ungraded New Quiz (0 points, left out of the final grade); the New Quizzes service then builds the questions from the Classic Quiz. This was read in Canvas\'s code (`QuizzesNext::Importers::CourseContentImporter`), not run: the New Quizzes service is not public, so which question settings survive it is not verified.',
  ]
}

function moodleAfter(found: {
  readonly checks: readonly Quiz[]
  readonly withPoints: readonly PlannedQuiz[]
  readonly multiple: readonly string[]
  readonly settings: readonly string[]
  readonly passMarks: readonly string[]
  readonly intros: readonly string[]
  readonly lostInMoodle: readonly string[]
  readonly links: readonly string[]
}): string[] {
  const steps = [
    '- Marks: Moodle gives every imported question 1 mark in its quiz, and the quiz a maximum grade of 10. On each quiz\'s **Questions** page, check the total and the maximum grade' +
      (found.withPoints.length > 0
        ? `, and set these marks: ${found.withPoints.map(({ quiz, questions }) => `${quiz.title}: ${questions.filter(({ fate, question }) => fate.moodle && question.points !== 1).map(({ question }) => `${quote(question.prompt)} ${question.points}`).join(', ')}`).join('; ')}.`
        : '.'),
    ...(found.multiple.length > 0
      ? [`- Multiple response: Moodle's import gives wrong choices no penalty, so ticking every box earns full marks. In each of these questions, give the wrong choices a negative grade (**Edit question**): ${found.multiple.join('; ')}.`]
      : []),
    ...(found.checks.length > 0 ? [`- Knowledge checks: set their **Maximum grade** to 0 (on the quiz's Questions page), so that they do not count: ${found.checks.map((quiz) => quiz.title).join(', ')}.`] : []),
    ...found.settings.map((setting) => `- ${setting}`),
    ...(found.passMarks.length > 0 ? [`- Pass marks: set **Grade to pass** in each quiz's settings: ${found.passMarks.join(', ')}.`] : []),
    ...(found.intros.length > 0 ? [`- Moodle drops each quiz's introduction: paste it into the quiz's **Description** if you want it: ${found.intros.join(', ')}.`] : []),
    ...(found.links.length > 0 ? [`- Links between lessons lead nowhere in Moodle (it does not keep lesson pages as files): link them again with the editor's link to a page, or rely on Moodle's activity navigation: ${found.links.join('; ')}.`] : []),
    ...(found.lostInMoodle.length > 0 ? [`- Not imported, to add by hand if you need them: ${found.lostInMoodle.join('; ')}.`] : []),
  ]
  return ['', 'After the restore:', '', ...steps]
}

/** How the course weights its graded quizzes, when it has several: each LMS grades them apart. */
function weights(quizzes: readonly PlannedQuiz[], lms: 'moodle' | 'canvas'): string[] {
  const graded = quizzes.filter(({ quiz }) => quiz.graded).map(({ quiz }) => quiz)
  const total = graded.reduce((sum, quiz) => sum + quiz.weight, 0)
  if (graded.length < 2 || total === 0) return []
  const shares = graded.map((quiz) => `${quiz.title} ${Math.round((quiz.weight / total) * 1000) / 10}%`).join(', ')
  return [`Weights: the course weights its graded quizzes ${shares}; ${lms === 'canvas' ? 'put them in assignment groups and weight those (**Assignments → Assignment Groups Weight**)' : 'set them as the quizzes\' **Weights** in the gradebook setup'}.`]
}

/** The questions an LMS leaves out, by quiz. */
function lostIn(quizzes: readonly PlannedQuiz[], lms: 'moodle' | 'canvas'): string[] {
  return quizzes.flatMap(({ quiz }) => {
    const lost = quiz.questions.filter((question) => {
      const written = quizzes.find((entry) => entry.quiz === quiz)?.questions.find((entry) => entry.question === question)
      return !written || !written.fate[lms]
    })
    return lost.length === 0 ? [] : [`${quiz.title}: ${lost.map((question) => `${quote(question.prompt)} (${kindName[question.kind]})`).join(', ')}`]
  })
}

const kindName: Readonly<Record<Quiz['questions'][number]['kind'], string>> = {
  'single-choice': 'single choice',
  'multiple-response': 'multiple response',
  'true-false': 'true/false',
  'fill-in': 'fill-in',
  numeric: 'numeric',
  matching: 'matching',
  sequencing: 'ordering',
  likert: 'likert',
}

/** The settings of a quiz that neither importer takes, as steps in `lms`. */
function settingsOf(quiz: Quiz, lms: 'moodle' | 'canvas'): string[] {
  const steps: string[] = []
  if (quiz.pick !== undefined && quiz.pick < quiz.questions.length) {
    steps.push(`${quiz.title} draws ${quiz.pick} of its ${quiz.questions.length} questions per attempt; the imported quiz shows them all: ${lms === 'canvas' ? 'put them in a **question group** that picks' : 'replace them with **random questions** from its category, as many as'} ${quiz.pick}.`)
  }
  if (quiz.shuffle) steps.push(`${quiz.title} shuffles its answers: turn on ${lms === 'canvas' ? '**Shuffle answers**' : '**Shuffle within questions**'}.`)
  if (quiz.keep === 'last' && quiz.attempts !== 1) steps.push(`${quiz.title} keeps the last attempt: set ${lms === 'canvas' ? '**Quiz score to keep: Latest**' : '**Grading method: Last attempt**'}.`)
  return steps
}

/** A question as the card names it: its prompt, quoted, cut short. */
function quote(prompt: Quiz['questions'][number]['prompt']): string {
  const text = plainText(prompt).replace(/\s+/g, ' ')
  return `"${text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text}"`
}
