// Bundles the browser runtime once per target: src/targets/<name>/runtime/main.ts
// → lib/runtime/<name>.js, each with its own standard's data model and no other.
// esbuild bundles and minifies; terser then minifies again, which saves about 420 bytes
// gzipped per bundle (it names variables by how often they are used, which gzip likes).
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises'
import { build } from 'esbuild'
import { minify } from 'terser'

/**
 * Properties that only the runtime's own objects have, shortened in the bundle: the
 * standard, the connection, the save queue, the session, the quiz view and the messages
 * between the shell and its page (one bundle runs in both, so both agree on the names).
 * Never a name of the course data (src/shared/course-data.ts), of a `{placeholder}` in
 * the UI strings, of the DOM or of an LMS's API: the checks below refuse the first two.
 */
const privateProperties = [
  // lms.ts: the standard, what it reads at launch, the status and the interaction it writes
  'connect', 'readLaunch', 'interaction', 'savedState', 'stateBudget', 'learnerIdElement', 'standaloneNotice',
  'statusRecorded', 'learnerName', 'learnerId', 'interactionCount', 'allPagesSeen', 'finished', 'success',
  'courseId', 'response', 'verdict', 'weighting', 'prompt', 'latencyMs',
  // api-connection.ts
  'initialize', 'commit', 'finish', 'lastError', 'errorString', 'diagnostic', 'afterFinishCode', 'notSetCode',
  // save-queue.ts
  'write', 'save', 'flush', 'unsaved', 'onStatus', 'retryDelays', 'schedule', 'cancel', 'budgetMs', 'triesPerCall',
  // session.ts and the quiz view; scoring's and the draw's results
  'visitedCount', 'quizView', 'visit', 'end', 'attemptsAllowed', 'canSubmit', 'kept', 'plan', 'percent',
  'maxPoints', 'matched', 'questionIds', 'choiceOrder',
  // page.ts, quiz-controls.ts, messages.ts
  'fieldset', 'collect', 'restore', 'lock', 'show', 'showSaveStatus', 'pageId', 'view', 'submitted', 'responses', 'prompts',
]

const courseDataKeys = new Set([...(await readFile('src/shared/course-data.ts', 'utf8')).matchAll(/readonly (\w+)\??:/g)].map((match) => match[1]))
const placeholders = new Set()
for (const file of await readdir('templates/locales')) {
  for (const text of Object.values(JSON.parse(await readFile(`templates/locales/${file}`, 'utf8')))) {
    for (const match of text.matchAll(/\{(\w+)\}/g)) placeholders.add(match[1])
  }
}
const clashes = privateProperties.filter((name) => courseDataKeys.has(name) || placeholders.has(name))
if (clashes.length > 0) throw new Error(`bundle-runtimes: ${clashes.join(', ')} cannot be shortened: the course data or a UI string uses the name`)

const targets = (await readdir('src/targets', { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
await mkdir('lib/runtime', { recursive: true })
for (const name of targets) {
  const files = await readdir(`src/targets/${name}/runtime`).catch(() => [])
  if (!files.includes('main.ts')) continue
  const result = await build({
    entryPoints: [`src/targets/${name}/runtime/main.ts`],
    bundle: true,
    write: false,
    minify: true,
    mangleProps: new RegExp(`^(${privateProperties.join('|')})$`),
    format: 'iife',
    // Every browser of the last five years runs ES2020 (optional chaining, `??`).
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
  })
  const { code } = await minify(result.outputFiles[0].text, { ecma: 2020, compress: { passes: 2 }, mangle: true, toplevel: true })
  // A listed name left as a string (`'name' in object`, `object['name']`) would no longer match the shortened property.
  const quoted = privateProperties.filter((property) => new RegExp(`["'\`]${property}["'\`]`).test(code))
  if (quoted.length > 0) throw new Error(`bundle-runtimes: ${name}: ${quoted.join(', ')} used as a string, which cannot be shortened: use it as a plain property, or drop it from privateProperties`)
  await writeFile(`lib/runtime/${name}.js`, code)
}
