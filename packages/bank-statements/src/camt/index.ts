export { parseCamt, type CamtOptions } from './parse.js';
export { checkBalances } from './validate.js';
