/**
 * Polite announcements through the live region that index.html holds from the start (a region added
 * later is often not watched by screen readers). Emptying it first makes a repeated message heard again.
 */
let pending: number | undefined;

export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  window.clearTimeout(pending);
  region.textContent = '';
  pending = window.setTimeout(() => {
    region.textContent = message;
  }, 150);
}
