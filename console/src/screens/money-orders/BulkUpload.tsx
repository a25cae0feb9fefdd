export default function BulkUpload() { return null; }
