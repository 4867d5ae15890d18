import type { Node, Point, Position } from 'unist'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { type RuleId, rules } from './rules.js'

/** Where in a file a problem is: a unist node, a position, a point, or nothing (the whole file). */
export type Place = Node | Position | Point | null | undefined

export interface ProblemOptions {
  /** A hint that replaces the catalog's, for problems whose fix depends on the input. */
  readonly hint?: string
}

/**
 * Record a problem from the catalog on `file`. Errors are `fatal: true`,
 * warnings `fatal: false`, infos `fatal: undefined`, as vfile-message marks them.
 *
 * @example
 *   problem(file, 'missing-title', heading, 'This lesson has no title')
 */
export function problem(
  file: VFile,
  ruleId: RuleId,
  place: Place,
  reason: string,
  options: ProblemOptions = {},
): VFileMessage {
  const rule = rules[ruleId]
  const message = file.message(reason, { place: toPlace(place), ruleId, source: 'coursepack' })
  // vfile-message: true is an error, false a warning, undefined an info.
  message.fatal = rule.severity === 'error' ? true : rule.severity === 'warning' ? false : undefined
  const hint = options.hint ?? ('hint' in rule ? rule.hint : undefined)
  if (hint) message.note = hint
  return message
}

/** True when any of the files carries an error. */
export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true))
}

function toPlace(place: Place): Position | Point | undefined {
  if (!place) return undefined
  if ('type' in place) return (place as Node).position
  return place as Position | Point
}
