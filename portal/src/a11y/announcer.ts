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

/**
 * Assertive announcements, for what must interrupt (a queue ticket called to a counter): the second region of
 * index.html, `aria-live="assertive"`, also there from the start. Kept for the rare message that cannot wait.
 */
let pendingAssertive: number | undefined;

export function announceAssertively(message: string): void {
  const region = document.getElementById('announcer-assertive');
  if (!region) return;
  window.clearTimeout(pendingAssertive);
  region.textContent = '';
  pendingAssertive = window.setTimeout(() => {
    region.textContent = message;
  }, 150);
}
