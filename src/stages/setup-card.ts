import type { Course, Quiz } from '../model.js'

/** One package of the build, as the setup card names it. */
export interface CardPackage {
  /** As teachers know the standard: `SCORM 1.2`. */
  readonly label: string
  readonly fileName: string
  /** The target's own section: what the package reports and the LMS settings (Markdown, from `##`). */
  readonly section: string
  /** The folder the same files are in, for a package used unzipped (a website): not one to upload to an LMS. */
  readonly folder?: string
}

/**
 * The setup card written next to the packages (`<id>-LMS-SETUP.md`): how
 * the course is scored, the same whatever the package, then, for each
 * package built, what it reports and what to pick in Moodle and Canvas so
 * that the score lands in the gradebook.
 */
export function setupCard(course: Course, packages: readonly CardPackage[]): string {
  const lines = [
    `# ${course.config.title}: setting it up in your LMS`,
    '',
    packages.length === 1
      ? packages[0]!.folder === undefined
        ? `Package: \`${packages[0]!.fileName}\`, ${packages[0]!.label}. Upload it as it is; do not unzip it.`
        : `${packages[0]!.label}: the folder \`${packages[0]!.folder}/\`, and the same files in \`${packages[0]!.fileName}\`. It is not for an LMS: its section below says how to publish it.`
      : [
          'Packages, one per standard: pick the one your LMS takes, and upload it as it is; do not unzip it.',
          ...packages.map((entry) => (entry.folder === undefined ? `- \`${entry.fileName}\`: ${entry.label}` : `- \`${entry.folder}/\` and \`${entry.fileName}\`: ${entry.label}, not for an LMS (see its section below)`)),
        ].join('\n'),
    '',
    '## How the course is scored',
    '',
    ...scoring(course),
    '',
    ...packages.map((entry) => entry.section),
  ]
  return lines.join('\n')
}

function scoring(course: Course): string[] {
  const quizzes = course.pages.filter((page): page is Quiz => page.kind === 'quiz')
  const graded = quizzes.filter((quiz) => quiz.graded)
  const checks = quizzes.filter((quiz) => !quiz.graded)
  const pass = course.config.passingScore
  const totalWeight = graded.reduce((sum, quiz) => sum + quiz.weight, 0)
  const lines =
    graded.length === 0
      ? ['- No quiz counts toward a grade: the package reports **no score**, only that the course is completed once every page was visited.']
      : [
          `- **Score**: the course score in percent, 0 to 100, sent when the learner submits the last graded quiz, and again after every retake. It is the ${graded.length === 1 ? 'score of' : 'weighted mean of'}:`,
          ...graded.map((quiz) => `  - ${quiz.title}: ${describeQuiz(quiz, totalWeight, graded.length)}`),
          pass === undefined
            ? '- **Pass mark**: none; the course is completed once the graded work is done.'
            : `- **Pass mark**: ${pass}%: \`passed\` at ${pass}% or more, else \`failed\` (a pass mark the LMS sends back to the package overrides it).`,
        ]
  if (checks.length > 0) lines.push(`- Knowledge checks that count for nothing: ${checks.map((quiz) => quiz.title).join(', ')}.`)
  return lines
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
