// The subgraphs in the supergraph, with the URL each is reached at by default (see packages/config SUBGRAPH_PORTS).
// The gateway overrides the URLs from its environment; these are what the committed supergraph records.
export const SUBGRAPHS = [
  { name: 'administration', url: 'http://127.0.0.1:4001/graphql' },
  { name: 'accounts', url: 'http://127.0.0.1:4002/graphql' },
  { name: 'money-orders', url: 'http://127.0.0.1:4003/graphql' },
  { name: 'cod-settlement', url: 'http://127.0.0.1:4004/graphql' },
];
