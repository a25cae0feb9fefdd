import type { Identity } from '@postal/auth';
import type { ArticleDeps } from './deps.js';
import { clearDigitalCollections, type ClearingInput } from './clearing.js';
import { createArticleEvents } from './events.js';
import { findArticle, listCodArticles, type ArticleFilter } from './queries.js';
import { registerArticle } from './register.js';
import type { RegistrationInput } from './registration.js';
import { findCollection, timelineOf } from './repository.js';

/** The article module's commands and queries, as the resolvers call them. */
export function createArticleService(deps: ArticleDeps) {
  return {
    register: (identity: Identity, input: RegistrationInput) => registerArticle(deps, identity, input),
    ...createArticleEvents(deps),
    clearDigital: (identity: Identity, input: ClearingInput, requestId?: string) => clearDigitalCollections(deps, identity, input, requestId),
    find: (identity: Identity, articleNumber: string) => findArticle(deps, identity, articleNumber),
    list: (identity: Identity, filter: ArticleFilter | null | undefined, first: number | null | undefined, after: string | null | undefined) => listCodArticles(deps, identity, filter, first, after),
    // An article's parts, for an article the caller was already allowed to see.
    timeline: (articleId: string) => timelineOf(deps.database.db, articleId),
    collection: (articleId: string) => findCollection(deps.database.db, articleId),
  };
}

export type ArticleService = ReturnType<typeof createArticleService>;
