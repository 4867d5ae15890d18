import type { Course } from '../../model.js'
import { checkStateBudget, scormPackageFiles } from '../scorm-package.js'
import type { Target } from '../target.js'
import { schemaFiles, scorm2004Manifest } from './manifest.js'
import { scorm2004SetupCard } from './setup-card.js'

/**
 * SCORM 2004 4th Edition: one SCO (index.html, which owns the LMS session),
 * the runtime with SCORM 2004's data model (runtime/), the manifest with the
 * pass mark as the primary objective's measure (manifest.ts), the SCORM 2004
 * XSDs (schemas/scorm2004/), 64000 characters of saved state.
 */
export const scorm2004: Target = {
  name: 'scorm2004',
  label: 'SCORM 2004 4th Edition',
  fileName: (course: Course) => `${course.id}-${course.config.version}-scorm2004.zip`,
  check(context) {
    checkStateBudget(context, 64000, 'SCORM 2004')
  },
  packageFiles: (context) => scormPackageFiles(context, 'scorm2004', schemaFiles, (files) => scorm2004Manifest(context.course, files)),
  setupCard: scorm2004SetupCard,
}
