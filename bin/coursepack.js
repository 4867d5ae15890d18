#!/usr/bin/env node
// The compiled CLI lives in lib/ (npm ci runs `npm run compile` through `prepare`).
import('../lib/cli.js')
  .then(({ main }) => main(process.argv.slice(2)))
  .catch((error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
      console.error('coursepack: lib/ is missing; run `npm run compile` (or `npm ci`) first.')
    } else {
      console.error(error)
    }
    process.exitCode = 3
  })
