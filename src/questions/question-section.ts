import type { Heading, RootContent } from 'mdast'

/** One question as written: its `##` heading (the prompt) and the nodes up to the next one. */
export interface QuestionSection {
  /** `q1`, `q2`, … in file order. */
  readonly id: string
  readonly heading: Heading
  readonly nodes: readonly RootContent[]
}

/**
 * Split the body of a question file at its `##` headings: what comes before
 * the first one is the quiz's introduction.
 */
export function splitQuestions(children: readonly RootContent[]): { intro: RootContent[]; sections: QuestionSection[] } {
  const intro: RootContent[] = []
  const sections: { id: string; heading: Heading; nodes: RootContent[] }[] = []
  for (const node of children) {
    if (node.type === 'heading' && node.depth <= 2) {
      sections.push({ id: `q${sections.length + 1}`, heading: node, nodes: [] })
    } else if (sections.length > 0) {
      sections[sections.length - 1]!.nodes.push(node)
    } else {
      intro.push(node)
    }
  }
  return { intro, sections }
}
