import { execFile, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, statSync, watch } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { makeCourse } from '../helpers/course-fixture.js'

const bin = path.resolve(import.meta.dirname, '../../bin/coursepack.js')
const { version } = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }

/** Run the built CLI (`npm test` compiles it first) and collect what it printed. */
async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('coursepack build', () => {
  it('writes dist/<id>-<version>-scorm12.zip and says where', async () => {
    const root = await makeCourse({ 'course.yml': 'title: My Course\nversion: 2\n', '01-a.md': '# A\n\nText.\n' })
    const parent = path.dirname(root)
    const { code, stdout, stderr } = await run(['build', 'course'], parent)
    expect({ code, stderr: withoutProgress(stderr) }).toEqual({ code: 0, stderr: '' })
    expect(stdout).toMatch(/^Built 1 pages, 0 questions, in [\d.]+ s\n→ dist\/my-course-2-scorm12\.zip \(\d+ KB, \d+ files\)\n→ dist\/my-course-LMS-SETUP\.md: what to set in Moodle and Canvas\n$/)
    expect((await readdir(path.join(parent, 'dist'))).sort()).toEqual(['my-course-2-scorm12.zip', 'my-course-LMS-SETUP.md'])
  })

  it('--target builds one package per target, and the setup card covers each', async () => {
    const root = await makeCourse({ 'course.yml': 'title: My Course\npassingScore: 80\n', '01-q.quiz.md': '# Q\n## Right?\n- [x] yes\n- [ ] no\n' })
    const parent = path.dirname(root)
    const { code, stdout } = await run(['build', 'course', '--target', 'scorm12,scorm2004'], parent)
    expect(code).toBe(0)
    expect(stdout).toMatch(/→ dist\/my-course-1\.0-scorm12\.zip \(\d+ KB, \d+ files\)\n→ dist\/my-course-1\.0-scorm2004\.zip \(\d+ KB, \d+ files\)\n/)
    expect((await readdir(path.join(parent, 'dist'))).sort()).toEqual(['my-course-1.0-scorm12.zip', 'my-course-1.0-scorm2004.zip', 'my-course-LMS-SETUP.md'])
    const card = await readFile(path.join(parent, 'dist', 'my-course-LMS-SETUP.md'), 'utf8')
    expect(card).toContain('## SCORM 1.2: `my-course-1.0-scorm12.zip`')
    expect(card).toContain('## SCORM 2004 4th Edition: `my-course-1.0-scorm2004.zip`')
    expect(card).toContain('from the manifest: 0.8')

    // course.yml's targets, and the command line over them.
    await writeFile(path.join(root, 'course.yml'), 'title: My Course\ntargets: [scorm2004]\n')
    expect((await run(['build', 'course', '--out', 'only2004'], parent)).code).toBe(0)
    expect((await readdir(path.join(parent, 'only2004'))).sort()).toEqual(['my-course-1.0-scorm2004.zip', 'my-course-LMS-SETUP.md'])
    expect((await run(['build', 'course', '--out', 'only12', '-t', 'scorm12'], parent)).code).toBe(0)
    expect((await readdir(path.join(parent, 'only12'))).sort()).toEqual(['my-course-1.0-scorm12.zip', 'my-course-LMS-SETUP.md'])
  })

  it('on errors prints file:line:column, exits 1, writes nothing and keeps the previous zip', async () => {
    const root = await makeCourse({ 'course.yml': 'title: My Course\n', '01-a.md': '# A\n\n![x](missing.png)\n' , 'missing.png': 'x' })
    const parent = path.dirname(root)
    expect((await run(['build', 'course', '--out', 'out'], parent)).code).toBe(0)
    const zipPath = path.join(parent, 'out', 'my-course-1.0-scorm12.zip')
    const before = await readFile(zipPath)

    await writeFile(path.join(root, '01-a.md'), '# A\n\n![x](gone.png)\n\n## Q\n')
    await writeFile(path.join(root, 'course.yml'), 'title: My Course\npassingscore: 80\n')
    const { code, stdout, stderr } = await run(['build', 'course', '--out', 'out'], parent)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      [
        'course/01-a.md:3:1  error  There is no file `gone.png`  [missing-file]',
        '  Paths are relative to this file, and the case of each letter counts.',
        'course/course.yml:2:1  error  Unknown key `passingscore` in the course.yml  [unknown-config-key]',
        '  Did you mean `passingScore`?',
        '',
        '2 errors',
        '',
        'No package was written.',
        '',
      ].join('\n'),
    )
    expect((await readdir(path.join(parent, 'out'))).sort()).toEqual(['my-course-1.0-scorm12.zip', 'my-course-LMS-SETUP.md'])
    expect((await readFile(zipPath)).equals(before)).toBe(true)
  })

  it('--json prints the result and every problem for CI', async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A\n\n![x](gone.png)\n' })
    const { code, stdout } = await run(['check', 'course', '--json'], path.dirname(root))
    expect(code).toBe(1)
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      summary: { errors: 1, warnings: 0, notes: 0 },
      problems: [
        {
          file: 'course/01-a.md',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 15,
          severity: 'error',
          rule: 'missing-file',
          message: 'There is no file `gone.png`',
          hint: 'Paths are relative to this file, and the case of each letter counts.',
        },
      ],
      pages: null,
      packages: [],
    })
  })

  it('--format github prints GitHub Actions annotations at file and line, and the report for the log', async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A\n\n![x](gone.png)\n\n<script>x()</script>\n' })
    const parent = path.dirname(root)
    const checked = await run(['check', 'course', '--format', 'github'], parent)
    expect(checked.code).toBe(1)
    expect(checked.stdout.split('\n')).toEqual([
      '::error file=course/01-a.md,line=3,col=1,endLine=3,endColumn=15,title=missing-file::There is no file `gone.png`%0APaths are relative to this file, and the case of each letter counts.',
      expect.stringMatching(/^::warning file=course\/01-a\.md,line=5,col=1,endLine=5,endColumn=\d+,title=unsafe-html-removed::Removed `<script>`/),
      '',
    ])
    expect(checked.stderr).toMatch(/^course\/01-a\.md:3:1  error  There is no file `gone\.png`  \[missing-file\]\n[^]*\n1 error, 1 warning\n$/)
    const built = await run(['build', 'course', '--format', 'github'], parent)
    expect(built.code).toBe(1)
    expect(built.stdout).toContain('::error file=course/01-a.md,line=3')
    expect(built.stderr).toContain('No package was written.')

    await writeFile(path.join(root, '01-a.md'), '# A\n')
    const recheck = await run(['check', 'course', '--format', 'github'], parent)
    expect({ ...recheck, stderr: withoutProgress(recheck.stderr) }).toEqual({ code: 0, stdout: 'No errors in 1 pages.\n', stderr: '' })
    const wrong = await run(['check', 'course', '--format', 'xml'], parent)
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('Unknown format `xml`, expected `text`, `json`, `github`.')
    expect((await run(['check', 'course', '--json', '--format', 'github'], parent)).code).toBe(2)
  })

  it('an interrupted build (SIGINT) leaves no partial file and keeps the previous zip', async () => {
    const root = await makeCourse({ 'course.yml': 'title: Big\nassets: [video.mp4]\n', '01-a.md': '# A\n' })
    const parent = path.dirname(root)
    await writeFile(path.join(root, 'video.mp4'), 'small')
    expect((await run(['build', 'course'], parent)).code).toBe(0)
    const out = path.join(parent, 'dist')
    const before = await readFile(path.join(out, 'big-1.0-scorm12.zip'))
    // Incompressible and large, so that writing the zip takes a moment to interrupt.
    await writeFile(path.join(root, 'video.mp4'), randomBytes(96 * 1024 * 1024))

    const child = spawn(process.execPath, [bin, 'build', 'course'], { cwd: parent, stdio: 'ignore' })
    const watcher = watch(out, (_, name) => {
      if (String(name).endsWith('.tmp') && child.exitCode === null) child.kill('SIGINT')
    })
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)))
    watcher.close()
    expect(code).toBe(130)
    expect((await readdir(out)).sort()).toEqual(['big-1.0-scorm12.zip', 'big-LMS-SETUP.md'])
    expect((await readFile(path.join(out, 'big-1.0-scorm12.zip'))).equals(before)).toBe(true)
  }, 60_000)

  it('check reports without writing', async () => {
    const root = await makeCourse({ 'course.yml': 'title: T\n', '01-a.md': '# A' })
    const { code, stdout } = await run(['check', 'course'], path.dirname(root))
    expect({ code, stdout }).toEqual({ code: 0, stdout: 'No errors in 1 pages.\n' })
    expect(await readdir(path.dirname(root))).toEqual(['course'])
  })

  it('explains a wrong command line and exits 2', async () => {
    const { code, stderr } = await run(['publish'], import.meta.dirname)
    expect(code).toBe(2)
    expect(stderr).toContain('Unknown command `publish`, expected one of `build`, `check`, `init`, `preview`.')
    expect((await run(['build', '--frobnicate'], import.meta.dirname)).code).toBe(2)
    const target = await run(['build', '--target', 'scorm13'], import.meta.dirname)
    expect(target.code).toBe(2)
    expect(target.stderr).toContain('Unknown target `scorm13`, expected `scorm12`')
  })

  it('has --help for coursepack and for every command', async () => {
    const help = await run(['--help'], import.meta.dirname)
    expect(help.stdout).toMatchInlineSnapshot(`
      "Usage: coursepack <command> [dir] [options]

      Commands:
        build     Build the course in dir (default: course) into its packages (SCORM 1.2 by default) and a setup card
        check     Report every problem in the course, write nothing
        init      Write a starter course into dir (default: course), and around it package.json scripts, a .gitignore and a CI workflow
        preview   Serve the course in a stand-in LMS on 127.0.0.1, rebuilt on every change

      Options:
        -h, --help      Show help (coursepack <command> --help for a command)
        -v, --version   Show the version

      Exit codes: 0 done, 1 the course has errors, 2 a wrong command line, 3 a bug in coursepack, 130 interrupted.
      "
    `)
    for (const command of ['build', 'check', 'init', 'preview']) {
      const { code, stdout } = await run([command, '--help'], import.meta.dirname)
      expect(code).toBe(0)
      expect(stdout).toContain(`Usage: coursepack ${command} [dir] [options]`)
    }
  })
})

describe('coursepack init', () => {
  it('writes a starter course that builds as it is, and around it package.json, .gitignore and the CI workflow', async () => {
    const parent = path.dirname(await makeCourse({}))
    const created = await run(['init', 'starter'], parent)
    expect(created.code).toBe(0)
    expect(created.stdout).toContain('Created a starter course in starter.')
    expect(created.stdout).toContain('Wrote package.json: the scripts build, check, preview, and coursepack ^0.1.0 as a dev dependency.')
    expect(created.stdout).toMatch(/Next:\n  npm install +install coursepack/)
    expect(JSON.parse(await readFile(path.join(parent, 'package.json'), 'utf8'))).toEqual({
      name: expect.stringMatching(/^coursepack-test-/),
      private: true,
      scripts: { build: 'coursepack build starter', check: 'coursepack check starter', preview: 'coursepack preview starter' },
      devDependencies: { coursepack: `^${version}` },
    })
    expect(await readFile(path.join(parent, '.gitignore'), 'utf8')).toMatch(/^dist\/\nnode_modules\/\n$/m)
    expect(await readFile(path.join(parent, '.github/workflows/course.yml'), 'utf8')).toContain('run: npx coursepack check starter --format github')
    // The editor finds course.yml's schema in the coursepack that package.json installs.
    expect((await readFile(path.join(parent, 'starter/course.yml'), 'utf8')).split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/coursepack/schemas/course.schema.json')
    const built = await run(['build', 'starter', '--quiet'], parent)
    expect(built).toEqual({ code: 0, stdout: '', stderr: '' })
    expect((await readdir(path.join(parent, 'dist'))).sort()).toEqual(['my-first-course-1.0-scorm12.zip', 'my-first-course-LMS-SETUP.md'])
  })

  it('in a folder with a package.json, adds the scripts it lacks and asks nothing; the author\'s own stay', async () => {
    const parent = path.dirname(await makeCourse({}))
    const original = '{\n    "name": "history-101",\n    "scripts": {\n        "build": "vite build"\n    },\n    "devDependencies": {\n        "coursepack": "^0.1.0"\n    }\n}\n'
    await writeFile(path.join(parent, 'package.json'), original)
    await writeFile(path.join(parent, '.gitignore'), 'node_modules\n*.log')
    const { code, stdout } = await run(['init', '--no-ci'], parent)
    expect(code).toBe(0)
    expect(stdout).toContain('Added to package.json: the scripts check, preview; your own `build` script stays.')
    expect(stdout).toContain('Added to .gitignore: dist/.')
    expect(stdout).toMatch(/Next:\n  npm run preview +see the course/)
    expect(stdout).toContain('  npx coursepack build course ')
    expect(stdout).not.toContain('npm install')
    expect(await readFile(path.join(parent, 'package.json'), 'utf8')).toBe(
      '{\n    "name": "history-101",\n    "scripts": {\n        "build": "vite build",\n        "check": "coursepack check course",\n        "preview": "coursepack preview course"\n    },\n    "devDependencies": {\n        "coursepack": "^0.1.0"\n    }\n}\n',
    )
    expect(await readFile(path.join(parent, '.gitignore'), 'utf8')).toBe('node_modules\n*.log\ndist/\n')
    // --no-ci: no workflow.
    expect((await readdir(parent)).sort()).toEqual(['.gitignore', 'course', 'package.json'])
  })

  it('keeps a course that is there, adds only what is missing, and changes nothing the second time', async () => {
    const root = await makeCourse({ 'course.yml': 'title: Mine\n', '01-a.md': '# A\n' })
    const parent = path.dirname(root)
    const first = await run(['init'], parent)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('Kept the course in course: it has a course.yml.')
    expect(await readdir(root)).toEqual(['01-a.md', 'course.yml'])
    const files = ['package.json', '.gitignore', '.github/workflows/course.yml']
    const before = await Promise.all(files.map((name) => readFile(path.join(parent, name), 'utf8')))

    const second = await run(['init'], parent)
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('Kept package.json: it has the scripts already.')
    expect(second.stdout).toContain('Kept .github/workflows/course.yml: it is there already, left as it is.')
    expect(await Promise.all(files.map((name) => readFile(path.join(parent, name), 'utf8')))).toEqual(before)
  })

  it('refuses to write into a folder that is not empty and has no course.yml, and writes nothing else', async () => {
    const root = await makeCourse({ 'notes.txt': 'mine' })
    const { code, stderr } = await run(['init', 'course'], path.dirname(root))
    expect(code).toBe(1)
    expect(stderr).toContain('`course` is not empty')
    expect(await readdir(root)).toEqual(['notes.txt'])
    expect(await readdir(path.dirname(root))).toEqual(['course'])
  })

  it('stops at a package.json that is not JSON, before writing anything', async () => {
    const parent = path.dirname(await makeCourse({}))
    await writeFile(path.join(parent, 'package.json'), '{ "name": ')
    const { code, stderr } = await run(['init', 'starter'], parent)
    expect(code).toBe(1)
    expect(stderr).toContain('package.json is not valid JSON')
    expect((await readdir(parent)).sort()).toEqual(['course', 'package.json'])
  })
})

describe('what a command loads', () => {
  /** The files under the repository that `coursepack <args>` loads as modules, with their sizes, in the order loaded. */
  async function loaded(args: string[], cwd: string): Promise<{ code: number; files: { path: string; bytes: number }[] }> {
    // A module hook (in Node's hooks thread) names each file as it is loaded.
    const hooks = "export async function load(url, context, next) { if (url.startsWith('file:')) process.stderr.write(`loaded ${url}\\n`); return next(url, context) }"
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)})`
    const repo = path.resolve(import.meta.dirname, '../..')
    let result: { code: number; stderr: string }
    try {
      result = { code: 0, ...(await promisify(execFile)(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, bin, ...args], { cwd })) }
    } catch (error) {
      result = error as { code: number; stderr: string }
    }
    const urls = [...result.stderr.matchAll(/^loaded (file:\S+)$/gm)].map((match) => match[1]!)
    const files = urls.map((url) => fileURLToPath(url)).filter((file) => file.startsWith(repo + path.sep))
    return { code: result.code, files: files.map((file) => ({ path: path.relative(repo, file).split(path.sep).join('/'), bytes: statSync(file).size })) }
  }

  it('answers --version, --help and a wrong command line from the command line module and a few small chunks', async () => {
    for (const args of [['--version'], ['--help'], ['check', '--help'], ['nonsense']]) {
      const { files } = await loaded(args, import.meta.dirname)
      expect(files.map((file) => file.path)).toEqual(['bin/coursepack.js', 'lib/cli.js', ...files.slice(2).map(() => expect.stringMatching(/^lib\/chunk-\w+\.js$/))])
      // The pipeline is about a megabyte; this is the argument parsing and the help text.
      expect(files.reduce((sum, file) => sum + file.bytes, 0)).toBeLessThan(32 * 1024)
    }
  })

  it('loads KaTeX, the highlighter and the HTML parser only for a course that has math, code or HTML', async () => {
    const plain = await makeCourse({ 'course.yml': 'title: Plain\nmath: true\n', '01-a.md': '# A\n\nText, a [link](https://example.org) and `code`.\n' })
    const rich = await makeCourse({ 'course.yml': 'title: Rich\nmath: true\n', '01-a.md': '# A\n\nMath: $x^2$.\n\n```js\nconst a = 1\n```\n\n<kbd>Ctrl</kbd>\n' })
    const lazy = /^(lib\/rehype-(katex|highlight|raw)-\w+\.js|node_modules\/katex\/.*)$/
    const checked = await loaded(['check', plain], import.meta.dirname)
    expect(checked.code).toBe(0)
    expect(checked.files.map((file) => file.path).filter((file) => lazy.test(file))).toEqual([])
    const checkedRich = await loaded(['check', rich], import.meta.dirname)
    expect(checkedRich.code).toBe(0)
    const names = checkedRich.files.map((file) => file.path)
    for (const plugin of ['katex', 'highlight', 'raw']) expect(names).toContainEqual(expect.stringMatching(new RegExp(`^lib/rehype-${plugin}-\\w+\\.js$`)))
    expect(names).toContainEqual(expect.stringMatching(/^node_modules\/katex\//))
  })
})

/** stderr without the progress lines that a build shows once it has taken a second, as on a busy machine. */
function withoutProgress(stderr: string): string {
  return stderr.replace(/^(?:Reading the course|Reading pages and questions|Rendering pages|Packaging|Writing the zip)…\n/gm, '')
}
