// A news item's "#" link: following it puts the item's address in the address bar as
// before; where the browser allows, the address is also copied, and the page says so.
(() => {
  const article = document.querySelector("[data-link-copied]");
  if (!article || !navigator.clipboard) return;
  const status = document.createElement("p");
  status.className = "copy-status";
  status.setAttribute("role", "status");
  document.body.append(status);
  let timer;
  article.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest(".news-item .heading-anchor") : null;
    if (!link) return;
    const address = new URL(link.getAttribute("href"), location.href).href;
    navigator.clipboard.writeText(address).then(
      () => {
        status.textContent = article.dataset.linkCopied;
        status.classList.add("copy-status--shown");
        clearTimeout(timer);
        timer = setTimeout(() => status.classList.remove("copy-status--shown"), 2500);
      },
      () => {},
    );
  });
})();
