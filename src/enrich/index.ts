// Public door of the enrich stage: topics (people, organisations, places, themes).
import type { Article, Topic } from '../types.js';

export function findTopics(article: Pick<Article, 'title' | 'text' | 'language'>): Topic[] {
  void article;
  throw new Error('enrich: not implemented yet');
}
