import { escapeLike } from '@postal/db';

/**
 * Offices are addressed by their materialised path: the codes from the top of the tree down, joined by '/'
 * (`DL/DL-NDC/NDGPO`). An office is within a scope when its path is the scope's path or starts with it and a '/'.
 */
export function isWithin(path: string, scopePath: string): boolean {
  return path === scopePath || path.startsWith(`${scopePath}/`);
}

/** The LIKE pattern of everything strictly under a path, its wildcards escaped so the path is matched literally. */
export function likePrefixOf(path: string): string {
  return `${escapeLike(path)}/%`;
}
