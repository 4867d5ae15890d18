// Write the JSON Schemas of course.yml and of page frontmatter into schemas/ from the zod schemas
// (run after `npm run compile`; a test checks that the files are up to date).
import { writeFile } from 'node:fs/promises'
import { jsonSchemas } from '../lib/dev/config/json-schemas.js'

for (const [name, schema] of Object.entries(jsonSchemas())) {
  await writeFile(new URL(`../schemas/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`)
}
