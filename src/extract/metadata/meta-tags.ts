// <meta> name/property values, read once into a map (lower-case keys, first value wins).
import type { El } from '../html/dom.js';

export type MetaMap = Map<string, string>;

export function readMeta(metas: Iterable<El>): MetaMap {
  const map: MetaMap = new Map();
  for (const m of metas) {
    const key = (
      m.getAttribute('property') ??
      m.getAttribute('name') ??
      m.getAttribute('itemprop') ??
      ''
    )
      .trim()
      .toLowerCase();
    const value = (m.getAttribute('content') ?? '').trim();
    if (key && value && !map.has(key)) map.set(key, value);
  }
  return map;
}

export function firstMeta(meta: MetaMap, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v) return v;
  }
  return null;
}
