import { startPage } from './page.js'
import { startShell } from './shell.js'

/**
 * One script for the whole package: in `index.html` (which embeds the course
 * data) it runs the shell and the LMS session; in a page, the page's side.
 * It never lets an error escape into the course.
 */
function boot(): void {
  try {
    if (document.getElementById('cp-course')) startShell(document, window)
    else startPage(document, window)
  } catch (error) {
    console.warn('coursepack: the runtime could not start', error)
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot)
else boot()
