import type { Course } from '../../model.js'
import { checkStateBudget, readRuntime } from '../scorm-package.js'
import type { Target } from '../target.js'
import { webSetupCard } from './setup-card.js'

/** What localStorage may hold of one learner's progress in one course (runtime/standard.ts says the same). */
const stateBudget = 64000

/**
 * A static website: the course's own shell and pages, as in the SCORM
 * packages, with a runtime that keeps progress in the browser and never
 * looks for an LMS (runtime/). No manifest. Written as a folder to serve as
 * it is (`<id>-web/`), and as a zip of the same files.
 */
export const web: Target = {
  name: 'web',
  label: 'Website',
  fileName: (course: Course) => `${course.id}-${course.config.version}-web.zip`,
  // No version in the folder's name: where it is published stays the same from one version to the next.
  folderName: (course: Course) => `${course.id}-web`,
  check(context) {
    checkStateBudget(context, stateBudget, 'the browser storage of a website')
  },
  async packageFiles(context) {
    return [
      ...context.web,
      await readRuntime('web'),
      // GitHub Pages, when it publishes a branch, runs Jekyll, which drops files whose names start with `_`: this turns it off.
      { path: '.nojekyll', data: new Uint8Array() },
    ]
  },
  setupCard: webSetupCard,
}
