import type { RouteObject } from 'react-router';
import type { Me } from '../session/me';

/**
 * A part of the console: its navigation entries and its routes. Each subgraph's screens are one section (a file
 * under screens/<name>/section.ts that only names lazy imports, so the initial bundle stays small); a new subgraph adds
 * its section to SECTIONS and nothing else changes.
 */
export interface Section {
  id: string;
  title: string;
  /** Entries in the main navigation, each shown only to someone who may use it. */
  navigation: { to: string; label: string; visible: (me: Me) => boolean }[];
  routes: RouteObject[];
}

/** A lazily loaded screen: the module's default export is the component. */
export function screen(load: () => Promise<{ default: React.ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}
