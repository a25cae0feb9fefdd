import type { Resolvers } from '../generated/resolvers-types.js';

/** Thin: verifyLedger and each entry's chain hash, from the ledger verification service. */
export const sealingResolvers: Resolvers = {
  Query: {
    verifyLedger: (_parent, _args, { services, identity }) => services.ledger.verify(identity),
  },
  JournalEntry: {
    chainHash: (entry, _args, { services }) => services.ledger.chainHashOf(entry.id),
  },
};
