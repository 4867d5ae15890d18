/**
 * The targets that `--target` and course.yml's `targets:` may name. The
 * configuration knows them by name only; each target's code is in its
 * folder under `src/targets/`, and `targets/index.ts` maps every name here
 * to it (the compiler holds the two lists to each other).
 */
export const targetNames = ['scorm12', 'scorm2004', 'cc', 'web', 'moodle'] as const

export type TargetName = (typeof targetNames)[number]

/** When neither the command line nor course.yml names any. */
export const defaultTargets: readonly TargetName[] = ['scorm12']
