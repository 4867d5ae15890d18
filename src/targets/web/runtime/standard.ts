import type { Launch, Standard, Status } from '../../../runtime/lms.js'
import { createLocalConnection } from '../../../runtime/local-connection.js'

/**
 * The website's "standard": no LMS at all. It never looks for a SCORM API
 * (a site may well be framed by a page that has one, and must not report to
 * it); what the session writes stays in this browser's localStorage, under
 * the course id and the site's own path, so that two courses on one origin
 * (GitHub Pages project sites all share `user.github.io`) keep apart.
 * Element names are its own; nothing but this runtime reads them.
 */
export const browserStorage: Standard = {
  connect: (win, courseId) => createLocalConnection(`coursepack:${courseId}:${sitePath(win.location.pathname)}`, 'learner'),
  readLaunch(read): Launch {
    const status = read('status')
    return {
      status: [['status', status]],
      savedState: read('state'),
      location: read('location'),
      statusRecorded: status !== '',
      passingScore: null,
      learnerName: '',
      learnerId: read('learner'),
      interactionCount: 0,
    }
  },
  score: (percent) => [['score', String(percent)]],
  status: (status: Status) => [['status', status.success !== 'unknown' ? status.success : status.finished ? 'completed' : 'incomplete']],
  // Answers are in the saved state already; nobody reads a record of interactions here.
  interaction: () => [],
  location: (pageId) => [['location', pageId]],
  savedState: (text) => [['state', text]],
  exit: () => [],
  // localStorage holds about 5 million characters per origin, which every course on it shares.
  stateBudget: 64000,
  learnerIdElement: 'learner',
  standaloneNotice: 'statusWebsite',
}

/**
 * The folder the site is served from: `/repo/` for `/repo/index.html` and
 * for `/repo/` alike, so that both addresses of the course find the same progress.
 *
 * @example
 *   sitePath('/course/index.html') //=> '/course/'
 */
export function sitePath(pathname: string): string {
  return pathname.slice(0, pathname.lastIndexOf('/') + 1)
}
