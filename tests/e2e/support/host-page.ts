/**
 * The LMS page of the end-to-end tests. It reads its settings from
 * `window.__LMS_CONFIG__` (set by the test before the page loads):
 * `cmi` seeds scorm-again (launch data: entry, suspend_data, mastery score…),
 * `noApi` leaves `window.API` out, `flaky` makes some LMSSetValue and
 * LMSCommit calls fail without reaching scorm-again (every Nth call, or
 * every commit until the test starts leaving: `'until-leave'`). Every call
 * the SCO makes is logged with its arguments, result and error code.
 * `__lms.committed()` is what the LMS held at its last successful commit:
 * what a real LMS has stored for sure (Moodle's save at LMSFinish is a
 * beacon nobody confirms).
 */
export const hostPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Stand-in LMS</title>
<script src="/lms/scorm12.min.js"></script>
<script>
(function () {
  var config = window.__LMS_CONFIG__ || {};
  var calls = [];
  var finished = false;
  var committed = null;
  window.__lms = { calls: calls, shown: [], leaving: false, cmi: function () { return null; }, committed: function () { return committed; } };
  if (config.noApi) return;
  var api = new Scorm12API({ autocommit: false, logLevel: 5, mastery_override: true, autoCompleteLessonStatus: true });
  api.loadFromJSON(config.cmi || {});
  var counters = { LMSSetValue: 0, LMSCommit: 0 };
  var injected = null;
  var names = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'];
  var wrapped = {};
  names.forEach(function (name) {
    var original = api[name].bind(api);
    wrapped[name] = function () {
      var args = Array.prototype.slice.call(arguments);
      if (name === 'LMSGetLastError' && injected) return injected;
      if (name === 'LMSGetLastError' || name === 'LMSGetErrorString' || name === 'LMSGetDiagnostic') return original.apply(null, args);
      var entry = { fn: name, args: args.map(String), types: args.map(function (a) { return typeof a; }), afterFinish: finished };
      var failEvery = config.flaky && config.flaky[name];
      if (failEvery) {
        counters[name] += 1;
        var fails = failEvery === 'until-leave' ? !window.__lms.leaving : (counters[name] - 1) % failEvery === 0;
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
      if (name === 'LMSFinish') finished = true;
      if (name === 'LMSCommit' && String(result) === 'true' && !finished) committed = window.__lms.cmi();
      return result;
    };
  });
  window.API = wrapped;
  window.__lms.cmi = function () { return JSON.parse(JSON.stringify(api.renderCommitCMI(true))); };
  window.__lms.get = function (element) { return api.getCMIValue(element); };
})();
</script>
</head>
<body>
<iframe id="sco" title="Course" src="/pkg/index.html" style="width: 100%; height: 95vh; border: 0"></iframe>
</body>
</html>`
