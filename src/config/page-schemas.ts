import * as z from 'zod'
import { pageIdSchema } from './schema.js'

/** A lesson's frontmatter (`*.md`). The descriptions are what an editor shows (schemas/*.schema.json). */
export const lessonFrontmatterSchema = z.strictObject({
  title: z.string().trim().min(1).optional().describe('The lesson\'s title (default: the `# Title` the file starts with).'),
  id: pageIdSchema.optional().describe('Page id in place of the one from the file name (optional).'),
  objectives: z
    .union([z.string().trim().min(1), z.array(z.string().trim().min(1))])
    .optional()
    .describe('What the learner will be able to do after the lesson: a sentence, or a list of them.'),
  duration: z.union([z.number().positive(), z.string().trim().min(1)]).optional().describe('Minutes as a number, or a text such as `15 min`.'),
})

/** A question file's frontmatter (`*.quiz.md`). */
export const quizFrontmatterSchema = z.strictObject({
  title: z.string().trim().min(1).optional().describe('The quiz\'s title (default: the `# Title` the file starts with).'),
  id: pageIdSchema.optional().describe('Page id in place of the one from the file name (optional).'),
  graded: z.boolean().default(true).describe('Graded quizzes count toward the course score; `false` makes a knowledge check (default: true).'),
  passingScore: z.number().min(0).max(100).optional().describe('Pass mark of this quiz, in percent (optional).'),
  weight: z.number().min(0).default(1).describe('Weight of this quiz in the course score (default: 1).'),
  attempts: z.number().int().min(1).optional().describe('How many times a learner may submit (default: no limit).'),
  keep: z.enum(['best', 'last']).default('best').describe('Which attempt\'s score counts when a learner retakes the quiz (default: best).'),
  pick: z.number().int().min(1).optional().describe('Draw this many of the questions for each attempt (default: all).'),
  shuffle: z.boolean().default(false).describe('Shuffle the questions and their choices for each attempt (default: false).'),
  questions: z
    .union([z.string().trim().min(1), z.array(z.string().trim().min(1))])
    .optional()
    .describe('GIFT question banks whose questions join this quiz\'s (paths relative to it).'),
})
