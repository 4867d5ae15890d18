import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importCycles, importGraph, relativeImports } from '../helpers/import-graph.js'

/**
 * The layers of src/, top down: a module imports its own layer or the ones
 * below it, never one above, so that the pipeline reads from the command
 * line down to the shared pieces. The first pattern that matches a path
 * gives its layer.
 */
const layers: readonly (readonly [name: string, patterns: readonly RegExp[]])[] = [
  ['command line', [/^cli(-[a-z-]+)?\.ts$/, /^init(-project)?\.ts$/, /^preview\//, /^preview-client\//]],
  ['build', [/^build\.ts$/]],
  ['targets', [/^targets\//]],
  ['stages', [/^stages\//, /^cache\//]],
  ['render, questions, markdown, config', [/^render\//, /^questions\//, /^markdown\//, /^config\//, /^fs\//, /^yaml\//, /^runtime\//, /^model\.ts$/]],
  ['shared, diagnostics', [/^shared\//, /^diagnostics\//, /^limits\.ts$/, /^package-root\.ts$/]],
]

function layerOf(module: string): number {
  const layer = layers.findIndex(([, patterns]) => patterns.some((pattern) => pattern.test(module)))
  if (layer < 0) throw new Error(`${module} is in no layer: add it to the list in this test`)
  return layer
}

const graph = importGraph(path.resolve(import.meta.dirname, '../../src'))

describe('the import graph of src/', () => {
  it('has no cycle', () => {
    expect(importCycles(graph)).toEqual([])
  })

  it('imports only downward: command line → build → targets → stages → render, questions, markdown, config → shared, diagnostics', () => {
    const upward = [...graph].flatMap(([module, imports]) =>
      imports.filter((target) => graph.has(target) && layerOf(target) < layerOf(module)).map((target) => `${module} (${layers[layerOf(module)]![0]}) imports ${target} (${layers[layerOf(target)]![0]})`),
    )
    expect(upward).toEqual([])
  })

  it('puts every module in a layer', () => {
    expect([...graph.keys()].filter((module) => layers.every(([, patterns]) => !patterns.some((pattern) => pattern.test(module))))).toEqual([])
  })
})

describe('the import scan', () => {
  it('reads every form of relative import the sources use, type-only ones too', () => {
    const source = [
      "import { a } from './a.js'",
      "import type { B } from '../b.js'",
      'import {\n  c,\n  type D,\n} from "./c.js"',
      "export { e } from './e.js'",
      "export type { F } from './f.js'",
      "const g = await import('./g.js')",
      "const worker = new Worker(new URL('./h.js', import.meta.url))",
      "import { z } from 'zod'",
      "// a comment that says import nothing from here",
    ].join('\n')
    expect(relativeImports(source).sort()).toEqual(['../b.js', './a.js', './c.js', './e.js', './f.js', './g.js', './h.js'])
  })

  it('finds a cycle and the modules in it', () => {
    const cyclic = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ])
    expect(importCycles(cyclic)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']])
  })
})
