/* AIVC embed: fits each AIVC calculator frame on this page to its content.
   Load it from the calculator's site: <script src="https://SITE/embed.js" async></script>.
   It trusts only messages from the frame's own window, sent from the site it
   was loaded from, shaped {type:"aivc:height", height:100..20000}, and
   answers each with {type:"aivc:sized", held}. */
(function () {
  "use strict";
  var me = document.currentScript, origin;
  try { origin = new URL(me.src).origin; } catch (e) { return; }
  var flag = "aivcEmbed:" + origin;
  if (window[flag]) return;
  window[flag] = true;

  function frames() {
    return [].filter.call(document.getElementsByTagName("iframe"), function (f) {
      try {
        var u = new URL(f.src, location.href);
        return u.origin === origin && /^\/embed(\.html)?$/.test(u.pathname);
      } catch (e) { return false; }
    });
  }

  window.addEventListener("message", function (e) {
    var d = e.data, h;
    if (e.origin !== origin || !d || typeof d !== "object" ||
        Object.keys(d).length !== 2 || d.type !== "aivc:height") return;
    h = d.height;
    if (typeof h !== "number" || !isFinite(h) || h < 100 || h > 20000) return;
    h = Math.ceil(h);
    frames().forEach(function (f) {
      if (f.contentWindow !== e.source) return;
      f.style.boxSizing = "content-box";
      f.style.height = h + "px";
      // Sized, or held shorter by this page's style (it must scroll).
      e.source.postMessage({ type: "aivc:sized", held: f.clientHeight < h }, origin);
    });
  });

  // A frame that loaded before this script ran has already posted: ask
  // again, now (not if still blank: the browser warns) and when each frame
  // has loaded (a ping sent while it was loading is lost).
  frames().forEach(function (f) {
    function ping() {
      try { f.contentWindow.postMessage({ type: "aivc:ping" }, origin); } catch (e) {}
    }
    var d = f.contentDocument;
    if (!d || d.URL !== "about:blank") ping();
    f.addEventListener("load", ping);
  });
})();
