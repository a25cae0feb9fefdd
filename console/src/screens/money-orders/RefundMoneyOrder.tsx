import { CounterAction } from './CounterAction';

export default function RefundMoneyOrder() {
  return <CounterAction kind="refund" />;
}
