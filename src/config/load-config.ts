import { stat } from 'node:fs/promises'
import path from 'node:path'
import slugify from '@sindresorhus/slugify'
import type { Point } from 'unist'
import { VFile } from 'vfile'
import { withoutControlCharacters } from '../diagnostics/clean-text.js'
import { problem } from '../diagnostics/problem.js'
import { readSource } from '../fs/read-source.js'
import { readYaml } from '../yaml/read-yaml.js'
import { courseConfigSchema, idPattern, keptAsText, type OutlineEntry, type ResolvedConfig } from './schema.js'

export const configFileName = 'course.yml'

export interface LoadedConfig {
  readonly file: VFile
  /** The validated config, or `undefined` when `course.yml` has errors. */
  readonly config: ResolvedConfig | undefined
  /** The course id (`id:`, or the slug of the title). */
  readonly id: string | undefined
  /**
   * The `outline`, valid even when other keys are not, so that the pages can
   * still be checked and every problem reported in one run.
   */
  readonly outline: readonly OutlineEntry[] | undefined
  /** Where a value of `course.yml` is, for problems found in later stages. */
  readonly locate: (path: readonly (string | number)[]) => Point
}

/** Find, read and validate `course.yml` in the course folder `root`. */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const absolute = path.join(root, configFileName)
  if (!(await isFile(absolute))) {
    const file = new VFile({ path: absolute, cwd: root })
    problem(file, 'missing-config', null, `There is no \`${configFileName}\` in the course folder`)
    return { file, config: undefined, id: undefined, outline: undefined, locate: () => ({ line: 1, column: 1 }) }
  }

  const file = await readSource(root, configFileName)
  // Not UTF-8, too large: its problem is reported; reading the empty text would only add "missing title".
  if (file.messages.some((message) => message.fatal === true)) return { file, config: undefined, id: undefined, outline: undefined, locate: () => ({ line: 1, column: 1 }) }
  const { data: config, raw, locate } = readYaml(file, String(file.value), courseConfigSchema, {
    label: configFileName,
    invalidRule: 'invalid-config',
    unknownKeyRule: 'unknown-config-key',
    keepAsText: keptAsText,
  })
  const outline = config ? config.outline : outlineOf(raw)
  if (!config) return { file, config, id: undefined, outline, locate }
  config.title = withoutControlCharacters(config.title, file, locate(['title']))

  const id = config.id ?? slugify(config.title)
  if (!idPattern.test(id)) {
    problem(file, 'invalid-course-id', locate(['title']), `Cannot make a course id from the title \`${config.title}\``)
    return { file, config: undefined, id: undefined, outline, locate }
  }
  return { file, config, id, outline, locate }
}

function outlineOf(raw: unknown): OutlineEntry[] | undefined {
  const entries = (raw as { outline?: unknown } | undefined)?.outline
  const parsed = courseConfigSchema.shape.outline.safeParse(entries)
  return parsed.success ? parsed.data : undefined
}

async function isFile(absolute: string): Promise<boolean> {
  try {
    return (await stat(absolute)).isFile()
  } catch {
    return false
  }
}
