import type { Course, Quiz } from '../../model.js'
import { plainText } from '../../questions/list-items.js'
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
  const quizzes = cartridge.quizzes
  const checks = quizzes.filter(({ quiz }) => !quiz.graded).map(({ quiz }) => quiz)
  const withPoints = quizzes.filter(({ questions }) => questions.some(({ fate, question }) => fate.moodle && question.points !== 1))
  const multiple = quizzes.flatMap(({ quiz, questions }) => {
    const found = questions.filter(({ fate }) => fate.form === 'multiple-response')
    return found.length === 0 ? [] : [`${quiz.title}: ${found.map(({ question }) => quote(question.prompt)).join(', ')}`]
  })
  const lostInMoodle = lostIn(quizzes, 'moodle')
  const lostInCanvas = lostIn(quizzes, 'canvas')
  const passMarks = quizzes.filter(({ quiz }) => quiz.passingScore !== undefined).map(({ quiz }) => `${quiz.title} (${quiz.passingScore}%)`)
  const intros = quizzes.filter(({ quiz }) => quiz.intro.children.length > 0).map(({ quiz }) => quiz.title)
  const lessonCount = cartridge.lessons.length
  const graded = quizzes.filter(({ quiz }) => quiz.graded).map(({ quiz }) => quiz.title)

  const lines = [
    `## IMS Common Cartridge 1.1: \`${fileName}\``,
    '',
    'The course as the LMS\'s own pages and quizzes: no SCORM tool and no script. The LMS grades each quiz itself, in a gradebook column of its own; a cartridge carries no course score and no course pass mark, so the scoring above is what the SCORM packages report.',
    '',
    '### What is in it',
    '',
    `- ${lessonCount} ${lessonCount === 1 ? 'lesson' : 'lessons'}: in Moodle, pages; in Canvas, HTML files in the modules (pages only where an administrator turned on Canvas's "Common Cartridge HTML File to Page Conversion" feature).`,
    ...(graded.length > 0 ? [`- Graded quizzes: ${graded.join(', ')}.`] : []),
    ...(checks.length > 0 ? [`- Knowledge checks, imported as graded quizzes (see below): ${checks.map((quiz) => quiz.title).join(', ')}.`] : []),
    ...(cartridge.bank ? [`- A question bank with the GIFT questions the quizzes include (${cartridge.bank.questions.length}): "${cartridge.bank.title}" in Canvas, "Quiz Bank 1" in Moodle.`] : []),
    ...(cartridge.omitted.length > 0 ? [`- Left out, because Moodle can restore none of their questions and a quiz without one stops its whole restore: ${cartridge.omitted.map((quiz) => quiz.title).join(', ')}.`] : []),
    '',
    '### Canvas',
    '',
    '1. In the course, **Settings → Import Course Content**; Content Type **Common Cartridge 1.x Package**; choose the `.imscc` file.',
    '2. Keep **All content**, and a default question bank for the quizzes\' questions (Canvas suggests "Imported Questions"); then **Import**.',
    '3. Each quiz becomes a Classic Quiz, graded, with an assignment worth the sum of its questions\' points, in the default assignment group. Check in **Modules** that the lessons and quizzes are published.',
    ...canvasAfter(checks, quizzes.flatMap(({ quiz }) => settingsOf(quiz, 'canvas')), passMarks, weights(quizzes, 'canvas'), lostInCanvas),
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

function canvasAfter(checks: readonly Quiz[], settings: readonly string[], passMarks: readonly string[], weighting: readonly string[], lost: readonly string[]): string[] {
  const steps = [
    ...(checks.length > 0 ? [`- Knowledge checks: Canvas makes every imported quiz graded. Edit each, set **Quiz Type** to **Practice Quiz** and save: ${checks.map((quiz) => quiz.title).join(', ')}.`] : []),
    ...settings.map((setting) => `- ${setting}`),
    ...(passMarks.length > 0 ? [`- Pass marks of the quizzes, which a Canvas quiz does not have: ${passMarks.join(', ')}. Use them in the course's grading scheme or requirements if you need them.`] : []),
    ...weighting.map((line) => `- ${line}`),
    ...(lost.length > 0 ? [`- Not imported, to add by hand if you need them: ${lost.join('; ')}.`] : []),
  ]
  return ['', 'After the import:', '', ...steps]
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
