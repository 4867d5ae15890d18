import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { HelperOptions } from 'handlebars'
import { packageFile } from '../package-root.js'

/** The default theme: `templates/` at the top of the repository. */
export const defaultThemeDir = packageFile('templates/')

export type Strings = Readonly<Record<string, string>>

export interface Theme {
  /** Render a page body with `template`, wrapped in the layout. */
  readonly render: (template: 'shell' | 'lesson' | 'quiz', view: object) => string
  readonly css: string
  /** UI strings in the course's language. */
  readonly strings: Strings
}

/**
 * Load the theme's Handlebars templates, partials, stylesheet and UI strings.
 * Each theme gets its own Handlebars environment, so helpers never leak.
 * Without `templates` (a check, which makes no page) Handlebars is not even
 * imported: it is a seventh of the code a check would load, and `render` throws.
 */
export async function loadTheme(language: string, options: { readonly dir?: string; readonly templates?: boolean } = {}): Promise<Theme> {
  const dir = options.dir ?? defaultThemeDir
  const strings = await loadStrings(dir, language)
  const css = await readFile(path.join(dir, 'coursepack.css'), 'utf8')
  const render = options.templates === false ? renderNothing : await loadTemplates(dir, strings)
  return { render, css, strings }
}

async function loadTemplates(dir: string, strings: Strings): Promise<Theme['render']> {
  const { default: Handlebars } = await import('handlebars')
  const handlebars = Handlebars.create()
  handlebars.registerHelper('t', (key: string, options: HelperOptions) => translate(strings, key, options.hash))

  const partialsDir = path.join(dir, 'partials')
  for (const name of (await readdir(partialsDir)).filter((entry) => entry.endsWith('.hbs')).sort()) {
    handlebars.registerPartial(name.replace(/\.hbs$/, ''), await readFile(path.join(partialsDir, name), 'utf8'))
  }
  const compile = async (name: string) =>
    handlebars.compile(await readFile(path.join(dir, `${name}.hbs`), 'utf8'), { strict: false, preventIndent: true })
  const layout = await compile('layout')
  const templates = { shell: await compile('shell'), lesson: await compile('lesson'), quiz: await compile('quiz') }
  return (template, view) => layout({ ...view, body: templates[template](view) })
}

function renderNothing(): never {
  throw new Error('This theme was loaded without its templates: it renders nothing')
}

/**
 * UI strings for a BCP 47 tag: `zh-Hans-CN` tries `zh-Hans-CN`, `zh-Hans`,
 * `zh`, then English, which has every string.
 */
async function loadStrings(dir: string, language: string): Promise<Strings> {
  const english = await readLocale(dir, 'en')
  const subtags = language.split('-')
  for (let length = subtags.length; length > 0; length--) {
    const found = await readLocale(dir, subtags.slice(0, length).join('-')).catch(() => undefined)
    if (found) return { ...english, ...found }
  }
  return english
}

async function readLocale(dir: string, tag: string): Promise<Strings> {
  return JSON.parse(await readFile(path.join(dir, 'locales', `${tag}.json`), 'utf8')) as Strings
}

/** `pageOf` with `{position: 2, total: 9}` → `Page 2 of 9`. */
export function translate(strings: Strings, key: string, values: Readonly<Record<string, unknown>> = {}): string {
  const text = strings[key]
  if (text === undefined) throw new Error(`The theme has no UI string \`${key}\``)
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
