// The page shell shared by every reader page: skip link, site header, main, footer.
import { html, type HtmlValue, type SafeHtml } from './html.js';
import { APP_CSS_HASH } from './web/stylesheet.js';
import { APP_JS_HASH } from './web/app-script.js';

export interface LayoutInput {
  title: string;
  siteName: string;
  /** Optional <meta name="description">. */
  description?: string | null;
  /** Optional language of the page content (BCP 47), else "en". */
  lang?: string | null;
  body: HtmlValue;
  /** Atom feed of this page, announced for feed readers' autodiscovery. */
  feed?: { title: string; href: string } | null;
}

export function layout(input: LayoutInput): SafeHtml {
  const fullTitle =
    input.title === input.siteName ? input.title : `${input.title} · ${input.siteName}`;
  return html`<!doctype html>
<html lang="${input.lang || 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${fullTitle}</title>
${input.description ? html`<meta name="description" content="${input.description}">` : ''}
${input.feed ? html`<link rel="alternate" type="application/atom+xml" title="${input.feed.title}" href="${input.feed.href}">` : ''}
<link rel="stylesheet" href="/static/app.css?v=${APP_CSS_HASH}">
<script src="/static/app.js?v=${APP_JS_HASH}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<a class="brand" href="/">${input.siteName}</a>
<nav aria-label="Site"><a href="/">Front page</a> <a href="/topics">Topics</a> <a href="/outlets">Outlets</a> <a href="/search">Search</a> <a href="/sources">Sources</a></nav>
</header>
<main id="main" tabindex="-1">
${input.body}
</main>
<footer class="site">
<p>${input.siteName}: one entry per news event. Times are shown relative to now; hover for the exact time (UTC). Keys: j and k move between headlines, / searches.</p>
</footer>
</body>
</html>
`;
}
