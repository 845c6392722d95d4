const { Pool } = require('pg');

const pool = new Pool();

async function findInvoice(id) {
  // expect: unused-suppression
  // backend-review-ignore sql-built-by-concatenation: the query was parameterised since
  return pool.query('SELECT * FROM invoices WHERE id = $1', [id]);
}

// expect: unused-suppression
// expect: unused-suppression
// backend-review-ignore weak-hash-for-security, hardcoded-secret: checksum only
const checksum = (text) => text.length;

module.exports = { findInvoice, checksum };
