import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { problem } from '../diagnostics/problem.js'
import type { PackageFile } from '../model.js'
import { packageFile } from '../package-root.js'
import { stateFormFor, worstCaseStateLength } from '../shared/learner-state.js'
import type { ManifestFiles } from './manifest-xml.js'
import type { TargetContext } from './target.js'

/** What SCORM targets share: one SCO (the course's own shell), a runtime, the schemas, a state budget. */

/**
 * A single-SCO package: the manifest, the web files, the target's runtime
 * as `coursepack.js`, and its schemas (from `schemas/<name>/`) next to the
 * manifest.
 */
export async function scormPackageFiles(
  context: TargetContext,
  name: string,
  schemaFiles: readonly string[],
  manifest: (files: ManifestFiles) => string,
): Promise<PackageFile[]> {
  const scoFiles = [...context.web, await readRuntime(name)]
  const schemas = await readSchemas(name, schemaFiles)
  const xml = manifest({ scoFiles: scoFiles.map((file) => file.path), otherFiles: schemas.map((file) => file.path) })
  return [{ path: 'imsmanifest.xml', data: new TextEncoder().encode(xml) }, ...scoFiles, ...schemas]
}

/** The runtime bundle of target `name`, built by `npm run compile` from src/targets/<name>/runtime/main.ts. */
export async function readRuntime(name: string): Promise<PackageFile> {
  const bundle = packageFile(`lib/runtime/${name}.js`)
  try {
    return { path: 'coursepack.js', data: await readFile(bundle) }
  } catch (error) {
    throw new Error(`The runtime bundle ${bundle} is missing: run \`npm run compile\` first.`, { cause: error })
  }
}

/** The schema files in `schemas/<folder>/` and their notice, at the zip root next to the manifest. */
async function readSchemas(folder: string, names: readonly string[]): Promise<PackageFile[]> {
  const dir = packageFile(`schemas/${folder}/`)
  return Promise.all([...names, 'NOTICE.txt'].map(async (name) => ({ path: name, data: await readFile(path.join(dir, name)) })))
}

/**
 * The learner's saved state must fit what the standard lets an LMS keep.
 * When the full form (with the last answers, shown again on resume) could
 * pass it, the runtime keeps the compact one (attempts and scores), and the
 * build says so; when even that could pass it, the build refuses the course.
 */
export function checkStateBudget(context: TargetContext, budget: number, label: string, larger?: { readonly target: string; readonly budget: number }): void {
  const form = stateFormFor(context.courseData, budget)
  if (form === 'full') return
  const full = worstCaseStateLength(context.courseData, 'full')
  if (form === 'compact') {
    problem(context.config, 'compact-state', null, `A learner's saved state with their answers could reach ${full} characters, more than the ${budget} that ${label} allows: learners who come back see their scores, not their last answers`, {
      hint: larger ? `Build \`--target ${larger.target}\` (${larger.budget} characters) to keep the answers too, or draw fewer questions with \`pick:\`.` : 'Draw fewer questions with `pick:`, or split the course.',
    })
    return
  }
  const compact = worstCaseStateLength(context.courseData, 'compact')
  problem(context.config, 'state-too-large', null, `A learner's saved state could reach ${compact} characters even without their answers, more than the ${budget} that ${label} allows`, {
    hint: larger ? `Build \`--target ${larger.target}\`, which allows ${larger.budget} characters, or split the course into several packages.` : 'Split the course into several packages.',
  })
}
