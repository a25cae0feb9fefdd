import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { MeDocument, type MeQuery } from '../gql/graphql';
import { problemsOf } from '../api/problems';
import { op } from '../api/operation';
import { Loading } from '../ui/Loading';
import { ProblemList } from '../ui/ProblemList';

export type Me = MeQuery['me'];

const MeContext = createContext<Me | undefined>(undefined);

/** Who is signed in, with their roles and office, for the header, the navigation and which actions to show. */
export function MeProvider({ children }: { children: ReactNode }) {
  const [{ data, error, fetching }] = useQuery({ query: op(MeDocument), requestPolicy: 'cache-first' });
  if (data?.me) return <MeContext.Provider value={data.me}>{children}</MeContext.Provider>;
  if (fetching) return <Loading what="Opening your console" />;
  return <ProblemList problems={problemsOf(error)} />;
}

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside MeProvider');
  return me;
}
