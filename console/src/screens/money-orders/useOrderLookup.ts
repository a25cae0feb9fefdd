import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { op } from '../../api/operation';
import { problemsOf } from '../../api/problems';
import { MoCounterOrderDocument } from '../../gql/graphql';
import { normaliseReference, referenceProblem } from './reference';

/**
 * The order a counter screen acts on, looked up once a well-formed reference has been typed (its check digit right):
 * what the clerk needs to see before acting (status, amount, product, parties as the API masks them).
 */
export function useOrderLookup(typed: string) {
  const [reference, setReference] = useState<string | undefined>(undefined);
  useEffect(() => {
    const timer = setTimeout(() => setReference(referenceProblem(typed) === undefined ? normaliseReference(typed) : undefined), 200);
    return () => clearTimeout(timer);
  }, [typed]);
  const [{ data, error, fetching }, refetch] = useQuery({ query: op(MoCounterOrderDocument), variables: { reference: reference ?? '' }, pause: reference === undefined });
  const order = reference !== undefined && data?.moneyOrder?.reference === reference ? data.moneyOrder : null;
  return { reference, order, fetching, problems: reference === undefined ? [] : problemsOf(error), notFound: reference !== undefined && !fetching && !error && data !== undefined && data.moneyOrder === null, refetch };
}
