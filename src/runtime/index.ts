import type { Standard } from './lms.js'
import { startPage } from './page.js'
import { startShell } from './shell.js'

/**
 * One script for the whole package, bundled once per target with its
 * standard (src/targets/<name>/runtime/main.ts): in `index.html` (which
 * embeds the course data) it runs the shell and the LMS session; in a page,
 * the page's side. It never lets an error escape into the course.
 */
export function startRuntime(standard: Standard): void {
  const boot = () => {
    try {
      if (document.getElementById('cp-course')) startShell(document, window, standard)
      else startPage(document, window)
    } catch (error) {
      console.warn('coursepack: the runtime could not start', error)
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot)
  else boot()
}
