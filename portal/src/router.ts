/**
 * History-API routing with real paths. The API answers every GET outside /api with index.html, so a
 * reload or a shared link lands on the same page.
 */
function isPlainLeftClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.defaultPrevented && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** Keeps ?lang= while moving between pages, so a shared link's language lasts beyond its first page. */
function withLanguageParameter(url: URL): string {
  const language = new URLSearchParams(window.location.search).get('lang');
  if (language && !url.searchParams.has('lang')) url.searchParams.set('lang', language);
  return url.pathname + url.search + url.hash;
}

/** Starts listening to links and history; returns the function that opens a page from code. */
export function startRouter(onChange: (path: string) => void): (target: string) => void {
  let currentPath = window.location.pathname;

  const navigate = (target: string) => {
    const url = new URL(target, window.location.href);
    window.history.pushState(null, '', withLanguageParameter(url));
    currentPath = url.pathname;
    onChange(currentPath);
  };

  document.addEventListener('click', (event) => {
    if (!isPlainLeftClick(event) || !(event.target instanceof Element)) return;
    const link = event.target.closest('a');
    if (!link || !link.href || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    // A link to a part of the same page is the browser's to follow.
    if (url.pathname === currentPath && url.hash) return;
    event.preventDefault();
    navigate(url.href);
  });

  window.addEventListener('popstate', () => {
    // popstate also fires for #fragment moves within a page: only a new path is a new page.
    if (window.location.pathname === currentPath) return;
    currentPath = window.location.pathname;
    onChange(currentPath);
  });

  return navigate;
}
