// What a question kind's writer (choice.ts, matching.ts, …) is given and gives back; item.ts puts it
// into an <item>. Apart from item.ts so that the kinds and the item that calls them do not import each other.
import type { QuizView } from '../../../stages/render-pages.js'
import type { XmlNode } from './xml.js'

/** A question as the render stage showed it: prompt, choices and feedback as HTML. */
export type QuestionView = QuizView['questions'][number]

/** What each kind's writer gives: the response, the conditions that score it, and their feedback. */
export interface ItemBody {
  /** The `<presentation>` children after the question's text: `response_lid` or `response_str`. */
  readonly responses: XmlNode
  readonly conditions: readonly XmlNode[]
  readonly feedback: readonly XmlNode[]
}

export interface ItemOptions {
  /** `render_choice shuffle="Yes"`: what the quiz's `shuffle` says (read by neither importer, §2.4, §3.6). */
  readonly shuffle: boolean
  /** Rewrites the URLs of the render stage's HTML for where the QTI file is (`$IMS-CC-FILEBASE$`…). */
  readonly html: (html: string) => string
  /** More metadata fields, after the question's own (Canvas's `assessment_question_identifierref`). */
  readonly metadata?: readonly (readonly [string, string])[]
}
