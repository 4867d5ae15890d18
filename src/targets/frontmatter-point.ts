import type { Point } from 'unist'
import type { VFile } from 'vfile'

/** The line of a top-level `key:` in a page's frontmatter. */
export function frontmatterPoint(file: VFile, key: string): Point | undefined {
  const lines = String(file.value).replace(/^\uFEFF/, '').split(/\r?\n/)
  if (!/^---\s*$/.test(lines[0] ?? '')) return undefined
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!
    if (/^(---|\.\.\.)\s*$/.test(line)) return undefined
    if (line.startsWith(`${key}:`) || new RegExp(`^${key}\\s+:`).test(line)) return { line: index + 1, column: 1 }
  }
  return undefined
}
