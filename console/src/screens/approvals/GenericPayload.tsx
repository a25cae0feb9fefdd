import { beforeAfter, payloadFields, sameValue, type PayloadField } from './payload-fields';
import { FieldValueView } from './FieldValueView';

function FieldTable({ fields, caption }: { fields: PayloadField[]; caption: string }) {
  return (
    <table className="diff payload-fields">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field, index) => (
          <tr key={index}>
            <th scope="row">{field.path.join(' › ') || 'Value'}</th>
            <td>
              <FieldValueView value={field.value} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A payload of a kind the console has no dedicated view for: before → after when the payload carries both, and
 * every other field in words. Nothing is hidden: each leaf of the payload is a row.
 */
export function GenericPayload({ payload }: { payload: Record<string, unknown> }) {
  const diff = beforeAfter(payload);
  if (!diff) return <FieldTable fields={payloadFields(payload)} caption="What the request carries" />;
  return (
    <>
      <table className="diff">
        <caption className="visually-hidden">What changes, field by field</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {diff.changes.map((change, index) => {
            const same = sameValue(change.before, change.after);
            return (
              <tr key={index} className={same ? 'unchanged' : 'changed'}>
                <th scope="row">
                  {change.path.join(' › ')}
                  {same ? <span className="visually-hidden"> (unchanged)</span> : null}
                </th>
                <td className={same ? undefined : 'before'}>
                  <FieldValueView value={change.before} />
                </td>
                <td className={same ? undefined : 'after'}>
                  <FieldValueView value={change.after} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {diff.rest.length > 0 ? (
        <>
          <h3>Other fields</h3>
          <FieldTable fields={diff.rest} caption="The request's other fields" />
        </>
      ) : null}
    </>
  );
}
