// AIVC early input. Every page is prerendered: its form shows, with its
// results, long before app.wasm has arrived and taken over (seconds on a
// slow phone). go-app then builds the page anew, so what a person typed into
// the prerendered form would be lost, and so would the focus. This script
// keeps both: until the app is ready it notes every field a person changes
// and where the caret is, fades the results (not yet theirs, nor a link's
// state's), and keeps
// Enter from submitting the form (which would reload the page); once the
// shell marks <body data-wasm="ready">, it sets the same values in the live
// page's fields, with the same events, so the app takes them as typed:
// checked, linked and saved like any input. Fields are matched by id.
// Buttons that only change the view (data-replay: /compare's "Show all" and
// sort buttons) are clicked again in the live page, in the order clicked.
// Plain JS, no dependencies; loaded deferred on every page (app/routes.go).
//
// It also holds the wasm's start until the prerendered page has been
// painted and reported, has the page built whole and its closed <details>
// opened for a printout, keeps
// localStorage out of go-app's start, says when the wasm cannot run,
// downloads the site's own files through the service worker, and makes the
// header's "Skip to content" link move the focus to the page's <main>
// without following its #main: a page's fragment is its state (a link to
// the calculation), and go-app would navigate to #main and load the page
// anew, at its defaults.

// As it starts, go-app's engine reads and JSON-decodes every value in
// localStorage, looking for expired persisted states (which this app does
// not use), before it runs any page: a log of 20,000 clips is 20,000 values,
// and every page took over 1.3-1.5 s later for them. So until the app is
// ready the engine finds an empty localStorage, and the app reads the real
// one as window.aivcStorage (app/customprofiles.go). Storage that throws
// when read (site data blocked: app/guard.go), or a property that cannot be
// replaced, is left as it is.
(() => {
  "use strict";
  const body = document.body;
  if (!body || body.dataset.wasm === "ready") return;
  let own;
  try {
    own = Object.getOwnPropertyDescriptor(window, "localStorage");
    const real = window.localStorage;
    if (!own || !Reflect.defineProperty(window, "localStorage", { value: { length: 0 }, configurable: true })) return;
    window.aivcStorage = real;
  } catch (e) {
    return;
  }
  new MutationObserver((_, observer) => {
    if (body.dataset.wasm !== "ready") return;
    observer.disconnect();
    Reflect.defineProperty(window, "localStorage", own);
  }).observe(body, { attributes: true, attributeFilter: ["data-wasm"] });
})();

// go-app builds the page anew when the wasm starts, and replaces the
// prerendered one. When that happened before Chromium had reported the
// prerendered page's largest paint (LCP), the report was dropped with the
// element, and the page's LCP became the live page's: ~1 s later in a third
// of cold loads here, and in Lighthouse's simulation the whole app.wasm
// download (LCP 10-50 s). So the wasm's go.run waits for that report:
// painted pages report within a frame or two of their first paint; a hidden
// tab paints nothing, and does not wait; 3 s is a backstop.
//
// The first report can come from a page painted before all of it was
// parsed (a slow connection, a busy machine), its larger rest painted only
// later, and that paint's report dropped by the takeover in turn: /plan
// reported its LCP at 132 ms (the header's tag line) and then at 896, the
// live page's lede, 51 ms after it was ready. Two frames from the parse
// (this script is deferred) were not enough: a paint is reported when it
// is shown, and on a busy machine that comes later. So the wait also takes
// the report of the page's lede, its largest paint (elementtiming="lede",
// app/markup.go; Element Timing reports it whatever was larger before),
// unless the lede is out of view, where it is not painted.
(() => {
  "use strict";
  const Go = window.Go;
  const types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (!Go || !Go.prototype.run || !types.includes("largest-contentful-paint")) return;
  let done = document.visibilityState === "hidden";
  const painted = new Promise((resolve) => {
    const go = () => { done = true; resolve(); };
    if (done) return go();
    const lede = types.includes("element") && document.querySelector('[elementtiming="lede"]');
    let reported = false, framed = false, ledeShown = !lede;
    const check = () => { if (reported && framed && ledeShown) go(); };
    new PerformanceObserver((_, observer) => {
      observer.disconnect();
      reported = true;
      check();
    }).observe({ type: "largest-contentful-paint", buffered: true });
    if (lede) new PerformanceObserver((list, observer) => {
      if (!list.getEntries().some((e) => e.identifier === "lede")) return;
      observer.disconnect();
      ledeShown = true;
      check();
    }).observe({ type: "element", buffered: true });
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
      framed = true;
      const box = lede && lede.getBoundingClientRect();
      if (box && (box.bottom <= 0 || box.top >= innerHeight || box.width === 0)) ledeShown = true;
      check();
    })));
    setTimeout(go, 3000);
  });
  // Reported already (most loads: app.wasm takes longer): at once, as
  // before, so that app.js removes its loader once the page is mounted.
  const run = Go.prototype.run;
  Go.prototype.run = function (instance) {
    return done ? run.call(this, instance) : painted.then(() => run.call(this, instance));
  };
})();

// A closed <details> prints as its summary alone: /profiles' numbers and
// sources, /plan's working. They are opened for the printout, and those
// that were closed are closed again after it. The platform filter stays
// as it is: 23 checkboxes say nothing on paper.
//
// Pages build their parts below the screen after the live page has
// started (app/later.go: /compare's rows, /profiles' numbers and
// sources), and a printout wants them at once: the wasm's
// window.aivcBeforePrint builds every part left, before the details are
// opened. Before the wasm has started, the prerendered page is whole.
(() => {
  let opened = [];
  addEventListener("beforeprint", () => {
    if (typeof window.aivcBeforePrint === "function") window.aivcBeforePrint();
    opened = [...document.querySelectorAll("details:not([open]):not(.cmp-filter)")];
    for (const d of opened) d.open = true;
  });
  addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
})();

document.addEventListener("click", (e) => {
  if (!(e.target instanceof Element) || !e.target.closest("a.skip-link")) return;
  e.preventDefault();
  e.stopPropagation(); // before go-app's window.onclick
  const main = document.querySelector("main");
  if (main) {
    main.tabIndex = -1;
    main.focus();
  }
});

// go-app looks for a new version only as a page loads: an open tab, or an
// installed app left open for days, kept showing old prices with no banner.
// Look again whenever the page comes back into view, and every hour.
(() => {
  const check = () => {
    if (document.visibilityState === "visible" && typeof goappTryUpdate === "function") goappTryUpdate();
  };
  document.addEventListener("visibilitychange", check);
  setInterval(check, 60 * 60 * 1000);
  // go-app learns of the new worker from the registration's "updatefound",
  // which it listens for only once register() has resolved: on a loaded
  // machine the new worker was found before that, and no banner came (a
  // browser test waited 120 s). The new worker takes over the page as it
  // activates (clients.claim): a page that had a worker and gets another
  // has a new version, whatever go-app saw.
  const sw = navigator.serviceWorker;
  if (sw && sw.controller) {
    sw.addEventListener("controllerchange", () => {
      if (typeof goappOnUpdate === "function") goappOnUpdate();
    });
  }
})();

// A page's results follow every keystroke. As a live region they were read
// out at each one, intermediate numbers and half-typed errors queued (WCAG
// 4.1.3). Now the page's summary (data-announce) is copied into the shell's
// live region (#announce) once the person's input has paused for 0.8 s.
// The text goes again after 5 s: left there, a screen reader's cursor met
// the calculator's results on /log. Until the app runs, the summary on
// screen is the prerendered one, not what was typed: nothing is read out
// then (an embed read its first values' $0.50 a kept clip as the answer
// to a reader's typing); the typing stays asked for, and the live summary
// is read once the app has taken it over.
(() => {
  let timer, clear, asked = false;
  const announce = () => {
    const el = document.querySelector("[data-announce]"), out = document.getElementById("announce");
    if (!asked || !out || document.body.dataset.wasm !== "ready") return;
    asked = false; // typing on a page without results does not arm the next page
    if (!el) return;
    out.textContent = el.textContent.trim();
    clearTimeout(clear);
    clear = setTimeout(() => { out.textContent = ""; }, 5000);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(announce, 800);
  };
  for (const type of ["input", "change"]) document.addEventListener(type, () => { asked = true; later(); }, true);
  new MutationObserver(later).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
})();

// A control focused in a table that scrolls sideways is scrolled clear of
// the cell its row keeps at the box's edge (position: sticky; the cost per
// kept second): at 360 px /compare's sort buttons were under it (WCAG
// 2.4.11). The browser's own scroll sees them as in view.
document.addEventListener("focusin", (e) => {
  const el = e.target, box = el instanceof Element && el.closest(".cmp-scroll"), row = box && el.closest("tr");
  if (!row) return;
  const r = el.getBoundingClientRect();
  for (const c of row.children) {
    const css = getComputedStyle(c), s = c.getBoundingClientRect();
    if (c.contains(el) || css.position !== "sticky" || r.right <= s.left || r.left >= s.right) continue;
    box.scrollLeft += css.right !== "auto" ? r.right - s.left + 8 : r.left - s.right - 8;
  }
});

(() => {
  "use strict";
  const body = document.body;
  const pre = body && body.firstElementChild; // the prerendered page
  if (!pre || body.dataset.wasm === "ready") return;

  const isField = (el) =>
    (el instanceof HTMLInputElement && el.type !== "file") ||
    el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
  const early = (e) => pre.isConnected && e.target instanceof Element && pre.contains(e.target);

  const edits = new Map(); // id → {el, types}: in the order first changed
  const clicks = []; // data-replay of each view button clicked, in order
  let focused = null;

  // The live page's element for a prerendered one.
  const liveOf = (el) => el.dataset.replay
    ? document.querySelector(`[data-replay="${CSS.escape(el.dataset.replay)}"]`)
    : document.getElementById(el.id);
  const isView = (el) => el instanceof HTMLButtonElement && !!el.dataset.replay;

  const note = (e) => {
    if (!early(e) || !isField(e.target) || !e.target.id) return;
    const el = e.target;
    const edit = edits.get(el.id) || { el, types: [] };
    if (!edit.types.includes(e.type)) edit.types.push(e.type);
    edits.set(el.id, edit);
    mark();
  };

  // The results on screen are for the values the page opened with: mark
  // them busy, which web/app.css shows by fading them (nothing moves: no
  // layout shift) and which tells assistive technology they will change.
  const mark = () => {
    for (const r of pre.querySelectorAll(".results")) {
      r.setAttribute("aria-busy", "true");
    }
  };

  const onFocusIn = (e) => {
    if (early(e) && (isField(e.target) && e.target.id || isView(e.target))) focused = e.target;
  };
  const onClick = (e) => {
    const b = early(e) && e.target.closest("button[data-replay]");
    if (b) clicks.push(b);
  };
  // A blur while the prerendered page is still there is the person's; the
  // takeover removes the field without one that counts.
  const onFocusOut = (e) => {
    const el = e.target;
    setTimeout(() => {
      if (focused === el && pre.isConnected && document.activeElement !== el) focused = null;
    });
  };
  const onSubmit = (e) => {
    if (early(e)) e.preventDefault();
  };

  // Opened by a link that carries a state (/#price=15&…, /compare#dur=8),
  // the prerendered results are the page's first values, not the link's,
  // until the app shows those: busy, as after typing. An embed's look
  // (theme, accent) changes no figure.
  if (location.hash.slice(1).split("&").some((p) => p.includes("=") && !/^(theme|accent)=/.test(p))) mark();

  const listeners = [["input", note], ["change", note], ["focusin", onFocusIn], ["focusout", onFocusOut],
    ["submit", onSubmit], ["click", onClick]];
  for (const [type, fn] of listeners) document.addEventListener(type, fn, true);

  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));

  const replay = async () => {
    for (const [type, fn] of listeners) document.removeEventListener(type, fn, true);
    for (const [id, { el, types }] of edits) {
      const live = document.getElementById(id);
      if (!live || live === el || live.tagName !== el.tagName || live.type !== el.type) continue;
      if (el.type === "checkbox" || el.type === "radio") {
        if (live.checked === el.checked) continue;
        live.click(); // fires click, input and change, as a person's click does
      } else {
        if (live.value === el.value) continue;
        live.value = el.value;
        for (const type of types) live.dispatchEvent(new Event(type, { bubbles: true }));
      }
      await frame(); // the app may render other fields for the next one
    }
    for (const b of clicks) {
      const live = liveOf(b);
      if (!live || live === b) continue;
      live.click();
      await frame();
    }
    const active = document.activeElement;
    if (!focused || (active && active !== body)) return;
    const live = liveOf(focused);
    if (!live) return;
    live.focus({ preventScroll: true });
    try {
      live.setSelectionRange(focused.selectionStart, focused.selectionEnd, focused.selectionDirection);
    } catch (e) {} // not a text field
  };

  new MutationObserver((_, observer) => {
    if (body.dataset.wasm !== "ready") return;
    observer.disconnect();
    replay();
  }).observe(body, { attributes: true, attributeFilter: ["data-wasm"] });
})();

// Where the app cannot run (WebAssembly off, as in Safari's Lockdown Mode,
// or missing; app.wasm not loaded: go-app writes the error in its loader's
// label), the page said nothing, its form did nothing and its figures
// stayed faded. It now says so under its title, as an alert: read out
// wherever the person is, without moving the focus, unless it was on a
// control now disabled (they would do nothing) or hidden. The figures left
// are said to be the opening example; a person's own data, hidden, to be
// kept. The embed words it itself (aivcNoWasm, web/embed-frame.js).
// Without a loader (a crawler) go-app did not try.
(() => {
  const loader = document.getElementById("app-wasm-loader"), label = document.getElementById("app-wasm-loader-label");
  if (!loader || !label) return;
  const example = "The figures below are the example the page opens with: they do not follow a link or the form.";
  const kept = " kept in this browser and will show when the app can run";
  const pages = {
    "/": ["This calculator needs", example],
    "/compare": ["This comparison needs", example],
    "/plan": ["This monthly plan needs", example],
    "/profiles": ["Your own profiles need", `They are${kept}; the bundled ones below can be read.`, "#prof-mine,#prof-editor-slot"],
    "/log": ["The clip log needs", `Your clips are${kept}.`, "#log-reminder,main>section"],
  };
  const fail = () => {
    if (!loader.isConnected || document.body.dataset.wasm === "ready") return;
    loader.remove(); // its bar moved on
    if (window.aivcNoWasm) return window.aivcNoWasm();
    const page = pages[location.pathname.replace(/(\/index)?\.html$|\/$/, "") || "/"], main = document.getElementById("main");
    if (!page || !main) return;
    const p = document.createElement("p"), h1 = main.querySelector("h1"), f = document.activeElement;
    p.id = p.className = "no-wasm";
    p.tabIndex = -1;
    p.setAttribute("role", "alert");
    p.textContent = `${page[0]} WebAssembly, which this browser has turned off or could not load. ${page[1]} Reload the page to try again.`;
    for (const el of main.querySelectorAll(".peek" + (page[2] ? "," + page[2] : ""))) el.hidden = true;
    for (const el of main.querySelectorAll("input,select,textarea,button")) el.disabled = true;
    for (const el of main.querySelectorAll("[aria-busy]")) el.removeAttribute("aria-busy");
    h1 ? h1.after(p) : main.prepend(p);
    if (main.contains(f) && (f.disabled || f.closest("[hidden]"))) p.focus();
  };
  if (typeof WebAssembly !== "object") return fail();
  // go-app's app.js runs first (deferred before this file), and a blocked
  // app.wasm fails at once: its error may be written already.
  const check = () => /%$/.test(label.textContent.trim()) || fail();
  new MutationObserver(check).observe(label, { childList: true, characterData: true, subtree: true });
  check();
})();

// A link that downloads a file of the site (/profiles' catalog.json and
// catalog.schema.json) saves it as fetched through the service worker,
// which precaches both: Chromium downloads past the worker, so offline the
// download failed, though the worker held the file. If the fetch fails,
// the browser follows the link and says why.
document.addEventListener("click", async (e) => {
  const a = e.target instanceof Element && e.target.closest('a[download][href^="/"]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  try {
    const res = await fetch(a.href);
    if (!res.ok) throw new Error(res.statusText);
    const url = URL.createObjectURL(await res.blob());
    Object.assign(document.createElement("a"), { href: url, download: a.download }).click();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  } catch {
    location.href = a.href;
  }
});
