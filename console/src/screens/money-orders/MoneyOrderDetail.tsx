export default function MoneyOrderDetail() { return null; }
