import { startRuntime } from '../../../runtime/index.js'
import { scorm2004 } from './standard.js'

// The SCORM 2004 package's coursepack.js: the runtime with SCORM 2004's data model and nothing else.
startRuntime(scorm2004)
