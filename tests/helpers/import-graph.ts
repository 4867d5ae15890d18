import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The relative imports of a TypeScript module as written: `import … from`,
 * `import type … from`, `export … from`, `import('…')` and a worker's
 * `new URL('…', import.meta.url)`. Type-only imports count: a type that a
 * lower layer takes from a higher one ties the two as much as a value does.
 * The sources are our own, formatted alike, so a scan of the statements is
 * enough; what it reads is pinned by its own test.
 */
export function relativeImports(source: string): string[] {
  const statement = /(?:^|\n)[ \t]*(?:import|export)\s[^;'"]*?\sfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g
  const dynamic = /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g
  const workerUrl = /\bnew URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url/g
  return [...source.matchAll(statement), ...source.matchAll(dynamic), ...source.matchAll(workerUrl)].map((match) => match[1]!)
}

/** Every `.ts` module under `root` (relative paths with `/`) → the modules under `root` it imports. */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue
    const file = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
    const imports = relativeImports(readFileSync(path.join(root, file), 'utf8'))
      .map((specifier) => path.posix.join(path.posix.dirname(file), specifier).replace(/\.js$/, '.ts'))
      .filter((target) => !target.startsWith('../'))
    graph.set(file, [...new Set(imports)])
  }
  return graph
}

/** The import cycles: each strongly connected group of more than one module, or a module that imports itself (Tarjan). */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  const visit = (module: string): void => {
    index.set(module, index.size)
    low.set(module, index.get(module)!)
    stack.push(module)
    onStack.add(module)
    for (const next of graph.get(module) ?? []) {
      if (!graph.has(next)) continue
      if (!index.has(next)) {
        visit(next)
        low.set(module, Math.min(low.get(module)!, low.get(next)!))
      } else if (onStack.has(next)) {
        low.set(module, Math.min(low.get(module)!, index.get(next)!))
      }
    }
    if (low.get(module) !== index.get(module)) return
    const group: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      group.push(member)
    } while (member !== module)
    if (group.length > 1 || graph.get(module)?.includes(module)) cycles.push(group.sort())
  }
  for (const module of [...graph.keys()].sort()) if (!index.has(module)) visit(module)
  return cycles
}
