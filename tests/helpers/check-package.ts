import path from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import JSZip from 'jszip'
import type { BuiltPackage } from '../../src/build.js'
import { checkMoodleBackup } from './check-moodle-backup.js'
import { validateCcManifest } from './validate-cc.js'
import { manifestHrefs, validateManifest, validateManifest2004 } from './validate-manifest.js'

export interface Options {
  /** Also validate the manifest against the target's XSDs (slower: about 0.1 s) (default: true). */
  readonly schema?: boolean
}

/**
 * The package checks of the example course, for any built package: the zip
 * opens, its entry names stay inside it, the manifest lists every file and
 * only those (a website has none, and an index.html), every link and image
 * of a page is relative and in the zip, and
 * (unless `schema: false`) the manifest is valid against the XSDs of its
 * target (SCORM 1.2, SCORM 2004, Common Cartridge 1.1); a Moodle backup gets
 * the checks of check-moodle-backup.ts instead. Returns what is
 * wrong, `[]` when nothing is.
 */
export async function checkPackage(built: BuiltPackage, options: Options = {}): Promise<string[]> {
  if (!built.zip) return [`${built.target}: no zip was made`]
  // A Moodle backup has no imsmanifest.xml: its own checks follow its ids from file to file.
  if (built.target === 'moodle') return checkMoodleBackup(built.zip)
  const zip = await JSZip.loadAsync(built.zip)
  const names = Object.keys(zip.files)
  const wrong: string[] = []
  for (const name of names) {
    if (name.endsWith('/') || name.includes('..') || name.startsWith('/') || name.includes('\\')) wrong.push(`entry name ${JSON.stringify(name)}`)
  }
  const manifest = await zip.file('imsmanifest.xml')?.async('string')
  // A cartridge's hrefs are written unescaped (Moodle and Canvas read them so); SCORM's are URL-encoded.
  const cartridge = built.target === 'cc'
  if (built.target === 'web') {
    // A website has no manifest: index.html is its front page.
    if (manifest !== undefined) wrong.push('a website with an imsmanifest.xml')
    if (!zip.file('index.html')) wrong.push('a website without index.html')
  } else if (manifest === undefined) {
    return [...wrong, 'no imsmanifest.xml']
  } else {
    const listed = (cartridge ? cartridgeHrefs(manifest) : manifestHrefs(manifest)).sort()
    const entries = names.filter((name) => name !== 'imsmanifest.xml').sort()
    if (JSON.stringify(listed) !== JSON.stringify(entries)) wrong.push(`the manifest lists ${JSON.stringify(listed)}, the zip holds ${JSON.stringify(entries)}`)
  }
  for (const name of names.filter((entry) => entry.endsWith('.html'))) {
    const html = await zip.file(name)!.async('string')
    for (const match of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const url = match[1]!.replace(/&amp;/g, '&')
      const canvasTarget = cartridge ? canvasReference(url) : undefined
      if (canvasTarget !== undefined) {
        if (!zip.file(canvasTarget)) wrong.push(`${name}: a broken Canvas reference ${url}`)
        continue
      }
      const pathPart = url.split(/[?#]/)[0]!
      // Another site, or this same page (`#part`, `?query`).
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url) || pathPart === '') continue
      // From the root of the server: broken wherever the package is served under a sub-path (an LMS, GitHub Pages).
      if (url.startsWith('/')) {
        wrong.push(`${name}: a link from the server's root, ${url}`)
        continue
      }
      let target: string
      try {
        target = path.posix.normalize(path.posix.join(path.posix.dirname(name), cartridge ? pathPart : decodeURIComponent(pathPart)))
      } catch {
        wrong.push(`${name}: a link that cannot be decoded, ${url}`)
        continue
      }
      if (!zip.file(target)) wrong.push(`${name}: a broken link to ${url}`)
    }
  }
  // Canvas's own files in a cartridge: well-formed XML.
  for (const name of cartridge ? names.filter((entry) => /\.xml(\.qti)?$/.test(entry)) : []) {
    const valid = XMLValidator.validate(await zip.file(name)!.async('string'))
    if (valid !== true) wrong.push(`${name}: not well-formed XML, ${valid.err.msg}`)
  }
  if (options.schema !== false && manifest !== undefined) {
    const result = cartridge ? await validateCcManifest(manifest) : built.target === 'scorm2004' ? await validateManifest2004(manifest) : await validateManifest(manifest)
    if (!result.valid) wrong.push(`the manifest is not valid: ${result.errors.join('; ')}`)
  }
  return wrong
}

/**
 * The file a Canvas reference in a Page of a cartridge names
 * (`$IMS-CC-FILEBASE$/…` a course file, `$WIKI_REFERENCE$/pages/…` a Page,
 * `$CANVAS_OBJECT_REFERENCE$/quizzes/…` a quiz), or undefined for any other URL.
 */
function canvasReference(url: string): string | undefined {
  const match = /^\$(IMS-CC-FILEBASE|WIKI_REFERENCE|CANVAS_OBJECT_REFERENCE)\$\/([^?#]*)/.exec(url)
  if (!match) return undefined
  const [, token, rest] = match
  if (token === 'IMS-CC-FILEBASE') {
    try {
      return `web_resources/${decodeURIComponent(rest!)}`
    } catch {
      return rest
    }
  }
  if (token === 'WIKI_REFERENCE') return `wiki_content/${rest!.replace(/^pages\//, '')}.html`
  return `non_cc_assessments/${rest!.replace(/^quizzes\//, '')}.xml.qti`
}

/** Every file a cartridge's manifest lists, as written. */
function cartridgeHrefs(xml: string): string[] {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['file', 'resource'].includes(name) }).parse(xml)
  return parsed.manifest.resources.resource.flatMap((resource: { file?: { '@href': string }[] }) => (resource.file ?? []).map((file) => file['@href']))
}
