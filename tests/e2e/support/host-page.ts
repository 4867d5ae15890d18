/**
 * The LMS page of the end-to-end tests. It reads its settings from
 * `window.__LMS_CONFIG__` (set by the test before the page loads):
 * `cmi` seeds scorm-again (launch data: entry, suspend_data, mastery score…),
 * `noApi` leaves `window.API` out, `flaky` makes some LMSSetValue and
 * LMSCommit calls fail without reaching scorm-again. Every call the SCO
 * makes is logged with its arguments, result and error code.
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
  window.__lms = { calls: calls, cmi: function () { return null; } };
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
        if ((counters[name] - 1) % failEvery === 0) {
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
