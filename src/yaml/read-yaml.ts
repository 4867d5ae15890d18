import { closest, distance } from 'fastest-levenshtein'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { isMap, isNode, isScalar, visit, type Alias, type Document, type Node as YamlNode } from 'yaml'
import type * as z from 'zod'
import { problem } from '../diagnostics/problem.js'
import type { RuleId } from '../diagnostics/rules.js'
import { maxYamlAliases } from '../limits.js'
import { parseYaml } from './parse-yaml.js'

export interface Options {
  /** Line of `file` on which the YAML text starts (default: 1), for frontmatter. */
  readonly startLine?: number
  /** What the YAML is, for messages: `course.yml`, `frontmatter`. */
  readonly label: string
  /** Rule for values of the wrong type or range. */
  readonly invalidRule: RuleId
  /** Rule for keys the schema does not know. */
  readonly unknownKeyRule: RuleId
  /** Top-level keys whose numbers are kept as written (`version: 1.0` stays `1.0`) (optional). */
  readonly keepAsText?: readonly string[]
  /** Messages for missing required keys, by key, where a better one exists (optional). */
  readonly missing?: Readonly<Record<string, { rule: RuleId; reason: string }>>
}

export interface YamlResult<Data> {
  /** The validated data, or `undefined` when anything was wrong (every problem is on the file). */
  readonly data: Data | undefined
  /** The data as parsed, before validation (`undefined` when the YAML itself is broken). */
  readonly raw: unknown
  /** Where the value at `path` starts in the file, for problems found later. */
  readonly locate: (path: readonly (string | number)[]) => Point
}

/**
 * Parse YAML text and validate it against a zod schema. Every problem is
 * reported on `file` at the line and column of the offending key or value.
 */
export function readYaml<Schema extends z.ZodType>(
  file: VFile,
  text: string,
  schema: Schema,
  options: Options,
): YamlResult<z.output<Schema>> {
  const { document, pointAt } = parseYaml(file, text, options)
  if (!document) return { data: undefined, raw: undefined, locate: () => pointAt(0) }
  const locate = (path: readonly (string | number)[]): Point => pointAt(closestNode(document, path)?.range?.[0] ?? 0)

  for (const key of options.keepAsText ?? []) {
    const node = document.get(key, true)
    if (isScalar(node) && typeof node.value === 'number') node.value = node.source ?? String(node.value)
  }
  const data = toData(file, document, pointAt, options.label)
  if (data === failed) return { data: undefined, raw: undefined, locate }
  const result = schema.safeParse(data, { reportInput: true })
  if (result.success) return { data: result.data, raw: data, locate }

  for (const issue of result.error.issues) {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
    const name = path.join('.')
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const known = knownKeys(schema, path)
        const guess = known.length > 0 ? closest(key, known) : undefined
        const hint =
          guess && isClose(key, guess)
            ? `Did you mean \`${guess}\`?`
            : `Known keys: ${known.map((k) => `\`${k}\``).join(', ')}.`
        problem(file, options.unknownKeyRule, pointAt(keyOffset(document, path, key)), `Unknown key \`${[...path, key].join('.')}\` in the ${options.label}`, { hint })
      }
      continue
    }
    const place = locate(path)
    const missing = issue.code === 'invalid_type' && issue.input === undefined
    if (missing) {
      const special = options.missing?.[name]
      if (special) problem(file, special.rule, place, special.reason)
      else problem(file, options.invalidRule, place, `Missing \`${name}\` in the ${options.label}`, { hint: `Add \`${name}: …\`.` })
      continue
    }
    problem(file, options.invalidRule, place, `Unexpected ${shown(issue.input)} for \`${name}\`, expected ${expectation(issue)}`)
  }
  return { data: undefined, raw: data, locate }
}

const failed = Symbol('failed')

/**
 * The document as plain data. Aliases (`*name`) are followed at most
 * `maxYamlAliases` times, so that a file whose aliases expand exponentially
 * ("billion laughs") is refused instead of filling the memory; an alias
 * without its anchor is reported at the alias.
 */
function toData(file: VFile, document: Document, pointAt: (offset: number) => Point, label: string): unknown {
  try {
    return document.toJS({ maxAliasCount: maxYamlAliases }) ?? {}
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(error.message)?.[1]
    const alias = findAlias(document, unresolved)
    const place = pointAt(alias?.range?.[0] ?? 0)
    if (unresolved !== undefined) {
      problem(file, 'invalid-yaml', place, `There is no anchor \`&${unresolved}\` before this alias \`*${unresolved}\``, {
        hint: `Mark the value to repeat with \`&${unresolved}\` above this line, or write the value out.`,
      })
    } else {
      problem(file, 'invalid-yaml', place, `The aliases of the ${label} (\`*name\`) repeat values more than the ${maxYamlAliases} times coursepack follows`, {
        hint: 'Write the values out instead of repeating them with `&anchor` and `*alias`; a course file needs few aliases, if any.',
      })
    }
    return failed
  }
}

/** The alias named `name`, or the first alias when `name` is undefined. */
function findAlias(document: Document, name: string | undefined): Alias | undefined {
  let found: Alias | undefined
  visit(document, {
    Alias(_, node) {
      if (!found && (name === undefined || node.source === name)) found = node
      return found ? visit.BREAK : undefined
    },
  })
  return found
}

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return article(issue.expected)
    case 'invalid_value':
      return `one of ${issue.values.map((value) => `\`${String(value)}\``).join(', ')}`
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array'
        ? `at most ${String(issue.maximum)} ${issue.origin === 'string' ? 'characters' : 'entries'}`
        : `a number up to ${String(issue.maximum)}`
    case 'too_small':
      if (issue.origin === 'string') return 'a non-empty text'
      if (issue.origin === 'array') return `at least ${String(issue.minimum)} entries`
      return `a number from ${String(issue.minimum)}`
    default:
      return lowerFirst(issue.message)
  }
}

function article(type: string): string {
  if (type === 'string') return 'a text'
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}

function shown(value: unknown): string {
  if (value === null) return 'an empty value'
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a map'
  return `\`${String(value)}\``
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

/** A typo is close when it is at most a third of the word away. */
function isClose(typed: string, known: string): boolean {
  return distance(typed, known) <= Math.max(typed.length, known.length) / 3
}

function knownKeys(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  let current: unknown = schema
  for (const key of path) {
    current = unwrap(current)
    const shape = (current as { shape?: Record<string, unknown> }).shape
    const element = (current as { element?: unknown }).element
    current = typeof key === 'number' ? element : shape?.[key]
  }
  const shape = (unwrap(current) as { shape?: Record<string, unknown> } | undefined)?.shape
  return shape ? Object.keys(shape) : []
}

function unwrap(schema: unknown): unknown {
  let current = schema as { unwrap?: () => unknown; def?: { innerType?: unknown } } | undefined
  while (current && (current.def?.innerType || typeof current.unwrap === 'function')) {
    current = (current.def?.innerType ?? current.unwrap?.()) as typeof current
  }
  return current
}

function keyOffset(document: Document, path: readonly (string | number)[], key: string): number {
  const map = path.length === 0 ? document.contents : document.getIn(path, true)
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isScalar(pair.key) && pair.key.value === key) return pair.key.range?.[0] ?? 0
    }
    return map.range?.[0] ?? 0
  }
  return 0
}

function closestNode(document: Document, path: readonly (string | number)[]): YamlNode | undefined {
  for (let length = path.length; length > 0; length--) {
    const node: unknown = document.getIn(path.slice(0, length), true)
    if (isNode(node)) return node
  }
  return isNode(document.contents) ? document.contents : undefined
}
