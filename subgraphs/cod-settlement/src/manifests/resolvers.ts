import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { ManifestRow } from './repository.js';

const row = (parent: unknown) => parent as ManifestRow;

export const manifestResolvers: Resolvers<Context> = {
  Query: {
    codManifest: (_parent, { id }, context) => context.services.manifests.find(context.identity, id) as never,
    codManifests: (_parent, { first, after }, context) => context.services.manifests.list(context.identity, first, after) as never,
  },
  Mutation: {
    uploadCodManifest: (_parent, { input }, context) => context.services.manifests.submit(context.identity, input, context.requestId) as never,
  },
  CodManifest: {
    status: (parent) => row(parent).status as never,
    progressPercent: (parent) => Math.floor((100 * row(parent).processedRows) / row(parent).totalRows),
    errors: (parent, { first }, context) => context.services.manifests.errors(row(parent), first),
    errorReportCsv: (parent, _args, context) => context.services.manifests.report(row(parent)),
    uploadedBy: (parent) => row(parent).actorLabel,
    createdAt: (parent) => row(parent).createdAt.toISOString(),
    finishedAt: (parent) => row(parent).finishedAt?.toISOString() ?? null,
  },
};
