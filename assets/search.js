// The search page: a small UI over Pagefind's JS API, in the page's form, status line and
// result list (src/pages/search/search.njk), styled by search.css. A file, not an inline
// script, so the page runs under the Content-Security-Policy. Pagefind reads <html lang> and
// searches that language's index; the other languages' indexes in the same bundle are merged
// in when the reader chooses them. Kind, week, month, tag, entity and language are Pagefind
// filters and the date a Pagefind sort, all set on the post pages (layouts/post.njk).
(() => {
  const form = document.getElementById("search");
  const input = document.getElementById("search-input");
  const status = document.querySelector(".search-status");
  const list = document.querySelector(".search-results");
  const more = document.querySelector(".search-more");
  const menus = {
    lang: document.getElementById("search-lang"),
    sort: document.getElementById("search-sort"),
    kind: document.getElementById("search-kind"),
    period: document.getElementById("search-period"),
    tag: document.getElementById("search-tag"),
    // Only when some post mentions an entity.
    entity: document.getElementById("search-entity"),
  };
  const filtersBox = form?.querySelector(".search-filters");
  const filtersCount = form?.querySelector(".search-filters__count");
  // The <link rel="modulepreload"> carries the bundle's address with the site's path prefix;
  // Pagefind takes the prefix of its result URLs from that address too.
  const bundle = document.querySelector('link[rel="modulepreload"][href$="/pagefind.js"]');
  if (!form || !input || !status || !list || !more || !bundle || !menus.lang || !menus.sort || !menus.kind || !menus.period || !menus.tag) return;

  const PAGE_SIZE = 10;
  const DEBOUNCE_MS = 250;
  const EXCERPT_LENGTH = 36;
  const SORT_KEY = "search-sort";
  const KINDS = ["weekly", "daily", "deep-dive"];
  /** The menus that narrow the results; language and sort only choose where and in which order. */
  const FACETS = ["kind", "period", "tag", "entity"];

  const locale = document.documentElement.lang;
  const pageLang = form.dataset.lang;
  // Every language, this page's first, from data-lang-tag-<lang>.
  const languages = [...form.attributes].flatMap((a) => (a.name.startsWith("data-lang-tag-") ? [a.name.slice("data-lang-tag-".length)] : []));
  const tagOf = (lang) => form.getAttribute(`data-lang-tag-${lang}`);
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  const dayFormat = new Intl.DateTimeFormat(locale, { year: "numeric", month: locale.startsWith("zh") ? "long" : "short", day: "numeric", timeZone: "UTC" });
  const monthFormat = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" });
  const entities = menus.entity
    ? [...menus.entity.options].slice(1).map((option) => ({
        value: option.value,
        names: Object.fromEntries(languages.map((lang) => [lang, option.getAttribute(`data-name-${lang}`) ?? option.value])),
      }))
    : [];

  const bundleDir = new URL("./", bundle.href).href;
  const siteBase = new URL("../", bundleDir).pathname;
  // Loaded at once, so the language's index is ready by the time the reader has typed a word.
  // Pagefind counts a search's results only by the filters whose index it has loaded; filters()
  // loads them all (once per index), so the menus can be counted.
  const pagefind = import(bundle.href).then(async (module) => {
    await module.options({ excerptLength: EXCERPT_LENGTH });
    await module.init();
    await module.filters();
    return module;
  });
  // A failure is reported by the search that meets it, not as an unhandled rejection.
  pagefind.catch(() => {});
  const merged = new Map();

  /** Pagefind with the indexes of these languages: another language's is merged in the first time it is chosen. */
  async function indexFor(langs) {
    const module = await pagefind;
    await Promise.all(
      langs
        .filter((lang) => lang !== pageLang)
        .map((lang) => {
          if (!merged.has(lang)) {
            // The same bundle, another language's index in it. Pagefind skips merging the address
            // its own bundle was loaded from as the page wrote it, so the absolute address is given.
            // Never merged twice, not even after a failure: Pagefind keeps a failed index in its
            // list, and a second one would only fail again. The search reports the failure.
            merged.set(lang, module.mergeIndex(bundleDir, { language: tagOf(lang).toLowerCase(), baseUrl: siteBase, excerptLength: EXCERPT_LENGTH }).then(() => module.filters()));
          }
          return merged.get(lang);
        }),
    );
    return module;
  }

  // What is searched: the query, the languages, the order and the filters, all kept in the address.
  const state = { query: "", lang: "", sort: "", kind: "", period: "", tag: "", entity: "" };
  const chosenLangs = () => (state.lang === "all" ? languages : [state.lang || pageLang]);
  const hasFacets = () => FACETS.some((key) => state[key]);

  function readAddress() {
    const params = new URLSearchParams(window.location.search);
    const allowed = (select, value) => ([...select.options].some((o) => o.value === value) ? value : "");
    let storedSort = "";
    try {
      storedSort = window.localStorage.getItem(SORT_KEY) ?? "";
    } catch {
      // Storage may be off; the order is then only in the address.
    }
    state.query = params.get("q") ?? "";
    state.lang = allowed(menus.lang, params.get("lang") ?? "");
    state.sort = allowed(menus.sort, params.get("sort") ?? storedSort);
    state.kind = params.get("kind") ?? "";
    state.period = params.get("week") ? `week:${params.get("week")}` : params.get("month") ? `month:${params.get("month")}` : "";
    state.tag = params.get("tag") ?? "";
    state.entity = menus.entity ? allowed(menus.entity, params.get("entity") ?? "") : "";
  }

  // The search lives in the address (?q=, ?lang=, ?sort=, ?kind=, ?week= or ?month=, ?tag=,
  // ?entity=), so it can be bookmarked, shared and reloaded.
  function addressOf(changes = {}) {
    const next = { ...state, ...changes };
    const url = new URL(window.location.href);
    const [periodKey, periodValue] = next.period ? next.period.split(/:(.*)/) : ["", ""];
    const params = { q: next.query, lang: next.lang, sort: next.sort, kind: next.kind, week: periodKey === "week" ? periodValue : "", month: periodKey === "month" ? periodValue : "", tag: next.tag, entity: next.entity };
    for (const [name, value] of Object.entries(params)) {
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    return url;
  }
  const remember = () => window.history.replaceState(window.history.state, "", addressOf());

  /** Pagefind's filters for the chosen languages and menus, leaving out one menu to count its options. */
  function filtersFor(langs, without) {
    const filters = {};
    if (langs.length < languages.length) filters.lang = { any: langs };
    if (state.kind && without !== "kind") filters.kind = state.kind;
    if (state.period && without !== "period") {
      const [key, value] = state.period.split(/:(.*)/);
      filters[key] = value;
    }
    if (state.tag && without !== "tag") filters.tag = state.tag;
    if (state.entity && without !== "entity") {
      // Each post files the entity under its name in the post's language.
      const names = entities.find((e) => e.value === state.entity)?.names ?? {};
      filters.entity = { any: [...new Set(langs.map((lang) => names[lang] ?? state.entity))] };
    }
    return filters;
  }

  // The next cards come from a feed: results in relevance order, or several date-ordered lists
  // (one per language) merged by date as the pages are shown.
  function plainFeed(results) {
    const rest = [...results];
    return { remaining: () => rest.length, next: (n) => Promise.all(rest.splice(0, n).map((result) => result.data())) };
  }
  function dateFeed(lists, newestFirst) {
    const streams = lists.map((results) => ({ rest: [...results], head: null }));
    const time = (data) => Date.parse(data.meta.published || data.meta.date || "") || 0;
    const before = (a, b) => (newestFirst ? time(a) > time(b) : time(a) < time(b));
    return {
      remaining: () => streams.reduce((n, stream) => n + stream.rest.length + (stream.head ? 1 : 0), 0),
      async next(n) {
        const page = [];
        while (page.length < n) {
          // Only the head of each list is loaded to compare: a page costs its own results plus one per language.
          for (const stream of streams) if (!stream.head && stream.rest.length) stream.head = stream.rest.shift().data();
          const heads = await Promise.all(streams.map((stream) => stream.head));
          let best = -1;
          heads.forEach((data, i) => {
            if (data && (best < 0 || before(data, heads[best]))) best = i;
          });
          if (best < 0) break;
          page.push(heads[best]);
          streams[best].head = null;
        }
        return page;
      },
    };
  }

  /** Adds Pagefind's filter counts of several searches (each over other pages). */
  function addCounts(all) {
    const sum = {};
    for (const counts of all) {
      for (const [key, values] of Object.entries(counts ?? {})) {
        sum[key] ??= {};
        for (const [value, n] of Object.entries(values)) sum[key][value] = (sum[key][value] ?? 0) + n;
      }
    }
    return sum;
  }

  /** The results of the current search, and how many posts each menu option would leave. */
  async function find(module, langs) {
    const term = state.query.trim() || null;
    const filters = filtersFor(langs);
    // Without words there is no relevance: posts are listed newest first unless oldest is asked.
    const order = state.sort || (term ? "" : "newest");
    let feed;
    let total;
    let counts;
    if (!order) {
      const found = await module.search(term, { filters });
      feed = plainFeed(found.results);
      total = found.results.length;
      counts = found.filters;
    } else {
      // Pagefind sorts each index alone and then mixes the indexes by score, which a sort sets to the
      // rank within its index: one search per language keeps each order, and the lists are merged by date.
      const sort = { date: order === "newest" ? "desc" : "asc" };
      const parts = await Promise.all(langs.length === 1 ? [module.search(term, { filters, sort })] : langs.map((lang) => module.search(term, { filters: { ...filters, lang }, sort })));
      feed = dateFeed(parts.map((part) => part.results), order === "newest");
      total = parts.reduce((n, part) => n + part.results.length, 0);
      counts = addCounts(parts.map((part) => part.filters));
    }
    // A menu in use is counted without its own choice, so its other options stay offered.
    const own = await Promise.all(FACETS.filter((key) => state[key]).map(async (key) => [key, (await module.search(term, { filters: filtersFor(langs, key) })).filters]));
    for (const [key, facetCounts] of own) {
      if (key === "period") Object.assign(counts, { week: facetCounts.week, month: facetCounts.month });
      else counts[key] = facetCounts[key];
    }
    return { feed, total, counts };
  }

  // Menus list only what Pagefind counts for the chosen languages, words and other menus, so no
  // option leads to nothing; the option chosen stays even at 0.
  // Function replacers: a tag such as "$&" is text, not a replacement pattern.
  const countLabel = (label, n) => form.getAttribute("data-option-count").replace("{label}", () => label).replace("{n}", () => number.format(n));
  const weekLabel = (week) => {
    const [year, n] = week.split("-W");
    return form.getAttribute("data-week-label").replace("{year}", year).replace("{week}", String(Number(n)));
  };
  const monthLabel = (month) => {
    const [year, n] = month.split("-").map(Number);
    return Number.isFinite(year) && Number.isFinite(n) ? monthFormat.format(Date.UTC(year, n - 1, 1)) : month;
  };
  const filled = new WeakMap();

  function fillMenu(select, groups, chosen) {
    const signature = JSON.stringify([groups, chosen]);
    if (filled.get(select) === signature) return;
    filled.set(select, signature);
    const options = groups.map(({ label, entries }) => {
      const items = entries.map(({ value, label: text, n }) => {
        const option = new Option(countLabel(text, n), value);
        option.selected = value === chosen;
        return option;
      });
      if (!label) return items;
      const group = document.createElement("optgroup");
      group.label = label;
      group.append(...items);
      return [group];
    });
    select.replaceChildren(select.options[0], ...options.flat());
    select.value = chosen;
  }

  function fillMenus(counts, langs) {
    const present = (key, value) => counts[key]?.[value] ?? 0;
    const keep = (entries, chosen) => entries.filter((entry) => entry.n > 0 || entry.value === chosen);
    fillMenu(menus.kind, [{ entries: keep(KINDS.map((kind) => ({ value: kind, label: form.getAttribute(`data-kind-${kind}`), n: present("kind", kind) })), state.kind) }], state.kind);

    const newestFirst = (values) => [...values].sort().reverse();
    const periods = (key, label) => ({
      label: menus.period.getAttribute(`data-${key}s`),
      entries: keep(newestFirst(new Set([...Object.keys(counts[key] ?? {}), ...(state.period.startsWith(`${key}:`) ? [state.period.slice(key.length + 1)] : [])])).map((value) => ({ value: `${key}:${value}`, label: label(value), n: present(key, value) })), state.period),
    });
    fillMenu(menus.period, [periods("month", monthLabel), periods("week", weekLabel)].filter((group) => group.entries.length), state.period);

    const tags = new Set([...Object.keys(counts.tag ?? {}), ...(state.tag ? [state.tag] : [])]);
    const tagEntries = keep([...tags].map((tag) => ({ value: tag, label: tag, n: present("tag", tag) })), state.tag);
    tagEntries.sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, locale));
    fillMenu(menus.tag, [{ entries: tagEntries }], state.tag);

    if (menus.entity) {
      const entityCount = (entity) => [...new Set(langs.map((lang) => entity.names[lang]))].reduce((n, name) => n + present("entity", name), 0);
      fillMenu(menus.entity, [{ entries: keep(entities.map((entity) => ({ value: entity.value, label: entity.value, n: entityCount(entity) })), state.entity) }], state.entity);
    }
    const active = FACETS.filter((key) => state[key]).length;
    if (filtersCount) {
      // The badge shows the number; a screen reader hears "Filters (2 active)", not "Filters2".
      const badge = document.createElement("span");
      badge.setAttribute("aria-hidden", "true");
      badge.textContent = number.format(active);
      const spoken = document.createElement("span");
      spoken.className = "visually-hidden";
      spoken.textContent = filtersCount.getAttribute("data-active").replace("{n}", () => number.format(active));
      filtersCount.replaceChildren(...(active ? [badge, spoken] : []));
    }
  }

  const foundText = (n) => form.getAttribute(`data-found-${plural.select(n) === "one" ? "one" : "other"}`).replace("{n}", number.format(n));

  // Nothing found in some languages: one click searches them all.
  function showNone(langs) {
    status.replaceChildren(form.getAttribute("data-none"));
    if (langs.length === languages.length) return;
    const link = document.createElement("a");
    link.className = "search-status__action";
    link.href = addressOf({ lang: "all" }).href;
    link.textContent = form.getAttribute("data-in-all");
    link.addEventListener("click", (event) => {
      event.preventDefault();
      menus.lang.value = "all";
      state.lang = "all";
      input.focus();
      apply();
    });
    status.append(" ", link);
  }

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

  // A result as the site's cards show a post: kind badge, date and (in another language) the
  // language's name, then the title link and the excerpt, marked as that language.
  function card(data) {
    const kind = data.meta.kind;
    const kindLabel = kind ? form.getAttribute(`data-kind-${kind}`) : null;
    const resultLang = data.meta.lang || pageLang;
    const foreign = resultLang !== pageLang && tagOf(resultLang);
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
      // A post's own label is in its language; another language's post gets this page's format.
      const day = Date.parse(data.meta.date);
      time.textContent = foreign && !Number.isNaN(day) ? dayFormat.format(day) : data.meta.date_label || data.meta.date;
      meta.append(time);
    }
    if (foreign) {
      const badge = document.createElement("span");
      badge.className = "badge search-result__lang";
      badge.lang = foreign;
      badge.textContent = form.getAttribute(`data-lang-name-${resultLang}`);
      meta.append(badge);
    }
    const title = document.createElement("h2");
    title.className = "card__title";
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    title.append(link);
    const text = excerpt(data.excerpt);
    if (foreign) {
      title.lang = foreign;
      text.lang = foreign;
      link.hreflang = foreign;
    }
    article.append(meta, title, text);
    const item = document.createElement("li");
    item.append(article);
    return item;
  }

  let current = 0; // the latest search; an older one that ends later is dropped
  let feed = plainFeed([]);
  let timer;

  // The next page of cards of a search, or null once a newer search has started.
  async function nextCards(search) {
    const data = await feed.next(PAGE_SIZE);
    return search === current ? data.map(card) : null;
  }

  async function run() {
    const search = ++current;
    const langs = chosenLangs();
    // With neither words nor a filter there is nothing to list; the menus are still counted.
    const idle = !state.query.trim() && !hasFacets();
    feed = plainFeed([]);
    if (idle) {
      list.removeAttribute("aria-busy");
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
    } else {
      list.setAttribute("aria-busy", "true");
    }
    try {
      const module = await indexFor(langs);
      if (search !== current) return;
      if (idle) {
        const all = await module.search(null, { filters: filtersFor(langs) });
        if (search === current) fillMenus(all.filters, langs);
        return;
      }
      const found = await find(module, langs);
      if (search !== current) return;
      feed = found.feed;
      const cards = await nextCards(search);
      if (!cards) return;
      // The old results stay until the new ones are ready, so the list never flashes empty.
      list.replaceChildren(...cards);
      more.hidden = feed.remaining() === 0;
      fillMenus(found.counts, langs);
      if (found.total) status.textContent = foundText(found.total);
      else showNone(langs);
    } catch (error) {
      if (search !== current) return;
      status.textContent = form.getAttribute("data-failed");
      console.warn("search:", error);
    } finally {
      if (search === current) list.removeAttribute("aria-busy");
    }
  }

  function apply() {
    clearTimeout(timer);
    remember();
    run();
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.query = input.value;
      apply();
    }, DEBOUNCE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.query = input.value;
    apply();
  });
  for (const [key, select] of Object.entries(menus)) {
    select?.addEventListener("change", () => {
      state[key] = select.value;
      state.query = input.value;
      if (key === "sort") {
        try {
          if (select.value) window.localStorage.setItem(SORT_KEY, select.value);
          else window.localStorage.removeItem(SORT_KEY);
        } catch {
          // Not remembered where storage is off.
        }
      }
      apply();
    });
  }
  let loadingMore = false;
  more.addEventListener("click", async () => {
    // While a newer search runs, the shown results are old: nothing is added to them. A second
    // click while a page of cards loads would take the same results again.
    if (list.hasAttribute("aria-busy") || loadingMore) return;
    loadingMore = true;
    try {
      const cards = await nextCards(current);
      if (!cards) return;
      list.append(...cards);
      more.hidden = feed.remaining() === 0;
      // Focus moves to the first new result, not back to the top when the button hides.
      cards[0]?.querySelector("a")?.focus();
    } catch (error) {
      status.textContent = form.getAttribute("data-failed");
      console.warn("search:", error);
    } finally {
      loadingMore = false;
    }
  });

  readAddress();
  input.value = state.query;
  menus.lang.value = state.lang;
  menus.sort.value = state.sort;
  if (menus.entity) menus.entity.value = state.entity;
  if (hasFacets() && filtersBox) filtersBox.open = true;
  if (state.query || hasFacets()) remember();
  run();
  if (!state.query && !hasFacets()) input.focus();
})();
