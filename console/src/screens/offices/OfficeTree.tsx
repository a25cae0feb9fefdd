import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button as AriaButton, Tree, TreeItem, TreeItemContent, type Key } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { useClient } from 'urql';
import { OfficesTreeChildrenDocument, OfficesTreeRootDocument, type OfficeStatus, type OfficeType } from '../../gql/graphql';
import { op } from '../../api/operation';
import { problemsOf, type Problem } from '../../api/problems';
import { statusName, typeName } from './office-types';

/** An office as a row of the tree: enough to show it and to know whether it can be opened. */
export interface TreeOffice {
  code: string;
  name: string;
  type: OfficeType;
  status: OfficeStatus;
  hasChildren: boolean;
}

/** One office's children as far as they have been loaded: keyset pages, appended by "Show more". */
interface Branch {
  offices: TreeOffice[];
  endCursor: string | null;
  hasMore: boolean;
  loading: boolean;
  problems: Problem[];
}

/** Children per page: the API's default, small enough that opening a division with hundreds of offices stays quick. */
export const TREE_PAGE_SIZE = 50;

/**
 * What stays when the person opens an office and comes back: which offices were open and how many pages of each were
 * shown. Module state, so it lives as long as the page (a sign-out reloads the page and forgets it). The children
 * themselves are in urql's document cache: shown at once on return, and dropped by any mutation that answers an Office
 * (create, rename, move, close), so what changed is fetched again.
 */
const remembered = { rootCode: '', expanded: new Set<Key>(), pages: new Map<string, number>() };

type NodeFields = { code: string; name: string; type: OfficeType; status: OfficeStatus; children: { edges: unknown[] } };
const toTreeOffice = (node: NodeFields): TreeOffice => ({
  code: node.code,
  name: node.name,
  type: node.type,
  status: node.status,
  hasChildren: node.children.edges.length > 0,
});

/**
 * The office network from the top of the person's scope, opened lazily: an office's children are asked for only when
 * it is expanded, a page at a time, with "Show more" when there are more. react-aria's Tree gives the keyboard model of
 * the ARIA tree pattern (arrows to move, Right/Left to expand and collapse, Home/End, type to find) and the roles;
 * Enter (or a click) opens the office's detail.
 */
export function OfficeTree({ rootCode, label }: { rootCode: string; label: string }) {
  const client = useClient();
  const navigate = useNavigate();
  if (remembered.rootCode !== rootCode) {
    remembered.rootCode = rootCode;
    remembered.expanded = new Set([rootCode]);
    remembered.pages = new Map();
  }
  const [root, setRoot] = useState<{ office: TreeOffice | null; problems: Problem[]; loading: boolean }>({ office: null, problems: [], loading: true });
  const [branches, setBranches] = useState<Map<string, Branch>>(() => new Map());
  const [expanded, setExpanded] = useState<Set<Key>>(() => new Set(remembered.expanded));
  const mounted = useRef(true);
  const treeRef = useRef<HTMLDivElement>(null);
  /** After "Show more": the first office of the new page takes the focus (the "Show more" row itself may go away). */
  const focusAfterMore = useRef<{ parent: string; index: number } | null>(null);

  const updateBranch = useCallback((code: string, change: (branch: Branch) => Branch) => {
    if (!mounted.current) return;
    setBranches((current) => {
      const next = new Map(current);
      next.set(code, change(current.get(code) ?? { offices: [], endCursor: null, hasMore: false, loading: false, problems: [] }));
      return next;
    });
  }, []);

  /** Fetches `pages` pages of an office's children, from the start or after `after`, appending them. */
  const loadChildren = useCallback(
    async (code: string, after: string | null, pages = 1) => {
      updateBranch(code, (branch) => ({ ...branch, loading: true, problems: [] }));
      let cursor = after;
      for (let page = 0; page < pages; page++) {
        const result = await client
          .query(op(OfficesTreeChildrenDocument), { code, first: TREE_PAGE_SIZE, after: cursor }, { requestPolicy: 'cache-first' })
          .toPromise();
        const connection = result.data?.office?.children;
        if (result.error || !connection) {
          const problems = result.error
            ? problemsOf(result.error)
            : [{ message: `Office ${code} is no longer within your offices.`, code: 'OFFICE_NOT_FOUND', field: undefined, requestId: undefined }];
          updateBranch(code, (branch) => ({ ...branch, loading: false, hasMore: false, problems }));
          return;
        }
        const offices = connection.edges.map((edge) => toTreeOffice(edge.node));
        const first = cursor === null;
        updateBranch(code, (branch) => ({
          offices: first ? offices : [...branch.offices, ...offices],
          endCursor: connection.pageInfo.endCursor,
          hasMore: connection.pageInfo.hasNextPage,
          loading: page < pages - 1 && connection.pageInfo.hasNextPage,
          problems: [],
        }));
        if (!connection.pageInfo.hasNextPage || connection.pageInfo.endCursor === null) break;
        cursor = connection.pageInfo.endCursor;
      }
    },
    [client, updateBranch],
  );

  // The root, then every office that was open, with as many pages as were shown (from the cache when nothing changed).
  useEffect(() => {
    mounted.current = true;
    setRoot({ office: null, problems: [], loading: true });
    client
      .query(op(OfficesTreeRootDocument), { code: rootCode }, { requestPolicy: 'cache-first' })
      .toPromise()
      .then((result) => {
        if (!mounted.current) return;
        const office = result.data?.office ? toTreeOffice(result.data.office) : null;
        setRoot({ office, problems: problemsOf(result.error), loading: false });
      });
    for (const key of remembered.expanded) void loadChildren(String(key), null, remembered.pages.get(String(key)) ?? 1);
    return () => {
      mounted.current = false;
    };
  }, [client, rootCode, loadChildren]);

  const onExpandedChange = (keys: Set<Key>) => {
    for (const key of keys) {
      const code = String(key);
      if (!expanded.has(key) && !branches.get(code)?.offices.length) {
        remembered.pages.set(code, 1);
        void loadChildren(code, null);
      }
    }
    remembered.expanded = new Set(keys);
    setExpanded(new Set(keys));
  };

  const showMore = (code: string) => {
    const branch = branches.get(code);
    if (!branch || branch.loading || !branch.hasMore) return;
    remembered.pages.set(code, (remembered.pages.get(code) ?? 1) + 1);
    focusAfterMore.current = { parent: code, index: branch.offices.length };
    void loadChildren(code, branch.endCursor);
  };

  useEffect(() => {
    const pending = focusAfterMore.current;
    if (!pending) return;
    const branch = branches.get(pending.parent);
    if (!branch || branch.loading) return;
    focusAfterMore.current = null;
    const next = branch.offices[pending.index];
    if (!next) return;
    // react-aria builds its collection in a render of its own after this one: wait a few frames for the row.
    let frames = 0;
    const focusRow = () => {
      const row = treeRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(next.code)}"]`);
      if (row) row.focus();
      else if (++frames < 10) handle = requestAnimationFrame(focusRow);
    };
    let handle = requestAnimationFrame(focusRow);
    return () => cancelAnimationFrame(handle);
  }, [branches]);

  const open = (code: string) => void navigate(`/offices/${encodeURIComponent(code)}`);

  /**
   * What Enter (or a click) does on each row, by its key. Given to the Tree rather than to each item: with an action on
   * the item, react-aria 1.22 also toggles an expandable row on Enter, where Enter must open the office.
   */
  const actions = new Map<string, () => void>();

  const renderOffice = (office: TreeOffice): ReactNode => {
    actions.set(office.code, () => open(office.code));
    // Children are rendered whether or not the office is open (react-aria shows them only when it is): an office not
    // yet loaded gets a "Loading" row, since react-aria 1.22's Tree knows a row can expand only from the child rows in
    // its collection (the TreeItem's hasChildItems reaches the chevron, not the row's aria-expanded or arrow keys).
    const branch = branches.get(office.code);
    return (
      <TreeItem
        key={office.code}
        id={office.code}
        textValue={`${office.name} ${office.code}`}
        hasChildItems={office.hasChildren}
        className="office-tree-item"
      >
        <TreeItemContent>
          {({ hasChildItems, isExpanded, level }) => (
            <div className="office-tree-row" style={{ paddingInlineStart: `${(level - 1) * 1.25}rem` }}>
              {hasChildItems ? (
                <AriaButton slot="chevron" className="office-tree-chevron">
                  <span aria-hidden="true">{isExpanded ? '▾' : '▸'}</span>
                </AriaButton>
              ) : (
                <span className="office-tree-chevron" aria-hidden="true" />
              )}
              <span className="office-tree-name">{office.name}</span>
              <span className="mono office-tree-code">{office.code}</span>
              <span className="office-tree-type">{typeName(office.type)}</span>
              {office.status !== 'ACTIVE' ? <span className={`status status-${office.status.toLowerCase()}`}>{statusName(office.status)}</span> : null}
            </div>
          )}
        </TreeItemContent>
        {branch ? renderBranch(office, branch) : office.hasChildren ? loadingRow(office) : null}
      </TreeItem>
    );
  };

  const loadingRow = (office: TreeOffice): ReactNode => (
    <TreeItem key={`${office.code}::loading`} id={`${office.code}::loading`} textValue="Loading" isDisabled className="office-tree-item office-tree-note">
      <TreeItemContent>{({ level }) => <NoteRow level={level}>Loading offices under {office.name}…</NoteRow>}</TreeItemContent>
    </TreeItem>
  );

  const renderBranch = (office: TreeOffice, branch: Branch): ReactNode[] => {
    const rows = branch.offices.map(renderOffice);
    if (branch.loading) {
      rows.push(loadingRow(office));
    } else if (branch.problems.length > 0) {
      const problem = branch.problems[0]!;
      actions.set(`${office.code}::retry`, () => void loadChildren(office.code, branch.offices.length > 0 ? branch.endCursor : null));
      rows.push(
        <TreeItem
          key={`${office.code}::retry`}
          id={`${office.code}::retry`}
          textValue={`Could not load the offices under ${office.name}. Try again`}
          className="office-tree-item office-tree-problem"
        >
          <TreeItemContent>
            {({ level }) => (
              <NoteRow level={level}>
                Could not load the offices under {office.name}: {problem.message}
                {problem.code ? <code className="problem-code">{problem.code}</code> : null} Press Enter to try again.
              </NoteRow>
            )}
          </TreeItemContent>
        </TreeItem>,
      );
    } else if (branch.hasMore) {
      actions.set(`${office.code}::more`, () => showMore(office.code));
      rows.push(
        <TreeItem
          key={`${office.code}::more`}
          id={`${office.code}::more`}
          textValue={`Show more offices under ${office.name}`}
          className="office-tree-item office-tree-more"
        >
          <TreeItemContent>
            {({ level }) => (
              <NoteRow level={level}>
                Show more offices under {office.name} ({branch.offices.length.toLocaleString('en-IN')} shown)
              </NoteRow>
            )}
          </TreeItemContent>
        </TreeItem>,
      );
    } else if (branch.offices.length === 0) {
      rows.push(
        <TreeItem key={`${office.code}::empty`} id={`${office.code}::empty`} textValue="No offices" isDisabled className="office-tree-item office-tree-note">
          <TreeItemContent>{({ level }) => <NoteRow level={level}>No offices under {office.name} that you may see.</NoteRow>}</TreeItemContent>
        </TreeItem>,
      );
    }
    return rows;
  };

  if (root.loading) return <p role="status">Loading the office tree…</p>;
  const rows = root.office ? renderOffice(root.office) : null;
  if (!root.office) {
    return (
      <p role="alert">
        {root.problems[0]?.message ?? `Your office ${rootCode} is not within the offices you may see.`}
        {root.problems[0]?.code ? <code className="problem-code">{root.problems[0].code}</code> : null}
      </p>
    );
  }
  return (
    <Tree ref={treeRef} aria-label={label} className="office-tree" expandedKeys={expanded} onExpandedChange={onExpandedChange} onAction={(key) => actions.get(String(key))?.()}>
      {rows}
    </Tree>
  );
}

function NoteRow({ level, children }: { level: number; children: ReactNode }) {
  return (
    <div className="office-tree-row" style={{ paddingInlineStart: `${(level - 1) * 1.25}rem` }}>
      <span className="office-tree-chevron" aria-hidden="true" />
      <span>{children}</span>
    </div>
  );
}
