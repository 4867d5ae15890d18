import { cc } from './cc/index.js'
import { scorm12 } from './scorm12/index.js'
import { scorm2004 } from './scorm2004/index.js'
import type { Target } from './target.js'

/** Every target, by the name `--target` and course.yml's `targets:` use. Adding a target is adding its folder and a line here. */
export const targets = { scorm12, scorm2004, cc } as const satisfies Record<string, Target>

export type TargetName = keyof typeof targets

export const targetNames = Object.keys(targets) as TargetName[]

/** When neither the command line nor course.yml names any. */
export const defaultTargets: readonly TargetName[] = ['scorm12']
