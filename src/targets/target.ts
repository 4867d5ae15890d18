import type { VFile } from 'vfile'
import type { Course, PackageFile } from '../model.js'
import type { CourseData } from '../shared/course-data.js'
import type { PageView } from '../stages/render-pages.js'

/**
 * One deliverable made from the course (design.md, "Targets"). The stages
 * load, parse and render the course once; a target turns the result into
 * its package: the manifest, the layout and file name, the runtime it ships,
 * its own limits and its part of the teachers' setup card. Everything a
 * target does lives in its folder, `src/targets/<name>/`.
 */
export interface Target {
  /** As `--target` and `targets:` in course.yml name it. */
  readonly name: string
  /** As teachers know it: `SCORM 1.2`. */
  readonly label: string
  /** The package's file name: `<id>-<version>-scorm12.zip`. */
  fileName(course: Course): string
  /**
   * For a package that is used unzipped as well (a website, served as it
   * is): the name of the folder that the build also writes its files into,
   * next to the zip. Without it, the zip is all there is.
   */
  folderName?(course: Course): string
  /** Report what this target cannot carry (on `config`, the course.yml), before anything is packaged. */
  check(context: TargetContext): void
  /** Every file of the package, `imsmanifest.xml` included. */
  packageFiles(context: TargetContext): Promise<PackageFile[]>
  /** This target's section of the setup card (Markdown, starting with a `##` heading). */
  setupCard(course: Course, fileName: string): string
}

export interface TargetContext {
  readonly course: Course
  /** What the runtime is given; embedded in index.html. */
  readonly courseData: CourseData
  /** The course's `course.yml`, where course-wide problems are reported. */
  readonly config: VFile
  /** What every web target shows: index.html, the stylesheet, the pages, and the files they use. */
  readonly web: readonly PackageFile[]
  /**
   * What any non-SCORM target gets: each page's rendered content by page id
   * (a lesson's body HTML, a quiz's question views), without the course
   * shell, to lay out in its own format; the files they use are in `web`.
   */
  readonly views: ReadonlyMap<string, PageView>
}
