export { parseCamt, type CamtOptions } from './parse.js';
