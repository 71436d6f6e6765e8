// URLs of reader pages and API resources, in one place so pages and routes agree. Ids are
// URL-encoded: they come from the store, which derives them from page URLs.

export const storyPath = (id: string) => `/stories/${encodeURIComponent(id)}`;
export const articlePath = (id: string) => `/articles/${encodeURIComponent(id)}`;
export const apiStoryPath = (id: string) => `/api/v1/stories/${encodeURIComponent(id)}`;
export const apiArticlePath = (id: string) => `/api/v1/articles/${encodeURIComponent(id)}`;
/** Element id of a copy family's section on its story page. */
export const familyAnchor = (familyId: string) => `family-${familyId}`;
export const topicPath = (key: string) => `/topics/${encodeURIComponent(key)}`;
export const apiTopicPath = (key: string) => `/api/v1/topics/${encodeURIComponent(key)}`;
export const editsPath = (id: string) => `${articlePath(id)}/edits`;
export const apiEditsPath = (id: string) => `${apiArticlePath(id)}/edits`;
export const revisionsPath = (id: string) => `${articlePath(id)}/revisions`;
export const apiRevisionsPath = (id: string) => `${apiArticlePath(id)}/revisions`;
export const outletPath = (name: string) => `/outlets/${encodeURIComponent(name)}`;
export const apiOutletPath = (name: string) => `/api/v1/outlets/${encodeURIComponent(name)}`;
