import type { StandInStandard } from '../../../src/shared/stand-in-lms.js'

/**
 * The LMS page of the end-to-end tests, for one standard: scorm-again's
 * Scorm12API as `window.API`, or its Scorm2004API as `window.API_1484_11`.
 * It reads its settings from `window.__LMS_CONFIG__` (set by the test before
 * the page loads): `cmi` seeds scorm-again (launch data: entry,
 * suspend_data, pass mark…), `noApi` leaves the API out, `flaky` makes some
 * set and commit calls fail without reaching scorm-again (every Nth call, or
 * every commit until the test starts leaving: `'until-leave'`). Every call
 * the SCO makes is logged with its arguments, result and error code.
 * `__lms.committed()` is what the LMS held at its last successful commit:
 * what a real LMS has stored for sure (Moodle's save at LMSFinish is a
 * beacon nobody confirms).
 */
export const hostPage = (standard: StandInStandard) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Stand-in LMS</title>
<script src="/lms/${standard.script}"></script>
<script>
(function () {
  var config = window.__LMS_CONFIG__ || {};
  var calls = [];
  var finished = false;
  var committed = null;
  window.__lms = { calls: calls, shown: [], leaving: false, cmi: function () { return null; }, committed: function () { return committed; } };
  if (config.noApi) return;
  var fn = ${JSON.stringify(standard.fn)};
  var api = new ${standard.apiClass}({ autocommit: false, logLevel: 5, mastery_override: true, autoCompleteLessonStatus: true });
  api.loadFromJSON(config.cmi || {});
  var counters = { set: 0, commit: 0 };
  var injected = null;
  var names = [fn.initialize, fn.finish, fn.get, fn.set, fn.commit, fn.lastError, fn.errorString, fn.diagnostic];
  var wrapped = {};
  names.forEach(function (name) {
    var original = api[name].bind(api);
    wrapped[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      if (name === fn.lastError && injected) return injected;
      if (name === fn.lastError || name === fn.errorString || name === fn.diagnostic) return original.apply(null, args);
      var entry = { fn: name, args: args.map(String), types: args.map(function (a) { return typeof a; }), afterFinish: finished };
      var role = name === fn.set ? 'set' : name === fn.commit ? 'commit' : null;
      var failEvery = role && config.flaky && config.flaky[role];
      if (failEvery) {
        counters[role] += 1;
        var fails = failEvery === 'until-leave' ? !window.__lms.leaving : (counters[role] - 1) % failEvery === 0;
        if (fails) {
          injected = '101';
          entry.result = 'false'; entry.error = '101'; entry.injected = true;
          calls.push(entry);
          return 'false';
        }
      }
      injected = null;
      var result = original.apply(null, args);
      entry.result = String(result);
      entry.error = String(api.lastErrorCode);
      calls.push(entry);
      if (name === fn.finish) finished = true;
      if (name === fn.commit && String(result) === 'true' && !finished) committed = window.__lms.cmi();
      return result;
    };
  });
  window[${JSON.stringify(standard.apiName)}] = wrapped;
  window.__lms.cmi = function () { return JSON.parse(JSON.stringify(api.renderCommitCMI(true))); };
  window.__lms.get = function (element) { return api.getCMIValue(element); };
})();
</script>
</head>
<body>
<iframe id="sco" title="Course" src="/pkg/index.html" style="width: 100%; height: 95vh; border: 0"></iframe>
</body>
</html>`
