// Keyset paging: a list page starts right after the sort key of the previous page's last row.
// Unlike OFFSET, a key stays correct while stories are added or updated between two requests
// (no row is shown twice or skipped because the rows before it moved), and the store seeks to
// it through the list's index instead of reading and discarding every earlier row.

/** Sort key of a story list (`last_updated DESC, id`): the last row of the previous page. */
export interface StoryListKey {
  lastUpdated: string;
  id: string;
}

/** Sort key of the topic list (`stories DESC, name, key`). */
export interface TopicListKey {
  storyCount: number;
  name: string;
  key: string;
}

/** Sort key of the outlet list (`articles DESC, name`; outlet names are unique). */
export interface OutletListKey {
  articleCount: number;
  name: string;
}

/** One page of a list: `limit` rows, after skipping `offset` rows or after the row `after`. */
export interface ListWindow<K> {
  limit: number;
  offset?: number;
  after?: K | null;
}
