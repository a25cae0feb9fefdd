import type { RouteObject } from 'react-router';
import { audienceOf, type Audience } from '../session/audience';
import type { Me } from '../session/me';

/**
 * A part of the console: its navigation entries and its routes. Each subgraph's screens are one section (a file
 * under screens/<name>/section.ts that only names lazy imports, so the initial bundle stays small); a new subgraph adds
 * its section to SECTIONS and nothing else changes.
 */
export interface Section {
  id: string;
  title: string;
  /** Whose console the section belongs to: the post office's staff (the default) or a biller's own people. */
  audience?: Audience;
  /** Entries in the main navigation, each shown only to someone who may use it. */
  navigation: { to: string; label: string; visible: (me: Me) => boolean }[];
  routes: RouteObject[];
}

/** A lazily loaded screen: the module's default export is the component. */
/**
 * The navigation entries a person sees: those of their audience's sections (a biller's people see the biller's alone,
 * staff never see the biller's), each only if its permission is held.
 */
export function navigationFor(me: Me, sections: readonly Section[]): Array<Section['navigation'][number] & { section: string }> {
  const audience = audienceOf(me);
  return sections
    .filter((section) => (section.audience ?? 'staff') === audience)
    .flatMap((section) => section.navigation.filter((entry) => entry.visible(me)).map((entry) => ({ ...entry, section: section.title })));
}

export function screen(load: () => Promise<{ default: React.ComponentType }>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: (await load()).default }) };
}
