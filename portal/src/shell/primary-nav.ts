import { normalisePath } from '../routes';

/** Marks the link of the current page with aria-current="page". */
export function updatePrimaryNav(nav: HTMLElement, path: string): void {
  const current = normalisePath(path);
  for (const link of nav.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (normalisePath(new URL(link.href).pathname) === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
