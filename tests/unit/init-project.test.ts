import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { build } from '../../src/build.js'
import { initCourse } from '../../src/init.js'
import { planProject, type ProjectFile, workflowPath } from '../../src/init-project.js'
import { targets } from '../../src/targets/index.js'

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
  jobs: Record<string, { 'runs-on': string; needs?: string; if?: string; permissions?: Record<string, string>; steps: Step[] }>
}

/** The workflow file of a plan for the course folder `course` in `cwd`. */
async function planWorkflow(cwd: string, options: { pages?: boolean } = {}): Promise<ProjectFile | undefined> {
  const plan = await planProject({ cwd, courseDir: 'course', version: '1.2.3', ...options })
  if (!plan.ok || !('files' in plan)) throw new Error(`No project plan: ${JSON.stringify(plan)}`)
  return plan.files.find((entry) => entry.path === workflowPath)
}

/** What the Pages job of a workflow that has a `check` job is. */
const pagesJob = (site: string) => ({
  needs: 'check',
  if: "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)",
  'runs-on': 'ubuntu-latest',
  permissions: { contents: 'read', pages: 'write', 'id-token': 'write' },
  environment: { name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' },
  concurrency: { group: 'pages', 'cancel-in-progress': false },
  steps: [
    { uses: 'actions/checkout@v6' },
    { uses: 'actions/setup-node@v6', with: { 'node-version': 20, cache: 'npm' } },
    { run: 'npm ci' },
    { run: 'npx coursepack build course --target web --format github' },
    { uses: 'actions/upload-pages-artifact@v4', with: { path: site } },
    { id: 'deployment', uses: 'actions/deploy-pages@v4' },
  ],
})

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

describe('init --pages', () => {
  it('writes a workflow with a job that builds the website and publishes its folder on GitHub Pages, the one the build writes', async () => {
    const cwd = await folder()
    const file = await planWorkflow(cwd, { pages: true })
    expect(file?.action).toBe('create')
    expect(file?.note).toBe('check on every push and pull request, build on the default branch, and publish it on GitHub Pages')
    const workflow = parse(file!.text!) as Workflow
    expect(Object.keys(workflow.jobs)).toEqual(['check', 'build', 'pages'])
    expect(workflow.jobs.pages).toEqual(pagesJob('dist/my-first-course-web/'))
    // The starter course, built as a website, writes exactly that folder.
    await initCourse(path.join(cwd, 'course'))
    const result = await build({ dir: path.join(cwd, 'course'), out: path.join(cwd, 'dist'), targets: ['web'] })
    expect(path.relative(cwd, result.packages![0]!.folder!)).toBe(path.join('dist', targets.web.folderName!(result.course!)))
    expect(`dist/${targets.web.folderName!(result.course!)}/`).toBe('dist/my-first-course-web/')
  }, 30_000)

  it('publishes the folder of the course that is there, by its id', async () => {
    const cwd = await folder()
    await mkdir(path.join(cwd, 'course'))
    await writeFile(path.join(cwd, 'course', 'course.yml'), 'title: Anything\nid: treaty_1950\n')
    expect((parse((await planWorkflow(cwd, { pages: true }))!.text!) as Workflow).jobs.pages!.steps.at(-2)).toEqual({ uses: 'actions/upload-pages-artifact@v4', with: { path: 'dist/treaty_1950-web/' } })
  })

  it('refuses, writing nothing, when course.yml does not give the course id', async () => {
    const cwd = await folder()
    await mkdir(path.join(cwd, 'course'))
    await writeFile(path.join(cwd, 'course', 'course.yml'), 'title: [not, a, title]\n')
    expect(await planProject({ cwd, courseDir: 'course', version: '1.2.3', pages: true })).toMatchObject({ ok: false, reason: expect.stringContaining('run `coursepack check course`') })
  })

  it('adds the job to a workflow init wrote before, keeping every byte of it, and keeps it the second time', async () => {
    const cwd = await folder()
    const first = await planWorkflow(cwd)
    await mkdir(path.join(cwd, '.github/workflows'), { recursive: true })
    await writeFile(path.join(cwd, workflowPath), first!.text!)
    const added = await planWorkflow(cwd, { pages: true })
    expect(added).toMatchObject({ action: 'update', note: 'the job `pages`, which publishes the course on GitHub Pages' })
    expect(added!.text!.startsWith(first!.text!)).toBe(true)
    const workflow = parse(added!.text!) as Workflow
    expect(workflow).toEqual({ ...parse(first!.text!), jobs: { ...(parse(first!.text!) as Workflow).jobs, pages: pagesJob('dist/my-first-course-web/') } })

    await writeFile(path.join(cwd, workflowPath), added!.text!)
    expect(await planWorkflow(cwd, { pages: true })).toEqual({ path: workflowPath, action: 'keep', note: 'it publishes to GitHub Pages already' })
  })

  it('fits an author\'s workflow: its indentation and line ends, and no `needs: check` where there is no check job', async () => {
    const cwd = await folder()
    const theirs = 'name: Mine\r\non: push\r\njobs:\r\n    test:\r\n        runs-on: ubuntu-latest\r\n        steps:\r\n            - run: echo hi\r\n'
    await mkdir(path.join(cwd, '.github/workflows'), { recursive: true })
    await writeFile(path.join(cwd, workflowPath), theirs)
    const added = await planWorkflow(cwd, { pages: true })
    expect(added?.action).toBe('update')
    expect(added!.text!.startsWith(theirs)).toBe(true)
    expect(added!.text!.replaceAll('\r\n', '')).not.toContain('\n')
    expect(added!.text!).toContain('\r\n    pages:\r\n        if: ')
    const { needs, ...withoutNeeds } = pagesJob('dist/my-first-course-web/')
    expect(needs).toBe('check')
    expect((parse(added!.text!) as Workflow).jobs).toEqual({ test: { 'runs-on': 'ubuntu-latest', steps: [{ run: 'echo hi' }] }, pages: withoutNeeds })
  })

  it('leaves a workflow it cannot add to safely as it is, and says what to do', async () => {
    const cwd = await folder()
    await mkdir(path.join(cwd, '.github/workflows'), { recursive: true })
    for (const theirs of ['jobs:\n  test:\n    runs-on: ubuntu-latest\non: push\n', 'on: push\njobs:\n  pages:\n    runs-on: ubuntu-latest\n', 'on: push\njobs: {test: {runs-on: ubuntu-latest}}\n', 'jobs: [\n']) {
      await writeFile(path.join(cwd, workflowPath), theirs)
      expect(await planWorkflow(cwd, { pages: true }), theirs).toMatchObject({ action: 'keep', note: expect.stringContaining('add the job `pages` that coursepack\'s docs/web.md shows by hand') })
    }
  })
})
