#!/usr/bin/env node
// The compiled CLI lives in lib/: in the npm package, compiled by `prepack`; in a
// checkout of the repository, by `npm run compile` (which `npm test` and `npm run build` run).
import('../lib/cli.js')
  .then(({ main }) => main(process.argv.slice(2)))
  .catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
      console.error('coursepack: lib/ is missing; run `npm run compile` first.')
    } else {
      console.error(error)
    }
    process.exitCode = 3
  })
