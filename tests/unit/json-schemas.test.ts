import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { describe, expect, it } from 'vitest'
import { jsonSchemas } from '../../src/config/json-schemas.js'

const repo = path.resolve(import.meta.dirname, '../..')

/**
 * The YAML language server's own service (what VS Code's YAML extension and
 * other editors run), loaded as Node loads it: it finds a file's schema from
 * its `# yaml-language-server: $schema=` line, as an editor does.
 */
const { getLanguageService } = createRequire(import.meta.url)('yaml-language-server/lib/umd/languageservice/yamlLanguageService.js') as typeof import('yaml-language-server/lib/esm/languageservice/yamlLanguageService.js')
const editor = getLanguageService({
  schemaRequestService: async (uri) => readFile(fileURLToPath(uri), 'utf8'),
  workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
})
editor.configure({ validate: true, completion: true, hover: true, schemas: [] })

let edits = 0

/** A YAML file in the example course's folder, as an editor has it open; each text a new version (the service keeps its parse by version). */
function openFile(name: string, text: string): TextDocument {
  return TextDocument.create(pathToFileURL(path.join(repo, 'course', name)).href, 'yaml', ++edits, text)
}

const modeline = (schema: string) => `# yaml-language-server: $schema=../schemas/${schema}\n`

describe('the JSON Schemas in schemas/', () => {
  it('are the ones the zod schemas make (npm run schemas writes them)', async () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      expect({ name, schema: JSON.parse(await readFile(path.join(repo, 'schemas', name), 'utf8')) }).toEqual({ name, schema })
    }
  })

  it('find nothing wrong in the example course, its course.yml and every page\'s frontmatter', async () => {
    const config = await readFile(path.join(repo, 'course/course.yml'), 'utf8')
    expect(config.split('\n')[1]).toBe(modeline('course.schema.json').trim())
    expect(await editor.doValidation(openFile('course.yml', config), false)).toEqual([])
    const pages = (await readdir(path.join(repo, 'course'), { recursive: true })).filter((name) => name.endsWith('.md')).sort()
    expect(pages.length).toBeGreaterThan(5)
    for (const page of pages) {
      const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(await readFile(path.join(repo, 'course', page), 'utf8'))?.[1] ?? ''
      const schema = page.endsWith('.quiz.md') ? 'quiz.schema.json' : 'lesson.schema.json'
      expect({ page, problems: await editor.doValidation(openFile('frontmatter.yml', modeline(schema) + frontmatter), false) }).toEqual({ page, problems: [] })
    }
  })

  it('let an editor complete course.yml\'s keys, with their descriptions', async () => {
    const document = openFile('course.yml', `${modeline('course.schema.json')}title: A course\n\n`)
    const completion = await editor.doComplete(document, { line: 2, character: 0 }, false)
    expect(completion.items.map((item) => item.label).sort()).toEqual(
      ['assets', 'author', 'canvas', 'description', 'embeds', 'html', 'id', 'language', 'math', 'outline', 'passingScore', 'targets', 'version'],
    )
    const targets = await editor.doComplete(openFile('course.yml', `${modeline('course.schema.json')}title: A course\ntargets:\n  - `), { line: 3, character: 4 }, false)
    expect(targets.items.map((item) => item.label)).toEqual(expect.arrayContaining(['scorm12', 'scorm2004', 'cc']))
    const hover = await editor.doHover(document, { line: 1, character: 2 })
    expect(JSON.stringify(hover?.contents)).toContain('The course title, shown to learners and in the LMS.')
  })

  it('flag a mistake as it is typed: an unknown key, a wrong value, a missing title', async () => {
    const problems = await editor.doValidation(
      openFile('course.yml', `${modeline('course.schema.json')}title: A course\npassingscore: 70\nhtml: raw\nversion: 1.0\n`),
      false,
    )
    expect(problems.map((problem) => [problem.range.start.line, problem.message]).sort()).toEqual([
      [2, 'Property passingscore is not allowed.'],
      [3, expect.stringContaining('Value is not accepted. Valid values: "sanitize", "trusted".')],
    ])
    const untitled = await editor.doValidation(openFile('course.yml', `${modeline('course.schema.json')}version: "2.0"\n`), false)
    expect(untitled.map((problem) => problem.message)).toEqual(['Missing property "title".'])
    const quiz = await editor.doValidation(openFile('frontmatter.yml', `${modeline('quiz.schema.json')}title: Q\ngraded: maybe\npick: 0\n`), false)
    expect(quiz.map((problem) => problem.range.start.line)).toEqual([2, 3])
  })
})
