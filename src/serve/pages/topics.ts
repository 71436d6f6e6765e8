// Topic pages: the list of topics readers can follow, and one topic's stories.
import type { StorySummaryRow, TopicSummaryRow } from '../../store/index.js';
import type { Topic } from '../../types.js';
import { html, type SafeHtml } from '../html.js';
import { topicPath } from '../paths.js';
import { pager, storyList } from './front.js';

const KIND_LABEL: Record<Topic['kind'], string> = {
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
  theme: 'Theme',
};

export interface TopicPageInput {
  topic: Topic;
  stories: StorySummaryRow[];
  page: number;
  hasNext: boolean;
  now: Date;
}

export function topicPage(input: TopicPageInput): SafeHtml {
  const path = topicPath(input.topic.key);
  return html`<h1>${input.topic.name}</h1>
<p class="meta">${KIND_LABEL[input.topic.kind] ?? 'Topic'} · <a href="${path}/feed.atom" type="application/atom+xml">Atom feed</a></p>
${storyList(input.stories, input.page, input.now, 'No stories carry this topic.')}
${pager(path, input.page, input.hasNext)}`;
}

export interface TopicsPageInput {
  topics: TopicSummaryRow[];
  page: number;
  hasNext: boolean;
}

export function topicsPage(input: TopicsPageInput): SafeHtml {
  const items = input.topics.map(
    (t) =>
      html`<li data-kind="${t.kind}"><a href="${topicPath(t.key)}">${t.name}</a> <span class="meta">${t.storyCount} ${t.storyCount === 1 ? 'story' : 'stories'}</span></li>`,
  );
  const list =
    items.length === 0 ? html`<p>No topics yet.</p>` : html`<ul class="topics">${items}</ul>`;
  return html`<h1>Topics</h1>
${list}
${pager('/topics', input.page, input.hasNext)}`;
}
