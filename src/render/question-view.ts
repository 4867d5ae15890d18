import type { PhrasingContent, RootContent } from 'mdast'
import type { Question } from '../model.js'
import { plainText } from '../questions/list-items.js'
import { maxTextAnswerLength } from '../shared/answers.js'
import { shuffleWithSeed } from '../shared/draw.js'
import { escapeHtml } from '../shared/escape-html.js'

/** Markdown → HTML for the pieces of a question, and UI strings. */
export interface Renderers {
  readonly inline: (content: readonly PhrasingContent[]) => Promise<string>
  readonly blocks: (content: readonly RootContent[]) => Promise<string>
  /** A UI string in the course's language. */
  readonly text: (key: 'true' | 'false') => string
}

/**
 * What the question template needs to show one question: native form
 * controls with labels for every kind, and the feedback, hidden until the
 * runtime reveals it. `domId` keeps ids unique on the page.
 */
export async function questionView(question: Question, number: number, quizId: string, render: Renderers) {
  const domId = `${quizId}-${question.id}`
  const common = {
    id: question.id,
    domId,
    number,
    kind: question.kind,
    promptHtml: await render.inline(question.prompt),
    bodyHtml: await render.blocks(question.body),
    feedbackHtml: await render.blocks(question.feedback),
  }
  switch (question.kind) {
    case 'single-choice':
    case 'multiple-response':
    case 'true-false':
    case 'likert': {
      const multiple = question.kind === 'multiple-response'
      return {
        ...common,
        isChoice: true,
        instructions: multiple ? 'selectAll' : question.kind === 'likert' ? 'rateOne' : 'selectOne',
        inputType: multiple ? 'checkbox' : 'radio',
        choices: await Promise.all(
          question.choices.map(async (choice) => ({
            id: choice.id,
            inputId: `${domId}-${choice.id}`,
            labelHtml: 'booleanLabel' in choice && choice.booleanLabel ? escapeHtml(render.text(choice.booleanLabel)) : await render.inline(choice.content),
            feedbackHtml: 'feedback' in choice ? await render.blocks(choice.feedback) : '',
          })),
        ),
      }
    }
    case 'fill-in':
    case 'numeric':
      return {
        ...common,
        isTyped: true,
        instructions: question.kind === 'numeric' ? 'typeNumber' : 'typeAnswer',
        inputId: `${domId}-answer`,
        inputMode: question.kind === 'numeric' ? 'decimal' : 'text',
        maxLength: maxTextAnswerLength,
        answerFeedback: await Promise.all(question.answers.map(async (answer, index) => ({ key: String(index), html: await render.blocks(answer.feedback) }))),
      }
    case 'matching':
      return {
        ...common,
        isMatching: true,
        instructions: 'matchEach',
        sources: await Promise.all(question.sources.map(async (source) => ({ id: source.id, selectId: `${domId}-${source.id}`, labelHtml: await render.inline(source.content) }))),
        // Option elements hold text only; the order is scrambled the same way for every learner.
        targets: shuffleWithSeed(question.targets, `${quizId}|${question.id}|targets`).map((target) => ({ id: target.id, text: plainText(target.content) })),
      }
    case 'sequencing':
      return {
        ...common,
        isSequencing: true,
        instructions: 'orderItems',
        items: await Promise.all(
          scrambled(question.items, `${quizId}|${question.id}|items`).map(async (item) => ({ id: item.id, selectId: `${domId}-${item.id}`, labelHtml: await render.inline(item.content) })),
        ),
        positions: question.items.map((_, index) => index + 1),
      }
  }
}

/** A seeded order that is never the right one, so the answer is not on the screen. */
function scrambled<T>(items: readonly T[], seed: string): T[] {
  const order = shuffleWithSeed(items, seed)
  return order.every((item, index) => item === items[index]) ? [...order.slice(1), order[0]!] : order
}
