/** Moves focus to the container's first h1, or to the container itself, without a scroll jump. */
export function focusPageHeading(container: HTMLElement): void {
  const heading = container.querySelector('h1');
  const target = heading ?? container;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}
