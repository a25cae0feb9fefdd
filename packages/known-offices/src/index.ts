export { knownOfficesTable, type KnownOfficesTable } from './tables.js';
export { knownOfficeStore, type KnownOffice } from './store.js';
