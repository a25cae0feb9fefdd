import { CounterAction } from './CounterAction';

export default function ReturnMoneyOrder() {
  return <CounterAction kind="return" />;
}
