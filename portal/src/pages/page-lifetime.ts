/**
 * Runs `cleanup` once `element` (a page, or a part of one) has left the document. Pages have no teardown of their own: the shell
 * replaces <main>'s children when another page (or the same page in another language) is shown.
 */
export function whenRemoved(element: HTMLElement, cleanup: () => void): void {
  const main = document.getElementById('main');
  if (!main) return;
  const observer = new MutationObserver(() => {
    if (element.isConnected) return;
    observer.disconnect();
    cleanup();
  });
  observer.observe(main, { childList: true, subtree: true });
}
