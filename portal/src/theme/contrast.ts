import { readPreference, writePreference } from '../storage';

type Contrast = 'high' | 'normal';

const systemQuery = '(prefers-contrast: more), (forced-colors: active)';

function storedContrast(): Contrast | null {
  const value = readPreference('contrast');
  return value === 'high' || value === 'normal' ? value : null;
}

function resolveContrast(): Contrast {
  return storedContrast() ?? (window.matchMedia(systemQuery).matches ? 'high' : 'normal');
}

function apply(contrast: Contrast, button: HTMLButtonElement | null): void {
  document.documentElement.dataset.contrast = contrast;
  button?.setAttribute('aria-pressed', String(contrast === 'high'));
}

/** Sets the theme before the first paint: call before anything is rendered. */
export function applyInitialContrast(): void {
  apply(resolveContrast(), null);
}

/**
 * Wires the high-contrast toggle. An explicit choice is kept in localStorage; without one the theme
 * follows the system's contrast and forced-colours settings, also when they change.
 */
export function setUpContrastToggle(button: HTMLButtonElement): void {
  apply(resolveContrast(), button);
  button.addEventListener('click', () => {
    const next: Contrast = button.getAttribute('aria-pressed') === 'true' ? 'normal' : 'high';
    writePreference('contrast', next);
    apply(next, button);
  });
  window.matchMedia(systemQuery).addEventListener('change', () => {
    if (!storedContrast()) apply(resolveContrast(), button);
  });
}
