import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageFile } from '../../src/package-root.js'

const src = path.resolve(import.meta.dirname, '../../src')

describe('packageFile', () => {
  it('finds the package root from the sources, as from the bundle in lib/', () => {
    expect(packageFile('package.json')).toBe(path.resolve(import.meta.dirname, '../../package.json'))
    expect(packageFile('templates/')).toBe(path.resolve(import.meta.dirname, '../../templates') + path.sep)
  })

  it('is the only place that makes a path from a module\'s own URL', () => {
    // In the bundle, a module's code sits in a chunk in lib/, not where its source is: `new URL('../x', import.meta.url)`
    // would point elsewhere. createRequire(import.meta.url) finds packages in node_modules from either place.
    const offenders = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !/(^|\/)runtime\/|^preview-client\//.test(file.split(path.sep).join('/')))
      .filter((file) => file !== 'package-root.ts')
      .filter((file) => readFileSync(path.join(src, file), 'utf8').replaceAll('createRequire(import.meta.url)', '').includes('import.meta'))
    expect(offenders).toEqual([])
  })
})
