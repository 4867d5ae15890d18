#!/usr/bin/env node
// The command line is bundled into lib/: in the npm package, by `prepack`; in a checkout
// of the repository, by `npm run compile` (which `npm test` and `npm run build` run).
import module from 'node:module'

// Node.js 22.8 and later keep V8's compiled code of lib/ on disk (in the system's temporary
// folder), so that the next run does not compile it again; NODE_DISABLE_COMPILE_CACHE=1 turns
// it off. Without this API (Node.js 20) nothing changes.
module.enableCompileCache?.()

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
