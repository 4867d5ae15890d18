import type { Course } from '../../model.js'

/** The SCORM 2004 part of the setup card: what the package reports, and the Moodle and Canvas settings. */
export function scorm2004SetupCard(course: Course, fileName: string): string {
  const graded = course.pages.some((page) => page.kind === 'quiz' && page.graded)
  const pass = course.config.passingScore
  return [
    `## SCORM 2004 4th Edition: \`${fileName}\``,
    '',
    '### What it reports',
    '',
    graded
      ? '- `cmi.score.raw`: the course score in percent (min 0, max 100), and `cmi.score.scaled`, the same as a fraction (0–1).'
      : '- No score.',
    '- `cmi.completion_status`: `completed` once every page was seen or the graded work is done, `incomplete` until then.',
    graded && pass !== undefined
      ? `- \`cmi.success_status\`: \`passed\` or \`failed\` against the pass mark the LMS sends (\`cmi.scaled_passing_score\`, from the manifest: ${pass / 100}), once the graded work is done.`
      : '- `cmi.success_status`: `unknown` (the course has no pass mark).',
    '- **Answers**: one `cmi.interactions` record per answered question (id, type, the question, the response, the correct answer, result, time).',
    '- **Progress**: up to 64,000 characters of saved state, so that learners resume where they left, with their answers.',
    '',
    '### Moodle',
    '',
    '1. In the course, **Add an activity or resource → SCORM package**, and upload the zip (Moodle reads it as SCORM 2004 from its manifest).',
    '2. **Grade**: grading method **Highest grade**; maximum grade **100**: Moodle grades SCORM 2004 from `cmi.score.raw`, a percentage.',
    '3. **Attempts management**: the number of attempts you allow; attempts grading **Highest attempt**. Leave **Force completed** and **Force new attempt** at No.',
    '4. Check it as a student with **Enter**: **Preview** mode records no grade.',
    '',
    '### Canvas',
    '',
    '1. Open the **SCORM** tool in the course navigation (Instructure\'s hosted Canvas), upload the zip and import it **as a graded assignment** with the points you want.',
    '2. Canvas reads the scaled score (0–1) of a SCORM 2004 package and turns it into those points; check it once as a student (Student View) before the class starts.',
    '',
  ].join('\n')
}
