// The reader's only stylesheet, served from /static/app.css so the Content-Security-Policy can
// forbid inline styles. Light and dark themes follow the reader's system setting
// (prefers-color-scheme); sizes are in rem/ch so the reader's own font size is respected.
import { createHash } from 'node:crypto';

export const APP_CSS = `
:root {
  color-scheme: light dark;
  --bg: #fdfcf9; --fg: #1d1d1f; --muted: #5c5c66; --line: #dedbd2; --accent: #0b57d0;
  --tag-bg: #eef1f6; --mark: #fff3c4; --ins: #dff3e2; --del: #fbe1e1; --new: #9a4b00;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {
    --bg: #15161a; --fg: #e9e7e2; --muted: #a3a3ad; --line: #34353c; --accent: #8ab4f8;
    --tag-bg: #24262d; --mark: #4a4020; --ins: #1f3a26; --del: #46222a; --new: #f2b84b;
  }
}
/* The theme switch in /static/app.js sets data-theme; without it the system setting rules. */
:root[data-theme="dark"] {
  color-scheme: dark;
  --bg: #15161a; --fg: #e9e7e2; --muted: #a3a3ad; --line: #34353c; --accent: #8ab4f8;
    --tag-bg: #24262d; --mark: #4a4020; --ins: #1f3a26; --del: #46222a; --new: #f2b84b;
}
:root[data-theme="light"] { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 1.0625rem/1.6 Georgia, "Iowan Old Style", "Times New Roman", serif;
}
header.site, main, footer.site { max-width: 70ch; margin: 0 auto; padding: 0 1rem; }
header.site { display: flex; align-items: baseline; gap: 1rem; padding-top: 1rem; padding-bottom: .5rem;
  border-bottom: 1px solid var(--line); }
header.site a.brand { font: 700 1.25rem/1.2 system-ui, sans-serif; color: var(--fg); text-decoration: none; }
header.site { flex-wrap: wrap; }
header.site nav { font: .9rem system-ui, sans-serif; display: flex; flex-wrap: wrap; gap: .25rem .9rem; align-items: baseline; }
header.site nav a { padding: .35rem 0; }
button.theme { font: inherit; color: var(--fg); background: var(--tag-bg); border: 1px solid var(--line); border-radius: .3rem;
  padding: .2rem .5rem; cursor: pointer; }
button.theme:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
footer.site { margin-top: 3rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--line);
  color: var(--muted); font: .85rem system-ui, sans-serif; }
h1, h2, h3 { line-height: 1.25; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: clamp(1.5rem, 4vw, 2.1rem); margin: 1.5rem 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .25rem; }
a { color: var(--accent); text-underline-offset: .15em; }
a:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; z-index: 1; }
.meta, .pager, .tags, dl.facts { font: .875rem/1.5 system-ui, sans-serif; color: var(--muted); }
ol.stories { list-style: none; padding: 0; margin: 0; }
ol.stories > li { padding: 1rem 0; border-bottom: 1px solid var(--line); }
ol.stories h2 { margin: 0 0 .25rem; font-size: 1.2rem; }
ol.stories h2 a { color: var(--fg); text-decoration: none; }
ol.stories h2 a:hover, ol.stories h2 a:focus-visible { text-decoration: underline; }
.pager { display: flex; justify-content: space-between; margin: 1.5rem 0; }
.tags { display: flex; flex-wrap: wrap; gap: .4rem; padding: 0; list-style: none; }
.tags li { background: var(--tag-bg); border-radius: 1rem; padding: .1rem .6rem; }
section.family, section.singles { border-left: 3px solid var(--line); padding-left: 1rem; margin: 1.5rem 0; }
section.singles { border-left-style: dotted; }
details.more-tags summary { cursor: pointer; font: .875rem system-ui, sans-serif; color: var(--muted); margin: .25rem 0; }
ul.copies { padding-left: 1.2rem; }
ul.copies li { margin: .35rem 0; }
.original { background: var(--mark); border-radius: .25rem; padding: 0 .35rem; font: 600 .75rem system-ui, sans-serif;
  text-transform: uppercase; letter-spacing: .03em; color: var(--fg); }
article.body p { margin: 0 0 1rem; }
article.body img, figure img { max-width: 100%; height: auto; }
figure { margin: 1.5rem 0; }
figcaption { font: .85rem/1.4 system-ui, sans-serif; color: var(--muted); margin-top: .35rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 1rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--line); color: var(--muted); }
form.search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 1rem 0;
  font: 1rem system-ui, sans-serif; }
form.search input { flex: 1 1 14rem; font: inherit; padding: .4rem .6rem; color: var(--fg); background: var(--bg);
  border: 1px solid var(--muted); border-radius: .3rem; }
form.search button { font: inherit; padding: .4rem .9rem; border-radius: .3rem; border: 1px solid var(--accent);
  background: var(--accent); color: var(--bg); cursor: pointer; }
form.search input:focus-visible, form.search button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
ul.topics { columns: 16rem auto; padding-left: 1.2rem; }
ul.topics li { break-inside: avoid; }
ins { background: var(--ins); text-decoration: underline; text-decoration-thickness: 1px; }
del { background: var(--del); }
/* Screen readers do not always announce ins/del: say it in hidden text (CSP-safe, no markup). */
ins::before, ins::after, del::before, del::after {
  clip-path: inset(100%); clip: rect(1px, 1px, 1px, 1px); height: 1px; width: 1px;
  overflow: hidden; position: absolute; white-space: nowrap;
}
ins::before { content: " [inserted: "; } del::before { content: " [removed: "; }
ins::after, del::after { content: "] "; }
.diff-scroll { overflow-x: auto; }
table.diff { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: .95rem; }
table.diff th { text-align: left; font: 600 .85rem system-ui, sans-serif; padding: .4rem; border-bottom: 2px solid var(--line); }
table.diff td { vertical-align: top; padding: .5rem .4rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
table.diff tr.headline td { font-weight: 700; }
table.diff tr.added td:first-child, table.diff tr.cut td:last-child { background: var(--tag-bg); }
@media (max-width: 40rem) { table.diff, table.diff tbody, table.diff tr, table.diff td { display: block; width: 100%; }
  table.diff thead { display: none; } table.diff td:first-child { border-bottom: 0; color: var(--muted); }
  table.diff td::before { content: attr(data-label) ": "; font: 600 .8rem system-ui, sans-serif; }
  table.diff td:empty { display: none; } }
pre, code { font-family: ui-monospace, monospace; font-size: .9em; }
pre { overflow-x: auto; }
@media (max-width: 40rem) { body { font-size: 1rem; } dl.facts { grid-template-columns: 1fr; } }
p.lead { margin: .1rem 0 .35rem; }
mark { background: var(--mark); color: var(--fg); padding: 0 .1em; border-radius: .15em; }
ul.summary { padding-left: 1.2rem; }
ul.summary li { margin: .5rem 0; }
.sources { font: .85rem system-ui, sans-serif; color: var(--muted); }
.single { font: .75rem system-ui, sans-serif; color: var(--muted); border: 1px solid var(--line); border-radius: .25rem; padding: 0 .3rem; }
ol.timeline { list-style: none; padding-left: 0; border-left: 2px solid var(--line); }
ol.timeline li { padding: .25rem 0 .25rem .9rem; font-size: .95rem; }
ol.timeline li.gap { color: var(--muted); font-style: italic; }
ul.outlets, ul.related { padding-left: 1.2rem; }
ul.related li { margin: .5rem 0; }
.new-badge { margin-left: .4rem; font: 700 .7rem system-ui, sans-serif; text-transform: uppercase; letter-spacing: .03em;
  color: var(--new); border: 1px solid currentColor; border-radius: .25rem; padding: 0 .25rem; vertical-align: middle; }
p.since { font: .9rem system-ui, sans-serif; color: var(--new); }
.table-scroll { overflow-x: auto; }
table.sources { width: 100%; border-collapse: collapse; font: .9rem/1.4 system-ui, sans-serif; }
table.sources th, table.sources td { text-align: left; vertical-align: top; padding: .4rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.health[data-health="failing"] { color: #b3261e; font-weight: 700; }
.health[data-health="flaky"] { color: var(--new); }
@media print { header.site nav, .pager, .skip { display: none; } }
`;

/** Short content hash, used as the stylesheet's version in its URL and as its ETag. */
export const APP_CSS_HASH = createHash('sha256').update(APP_CSS).digest('hex').slice(0, 16);
