#!/usr/bin/env node
// One-off: composes schema/*.graphql with @apollo/composition and with @theguild/federation-composition and
// compares the two supergraphs semantically: every type, field, argument, enum value, union member and interface, with
// every directive on them (join__* included) as a sorted set, directive arguments with their defaults filled in from
// the directive's definition and field sets (`key`, `requires`, `provides`) reparsed, so order and formatting do not
// count. Prints each difference as `<path>: apollo <x> / guild <y>`, exits 1 if there is any.
// Needs @apollo/composition installed (it still comes with @apollo/gateway); kept in history, not in the tree.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices as composeApollo } from '@apollo/composition';
import { composeServices as composeGuild } from '@theguild/federation-composition';
import { Kind, parse, print } from 'graphql';
import { SUBGRAPHS } from './subgraphs.mjs';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');
const common = readFileSync(join(schemaDir, 'common.graphql'), 'utf8');
const services = SUBGRAPHS.map(({ name, url }) => ({
  name,
  url,
  typeDefs: parse(`${readFileSync(join(schemaDir, `${name}.graphql`), 'utf8')}\n${common}`),
}));

const composed = { apollo: composeApollo(services), guild: composeGuild(services) };
for (const [who, result] of Object.entries(composed)) {
  if (result.errors) throw new Error(`${who}: ${result.errors.map((error) => error.message).join('\n')}`);
}

const FIELD_SETS = new Set(['key', 'requires', 'provides']);

/** A map from path to a canonical string for everything in a supergraph that a gateway could read. */
function canonical(sdl) {
  const document = parse(sdl);
  const definitions = new Map();
  for (const node of document.definitions) {
    if (node.kind === Kind.DIRECTIVE_DEFINITION) definitions.set(node.name.value, node);
  }
  const out = new Map();
  const put = (path, value) => out.set(path, value);

  const directiveArgs = (directive) => {
    const definition = definitions.get(directive.name.value);
    const args = new Map();
    for (const arg of definition?.arguments ?? []) {
      if (arg.defaultValue) args.set(arg.name.value, print(arg.defaultValue));
    }
    for (const arg of directive.arguments ?? []) {
      let value = print(arg.value);
      if (FIELD_SETS.has(arg.name.value) && arg.value.kind === Kind.STRING) {
        value = `{${print(parse(`{${arg.value.value}}`, { noLocation: true }).definitions[0].selectionSet)}}`.replace(/\s+/g, ' ');
      }
      args.set(arg.name.value, value);
    }
    return [...args].sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => `${name}: ${value}`).join(', ');
  };
  const directives = (path, node) => {
    const list = (node.directives ?? []).map((directive) => `@${directive.name.value}(${directiveArgs(directive)})`).sort();
    put(`${path} @`, list.join(' '));
  };
  const description = (path, node) => {
    if (node.description) put(`${path} """`, node.description.value);
  };
  const argumentsOf = (path, args) => {
    for (const arg of args ?? []) {
      const at = `${path}(${arg.name.value}:)`;
      put(at, `${print(arg.type)}${arg.defaultValue ? ` = ${print(arg.defaultValue)}` : ''}`);
      directives(at, arg);
      description(at, arg);
    }
  };

  for (const node of document.definitions) {
    switch (node.kind) {
      case Kind.SCHEMA_DEFINITION:
        for (const operation of node.operationTypes) put(`schema.${operation.operation}`, operation.type.name.value);
        directives('schema', node);
        break;
      case Kind.DIRECTIVE_DEFINITION:
        put(`directive @${node.name.value}`, [
          node.repeatable ? 'repeatable' : '',
          node.locations.map((location) => location.value).sort().join(' | '),
        ].join(' '));
        argumentsOf(`directive @${node.name.value}`, node.arguments);
        break;
      default: {
        const name = node.name.value;
        put(name, node.kind);
        directives(name, node);
        description(name, node);
        if (node.interfaces?.length) put(`${name} implements`, node.interfaces.map((i) => i.name.value).sort().join(' & '));
        if (node.types) put(`${name} =`, node.types.map((t) => t.name.value).sort().join(' | '));
        for (const field of node.fields ?? []) {
          const at = `${name}.${field.name.value}`;
          put(at, `${print(field.type)}${field.defaultValue ? ` = ${print(field.defaultValue)}` : ''}`);
          directives(at, field);
          description(at, field);
          argumentsOf(at, field.arguments);
        }
        for (const value of node.values ?? []) {
          const at = `${name}.${value.name.value}`;
          put(at, 'enum value');
          directives(at, value);
          description(at, value);
        }
      }
    }
  }
  return out;
}

const apollo = canonical(composed.apollo.supergraphSdl);
const guild = canonical(composed.guild.supergraphSdl);
const differences = [];
for (const path of [...new Set([...apollo.keys(), ...guild.keys()])].sort()) {
  const a = apollo.get(path);
  const g = guild.get(path);
  // An empty directive set and no entry are the same thing.
  if ((a ?? '') !== (g ?? '')) differences.push(`${path}: apollo ${a === undefined ? '(absent)' : JSON.stringify(a)} / guild ${g === undefined ? '(absent)' : JSON.stringify(g)}`);
}
console.log(`${apollo.size} entries from @apollo/composition, ${guild.size} from @theguild/federation-composition.`);
for (const line of differences) console.log(line);
console.log(differences.length === 0 ? 'The supergraphs are equivalent.' : `${differences.length} differences.`);
process.exitCode = differences.length === 0 ? 0 : 1;
