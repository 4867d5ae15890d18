import type { Course, Quiz } from '../model.js'

/**
 * The setup card written next to the zip (`<id>-LMS-SETUP.md`): for Moodle
 * and Canvas, what to pick so that the score lands in the gradebook, and
 * what this package reports, with its own pass mark and graded quizzes.
 */
export function setupCard(course: Course, zipName: string): string {
  const quizzes = course.pages.filter((page): page is Quiz => page.kind === 'quiz')
  const graded = quizzes.filter((quiz) => quiz.graded)
  const checks = quizzes.filter((quiz) => !quiz.graded)
  const pass = course.config.passingScore
  const totalWeight = graded.reduce((sum, quiz) => sum + quiz.weight, 0)

  const scoreLines =
    graded.length === 0
      ? ['- No quiz counts toward a grade: the package reports **no score**, only `completed` once every page was visited.']
      : [
          `- **Score**: the course score in percent, 0 to 100 (\`cmi.core.score.raw\`, with min 0 and max 100), sent when the learner submits the last graded quiz, and again after every retake. It is the ${graded.length === 1 ? 'score of' : 'weighted mean of'}:`,
          ...graded.map((quiz) => `  - ${quiz.title}: ${describeQuiz(quiz, totalWeight, graded.length)}`),
          pass === undefined
            ? '- **Status**: `completed` once the graded work is done (the course has no pass mark).'
            : `- **Status**: \`passed\` at ${pass}% or more, else \`failed\` (the manifest's mastery score is ${pass}; an LMS that sends another mastery score back to the package overrides it).`,
        ]
  const lines = [
    `# ${course.config.title}: setting it up in your LMS`,
    '',
    `Package: \`${zipName}\`, SCORM 1.2 with one SCO. Upload the zip as it is; do not unzip it.`,
    '',
    '## What the package reports',
    '',
    ...scoreLines,
    ...(checks.length > 0 ? [`- Knowledge checks that count for nothing: ${checks.map((quiz) => quiz.title).join(', ')}.`] : []),
    '- **Answers**: one `cmi.interactions` record per answered question (question id, type, response, correct answer, result), visible in Moodle\'s SCORM reports.',
    '- **Progress**: the page the learner is on and their answers, so that they resume where they left; `incomplete` until the graded work is done.',
    '',
    '## Moodle',
    '',
    '1. In the course, **Add an activity or resource → SCORM package**, and upload the zip.',
    '2. **Grade**: grading method **Highest grade**; maximum grade **100** (the package reports a percentage, which Moodle passes to the gradebook as it is).',
    '3. **Attempts management**: the number of attempts you allow; attempts grading **Highest attempt**. Leave **Force completed** and **Force new attempt** at No.',
    `4. **Compatibility settings**: keep **Mastery score overrides status** at Yes${pass === undefined ? '' : ` (it applies the pass mark of ${pass}%)`}.`,
    '5. Check it as a student with **Enter**: **Preview** mode records no grade.',
    '',
    '## Canvas',
    '',
    '1. Open the **SCORM** tool in the course navigation (Instructure\'s hosted Canvas: open-source Canvas has no SCORM tool).',
    '2. Upload the zip and import it **as a graded assignment**, and give the assignment the points you want; the package reports a percentage (0–100) for Canvas to turn into those points.',
    '3. Publish the assignment, then check it as a student (Student View).',
    '',
  ]
  return lines.join('\n')
}

function describeQuiz(quiz: Quiz, totalWeight: number, count: number): string {
  const parts: string[] = []
  if (count > 1) parts.push(totalWeight > 0 ? `${round(quiz.weight / totalWeight * 100)}% of the course score` : 'an equal share')
  parts.push(`${quiz.questions.length} ${quiz.questions.length === 1 ? 'question' : 'questions'}${quiz.pick === undefined ? '' : `, ${quiz.pick} drawn per attempt`}`)
  if (quiz.passingScore !== undefined) parts.push(`its own pass mark ${quiz.passingScore}%`)
  parts.push(quiz.attempts === undefined ? 'unlimited attempts' : `${quiz.attempts} ${quiz.attempts === 1 ? 'attempt' : 'attempts'}`)
  parts.push(`the ${quiz.keep} attempt counts`)
  return parts.join(', ')
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
