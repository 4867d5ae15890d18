import { startRuntime } from '../../../runtime/index.js'
import { scorm12 } from './standard.js'

// The SCORM 1.2 package's coursepack.js: the runtime with SCORM 1.2's data model and nothing else.
startRuntime(scorm12)
