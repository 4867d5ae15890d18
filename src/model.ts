/**
 * The data that flows between the pipeline stages. Stages take and return
 * these plain structures; only `fs/` touches the disk.
 */
import type { Root as MdastRoot, RootContent, PhrasingContent } from 'mdast'
import type { VFile } from 'vfile'
import type { ResolvedConfig } from './config/schema.js'

/** A page's source file as found in the outline, before parsing. */
export interface PageSource {
  readonly type: 'page'
  /** `lesson` for `*.md`, `quiz` for `*.quiz.md`. */
  readonly format: 'lesson' | 'quiz'
  /** Id derived from the file's path (frontmatter `id` may replace it). */
  readonly pathId: string
  readonly file: VFile
}

/** A module: a folder, or a titled group in `course.yml`'s `outline`. */
export interface ModuleSource {
  readonly type: 'module'
  readonly id: string
  readonly title: string
  readonly children: readonly OutlineSource[]
}

export type OutlineSource = PageSource | ModuleSource

export interface Lesson {
  readonly kind: 'lesson'
  readonly id: string
  readonly title: string
  readonly objectives: readonly string[]
  readonly duration: string | undefined
  readonly file: VFile
  /** The body, without frontmatter and without the `# Title` line it may start with. */
  readonly body: MdastRoot
}

export interface Choice {
  /** One character, `a` to `z` then `0` to `9`: the SCORM 1.2 choice response format. */
  readonly id: string
  /** The choice's label: text, emphasis, code, images. */
  readonly content: readonly PhrasingContent[]
  readonly correct: boolean
}

export type QuestionKind = 'single-choice' | 'multiple-response' | 'true-false'

export interface Question {
  /** Unique within its quiz: `q1`, `q2`, … */
  readonly id: string
  readonly kind: QuestionKind
  readonly prompt: readonly PhrasingContent[]
  /** Markdown between the prompt and the choices (optional text, images, code). */
  readonly body: readonly RootContent[]
  readonly choices: readonly Choice[]
  /** Shown after answering (the blockquote after the choices). */
  readonly feedback: readonly RootContent[]
  readonly points: number
}

export interface Quiz {
  readonly kind: 'quiz'
  readonly id: string
  readonly title: string
  /** Graded quizzes count toward the course score; knowledge checks do not. */
  readonly graded: boolean
  /** Pass mark of this quiz in percent (optional). */
  readonly passingScore: number | undefined
  /** Weight in the course score. */
  readonly weight: number
  /** How many times a learner may submit (undefined: no limit). */
  readonly attempts: number | undefined
  /** Which attempt's score counts. */
  readonly keep: 'best' | 'last'
  readonly file: VFile
  /** Markdown before the first question. */
  readonly intro: MdastRoot
  readonly questions: readonly Question[]
}

export type Page = Lesson | Quiz

export interface ModuleNode {
  readonly type: 'module'
  readonly id: string
  readonly title: string
  readonly children: readonly OutlineNode[]
}

export interface PageNode {
  readonly type: 'page'
  readonly page: Page
}

export type OutlineNode = ModuleNode | PageNode

/** A parsed course: what rendering and packaging need. */
export interface Course {
  /** Absolute path of the course folder. */
  readonly root: string
  readonly config: ResolvedConfig
  /** The course id: `config.id`, or the slug of the title. */
  readonly id: string
  readonly outline: readonly OutlineNode[]
  /** Every page, in reading order. */
  readonly pages: readonly Page[]
}

/** One file of the package: its path inside the zip and its bytes. */
export interface PackageFile {
  readonly path: string
  readonly data: Uint8Array
}
