/**
 * localStorage that never throws: storage can be disabled, full, or blocked in private windows,
 * and a preference that cannot be saved must not break the page.
 */
const prefix = 'civicverse.';

export function readPreference(name: string): string | null {
  try {
    return window.localStorage.getItem(prefix + name);
  } catch {
    return null;
  }
}

export function writePreference(name: string, value: string): void {
  try {
    window.localStorage.setItem(prefix + name, value);
  } catch {
    // Not saved: the choice still holds for this visit.
  }
}
