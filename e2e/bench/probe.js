// probe.js is evaluated in every new document before the page's own scripts
// (Page.addScriptToEvaluateOnNewDocument). The benchmark puts its settings in
// front of it as `const benchConfig = {...};`. It writes what it measures into
// window.__bench; every time is performance.now(), which counts from the
// navigation start of the document.
//
// What it measures:
//   fcp       first-contentful-paint (PerformanceObserver "paint").
//   atFCP     what the reader saw then: the text of benchConfig.fcpCheck, whether
//             its centre is really on top (not under go-app's loader), and
//             whether #app-wasm-loader covers most of the viewport.
//   mounted   when go-app removed #app-wasm-loader: app.js does that right after
//             go.run() returns, that is once the Go main has mounted the page.
//   ready     when the app first handled input: from the start, every
//             benchConfig.interval ms, the probe sets a new value on the first
//             element matching benchConfig.input and dispatches an "input"
//             event; ready is the moment (MutationObserver) the value of the
//             benchConfig.result elements (their data-value and text) differs
//             from what the prerendered HTML had (noted once the HTML is
//             parsed). Before go-app has mounted, nobody listens and nothing
//             changes (the product's web/early.js only notes the typing, and
//             replays it once the app is ready: that counts as handling it).
//             Once the loader is gone the probe dispatches at once and then
//             only every benchConfig.slow ms, so that a handler that debounces
//             input still gets to run.
//   changedAtMount  whether the results already differed from the
//             prerendered ones when go-app mounted, before any input reached
//             the app: its first render does not match the HTML.
//   shifts    every layout-shift entry (PerformanceObserver "layout-shift").
//   lcp       every largest-contentful-paint entry, with the element it names.
(() => {
  const cfg = benchConfig;
  const m = {
    fcp: null, atFCP: null, mounted: null, ready: null, probeStart: null,
    initial: null, readyValue: null, newValue: null, inputName: null,
    dispatches: 0, changedAtMount: null, shifts: [], lcp: [], errors: [],
  };
  window.__bench = m;

  const now = () => performance.now();
  const pick = (sels) => {
    for (const s of sels) {
      const el = document.querySelector(s);
      if (el) return el;
    }
    return null;
  };
  const resultValue = () => {
    const parts = [];
    for (const s of cfg.result) {
      const el = document.querySelector(s);
      if (el) parts.push(s + "=" + (el.getAttribute("data-value") ?? "") + "|" + el.textContent.trim());
    }
    return parts.length ? parts.join("\n") : null;
  };
  const nextValue = (v) => {
    const n = parseFloat(String(v).replace(/[^0-9.]/g, ""));
    return isFinite(n) && n > 0 ? String(n * 2) : "7";
  };
  const loaderGone = () => !document.getElementById("app-wasm-loader");

  const snapshot = () => {
    const s = { text: null, onTop: false, loaderCovers: false };
    const el = cfg.fcpCheck ? document.querySelector(cfg.fcpCheck) : null;
    if (el) {
      s.text = el.textContent.trim();
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      if (r.width > 0 && r.height > 0 && x >= 0 && y >= 0 && x < innerWidth && y < innerHeight) {
        const top = document.elementFromPoint(x, y);
        s.onTop = !!top && (top === el || el.contains(top));
      }
    }
    const l = document.getElementById("app-wasm-loader");
    if (l) {
      const cs = getComputedStyle(l);
      const r = l.getBoundingClientRect();
      s.loaderCovers = cs.display !== "none" && cs.visibility !== "hidden" &&
        parseFloat(cs.opacity) > 0 && r.width * r.height >= 0.5 * innerWidth * innerHeight;
    }
    return s;
  };

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === "first-contentful-paint" && m.fcp === null) {
          m.fcp = e.startTime;
          m.atFCP = snapshot();
        }
      }
    }).observe({ type: "paint", buffered: true });
  } catch (e) { m.errors.push("paint observer: " + e); }
  const describe = (el) => {
    if (!el || !el.tagName) return "";
    let d = el.tagName.toLowerCase();
    if (el.id) d += "#" + el.id;
    if (el.classList && el.classList.length) d += "." + [...el.classList].join(".");
    return d;
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        m.lcp.push({ t: e.startTime, size: e.size, el: describe(e.element) });
      }
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch (e) { m.errors.push("largest-contentful-paint observer: " + e); }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        m.shifts.push({ t: e.startTime, v: e.value, input: e.hadRecentInput });
      }
    }).observe({ type: "layout-shift", buffered: true });
  } catch (e) { m.errors.push("layout-shift observer: " + e); }

  const check = () => {
    if (m.mounted === null && m.probeStart !== null && document.readyState !== "loading" && loaderGone()) {
      m.mounted = now();
      m.changedAtMount = resultValue() !== m.initial;
      if (m.ready === null) setTimeout(dispatch, 0);
    }
    if (m.ready !== null || m.initial === null) return;
    const v = resultValue();
    if (v !== null && v !== m.initial) {
      m.ready = now();
      m.readyValue = v;
    }
  };

  const dispatch = () => {
    if (m.ready !== null) return;
    const inp = pick(cfg.input);
    if (!inp) return;
    if (m.newValue === null) {
      m.newValue = nextValue(inp.value);
      m.inputName = inp.name || inp.id || inp.tagName;
    }
    inp.value = m.newValue;
    inp.dispatchEvent(new Event("input", { bubbles: true }));
    m.dispatches++;
  };

  const tick = () => {
    if (m.ready !== null) return;
    // The prerendered results, once the HTML is parsed: earlier, some of
    // them may not be there yet, and their arrival would count as a change.
    if (m.initial === null && document.readyState !== "loading") {
      const v = resultValue();
      if (v !== null && pick(cfg.input)) {
        m.initial = v;
        m.probeStart = now();
        new MutationObserver(check).observe(document.documentElement, {
          subtree: true, childList: true, attributes: true, characterData: true,
        });
      }
    }
    check();
    if (m.initial !== null && m.ready === null) dispatch();
    setTimeout(tick, m.mounted === null ? cfg.interval : cfg.slow);
  };
  tick();
})();
