import type { Course } from '../../model.js'

/** The SCORM 1.2 part of the setup card: what the package reports, and the Moodle and Canvas settings. */
export function scorm12SetupCard(course: Course, fileName: string): string {
  const graded = course.pages.some((page) => page.kind === 'quiz' && page.graded)
  const pass = course.config.passingScore
  return [
    `## SCORM 1.2: \`${fileName}\``,
    '',
    '### What it reports',
    '',
    graded
      ? '- `cmi.core.score.raw`: the course score in percent, with `score.min` 0 and `score.max` 100.'
      : '- No score: `cmi.core.lesson_status` becomes `completed` once every page was visited.',
    ...(graded
      ? [pass === undefined ? '- `cmi.core.lesson_status`: `completed` once the graded work is done.' : `- \`cmi.core.lesson_status\`: \`passed\` or \`failed\` against the manifest's mastery score, ${pass}.`]
      : []),
    '- **Answers**: one `cmi.interactions` record per answered question (question id, type, response, correct answer, result), visible in Moodle\'s SCORM reports.',
    '- **Progress**: the page the learner is on and their answers, so that they resume where they left; `incomplete` until the graded work is done.',
    '',
    '### Moodle',
    '',
    '1. In the course, **Add an activity or resource → SCORM package**, and upload the zip.',
    '2. **Grade**: grading method **Highest grade**; maximum grade **100** (the package reports a percentage, which Moodle passes to the gradebook as it is).',
    '3. **Attempts management**: the number of attempts you allow; attempts grading **Highest attempt**. Leave **Force completed** and **Force new attempt** at No.',
    `4. **Compatibility settings**: keep **Mastery score overrides status** at Yes${pass === undefined ? '' : ` (it applies the pass mark of ${pass}%)`}.`,
    '5. Check it as a student with **Enter**: **Preview** mode records no grade.',
    '',
    '### Canvas',
    '',
    '1. Open the **SCORM** tool in the course navigation (Instructure\'s hosted Canvas: open-source Canvas has no SCORM tool).',
    '2. Upload the zip and import it **as a graded assignment**, and give the assignment the points you want; the package reports a percentage (0–100) for Canvas to turn into those points.',
    '3. Publish the assignment, then check it as a student (Student View).',
    '',
  ].join('\n')
}
