import { problem } from '../../diagnostics/problem.js'
import type { Course } from '../../model.js'
import type { Target } from '../target.js'
import { backupFiles } from './backup.js'
import { planBackup } from './plan.js'
import { moodleSetupCard } from './setup-card.js'

/**
 * A Moodle course backup (the "moodle2" format, `.mbz`), which Moodle
 * restores as a native course: a Page per lesson, a Quiz per quiz with its
 * questions in the course's question bank, the gradebook computing the
 * course score. plan.ts decides what goes where and which ids tie the files
 * together, grading.ts how each question scores as coursepack's scoring
 * does, backup.ts and the files it calls write the XML
 * (docs/reference/moodle-backup-format.md). The build's zip stage writes
 * the archive: Moodle reads a zip with its files at the root.
 */
export const moodle: Target = {
  name: 'moodle',
  label: 'Moodle course backup',
  fileName: (course: Course) => `${course.id}-${course.config.version}.mbz`,
  check(context) {
    for (const finding of planBackup(context.course).findings) {
      problem(finding.file, 'moodle-backup-differs', finding.place, finding.reason, finding.hint ? { hint: finding.hint } : {})
    }
  },
  packageFiles: (context) => backupFiles(planBackup(context.course), context),
  setupCard: moodleSetupCard,
}
