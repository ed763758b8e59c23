/*
 * explainer-rise-widgets: a hand-written JupyterLab federated extension (no build step).
 *
 * Why: jupyterlab-rise 0.43.1 serves the slideshow from its own small JupyterLab application
 * (/rise/<notebook>), built with the packages a slideshow needs; @jupyterlab/console is not one of
 * them. The ipywidgets 8 widget manager (@jupyter-widgets/jupyterlab-manager 5.x) consumes
 * @jupyterlab/console as a shared singleton without a fallback, only to get the *optional*
 * IConsoleTracker token (widgets in code consoles). In the RISE app that consume throws "Shared
 * module @jupyterlab/console doesn't exist in shared scope default", so no widget manager starts,
 * anywidget's plugin (which requires the manager's widget registry) fails to activate, and every
 * widget output falls back to its text repr (jupyterlab-contrib/rise#119, #126).
 *
 * What: when, and only when, the shared scope has no @jupyterlab/console (the RISE app; JupyterLab
 * itself always shares the real one, which is then left alone), this container shares a stand-in
 * module exporting an IConsoleTracker token that nothing provides. The manager's optional
 * requirement then resolves to null, as it would in an application without consoles.
 */
(function () {
  "use strict";
  var NAME = "explainer-rise-widgets";
  var KEY = "@jupyterlab/console";
  var VERSION = "4.3.4"; // the @jupyterlab/* version jupyterlab-rise 0.43.1's application shares

  function anyVersion(scope, pkg) {
    var versions = scope[pkg];
    if (!versions) return null;
    var keys = Object.keys(versions);
    return keys.length ? versions[keys[keys.length - 1]] : null;
  }

  function stubModule(scope) {
    var coreutils = anyVersion(scope, "@lumino/coreutils");
    var make = function (Token) {
      var name = KEY + ":IConsoleTracker";
      var token = Token
        ? new Token(name, "Stand-in: this application has no code consoles.")
        : { name: name, description: "Stand-in: this application has no code consoles." };
      var module = { IConsoleTracker: token };
      Object.defineProperty(module, "__esModule", { value: true });
      return function () {
        return module;
      };
    };
    if (!coreutils) return Promise.resolve(make(null));
    return Promise.resolve(coreutils.get()).then(function (factory) {
      var lib = factory();
      return make(lib && lib.Token);
    });
  }

  var container = {
    init: function (scope) {
      if (!scope || scope[KEY]) return; // JupyterLab: the real module is shared, use it
      var entry = null;
      scope[KEY] = {};
      scope[KEY][VERSION] = {
        from: NAME,
        eager: false,
        get: function () {
          if (!entry) entry = stubModule(scope);
          return entry;
        },
      };
    },
    get: function (module) {
      return Promise.reject(new Error(NAME + " exposes no module (asked for " + module + ")"));
    },
  };
  var registry = (window._JUPYTERLAB = window._JUPYTERLAB || {});
  registry[NAME] = container;
})();
