import { access } from 'node:fs/promises'
import path from 'node:path'
import type { Element, ElementContent, Root } from 'hast'
import type { VFile } from 'vfile'
import { isExternal } from './rehype-course-links.js'
import { eachElement } from './walk-tree.js'

const video = /\.(mp4|m4v|webm|ogv|mov)$/i
const audio = /\.(mp3|m4a|aac|ogg|oga|opus|wav)$/i

/**
 * Media from Markdown image syntax: `![A speech](media/speech.mp4 "Caption")`
 * becomes a `<video controls>` (or `<audio controls>`) with a WebVTT captions
 * track when `media/speech.vtt` (or `speech.<lang>.vtt`) sits next to it. An
 * image with a title becomes a `<figure>` with that title as its caption.
 * Runs before links are resolved, so the media and tracks are packaged too.
 */
export default function rehypeMedia(options: Readonly<{ language: string }>) {
  return async function transform(tree: Root, file: VFile): Promise<void> {
    const jobs: Promise<void>[] = []
    eachElement(tree, (element, index, parent) => {
      if (element.tagName !== 'img') return
      const src = String(element.properties.src ?? '')
      const alt = String(element.properties.alt ?? '')
      const title = element.properties.title === undefined ? undefined : String(element.properties.title)
      const kind = video.test(src.split(/[?#]/)[0]!) ? 'video' : audio.test(src.split(/[?#]/)[0]!) ? 'audio' : undefined
      let replacement: Element = element
      if (kind) {
        const media: Element = {
          type: 'element',
          tagName: kind,
          properties: { src, controls: true, preload: 'metadata', ...(alt ? { ariaLabel: alt } : {}) },
          children: [],
          position: element.position,
        }
        replacement = media
        if (!isExternal(src)) jobs.push(addCaptions(media, src, file, options.language))
      }
      if (title || kind) {
        delete element.properties.title
        const caption: ElementContent[] = title ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: title }] }] : []
        replacement = { type: 'element', tagName: 'figure', properties: { className: ['cp-figure'] }, children: [replacement, ...caption], position: element.position }
      }
      parent.children[index] = replacement
    })
    // A figure cannot sit in a paragraph: a paragraph holding only a figure gives way to it.
    eachElement(tree, (element, index, parent) => {
      if (element.tagName !== 'p') return
      const meaningful = element.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
      if (meaningful.length === 1 && meaningful[0]?.type === 'element' && meaningful[0].tagName === 'figure') parent.children[index] = meaningful[0]
    })
    await Promise.all(jobs)
  }
}

/** `<track kind="captions">` for each WebVTT file next to the media: `name.vtt`, `name.<lang>.vtt`. */
async function addCaptions(media: Element, src: string, file: VFile, language: string): Promise<void> {
  const base = src.split(/[?#]/)[0]!.replace(/\.[^./]+$/, '')
  const folder = path.dirname(file.path)
  const candidates = [`${base}.vtt`, `${base}.${language}.vtt`, ...(language.includes('-') ? [`${base}.${language.split('-')[0]}.vtt`] : [])]
  for (const [index, candidate] of candidates.entries()) {
    let decoded: string
    try {
      decoded = decodeURIComponent(candidate)
    } catch {
      // A broken escape (`%zz`): the link check reports the media itself.
      return
    }
    const exists = await access(path.resolve(folder, decoded)).then(() => true, () => false)
    if (!exists) continue
    media.children.push({
      type: 'element',
      tagName: 'track',
      properties: { kind: 'captions', src: candidate, srcLang: language, label: language, ...(index === 0 ? { default: true } : {}) },
      children: [],
      position: media.position,
    })
    return
  }
}
