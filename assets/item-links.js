// A news item's "#" link: following it puts the item's address in the address bar as
// before; where the browser allows, a plain click also copies the address, and the page says
// so. A click with a modifier key (a new tab, a new window) is left to the browser.
(() => {
  const article = document.querySelector("[data-link-copied]");
  if (!article || !navigator.clipboard) return;
  const status = document.createElement("p");
  status.className = "copy-status";
  status.setAttribute("role", "status");
  document.body.append(status);
  let timer;
  article.addEventListener("click", (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest(".news-item .heading-anchor") : null;
    if (!link) return;
    const address = new URL(link.getAttribute("href"), location.href).href;
    navigator.clipboard.writeText(address).then(
      () => {
        // Emptied when it fades, so the next copy is announced again.
        status.textContent = article.dataset.linkCopied;
        status.classList.add("copy-status--shown");
        clearTimeout(timer);
        timer = setTimeout(() => {
          status.classList.remove("copy-status--shown");
          status.textContent = "";
        }, 2500);
      },
      () => {},
    );
  });
})();
