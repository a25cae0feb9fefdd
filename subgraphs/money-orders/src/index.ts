export { startMoneyOrders, type MoneyOrdersOptions } from './start.js';
