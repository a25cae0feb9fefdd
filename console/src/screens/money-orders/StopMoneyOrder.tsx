import { CounterAction } from './CounterAction';

export default function StopMoneyOrder() {
  return <CounterAction kind="stop" />;
}
