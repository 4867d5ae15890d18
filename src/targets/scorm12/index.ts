import type { Course } from '../../model.js'
import { checkStateBudget, scormPackageFiles } from '../scorm-package.js'
import type { Target } from '../target.js'
import { schemaFiles, scorm12Manifest } from './manifest.js'
import { scorm12SetupCard } from './setup-card.js'

/**
 * SCORM 1.2: one SCO (index.html, which owns the LMS session), the runtime
 * with SCORM 1.2's data model (runtime/), the manifest (manifest.ts) and the
 * SCORM 1.2 XSDs (schemas/scorm12/), 4096 characters of saved state.
 */
export const scorm12: Target = {
  name: 'scorm12',
  label: 'SCORM 1.2',
  fileName: (course: Course) => `${course.id}-${course.config.version}-scorm12.zip`,
  check(context) {
    checkStateBudget(context, 4096, 'SCORM 1.2', { target: 'scorm2004', budget: 64000 })
  },
  packageFiles: (context) => scormPackageFiles(context, 'scorm12', schemaFiles, (files) => scorm12Manifest(context.course, files)),
  setupCard: scorm12SetupCard,
}
