// The Moodle rules oracle lives in ./moodle-rules/ (index, scorm12, scorm2004); this path stays for its callers.
export { type Call, checkMoodleRules } from './moodle-rules/index.js'
