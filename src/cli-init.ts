import path from 'node:path'
import { initCourse } from './init.js'
import { planProject, shellWord, workflowPath, writeProject } from './init-project.js'

/** course.yml's JSON Schema in a course repository, from its folder: in the coursepack that npm installs there. */
const installedSchema = path.join('node_modules', 'coursepack', 'schemas', 'course.schema.json')

export interface Options {
  /** Write the GitHub Actions workflow. */
  readonly ci: boolean
  /** Give the workflow a job that publishes the course on GitHub Pages (default: false). */
  readonly pages?: boolean
  /** The running coursepack's version. */
  readonly version: string
}

/**
 * `coursepack init`: the starter course in `dir`, and around it, in the
 * current folder, what makes it a course repository (package.json scripts,
 * .gitignore, the CI workflow). Everything is checked before anything is
 * written. Returns what to print: what was done and what to do next, or why
 * nothing was.
 */
export async function runInit(dir: string, options: Options): Promise<{ ok: boolean; text: string }> {
  const plan = await planProject({ courseDir: dir, ci: options.ci, pages: options.pages === true, version: options.version })
  if (!plan.ok) return { ok: false, text: plan.reason }
  // In a course repository, the schema comes with the coursepack that package.json installs.
  const schema = 'skipped' in plan ? undefined : path.relative(path.resolve(dir), path.join(process.cwd(), installedSchema)).split(path.sep).join('/')
  const course = await initCourse(dir, schema === undefined ? {} : { schema })
  if (!course.ok) return { ok: false, text: course.reason }
  const lines = [course.kept ? `Kept the course in ${dir}: it has a course.yml.` : `Created a starter course in ${dir}.`]
  if ('skipped' in plan) {
    const word = shellWord(dir) ?? JSON.stringify(dir)
    lines.push(plan.skipped, '', 'Next:', `  npx coursepack preview ${word}   see it, and edit it live`, `  npx coursepack build ${word}     make the SCORM zip`)
    return { ok: true, text: lines.join('\n') }
  }

  await writeProject(process.cwd(), plan.files)
  const verbs = { create: 'Wrote', update: 'Added to', keep: 'Kept' } as const
  for (const file of plan.files) lines.push(`${verbs[file.action]} ${file.path}: ${file.note}.`)
  const next: [string, string][] = [
    ...(plan.install ? [['npm install', 'install coursepack, and write the package-lock.json that CI needs'] as [string, string]] : []),
    [plan.commands.preview, 'see the course in a stand-in LMS, and edit it live'],
    [plan.commands.build, 'make the SCORM zip and the setup card in dist/'],
  ]
  const width = Math.max(...next.map(([command]) => command.length)) + 3
  lines.push('', 'Next:', ...next.map(([command, text]) => `  ${command.padEnd(width)}${text}`))
  const workflow = plan.files.find((file) => file.path === workflowPath)
  if (workflow) lines.push('Then commit and push: GitHub checks the course on every push, and builds it on the default branch.')
  if (options.pages && workflow?.action !== 'keep') lines.push('For GitHub Pages, once: in the repository\'s Settings → Pages, set Source to "GitHub Actions". The course is then at https://<user>.github.io/<repository>/.')
  return { ok: true, text: lines.join('\n') }
}
