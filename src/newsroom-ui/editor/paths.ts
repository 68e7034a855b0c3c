// Where the newsroom app shows an article and a story (E1's router).
export const articlePath = (id: number) => `/newsroom/articles/${id}`;
export const storyPath = (id: number) => `/newsroom/stories/${id}`;
