import type { TargetName } from '../config/target-names.js'
import { cc } from './cc/index.js'
import { moodle } from './moodle/index.js'
import { scorm12 } from './scorm12/index.js'
import { scorm2004 } from './scorm2004/index.js'
import type { Target } from './target.js'
import { web } from './web/index.js'

export { defaultTargets, type TargetName, targetNames } from '../config/target-names.js'

/** Every target, by the name `--target` and course.yml's `targets:` use. Adding a target is adding its folder, its name in config/target-names.ts and a line here. */
export const targets: { readonly [name in TargetName]: Target } = { scorm12, scorm2004, cc, web, moodle }
