// AIVC embed, frame side. The /embed page (app/embed.go) loads it while the
// page is parsed, before go-app's scripts. See app/embed.go for why each part
// is here. Plain JS, no dependencies; it runs once per page.
(() => {
  "use strict";
  if (window.aivcFrame) return;
  window.aivcFrame = true;
  const framed = window.parent !== window;
  const root = document.documentElement;

  // Storage that throws (third-party storage blocked) becomes a memory store
  // for this page: go-app reads localStorage when it starts. As in a real
  // Storage, the items are the store's own properties (the app lists them
  // with Object.keys) and the methods its prototype's.
  const memory = {
    getItem(k) { return Object.hasOwn(this, k) ? this[k] : null; },
    setItem(k, v) { this[k] = String(v); },
    removeItem(k) { delete this[k]; },
    clear() { for (const k of Object.keys(this)) delete this[k]; },
    key(i) { return Object.keys(this)[i] ?? null; },
    get length() { return Object.keys(this).length; },
  };
  for (const name of ["localStorage", "sessionStorage"]) {
    try {
      window[name].length;
    } catch (e) {
      const store = Object.create(memory);
      try { Object.defineProperty(window, name, { value: store, configurable: true }); } catch (e2) {}
    }
  }

  // No service worker in a frame: go-app registers one only when
  // navigator has "serviceWorker".
  if (framed) {
    try { delete Navigator.prototype.serviceWorker; } catch (e) {}
  }

  // The theme before the first paint (fragment first, as the app reads it).
  const opt = (k) => {
    const h = new URLSearchParams(location.hash.slice(1));
    return (h.has(k) ? h.get(k) : new URLSearchParams(location.search).get(k) || "").trim().toLowerCase();
  };
  const theme = opt("theme");
  if (theme === "light" || theme === "dark") root.dataset.theme = theme;

  // The prerendered page is the calculator at its first values: what an
  // author's link sets (the article's numbers, or the ranking) shows only
  // once the wasm runs, seconds later on a phone. Until then its figures
  // are marked as not yet the link's (data-pending: faded by app.css, and
  // aria-busy); and where the wasm cannot run (WebAssembly turned off, as
  // in Safari's Lockdown Mode, or missing, or its download failed) the
  // page says so in their place. It showed the first values' $0.50 beside
  // an article about a $3.60 clip, and a form that did nothing.
  const compare = opt("view") === "compare";
  // The document is named for its view from the start, as the wasm names
  // it (app/shell.go): where the wasm could not run, the ranking's frame
  // was "AI video cost calculator" around "This comparison could not start".
  // Its description is /compare's (app/routes.go), not the calculator's.
  if (compare) {
    document.title = "AI video cost comparison — AIVC";
    for (const m of document.querySelectorAll('meta[name="description"], meta[property="og:description"]')) {
      m.content = "Every AI video platform's models priced on the same shot and ranked by cost per second of video " +
        "you keep, with the plan behind each price and how fresh it is.";
    }
  }
  const body = document.body;
  const ready = () => body && body.dataset.wasm === "ready";
  // The ranking's frame: the prerendered page is the calculator, which the
  // ranking replaces once the wasm runs. A reader saw a calculator (and
  // typed into it) where the article promised a ranking, for seconds on a
  // phone; it is hidden (app.css: #embed-loading ~ #main) behind a line
  // saying the ranking is coming. This script runs before <main> is
  // parsed, so the calculator is never painted.
  const me = document.currentScript;
  if (compare && me && !ready()) {
    const p = document.createElement("p");
    p.id = "embed-loading";
    p.className = "embed-failed";
    p.textContent = "Loading the comparison…";
    me.after(p);
  }
  // go-app's loader, hidden but read by a screen reader, says "Loading the
  // live page: 42%" (app/routes.go) as it is parsed and at each step of
  // the download: in the ranking's frame it names the comparison, as the
  // line above does.
  if (compare) {
    const name = new MutationObserver(() => {
      const label = document.getElementById("app-wasm-loader-label");
      if (ready() || (!label && document.readyState !== "loading")) return name.disconnect();
      const text = label ? label.textContent : "";
      if (text.includes("the live page")) label.textContent = text.replace("the live page", "the comparison");
    });
    name.observe(root, { subtree: true, childList: true, characterData: true });
  }
  if (compare || location.hash.slice(1).split("&").some((p) => p && !["view", "theme", "accent"].includes(p.split("=")[0]))) {
    root.dataset.pending = "";
  }
  // web/early.js, on every page, tells when the wasm cannot run, and asks
  // this for the embed's message. Its link is then the frame's one link to
  // the site: the page's own (.embed-full) is hidden behind it (app.css).
  window.aivcNoWasm = () => {
    if (ready() || document.getElementById("embed-failed")) return;
    document.getElementById("embed-loading")?.remove();
    const main = document.getElementById("main");
    const p = document.createElement("p"), a = document.createElement("a");
    p.id = "embed-failed";
    p.className = "embed-failed";
    p.setAttribute("role", "alert"); // read out, as the site's pages' message (web/early.js)
    a.href = a.dataset.follow = compare ? "/compare" : "/";
    a.textContent = "open it on AIVC";
    p.append(`This ${compare ? "comparison" : "calculator"} could not start: it needs WebAssembly, which this browser ` +
      "has turned off or could not load. Reload the page to try again, or ", a, ".");
    if (main) {
      main.hidden = true;
      main.before(p);
    }
    delete root.dataset.pending;
  };
  document.addEventListener("DOMContentLoaded", () => {
    if (ready() || root.dataset.pending !== "") return;
    for (const r of document.querySelectorAll("#main .results")) r.setAttribute("aria-busy", "true");
  });
  if (body) {
    new MutationObserver(() => {
      if (ready()) delete root.dataset.pending;
    }).observe(body, { attributes: true, attributeFilter: ["data-wasm"] });
  }

  // Every link opens in a new tab: the rest of the site refuses frames. A
  // link with data-follow carries the page's state as it is now, less the
  // embed's own options (they stayed in the full page's address). The
  // pairs are kept as written: URLSearchParams would escape "3,000".
  // Its href is kept so at all times, not set on a click only: "Copy link
  // address", a drag, a middle-click and the status bar read the href
  // without a click, and gave the plain /compare, without the reader's
  // shot. The app writes its state with history.replaceState, which fires
  // no event, so the hook is around it; and a link the app draws anew (the
  // view switched) gets the state as it appears.
  const own = ["view", "theme", "accent"];
  const key = (pair) => {
    try { return decodeURIComponent(pair.split("=")[0]); } catch (e) { return ""; }
  };
  const follow = () => {
    const state = location.hash.slice(1).split("&").filter((p) => p && !own.includes(key(p))).join("&");
    for (const a of document.querySelectorAll("a[data-follow]")) {
      const href = a.dataset.follow + (state ? "#" + state : "");
      if (a.getAttribute("href") !== href) a.setAttribute("href", href);
    }
  };
  for (const name of ["replaceState", "pushState"]) {
    const write = history[name];
    history[name] = function (...args) {
      const r = write.apply(this, args);
      follow();
      return r;
    };
  }
  window.addEventListener("hashchange", follow);
  window.addEventListener("popstate", follow);
  new MutationObserver(follow).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["href", "data-follow"] });
  // A download (an export: a data: or blob: link with download) is no
  // page: it stays in place, where a browser that follows the target
  // over the download would open a tab for it.
  document.addEventListener("click", (e) => {
    const a = e.target instanceof Element ? e.target.closest("a[href]:not([download])") : null;
    if (a && !a.target) {
      a.target = "_blank";
      a.rel = "noopener";
    }
  }, true);

  // The page's height, for /embed.js on the host page. The height of <html>
  // is the content's (the embed's shell has no minimum height), so it
  // shrinks as well as grows. "*": the message says nothing private.
  // Once /embed.js has answered (it sized the frame to the page), the page
  // does not scroll inside the frame: a scrollbar of its own, shown while
  // the frame was shorter than the growing page, took 15 px of its width, a
  // line wrapped more, and the height posted was the narrower page's (at
  // 380 px, 3,022 px around 2,997 of content once the scrollbar went).
  // Past /embed.js's largest height, or without it, the page scrolls; and
  // for good once /embed.js answers that the host's own style holds the
  // frame shorter (a max-height): the rest of the page could not be
  // reached. Before, the frame guessed that from its height a second after
  // posting, and a host slow to apply it (a busy phone) made it scroll, and
  // narrow, for good.
  if (!framed || !window.ResizeObserver) return;
  // A height is posted once it has held for 50 ms: the app renders a page
  // in steps now and then (a view switched in place: one render a line
  // taller than the next, 22 ms apart), and the host's article moved
  // with each step.
  let last = 0, sized = false, held = false, timer = 0;
  const post = () => {
    timer = 0;
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height > 0 && height !== last) {
      last = height;
      window.parent.postMessage({ type: "aivc:height", height }, "*");
    }
  };
  const send = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    const overflow = sized && !held && height <= 20000 ? "hidden" : "";
    if (root.style.overflowY !== overflow) root.style.overflowY = overflow;
    clearTimeout(timer);
    timer = setTimeout(post, 50);
  };
  new ResizeObserver(send).observe(root);
  // A frame off screen on another site's page is not rendered, and its
  // ResizeObserver does not run, until the reader scrolls to it: the frame
  // then jumped by 1,200 px. Its changes are still seen: measure on those
  // (a forced layout), and when the page has loaded.
  new MutationObserver(send).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  window.addEventListener("load", send);
  // /embed.js asks again when it starts after the first message went out,
  // and answers each height.
  window.addEventListener("message", (e) => {
    const d = e.source === window.parent && e.data;
    if (d && d.type === "aivc:ping") {
      last = 0;
      sized = true; // an /embed.js from before the answers
      send();
    } else if (d && d.type === "aivc:sized") {
      sized = true;
      held = held || d.held === true;
      send();
    }
  });
})();
