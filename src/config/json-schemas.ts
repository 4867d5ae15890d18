import * as z from 'zod'
import { lessonFrontmatterSchema, quizFrontmatterSchema } from './page-schemas.js'
import { courseConfigSchema, keptAsText } from './schema.js'

/** A JSON Schema document, as written to schemas/. */
export type JsonSchema = Record<string, unknown>

/**
 * The JSON Schemas of what authors write in YAML, made from the zod schemas
 * that check it, for editors: the YAML language server (VS Code's YAML
 * extension and others) completes keys, shows their descriptions and flags
 * a mistake as it is typed. Draft 7, which every such editor reads; what an
 * author may write (defaults make a key optional). By file name in schemas/.
 */
export function jsonSchemas(): Record<string, JsonSchema> {
  return {
    'course.schema.json': withTextKeys(document(courseConfigSchema, 'coursepack course.yml', 'The settings of a coursepack course.'), keptAsText),
    'lesson.schema.json': document(lessonFrontmatterSchema, 'coursepack lesson frontmatter', 'The frontmatter of a lesson (`*.md`).'),
    'quiz.schema.json': document(quizFrontmatterSchema, 'coursepack question file frontmatter', 'The frontmatter of a question file (`*.quiz.md`).'),
  }
}

function document(schema: z.ZodType, title: string, description: string): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as JsonSchema
  return { $schema, title, description, ...rest }
}

/** coursepack reads these keys' numbers as text (`version: 1.0`), so an editor must not flag a number there. */
function withTextKeys(schema: JsonSchema, keys: readonly string[]): JsonSchema {
  const properties = { ...(schema.properties as Record<string, JsonSchema>) }
  for (const key of keys) {
    const { description, default: fallback, ...text } = properties[key]!
    properties[key] = { description, ...(fallback === undefined ? {} : { default: fallback }), anyOf: [text, { type: 'number' }] }
  }
  return { ...schema, properties }
}
