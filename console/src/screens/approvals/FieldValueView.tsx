import { Money } from '../../ui/Money';
import type { FieldValue } from './payload-fields';

export function FieldValueView({ value }: { value: FieldValue }) {
  switch (value.kind) {
    case 'none':
      return <span className="muted">—</span>;
    case 'money':
      return <Money value={value.money} />;
    case 'text':
      return <span className="payload-text">{value.text}</span>;
  }
}
