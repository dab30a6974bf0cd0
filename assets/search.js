// Starts Pagefind's search UI on the search page. Kept in a file so the site runs under a
// Content-Security-Policy without inline scripts. Results come from the page's language only.
window.addEventListener("DOMContentLoaded", () => {
  const element = document.getElementById("search");
  if (!element || typeof PagefindUI === "undefined") return;
  const ui = new PagefindUI({
    element: "#search",
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: true,
    translations: { placeholder: element.dataset.label },
  });
  // Pagefind labels its input by title only; give it a real accessible name.
  const input = element.querySelector("input");
  if (input && element.dataset.label) input.setAttribute("aria-label", element.dataset.label);
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
});
