import { readdir, readFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

/**
 * What each package's `coursepack.js` may weigh, gzipped at level 9 (as
 * scripts/bench.js reports it), in bytes. Issue 12 asks for 7.5 KB; the
 * runtime is not there yet (8.1 KiB for SCORM 1.2, 8.2 KiB for SCORM 2004),
 * so this holds what it has reached, and comes down as it shrinks
 * (docs/performance.md says what is left).
 */
const budget = 8.4 * 1024

const runtimeDir = new URL('../../lib/runtime/', import.meta.url)

/** Every target's bundle, as `npm run compile` leaves it in lib/runtime/. */
async function bundles(): Promise<{ target: string; gzipped: number }[]> {
  const names = (await readdir(runtimeDir)).filter((name) => name.endsWith('.js')).sort()
  return Promise.all(
    names.map(async (name) => ({ target: name.replace(/\.js$/, ''), gzipped: gzipSync(await readFile(new URL(name, runtimeDir)), { level: 9 }).length })),
  )
}

describe('the runtime bundle (coursepack.js)', () => {
  it(`stays within ${(budget / 1024).toFixed(1)} KiB gzipped for every target`, async () => {
    const sizes = await bundles()
    expect(sizes.map(({ target }) => target)).toEqual(expect.arrayContaining(['scorm12', 'scorm2004']))
    for (const { target, gzipped } of sizes) expect({ target, gzipped: gzipped <= budget ? 'within' : gzipped }).toEqual({ target, gzipped: 'within' })
  })
})
