// The search page: a small UI over Pagefind's JS API, in the page's form, status line and
// result list (src/pages/search/search.njk), styled by search.css. A file, not an inline
// script, so the page runs under the Content-Security-Policy. Pagefind reads <html lang> and
// searches that language's index only.
(() => {
  const form = document.getElementById("search");
  const input = document.getElementById("search-input");
  const status = document.querySelector(".search-status");
  const list = document.querySelector(".search-results");
  const more = document.querySelector(".search-more");
  // Optional: the entity filter (Pagefind's "entity" filter, set on post pages' topic links).
  const entity = document.getElementById("search-entity");
  // The <link rel="modulepreload"> carries the bundle's address with the site's path prefix;
  // Pagefind takes the prefix of its result URLs from that address too.
  const bundle = document.querySelector('link[rel="modulepreload"][href$="/pagefind.js"]');
  if (!form || !input || !status || !list || !more || !bundle) return;

  const PAGE_SIZE = 10;
  const DEBOUNCE_MS = 250;
  const lang = document.documentElement.lang;
  const plural = new Intl.PluralRules(lang);
  const number = new Intl.NumberFormat(lang);
  // Loaded at once, so the language's index is ready by the time the reader has typed a word.
  const pagefind = import(bundle.href).then(async (module) => {
    await module.options({ excerptLength: 36 });
    await module.init();
    return module;
  });
  // A failure is reported by the search that meets it, not as an unhandled rejection.
  pagefind.catch(() => {});

  let current = 0; // the latest search; an older one that ends later is dropped
  let pending = [];
  let timer;

  const foundText = (n) => form.getAttribute(`data-found-${plural.select(n) === "one" ? "one" : "other"}`).replace("{n}", number.format(n));

  // Pagefind's excerpt is HTML: the page's text with < and > escaped and <mark> around the
  // matches. Only its text and marks are kept, so nothing in a post can become markup here.
  // Pagefind marks each segment of a Chinese word ("智能", "体"): adjacent marks become one.
  function excerpt(html) {
    const paragraph = document.createElement("p");
    paragraph.className = "search-result__excerpt";
    for (const node of new DOMParser().parseFromString(html, "text/html").body.childNodes) {
      const text = node.textContent ?? "";
      if (node.nodeName !== "MARK") {
        paragraph.append(text);
      } else if (paragraph.lastChild?.nodeName === "MARK") {
        paragraph.lastChild.append(text);
      } else {
        const mark = document.createElement("mark");
        mark.textContent = text;
        paragraph.append(mark);
      }
    }
    return paragraph;
  }

  // A result as the site's cards show a post: kind badge and date, title link, then the excerpt.
  function card(data) {
    const kind = data.meta.kind;
    const kindLabel = kind ? form.getAttribute(`data-kind-${kind}`) : null;
    const article = document.createElement("article");
    article.className = kindLabel ? `card card--${kind} search-result` : "card search-result";
    const meta = document.createElement("p");
    meta.className = "card__meta";
    if (kindLabel) {
      const badge = document.createElement("span");
      badge.className = `badge badge--${kind}`;
      badge.textContent = kindLabel;
      meta.append(badge);
    }
    if (data.meta.date) {
      const time = document.createElement("time");
      time.dateTime = data.meta.date;
      time.textContent = data.meta.date_label || data.meta.date;
      meta.append(time);
    }
    const title = document.createElement("h2");
    title.className = "card__title";
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    title.append(link);
    article.append(meta, title, excerpt(data.excerpt));
    const item = document.createElement("li");
    item.append(article);
    return item;
  }

  // The next page of cards of a search, or null once a newer search has started.
  async function nextCards(search) {
    const data = await Promise.all(pending.splice(0, PAGE_SIZE).map((result) => result.data()));
    return search === current ? data.map(card) : null;
  }

  async function run(query) {
    const search = ++current;
    pending = [];
    const about = entity?.value ?? "";
    if (!query.trim() && !about) {
      list.removeAttribute("aria-busy");
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      return;
    }
    list.setAttribute("aria-busy", "true");
    try {
      // With a topic and no words, every post about the topic is found.
      const found = await (await pagefind).search(query.trim() || null, about ? { filters: { entity: about } } : {});
      if (search !== current) return;
      const total = found.results.length;
      pending = [...found.results];
      const cards = await nextCards(search);
      if (!cards) return;
      // The old results stay until the new ones are ready, so the list never flashes empty.
      list.replaceChildren(...cards);
      more.hidden = pending.length === 0;
      status.textContent = total ? foundText(total) : form.getAttribute("data-none");
    } catch (error) {
      if (search !== current) return;
      status.textContent = form.getAttribute("data-failed");
      console.warn("search:", error);
    } finally {
      if (search === current) list.removeAttribute("aria-busy");
    }
  }

  // The query lives in the address (?q=, ?entity=), so a search can be bookmarked, shared and reloaded.
  function remember(query) {
    const url = new URL(window.location.href);
    for (const [name, value] of [["q", query], ["entity", entity?.value ?? ""]]) {
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    window.history.replaceState(window.history.state, "", url);
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      remember(input.value);
      run(input.value);
    }, DEBOUNCE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    remember(input.value);
    run(input.value);
  });
  entity?.addEventListener("change", () => {
    clearTimeout(timer);
    remember(input.value);
    run(input.value);
  });
  more.addEventListener("click", async () => {
    // While a newer search runs, the shown results are old: nothing is added to them.
    if (list.hasAttribute("aria-busy")) return;
    try {
      const cards = await nextCards(current);
      if (!cards) return;
      list.append(...cards);
      more.hidden = pending.length === 0;
      // Focus moves to the first new result, not back to the top when the button hides.
      cards[0]?.querySelector("a")?.focus();
    } catch (error) {
      status.textContent = form.getAttribute("data-failed");
      console.warn("search:", error);
    }
  });

  const params = new URLSearchParams(window.location.search);
  const query = params.get("q") ?? "";
  input.value = query;
  if (entity) entity.value = [...entity.options].some((o) => o.value === params.get("entity")) ? params.get("entity") : "";
  if (query || entity?.value) run(query);
  else input.focus();
})();
