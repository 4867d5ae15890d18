import { startRuntime } from '../../../runtime/index.js'
import { browserStorage } from './standard.js'

// The website's coursepack.js: the runtime with browser storage only; it never looks for an LMS.
startRuntime(browserStorage)
