import { Kind, parse, type ConstDirectiveNode } from 'graphql';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/**
 * The subgraphs a supergraph names, read from its `join__Graph` enum (`@join__graph(name:, url:)`), with `overrides`
 * replacing URLs by subgraph name. An override naming a subgraph the supergraph does not have is refused: a typo
 * would otherwise silently leave the gateway calling the URL composed into the file.
 */
export function subgraphEndpoints(supergraphSdl: string, overrides: Record<string, string> = {}): SubgraphEndpoint[] {
  const graphEnum = parse(supergraphSdl).definitions.find(
    (definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph',
  );
  if (graphEnum?.kind !== Kind.ENUM_TYPE_DEFINITION) throw new Error('the supergraph has no join__Graph enum');
  const endpoints = (graphEnum.values ?? []).map((value) => {
    const directive = value.directives?.find((d) => d.name.value === 'join__graph');
    const name = directive && stringArgument(directive, 'name');
    const url = directive && stringArgument(directive, 'url');
    if (!name || url === undefined) throw new Error(`the supergraph's join__Graph.${value.name.value} has no name or url`);
    return { name, url: overrides[name] ?? url };
  });
  const unknown = Object.keys(overrides).filter((name) => !endpoints.some((endpoint) => endpoint.name === name));
  if (unknown.length > 0) {
    const known = endpoints.map((endpoint) => endpoint.name).join(', ');
    throw new Error(`subgraph URL given for ${unknown.join(', ')}, which the supergraph does not have (it has ${known})`);
  }
  return endpoints;
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const argument = directive.arguments?.find((a) => a.name.value === name);
  return argument?.value.kind === Kind.STRING ? argument.value.value : undefined;
}

/** A subgraph's health endpoint sits next to its GraphQL endpoint. */
export function healthUrl(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '') + '/health';
  url.search = '';
  return url.toString();
}
