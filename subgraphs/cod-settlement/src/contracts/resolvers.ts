import { money } from '@postal/money';
import { toMoneyOutput } from '@postal/scalars';
import type { BillerRow } from '../billers/repository.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { ContractRow } from './repository.js';

/** A contract row as the BillerContract type: the early-settlement terms as one object, the maximum as Money. */
export function contractView(contract: ContractRow, currency: string) {
  return {
    ...contract,
    earlySettlement: contract.earlySettlementEnabled ? { days: contract.earlySettlementDays!, feePercent: contract.earlySettlementFeePercent! } : null,
    maxArticleAmount: toMoneyOutput(money(contract.maxArticleAmount, currency)),
  };
}

export const contractResolvers: Resolvers<Context> = {
  Mutation: {
    createContractVersion: async (_parent, { billerId, input }, context) => {
      const { contract, biller } = await context.services.contracts.createVersion(context, billerId, input);
      return contractView(contract, biller.currency) as never;
    },
  },
  Biller: {
    contract: async (parent, { onDate }, context) => {
      const biller = parent as unknown as BillerRow;
      const contract = await context.billerLoaders.contractInForce.load(`${biller.id}|${context.services.contracts.dateOrToday(onDate)}`);
      return contract ? (contractView(contract, biller.currency) as never) : null;
    },
    contracts: async (parent, _args, context) => {
      const biller = parent as unknown as BillerRow;
      return (await context.services.contracts.versions(biller.id)).map((contract) => contractView(contract, biller.currency)) as never;
    },
  },
};
