/**
 * The dashboard's one script of its own, run in the browser after the Vega builds: it draws each
 * chart with Vega-Embed (SVG, no actions menu, expressions interpreted rather than compiled, so
 * the CSP can forbid eval) and marks the page `data-charts="ready"` when every chart has settled.
 * Plain ES2019 in a string: it is never compiled with the pipeline's Node types.
 */
export const BOOT_SCRIPT = `(function () {
  "use strict";
  var charts = JSON.parse(document.getElementById("dashboard-charts").textContent);
  var options = {
    renderer: "svg",
    actions: false,
    ast: true,
    expr: self.vegaExpressionInterpreter,
    tooltip: { theme: "light" }
  };
  var drawn = charts.map(function (chart) {
    var target = document.getElementById("chart-" + chart.id);
    return self.vegaEmbed(target, chart.spec, options).then(
      function () { target.setAttribute("data-rendered", "true"); },
      function (error) {
        target.setAttribute("data-error", "true");
        target.textContent = "This chart could not be drawn: " + (error && error.message ? error.message : error);
        console.error(error);
      }
    );
  });
  Promise.all(drawn).then(function () { document.body.setAttribute("data-charts", "ready"); });
})();`;
