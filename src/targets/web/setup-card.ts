import type { Course } from '../../model.js'

/** The website's part of the setup card: what it reports (nothing), and how to publish it. */
export function webSetupCard(course: Course, fileName: string): string {
  const folder = `${course.id}-web`
  return [
    `## Website: \`${folder}/\` and \`${fileName}\``,
    '',
    `The course as a static website, for an open course or to show a draft to a colleague without an LMS: the same pages and quizzes as the LMS packages. The folder \`${folder}/\` holds the site, and the zip holds the same files.`,
    '',
    '### What it reports',
    '',
    '- **Nothing.** No score, status or answer is sent anywhere; no gradebook sees it. For grades, upload an LMS package instead.',
    '- **Progress** (the pages visited, the answers, the quiz scores) is kept in the learner\'s browser, on that device only, and the site tells the learner so. Clearing the browser\'s site data starts the course afresh.',
    '',
    '### Publishing',
    '',
    `1. **Any web server or static host**: copy the files inside \`${folder}/\` (or the zip's files, unzipped) into a folder the server serves; \`index.html\` opens the course. Every link is relative, so the site works at the root of a domain and under a sub-path (\`https://example.org/courses/${course.id}/\`) alike.`,
    '2. **GitHub Pages**: `coursepack init --pages` adds a job to the GitHub Actions workflow that builds the site and publishes it on every push to the default branch. Once, in the repository\'s **Settings → Pages**, set **Source** to **GitHub Actions**. The course is then at `https://<user>.github.io/<repository>/`.',
    '3. **A draft for a colleague**: send the zip. They unzip it and open `index.html` in their browser; no server is needed.',
    '',
  ].join('\n')
}
