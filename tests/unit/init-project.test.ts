import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { planProject, type ProjectFile, workflowPath } from '../../src/init-project.js'

const made: string[] = []
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'coursepack-init-'))
  made.push(dir)
  return dir
}

/** The workflow a plan writes, parsed. */
async function workflowOf(courseDir: string): Promise<{ text: string; workflow: Workflow }> {
  const plan = await planProject({ cwd: await folder(), courseDir, version: '1.2.3' })
  if (!plan.ok || !('files' in plan)) throw new Error('No project plan')
  const file = plan.files.find((entry: ProjectFile) => entry.path === workflowPath)
  if (!file?.text) throw new Error('No workflow in the plan')
  return { text: file.text, workflow: parse(file.text) as Workflow }
}

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}

interface Workflow {
  on: Record<string, unknown>
  jobs: Record<string, { 'runs-on': string; needs?: string; if?: string; steps: Step[] }>
}

describe('the CI workflow that init writes', () => {
  it('is YAML with a check job on every push and pull request, and a build job on the default branch that keeps the packages', async () => {
    const { text, workflow } = await workflowOf('course')
    expect(text).not.toContain('{{')
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch'])
    expect(Object.keys(workflow.jobs)).toEqual(['check', 'build'])

    const setup = [
      { uses: 'actions/checkout@v6' },
      { uses: 'actions/setup-node@v6', with: { 'node-version': 20, cache: 'npm' } },
      { run: 'npm ci' },
    ]
    const { check, build } = workflow.jobs
    expect(check).toEqual({ 'runs-on': 'ubuntu-latest', steps: [...setup, { run: 'npx coursepack check course --format github' }] })
    expect(build).toEqual({
      needs: 'check',
      if: "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)",
      'runs-on': 'ubuntu-latest',
      steps: [
        ...setup,
        { run: 'npx coursepack build course --format github' },
        { uses: 'actions/upload-artifact@v6', with: { name: 'course-packages', path: 'dist/', 'if-no-files-found': 'error' } },
      ],
    })
  })

  it('names a course folder with spaces or punctuation as one word, and stays YAML', async () => {
    const { workflow } = await workflowOf('courses/History: 1950s #2')
    expect(workflow.jobs.check!.steps.at(-1)).toEqual({ run: 'npx coursepack check "courses/History: 1950s #2" --format github' })
    expect(workflow.jobs.build!.steps.at(-2)).toEqual({ run: 'npx coursepack build "courses/History: 1950s #2" --format github' })
  })

  it('is left out with ci: false, and never replaces a workflow that is there', async () => {
    const cwd = await folder()
    const without = await planProject({ cwd, courseDir: 'course', version: '1.2.3', ci: false })
    expect('files' in without && without.files.map((file) => file.path)).toEqual(['package.json', '.gitignore'])

    await writeFile(path.join(cwd, 'package.json'), '{"name": "mine", "private": true}')
    await mkdir(path.join(cwd, '.github/workflows'), { recursive: true })
    await writeFile(path.join(cwd, workflowPath), 'name: mine\n')
    const plan = await planProject({ cwd, courseDir: 'course', version: '1.2.3' })
    expect('files' in plan && plan.files.find((file) => file.path === workflowPath)).toEqual({ path: workflowPath, action: 'keep', note: 'it is there already, left as it is' })
  })
})

describe('planProject', () => {
  it('adds coursepack as a dev dependency to a package.json that names it nowhere, and says to install it', async () => {
    const cwd = await folder()
    await writeFile(path.join(cwd, 'package.json'), '{\r\n\t"name": "mine",\r\n\t"devDependencies": {\r\n\t\t"markdownlint-cli": "^0.40.0"\r\n\t}\r\n}')
    const plan = await planProject({ cwd, courseDir: 'course', version: '1.2.3' })
    if (!plan.ok || !('files' in plan)) throw new Error('No project plan')
    expect(plan.install).toBe(true)
    expect(plan.commands).toEqual({ build: 'npm run build', check: 'npm run check', preview: 'npm run preview' })
    const packageFile = plan.files.find((file) => file.path === 'package.json')
    expect(packageFile?.note).toBe('the scripts build, check, preview, and coursepack ^1.2.3 as a dev dependency')
    // Its tabs and CRLF line ends stay; scripts go before the dependencies; no final line end was there, none is added.
    expect(packageFile?.text).toBe(
      '{\r\n\t"name": "mine",\r\n\t"scripts": {\r\n\t\t"build": "coursepack build course",\r\n\t\t"check": "coursepack check course",\r\n\t\t"preview": "coursepack preview course"\r\n\t},\r\n\t"devDependencies": {\r\n\t\t"coursepack": "^1.2.3",\r\n\t\t"markdownlint-cli": "^0.40.0"\r\n\t}\r\n}',
    )
  })

  it('leaves the project alone when the course is not inside the folder, or the folder is coursepack\'s own', async () => {
    const cwd = await folder()
    expect(await planProject({ cwd, courseDir: '.', version: '1.2.3' })).toMatchObject({ ok: true, skipped: expect.stringContaining('run `coursepack init') })
    expect(await planProject({ cwd, courseDir: '../elsewhere', version: '1.2.3' })).toMatchObject({ ok: true, skipped: expect.stringContaining(`in ${path.dirname(cwd)} to add them`) })
    await writeFile(path.join(cwd, 'package.json'), '{"name": "coursepack"}')
    expect(await planProject({ cwd, courseDir: 'my-course', version: '1.2.3' })).toMatchObject({ ok: true, skipped: expect.stringContaining('coursepack\'s own') })
  })
})
