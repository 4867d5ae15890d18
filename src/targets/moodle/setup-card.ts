import type { Course, Quiz } from '../../model.js'
import { planBackup } from './plan.js'

/**
 * The backup's section of the setup card: how to restore it, what it
 * becomes, and after the restore only what no backup can carry.
 */
export function moodleSetupCard(course: Course, fileName: string): string {
  const plan = planBackup(course)
  const quizzes = plan.activities.flatMap((activity) => (activity.modname === 'quiz' ? [activity] : []))
  const graded = quizzes.filter(({ quiz }) => quiz.graded)
  const checks = quizzes.filter(({ quiz }) => !quiz.graded).map(({ quiz }) => quiz.title)
  const pass = course.config.passingScore
  const lessons = plan.activities.length - quizzes.length
  return [
    `## ${fileName}: Moodle course backup`,
    '',
    'A Moodle course backup, restored as a native Moodle course: nothing runs in a package, Moodle grades the quizzes itself. Moodle 4.5 restores it as written; Moodle 5.0 too, with a notice for each question category, which it moves into a question bank activity of the course; Moodle 4.3 and 4.4 with a notice that the backup comes from a newer Moodle.',
    '',
    '### Restoring it',
    '',
    '1. In Moodle, **Site administration → Courses → Restore course** (or, in an existing course, **More → Course reuse → Restore**). Upload the `.mbz` file under **Import a backup file** and choose **Restore**.',
    '2. Restore **into a new course** (pick its category), or **into this course**, merging it with the course\'s content or deleting that first. Keep the defaults on the next pages; on **Schema settings** you may rename the course. Into an existing course, Moodle keeps that course\'s settings: turn on **Enable completion tracking** there if it is off, and its gradebook, if it has grade categories of its own, is kept instead of the backup\'s.',
    '3. Or from the command line: `php admin/cli/restore_backup.php --file=' + fileName + ' --categoryid=<category id>`.',
    '',
    '### What you get',
    '',
    `- ${plan.sections.length} ${plan.sections.length === 1 ? 'section' : 'sections'} (one per module, the course description in the first), ${lessons} ${lessons === 1 ? 'page' : 'pages'} and ${quizzes.length} ${quizzes.length === 1 ? 'quiz' : 'quizzes'}, with completion tracking on: a page is complete when viewed, a quiz when passed (if it has a pass mark) or attempted.`,
    `- Each quiz's questions in a question category of the course named after it${plan.categories.length - 1 > quizzes.length ? ', and each GIFT bank in a category of its own' : ''}, with their marks, feedback, shuffling, attempts and grading method${quizzes.some(({ quiz }) => quiz.pick !== undefined && quiz.pick < quiz.questions.length) ? '; a quiz that draws questions uses random questions from its category' : ''}.`,
    ...(checks.length > 0 ? [`- Knowledge checks with a maximum grade of 0, left out of the course total: ${checks.join(', ')}.`] : []),
    graded.length === 0
      ? '- No graded quiz: the course total stays empty.'
      : `- The gradebook's course total is the course score, out of 100: the ${graded.length === 1 ? 'grade of' : 'weighted mean of the grades of'} ${graded.map(({ quiz }) => quiz.title).join(', ')}${pass === undefined ? '' : `, with a grade to pass of ${pass}`}. Moodle averages the quizzes a learner has taken.`,
    ...multipleResponse(course),
    '',
    '### After the restore',
    '',
    '- Set the course\'s **start date** (Settings): a backup made the same way at every build cannot know when your course starts, so it says none.',
    '',
  ].join('\n')
}

/** The multiple-response questions Moodle grades with partial credit where coursepack gives none. */
function multipleResponse(course: Course): string[] {
  const questions = course.pages
    .filter((page): page is Quiz => page.kind === 'quiz')
    .flatMap((quiz) => quiz.questions.filter((question) => question.kind === 'multiple-response' && question.scoring === 'all-or-nothing' && question.choices.filter((choice) => choice.weight > 0).length > 1))
  if (questions.length === 0) return []
  return [
    `- Multiple response questions all or nothing in coursepack (${questions.length}): Moodle's multiple choice has no all-or-nothing grading, so each right choice earns its share and any wrong choice cancels the question. A learner who ticks only some of the right choices earns part of the marks in Moodle, none in the SCORM packages; every other answer scores the same.`,
  ]
}
